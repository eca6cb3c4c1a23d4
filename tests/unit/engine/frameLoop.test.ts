/**
 * The frame loop's quality policy, with animation frames and timers under the test's control and
 * a renderer that only records what it was asked to do.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createFrameLoop,
  FAST_ABOVE,
  frameQuality,
  isBig,
  REST_MS,
  SHARP_AT_ONCE_EDGES,
} from '../../../src/engine/frameLoop'
import type { View } from '../../../src/model/filter'
import type { Layout } from '../../../src/sim/layout'
import type { Scene } from '../../../src/render/renderer'

describe('frameQuality', () => {
  const at = (p: Partial<Parameters<typeof frameQuality>[0]>) =>
    frameQuality({ big: true, sharpDue: true, gesture: false, moved: false, running: false, ...p })

  it('draws small scenes sharp whatever moves', () => {
    for (const moving of [{}, { sharpDue: false }, { gesture: true }, { moved: true }, { running: true }])
      expect(at({ big: false, ...moving })).toBe('full')
  })

  it('draws big scenes fast until the rest timer has fired and nothing moves', () => {
    expect(at({})).toBe('full')
    expect(at({ sharpDue: false })).toBe('fast')
    expect(at({ gesture: true })).toBe('fast')
    expect(at({ moved: true })).toBe('fast')
    expect(at({ running: true })).toBe('fast')
  })

  it('counts shown actors and relations together against the threshold', () => {
    const view = (actors: number, relations: number) =>
      ({
        shownActors: new Uint32Array(actors),
        shownRelations: new Uint32Array(relations),
      }) as unknown as View
    expect(isBig(view(FAST_ABOVE, 0))).toBe(false)
    expect(isBig(view(1000, FAST_ABOVE - 1000))).toBe(false)
    expect(isBig(view(1000, FAST_ABOVE - 999))).toBe(true)
  })
})

describe('createFrameLoop', () => {
  let frames: (() => void)[]
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    frames = []
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
    vi.stubGlobal('cancelAnimationFrame', () => undefined)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })
  /** Runs the animation frames scheduled so far (those they schedule wait for the next call). */
  const tick = () => {
    const due = frames
    frames = []
    for (const f of due) f()
    return due.length
  }

  function setup(opts: { big: boolean; moving?: boolean; toDraw?: number; animating?: () => boolean }) {
    const calls: string[] = []
    let moving = opts.moving ?? false
    const n = opts.big ? FAST_ABOVE + 1 : 10
    const view = { shownActors: new Uint32Array(n), shownRelations: new Uint32Array(0) } as unknown as View
    const layout = {
      step: () => moving,
      ready: () => true,
      status: () => ({ running: moving, alpha: moving ? 0.5 : 0, ticks: 1 }),
    } as unknown as Layout
    let slices = 0
    const loop = createFrameLoop({
      renderer: {
        draw: (s: Scene) => void calls.push(`draw ${s.quality}`),
        drawCached: () => {
          calls.push('cached')
          return true
        },
        beginSliced: (s: Scene) => {
          calls.push(`sliced ${s.quality}`)
          slices = 0
          return { step: () => ++slices === 2 }
        },
        snapshot: () => void calls.push('snapshot'),
        dropSnapshot: () => void calls.push('drop'),
        ...(opts.toDraw === undefined
          ? {}
          : {
              edgesToDraw: (s: Scene) => {
                calls.push(`probe ${s.quality}`)
                return opts.toDraw!
              },
            }),
      },
      current: () => ({ layout, view }),
      scene: (quality) => ({ quality }) as Scene,
      transform: () => ({ k: 1, x: 0, y: 0 }),
      dragging: () => false,
      onMoved: () => calls.push('moved'),
      beforeDraw: () => undefined,
      animating: opts.animating,
    })
    return { loop, calls, stop: () => (moving = false) }
  }

  it('a small scene is drawn sharp once, kept as a bitmap, and then no frame is scheduled', () => {
    const { loop, calls } = setup({ big: false })
    loop.invalidate()
    expect(tick()).toBe(1)
    expect(calls).toEqual(['draw full', 'snapshot'])
    expect(frames.length).toBe(0)
    vi.advanceTimersByTime(REST_MS * 4)
    expect(frames.length).toBe(0)
  })

  it('a big scene is drawn fast, then sharp in slices once at rest', () => {
    const { loop, calls } = setup({ big: true })
    loop.invalidate()
    tick()
    expect(calls).toEqual(['draw fast', 'snapshot'])
    expect(frames.length).toBe(0)
    vi.advanceTimersByTime(REST_MS)
    tick() // the rest timer asked for the sharp frame: it starts in slices
    tick() // first slice: not complete
    tick() // second slice: complete, kept as the bitmap
    expect(calls).toEqual(['draw fast', 'snapshot', 'sliced full', 'snapshot'])
    expect(frames.length).toBe(0)
  })

  it('a big scene at rest whose sharp frame is mostly composited is drawn sharp at once', () => {
    const cheap = setup({ big: true, toDraw: SHARP_AT_ONCE_EDGES })
    cheap.loop.invalidate()
    tick()
    expect(cheap.calls).toEqual(['probe full', 'draw full', 'snapshot'])
    vi.advanceTimersByTime(REST_MS * 2)
    expect(frames.length).toBe(0) // no rough frame on screen, so no sharp frame to follow
    frames = []
    const dear = setup({ big: true, toDraw: SHARP_AT_ONCE_EDGES + 1 })
    dear.loop.invalidate()
    tick()
    expect(dear.calls).toEqual(['probe full', 'draw fast', 'snapshot'])
  })

  it('redraws every frame while something is animated, once more after, without probing', () => {
    let left = 3
    const { loop, calls } = setup({ big: true, toDraw: 0, animating: () => left-- > 0 })
    loop.invalidate()
    for (let i = 0; i < 6; i++) tick()
    // three animated frames (fast, no probe), then the frame after the animation (probed: sharp)
    expect(calls.filter((c) => c.startsWith('draw'))).toEqual([
      'draw fast',
      'draw fast',
      'draw fast',
      'draw full',
    ])
    expect(calls.filter((c) => c.startsWith('probe'))).toEqual(['probe full'])
    expect(frames.length).toBe(0)
  })

  it('while the view moves, the bitmap is reused; a real redraw follows at rest', () => {
    const { loop, calls } = setup({ big: false })
    loop.invalidate()
    tick()
    calls.length = 0
    loop.viewChanged()
    tick()
    expect(calls).toEqual(['cached'])
    vi.advanceTimersByTime(REST_MS)
    tick()
    expect(calls).toEqual(['cached', 'draw full', 'snapshot'])
  })

  it('keeps scheduling while the layout moves, drops the bitmap, and stops when it settles', () => {
    const { loop, calls, stop } = setup({ big: false, moving: true })
    loop.invalidate()
    tick()
    tick()
    expect(calls).toEqual(['moved', 'draw full', 'drop', 'moved', 'draw full', 'drop'])
    expect(frames.length).toBe(1)
    stop()
    tick()
    expect(frames.length).toBe(0)
  })

  it('destroy cancels what is pending and schedules nothing more', () => {
    const { loop, calls } = setup({ big: true })
    loop.destroy()
    loop.invalidate()
    expect(frames.length).toBe(0)
    expect(calls).toEqual([])
  })
})
