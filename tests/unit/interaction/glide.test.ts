import { afterEach, describe, expect, it, vi } from 'vitest'
import { glide, GLIDE_MS } from '../../../src/interaction/glide'
import type { Transform } from '../../../src/shared/types'

describe('glide', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('jumps at once under reduced motion', () => {
    const seen: Transform[] = []
    glide({ k: 1, x: 0, y: 0 }, { k: 2, x: 10, y: 20 }, (t) => seen.push(t), {
      reduced: true,
      centre: [50, 50],
    })
    expect(seen).toEqual([{ k: 2, x: 10, y: 20 }])
  })

  it('moves through frames to exactly the target, the scale between the two, and can be cancelled', () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    vi.stubGlobal('cancelAnimationFrame', () => frames.splice(0))
    const seen: Transform[] = []
    const to = { k: 4, x: -100, y: -60 }
    glide({ k: 1, x: 0, y: 0 }, to, (t) => seen.push(t), { centre: [100, 100] })
    for (const now of [0, GLIDE_MS / 2, GLIDE_MS]) frames.shift()!(now)
    expect(seen).toHaveLength(3)
    expect(seen[0]).toEqual({ k: 1, x: 0, y: 0 })
    // Half way in time, half way on the eased curve: the geometric mean of the scales.
    expect(seen[1]!.k).toBeCloseTo(2, 9)
    expect(seen[2]).toEqual(to)
    expect(frames).toHaveLength(0)

    const cancel = glide({ k: 1, x: 0, y: 0 }, to, (t) => seen.push(t), { centre: [100, 100] })
    cancel()
    expect(frames).toHaveLength(0)
  })
})
