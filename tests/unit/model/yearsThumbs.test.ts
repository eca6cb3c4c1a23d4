import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { moveFrom, moveTo, shiftWindow } from '../../../src/model/years'

const extent = [1991, 2023] as const

describe('moveFrom / moveTo: each thumb bounded by the other', () => {
  it('stops at the other thumb and at the extent', () => {
    expect(moveFrom([2000, 2005], 2010, extent)).toEqual([2005, 2005])
    expect(moveFrom([2000, 2005], 1900, extent)).toEqual([1991, 2005])
    expect(moveTo([2000, 2005], 1995, extent)).toEqual([2000, 2000])
    expect(moveTo([2000, 2005], 2100, extent)).toEqual([2000, 2023])
    expect(moveFrom([2000, 2005], 2002.6, extent)).toEqual([2003, 2005])
  })

  it('never moves the other thumb and keeps from ≤ to', () => {
    const win = fc
      .tuple(fc.integer({ min: 1991, max: 2023 }), fc.integer({ min: 1991, max: 2023 }))
      .map(([a, b]) => (a <= b ? ([a, b] as const) : ([b, a] as const)))
    fc.assert(
      fc.property(win, fc.integer({ min: 1900, max: 2100 }), (w, y) => {
        const f = moveFrom(w, y, extent)
        expect(f[1]).toBe(w[1])
        expect(f[0]).toBeGreaterThanOrEqual(extent[0])
        expect(f[0]).toBeLessThanOrEqual(w[1])
        const t = moveTo(w, y, extent)
        expect(t[0]).toBe(w[0])
        expect(t[1]).toBeLessThanOrEqual(extent[1])
        expect(t[1]).toBeGreaterThanOrEqual(w[0])
      }),
    )
  })
})

describe('shiftWindow', () => {
  it('moves the window keeping its width, stopping at either end', () => {
    expect(shiftWindow([2000, 2004], 3, extent)).toEqual([2003, 2007])
    expect(shiftWindow([2000, 2004], 30, extent)).toEqual([2019, 2023])
    expect(shiftWindow([2000, 2004], -30, extent)).toEqual([1991, 1995])
    expect(shiftWindow([2010, 2010], 1.6, extent)).toEqual([2012, 2012])
  })
})
