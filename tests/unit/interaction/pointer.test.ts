/** Pointer input: DOM events on an element become picks in element coordinates and callbacks. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPointerInput, type PointerHandlers } from '../../../src/interaction/pointer'

const RECT = { left: 40, top: 30, width: 200, height: 100 }
/** Actor 7 covers element x in [10, 20); relation 3 is at y >= 80 elsewhere. */
const actorAt = (x: number) => (x >= 10 && x < 20 ? 7 : -1)
const relationAt = (_x: number, y: number) => (y >= 80 ? 3 : -1)

let el: HTMLElement
let frames: (() => void)[]
let log: string[]
let state: { ready: boolean; dragging: boolean }
let input: { destroy(): void }

beforeEach(() => {
  el = document.createElement('div')
  el.getBoundingClientRect = () => ({ ...RECT, x: RECT.left, y: RECT.top }) as DOMRect
  document.body.append(el)
  frames = []
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
  log = []
  state = { ready: true, dragging: false }
  const h: PointerHandlers = {
    ready: () => state.ready,
    dragging: () => state.dragging,
    actorAt: (x, y) => (log.push(`actorAt ${x},${y}`), actorAt(x)),
    relationAt: (x, y) => (log.push(`relationAt ${x},${y}`), relationAt(x, y)),
    onClick: (a, r) => void log.push(`click ${a} ${r}`),
    onDoubleClick: (a, x, y) => void log.push(a >= 0 ? `dblclick ${a}` : `dblclick background ${x},${y}`),
    onHover: (a, r) => void log.push(`hover ${a} ${r}`),
    onGesture: () => void log.push('gesture'),
    onLongPress: (a, r, x, y) => void log.push(`long press ${a} ${r} at ${x},${y}`),
  }
  input = createPointerInput(el, h)
})
afterEach(() => {
  input.destroy()
  el.remove()
  vi.unstubAllGlobals()
})

const at = (x: number, y: number) => ({ bubbles: true, clientX: RECT.left + x, clientY: RECT.top + y })
const move = (x: number, y: number, more: PointerEventInit = {}) =>
  el.dispatchEvent(new PointerEvent('pointermove', { ...at(x, y), pointerType: 'mouse', ...more }))
const runFrames = () => {
  const due = frames
  frames = []
  for (const f of due) f()
}

describe('createPointerInput', () => {
  it('a click on an actor picks it in element coordinates and never asks for a relation', () => {
    el.dispatchEvent(new MouseEvent('click', at(15, 50)))
    expect(log).toEqual(['actorAt 15,50', 'click 7 -1'])
  })

  it('a click off the actors asks for a relation, and reports neither when there is none', () => {
    el.dispatchEvent(new MouseEvent('click', at(100, 90)))
    el.dispatchEvent(new MouseEvent('click', at(100, 10)))
    expect(log).toEqual([
      'actorAt 100,90',
      'relationAt 100,90',
      'click -1 3',
      'actorAt 100,10',
      'relationAt 100,10',
      'click -1 -1',
    ])
  })

  it('a double-click reports the actor, or the point on the background (a new actor goes there)', () => {
    el.dispatchEvent(new MouseEvent('dblclick', at(12, 5)))
    el.dispatchEvent(new MouseEvent('dblclick', at(120, 95)))
    expect(log).toEqual(['actorAt 12,5', 'dblclick 7', 'actorAt 120,95', 'dblclick background 120,95'])
  })

  it('does nothing before there is something to pick', () => {
    state.ready = false
    el.dispatchEvent(new MouseEvent('click', at(15, 50)))
    el.dispatchEvent(new MouseEvent('dblclick', at(15, 50)))
    move(15, 50)
    runFrames()
    expect(log).toEqual([])
  })

  it('hover is tested once per frame, at the last position, and sets the cursor', () => {
    move(100, 50)
    move(101, 50)
    move(15, 50)
    expect(log).toEqual([])
    expect(frames.length).toBe(1)
    runFrames()
    expect(log).toEqual(['actorAt 15,50', 'hover 7 -1'])
    expect(el.style.cursor).toBe('pointer')
    move(150, 50)
    runFrames()
    expect(log.slice(2)).toEqual(['actorAt 150,50', 'relationAt 150,50', 'hover -1 -1'])
    expect(el.style.cursor).toBe('')
  })

  it('off the actors, hover reports the relation under the pointer (for its tooltip)', () => {
    move(150, 90)
    runFrames()
    expect(log).toEqual(['actorAt 150,90', 'relationAt 150,90', 'hover -1 3'])
  })

  it('a button going down and the wheel are gestures (a tooltip goes)', () => {
    el.dispatchEvent(new PointerEvent('pointerdown', { ...at(15, 50), pointerType: 'mouse' }))
    el.dispatchEvent(new WheelEvent('wheel', at(15, 50)))
    expect(log).toEqual(['gesture', 'gesture'])
  })

  it('on touch, a press held still is a long press; the tap that ends it selects nothing', () => {
    vi.useFakeTimers()
    try {
      const down = (x: number, y: number, type = 'touch') =>
        el.dispatchEvent(new PointerEvent('pointerdown', { ...at(x, y), pointerType: type, isPrimary: true }))
      // What is under the finger is picked when it comes down (the layout may move it after).
      down(15, 50)
      vi.advanceTimersByTime(499)
      expect(log).toEqual(['gesture', 'actorAt 15,50'])
      vi.advanceTimersByTime(1)
      expect(log).toEqual(['gesture', 'actorAt 15,50', 'long press 7 -1 at 15,50'])
      el.dispatchEvent(new PointerEvent('pointerup', { ...at(15, 50), pointerType: 'touch' }))
      el.dispatchEvent(new MouseEvent('click', at(15, 50)))
      expect(log).toHaveLength(3)
      // A touch that moves (a pan) or lifts early is no long press; nor is a held mouse button.
      log = []
      down(100, 90)
      el.dispatchEvent(new PointerEvent('pointermove', { ...at(120, 90), pointerType: 'touch', buttons: 1 }))
      vi.advanceTimersByTime(600)
      down(100, 90)
      el.dispatchEvent(new PointerEvent('pointerup', { ...at(100, 90), pointerType: 'touch' }))
      vi.advanceTimersByTime(600)
      down(100, 90, 'mouse')
      vi.advanceTimersByTime(600)
      expect(log.filter((l) => l.startsWith('long press'))).toEqual([])
      // Off the actors, a long press names the relation there.
      log = []
      down(100, 90)
      vi.advanceTimersByTime(500)
      expect(log).toEqual(['gesture', 'actorAt 100,90', 'relationAt 100,90', 'long press -1 3 at 100,90'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('no hover with a button down, on touch, or while dragging; leaving clears it', () => {
    move(15, 50, { buttons: 1 })
    move(15, 50, { pointerType: 'touch' })
    state.dragging = true
    move(15, 50)
    expect(frames.length).toBe(0)
    state.dragging = false
    move(15, 50)
    el.dispatchEvent(new PointerEvent('pointerleave'))
    runFrames() // the pending test was dropped by leaving
    expect(log).toEqual(['hover -1 -1'])
  })

  it('destroy removes every listener', () => {
    input.destroy()
    el.dispatchEvent(new MouseEvent('click', at(15, 50)))
    el.dispatchEvent(new MouseEvent('dblclick', at(15, 50)))
    el.dispatchEvent(new PointerEvent('pointerleave'))
    el.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', isPrimary: true }))
    el.dispatchEvent(new WheelEvent('wheel'))
    move(15, 50)
    expect(frames.length).toBe(0)
    expect(log).toEqual([])
  })
})
