import { describe, expect, it } from 'vitest'
import { byDegree } from '../../../src/engine/sceneData'
import { lcg } from '../../../src/sim/forceLayout'

describe('byDegree (label order)', () => {
  it('orders actors by degree, highest first, ties by index, like the comparator sort', () => {
    const rnd = lcg(3)
    const degree = Uint32Array.from({ length: 500 }, () => Math.floor(rnd() * rnd() * 40))
    const actors = Uint32Array.from({ length: 500 }, (_, i) => i).filter(() => rnd() < 0.7)
    const want = Uint32Array.from(actors).sort((a, b) => degree[b]! - degree[a]! || a - b)
    expect(Array.from(byDegree(actors, degree))).toEqual(Array.from(want))
    expect(byDegree(new Uint32Array(0), degree).length).toBe(0)
  })
})
