import { describe, expect, it } from 'vitest'
import { controlPoint, curveMiddle, fitTransform, labelHalfWidth } from '../../../src/render/geometry'

describe('fitTransform', () => {
  const positions = Float32Array.from([-100, 0, 100, 0, 0, 50, 0, -50])
  const radius = Float32Array.from([5, 5, 5, 5])
  const actors = Uint32Array.from([0, 1, 2, 3])

  it('fits every node and its centred label inside the padded viewport', () => {
    const hw = [80, 80, 10, 10]
    const t = fitTransform(actors, positions, radius, (a) => hw[a]!, 600, 400, { pad: 20, below: 16 })!
    expect(t).not.toBeNull()
    for (const a of actors) {
      const sx = positions[2 * a]! * t.k + t.x
      const sy = positions[2 * a + 1]! * t.k + t.y
      expect(sx - hw[a]!).toBeGreaterThanOrEqual(20 - 0.5)
      expect(sx + hw[a]!).toBeLessThanOrEqual(600 - 20 + 0.5)
      expect(sy - radius[a]! * t.k).toBeGreaterThanOrEqual(20 - 0.5)
      expect(sy + radius[a]! * t.k).toBeLessThanOrEqual(400 - 20 - 16 + 0.5)
    }
    // Long labels at both ends cost scale: the nodes alone would fit at (600-40)/210.
    expect(t.k).toBeLessThan((600 - 40) / 210)
    // …but not more than needed: the labels touch the padding on both sides.
    expect(positions[0]! * t.k + t.x - hw[0]!).toBeCloseTo(20, 0)
  })

  it('caps the scale and ignores actors not yet placed', () => {
    const p = Float32Array.from([0, 0, NaN, NaN])
    const t = fitTransform([0, 1], p, Float32Array.from([4, 4]), () => 10, 800, 600, { maxK: 2 })!
    expect(t.k).toBe(2)
    expect(t.x).toBeCloseTo(400)
  })

  it('returns null when there is nothing to fit', () => {
    expect(fitTransform([], positions, radius, () => 0, 800, 600)).toBeNull()
    expect(fitTransform(actors, positions, radius, () => 0, 0, 600)).toBeNull()
  })

  it('estimates label widths from their length', () => {
    expect(labelHalfWidth('Iran')).toBeLessThan(labelHalfWidth('Popular Mobilization Forces'))
  })
})

describe('curveMiddle', () => {
  it('is the midpoint of a straight relation (lane 0)', () => {
    const out = new Float64Array(2)
    curveMiddle(0, 0, 100, 40, 0, false, out)
    expect([...out]).toEqual([50, 20])
  })

  it('is the quadratic at t = 1/2 for a curved lane: a quarter of each end and half the control point', () => {
    const cp = new Float64Array(2)
    controlPoint(0, 0, 100, 0, 1, false, cp)
    expect(cp[1]).not.toBe(0) // a lane bends the curve off the straight line
    const out = new Float64Array(2)
    curveMiddle(0, 0, 100, 0, 1, false, out)
    expect(out[0]).toBeCloseTo(50, 9)
    expect(out[1]).toBeCloseTo(cp[1]! / 2, 9)
  })
})
