import { describe, expect, it } from 'vitest'
import { createForceLayout } from '../../../src/sim/forceLayout'

const links = (pairs: [number, number][]) => ({
  src: Uint32Array.from(pairs, (p) => p[0]),
  tgt: Uint32Array.from(pairs, (p) => p[1]),
})

describe('setActive without a reheat (a year comparison)', () => {
  it('keeps every settled actor in place and puts a newcomer beside its neighbour', () => {
    const layout = createForceLayout(4, 3)
    const radius = new Float32Array(4).fill(6)
    layout.setActive(
      Uint32Array.of(0, 1, 2),
      links([
        [0, 1],
        [1, 2],
      ]),
      radius,
    )
    layout.warmUp(2000)
    while (layout.step(50));
    expect(layout.step(50)).toBe(false) // settled
    const before = Array.from(layout.positions.slice(0, 6))
    // Actor 3 (never shown) comes in with a tie to actor 0; nobody is pushed around.
    layout.setActive(
      Uint32Array.of(0, 1, 2, 3),
      links([
        [0, 1],
        [1, 2],
        [0, 3],
      ]),
      radius,
      false,
    )
    expect(layout.step(50)).toBe(false)
    expect(Array.from(layout.positions.slice(0, 6))).toEqual(before)
    const [x0, y0, x3, y3] = [before[0]!, before[1]!, layout.positions[6]!, layout.positions[7]!]
    expect(Number.isFinite(x3) && Number.isFinite(y3)).toBe(true)
    expect(Math.hypot(x3 - x0, y3 - y0)).toBeGreaterThan(1)
    // The default still reheats gently.
    layout.setActive(
      Uint32Array.of(0, 1, 2),
      links([
        [0, 1],
        [1, 2],
      ]),
      radius,
    )
    expect(layout.step(50)).toBe(true)
  })
})
