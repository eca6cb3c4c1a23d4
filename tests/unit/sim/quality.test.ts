import { describe, expect, it } from 'vitest'
import { lcg } from '../../../src/sim/forceLayout'
import { layoutQuality, median } from '../../../src/sim/multilevel/quality'

describe('layoutQuality', () => {
  it('is the median relation length over the median pair distance (worked by hand)', () => {
    // Four actors on a line at x = 0, 1, 2, 3; relations 0–1 and 2–3 (lengths 1 and 1).
    // All six pairs: 1, 2, 3, 1, 2, 1 → sorted 1, 1, 1, 2, 2, 3 → median 1.5. Quality 1 / 1.5.
    const xy = [0, 0, 1, 0, 2, 0, 3, 0]
    expect(layoutQuality(xy, [0, 2], [1, 3])).toBeCloseTo(2 / 3, 12)
    // Relation 0–3 (length 3) added: lengths 1, 1, 3 → median 1; unchanged.
    expect(layoutQuality(xy, [0, 2, 0], [1, 3, 3])).toBeCloseTo(2 / 3, 12)
    // Only 0–3: 3 / 1.5 = 2.
    expect(layoutQuality(xy, [0], [3])).toBe(2)
  })

  it('does not depend on scale or translation (world or screen units)', () => {
    const xy = [0, 0, 1, 0, 2, 0, 3, 0, 1, 5]
    const moved = xy.map((v, i) => (i % 2 === 0 ? v * 3 + 40 : v * 3 - 7))
    expect(layoutQuality(moved, [0, 1, 4], [1, 2, 2])).toBeCloseTo(
      layoutQuality(xy, [0, 1, 4], [1, 2, 2]),
      12,
    )
  })

  it('leaves out actors not shown (NaN) and relations touching them', () => {
    const xy = [0, 0, 1, 0, 2, 0, 3, 0, NaN, NaN]
    expect(layoutQuality(xy, [0, 2, 4], [1, 3, 0])).toBeCloseTo(2 / 3, 12)
    expect(layoutQuality(xy, [4], [0])).toBeNaN()
  })

  it('samples random pairs, seeded, on larger layouts; a laid-out ring beats a shuffled one', () => {
    const n = 2000
    const ring: number[] = []
    for (let i = 0; i < n; i++) ring.push(Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n))
    const src = Array.from({ length: n }, (_, i) => i)
    const tgt = src.map((i) => (i + 1) % n)
    const q = layoutQuality(ring, src, tgt, { pairs: 5000, seed: 3 })
    expect(layoutQuality(ring, src, tgt, { pairs: 5000, seed: 3 })).toBe(q)
    // Neighbours on a ring of 2000: chord 2·sin(π/2000) ≈ 0.00314; median pair distance ≈ √2.
    expect(q / ((2 * Math.sin(Math.PI / n)) / Math.SQRT2)).toBeCloseTo(1, 1)
    const random = lcg(5)
    const shuffled = ring.map(() => random())
    expect(layoutQuality(shuffled, src, tgt)).toBeGreaterThan(0.7)
  })
})

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})
