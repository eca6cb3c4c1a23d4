/**
 * The seeded first frame: before a worker's warm-up answers, the layout can show the disc the
 * simulation starts from. The oracle is d3-force itself: a simulation given the same nodes in the
 * same order places them, and the seed must put each actor at exactly that place.
 */
import { forceSimulation, type SimulationNodeDatum } from 'd3-force'
import { describe, expect, it } from 'vitest'
import { createWorkerLayout, seedPositions, type WorkerLike } from '../../../src/sim/workerLayout'

/** A worker that never answers (the warm-up is still running). */
function silentWorker(): WorkerLike {
  return { onmessage: null, onerror: null, postMessage() {}, terminate() {} }
}

describe('seedPositions', () => {
  it("puts the active actors where d3-force's simulation starts them", () => {
    const actors = Uint32Array.from([7, 2, 9, 0, 4, 11])
    const into = new Float32Array(24).fill(NaN)
    seedPositions(actors, into)
    const nodes: SimulationNodeDatum[] = Array.from(actors, () => ({}))
    forceSimulation(nodes).stop()
    actors.forEach((a, i) => {
      expect(into[2 * a]).toBeCloseTo(nodes[i]!.x!, 4)
      expect(into[2 * a + 1]).toBeCloseTo(nodes[i]!.y!, 4)
    })
    // Actors not in the list keep having no position.
    for (const a of [1, 3, 5, 6, 8, 10]) expect(Number.isNaN(into[2 * a]!)).toBe(true)
  })

  it('keeps a position an actor already has', () => {
    const into = new Float32Array(4).fill(NaN)
    into[2] = 40
    into[3] = -3
    seedPositions(Uint32Array.from([0, 1]), into)
    expect([into[2], into[3]]).toEqual([40, -3])
    // Actor 0 is the first node of the list: radius 10·√0.5 at angle 0.
    expect(into[0]).toBeCloseTo(10 * Math.sqrt(0.5), 5)
    expect(into[1]).toBeCloseTo(0, 5)
  })
})

describe('workerLayout.seed', () => {
  it('makes the layout ready at once with the seeded positions, pins kept', () => {
    const layout = createWorkerLayout(4, 1, silentWorker)
    expect(layout.seed?.()).toBe(false) // nothing active yet
    layout.setActive(
      Uint32Array.from([0, 1, 2]),
      { src: Uint32Array.from([0]), tgt: Uint32Array.from([1]) },
      new Float32Array(4).fill(5),
    )
    layout.warmUp(250)
    layout.pin(2, 100, 200)
    expect(layout.ready()).toBe(false)
    expect(layout.seed?.()).toBe(true)
    expect(layout.ready()).toBe(true)
    expect(layout.positions[0]).toBeCloseTo(10 * Math.sqrt(0.5), 5)
    expect([layout.positions[4], layout.positions[5]]).toEqual([100, 200])
    expect(Number.isNaN(layout.positions[6]!)).toBe(true) // actor 3 is not active
    layout.reset()
    expect(layout.ready()).toBe(false)
    layout.destroy()
  })
})
