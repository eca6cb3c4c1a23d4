import { forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force'
import { describe, expect, it } from 'vitest'
import { lcg } from '../../../src/sim/forceLayout'
import { forceManyBodyFast } from '../../../src/sim/manyBody'

type N = SimulationNodeDatum

function points(n: number, seed: number, coincident = 0): N[] {
  const rnd = lcg(seed)
  const out: N[] = Array.from({ length: n }, () => ({ x: (rnd() - 0.5) * 800, y: (rnd() - 0.5) * 600 }))
  for (let i = 0; i < coincident; i++) out.push({ x: out[0]!.x, y: out[0]!.y })
  return out
}

function velocities(nodes: N[], apply: (nodes: N[]) => void): number[] {
  const copy: N[] = nodes.map((d) => ({ x: d.x, y: d.y }))
  forceSimulation(copy).stop() // d3 initialises vx, vy
  apply(copy)
  return copy.flatMap((d) => [d.vx!, d.vy!])
}

describe('forceManyBodyFast', () => {
  it('matches d3 exactly when nothing is approximated (theta 0)', () => {
    const nodes = points(300, 3)
    const d3 = velocities(nodes, (ns) => {
      const f = forceManyBody<N>().strength(-240).theta(0)
      f.initialize!(ns, Math.random)
      f(0.7)
    })
    const fast = velocities(nodes, (ns) => {
      const f = forceManyBodyFast<N>(-240, 0)
      f.initialize(ns, Math.random)
      f(0.7)
    })
    fast.forEach((v, i) => expect(v).toBeCloseTo(d3[i]!, 6))
  })

  it('approximates as well as d3 does with Barnes–Hut at theta 0.9', () => {
    const nodes = points(1200, 5)
    const run = (make: () => { (alpha: number): void; initialize?: (ns: N[], r: () => number) => void }) =>
      velocities(nodes, (ns) => {
        const f = make()
        f.initialize!(ns, Math.random)
        f(1)
      })
    const exact = run(() => forceManyBody<N>().strength(-240).theta(0))
    const d3 = run(() => forceManyBody<N>().strength(-240).theta(0.9))
    const fast = run(() => forceManyBodyFast<N>(-240, 0.9))
    const error = (v: number[]) => {
      let err = 0
      let mag = 0
      for (let i = 0; i < v.length; i += 2) {
        err += Math.hypot(v[i]! - exact[i]!, v[i + 1]! - exact[i + 1]!)
        mag += Math.hypot(exact[i]!, exact[i + 1]!)
      }
      return err / mag
    }
    expect(error(fast)).toBeLessThan(0.02)
    expect(error(fast)).toBeLessThan(error(d3) * 1.5)
  })

  it('pushes coincident points apart, finitely and deterministically', () => {
    const nodes = points(50, 9, 5)
    const run = () =>
      velocities(nodes, (ns) => {
        const f = forceManyBodyFast<N>(-30, 0.9)
        f.initialize(ns, lcg(1))
        f(1)
      })
    const a = run()
    expect(a.every(Number.isFinite)).toBe(true)
    expect(run()).toEqual(a)
  })
})
