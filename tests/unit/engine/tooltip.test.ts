/** Tooltip placement: beside the pointed object, never over it, always inside the canvas. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTooltip, placeTooltip, type Box } from '../../../src/engine/tooltip'

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('placeTooltip', () => {
  const bounds = { w: 800, h: 600 }
  it('goes right of the object, centred on it, when there is room', () => {
    expect(placeTooltip({ x: 100, y: 100, w: 20, h: 20 }, { w: 200, h: 30 }, bounds)).toEqual({
      x: 128,
      y: 95,
    })
  })
  it('goes below, above or left near the edges, slid to stay inside', () => {
    // At the right edge: below, slid left so its right side is at the canvas's.
    expect(placeTooltip({ x: 700, y: 100, w: 20, h: 20 }, { w: 200, h: 30 }, bounds)).toEqual({
      x: 600,
      y: 128,
    })
    // At the bottom right corner: above.
    expect(placeTooltip({ x: 700, y: 570, w: 20, h: 20 }, { w: 200, h: 30 }, bounds)).toEqual({
      x: 600,
      y: 532,
    })
  })
  it('never covers the object and stays inside the canvas, wherever the object is', () => {
    fc.assert(
      fc.property(
        fc.record({ x: fc.integer({ min: 0, max: 780 }), y: fc.integer({ min: 0, max: 580 }) }),
        fc.integer({ min: 4, max: 60 }),
        fc.record({ w: fc.integer({ min: 40, max: 330 }), h: fc.integer({ min: 16, max: 60 }) }),
        (p, d, size) => {
          const target = { x: p.x, y: p.y, w: d, h: d }
          const at = placeTooltip(target, size, bounds)
          expect(at.x).toBeGreaterThanOrEqual(0)
          expect(at.y).toBeGreaterThanOrEqual(0)
          expect(at.x + size.w).toBeLessThanOrEqual(bounds.w)
          expect(at.y + size.h).toBeLessThanOrEqual(bounds.h)
          // A tooltip at most 330 × 60 fits on some side of any object of at most 60 px in 800 × 600.
          expect(overlaps({ ...at, ...size }, target)).toBe(false)
        },
      ),
    )
  })
})

describe('createTooltip', () => {
  it('one role="tooltip" element beside the canvas, its text set as text; hide and destroy', () => {
    const wrap = document.createElement('div')
    const canvas = document.createElement('canvas')
    wrap.append(canvas)
    document.body.append(wrap)
    const t = createTooltip(canvas)
    t.show('<img src=x onerror=alert(1)> · State · 2 shown ties', { x: 10, y: 10, w: 10, h: 10 })
    const el = wrap.querySelector('[role="tooltip"]')!
    expect(el.id).toBe(t.id)
    expect(el.textContent).toBe('<img src=x onerror=alert(1)> · State · 2 shown ties')
    expect(el.querySelector('img')).toBeNull()
    expect(t.visible()).toBe(true)
    t.hide()
    expect((el as HTMLElement).hidden).toBe(true)
    t.destroy()
    t.destroy()
    expect(wrap.querySelector('[role="tooltip"]')).toBeNull()
    wrap.remove()
  })
})
