import { describe, expect, it } from 'vitest'
import { lcg } from '../../../src/sim/forceLayout'
import { buildHierarchy, coarsen } from '../../../src/sim/multilevel/coarsen'
import { graphOf, type WeightedGraph } from '../../../src/sim/multilevel/graph'
import { createLevelSim } from '../../../src/sim/multilevel/levelSim'
import { createMultilevelLayout, type MultilevelSchedule } from '../../../src/sim/multilevel/multilevel'
import { prolong } from '../../../src/sim/multilevel/prolong'

const PARAMS = { linkDistance: 70, charge: -240, gravity: 0.06, theta: 1, velocityDecay: 0.4 }

/** Communities of `size` actors with `inner` random ties each, a ring between communities, and a star. */
function communityGraph(communities: number, size: number, inner: number, seed: number): WeightedGraph {
  const random = lcg(seed)
  const n = communities * size + 1
  const src: number[] = []
  const tgt: number[] = []
  for (let c = 0; c < communities; c++) {
    for (let k = 0; k < size * inner; k++) {
      src.push(c * size + Math.floor(random() * size))
      tgt.push(c * size + Math.floor(random() * size)) // self-loops and parallel ties included
    }
    src.push(c * size)
    tgt.push(((c + 1) % communities) * size)
  }
  // A hub tied to a hundred actors: heavy-edge matching alone would take one of them per level.
  for (let k = 0; k < 100; k++) {
    src.push(n - 1)
    tgt.push((k * 7) % (n - 1))
  }
  return graphOf(n, Uint32Array.from(src), Uint32Array.from(tgt))
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0)

describe('coarsen', () => {
  const g = communityGraph(20, 30, 2, 3)
  const { parent, coarse, internalWeight } = coarsen(g, lcg(1))

  it('maps every fine node to exactly one coarse node, and every coarse node has members', () => {
    expect(parent).toHaveLength(g.n)
    const members = new Array<number>(coarse.n).fill(0)
    for (const p of parent) {
      expect(p).toBeLessThan(coarse.n)
      members[p]!++
    }
    expect(members.every((m) => m > 0)).toBe(true)
    expect(coarse.n).toBeLessThan(g.n * 0.6)
  })

  it('gives each coarse node the summed mass of its members', () => {
    const mass = new Float64Array(coarse.n)
    parent.forEach((p, i) => (mass[p]! += g.mass[i]!))
    expect(Array.from(coarse.mass)).toEqual(Array.from(mass))
    expect(sum(coarse.mass)).toBe(g.n)
  })

  it('keeps every relation: coarse edge weights sum the fine edges between their groups', () => {
    const between = new Map<string, number>()
    let inside = 0
    for (let e = 0; e < g.src.length; e++) {
      const a = parent[g.src[e]!]!
      const b = parent[g.tgt[e]!]!
      if (a === b) inside += g.weight[e]!
      else {
        const k = `${Math.min(a, b)}-${Math.max(a, b)}`
        between.set(k, (between.get(k) ?? 0) + g.weight[e]!)
      }
    }
    const got = new Map<string, number>()
    for (let e = 0; e < coarse.src.length; e++) {
      const a = coarse.src[e]!
      const b = coarse.tgt[e]!
      expect(a).not.toBe(b)
      const k = `${Math.min(a, b)}-${Math.max(a, b)}`
      expect(got.has(k)).toBe(false) // merged: one edge per pair of groups
      got.set(k, coarse.weight[e]!)
    }
    expect(got).toEqual(between)
    expect(internalWeight).toBe(inside)
    expect(sum(coarse.weight) + internalWeight).toBe(g.src.length)
  })

  it('is deterministic for a seed', () => {
    const again = coarsen(g, lcg(1))
    expect(again.parent).toEqual(parent)
    expect(again.coarse).toEqual(coarse)
    expect(coarsen(g, lcg(2)).parent).not.toEqual(parent)
  })

  it('never lets a group weigh more than maxMass', () => {
    const capped = coarsen(g, lcg(1), 3)
    expect(Math.max(...capped.coarse.mass)).toBeLessThanOrEqual(3)
  })

  it('leaves isolated actors alone', () => {
    const lonely = graphOf(4, Uint32Array.of(0), Uint32Array.of(1))
    const c = coarsen(lonely, lcg(1))
    expect(c.coarse.n).toBe(3)
    expect(c.parent[0]).toBe(c.parent[1])
    expect(new Set(c.parent).size).toBe(3)
    expect(c.coarse.src).toHaveLength(0)
    expect(c.internalWeight).toBe(1)
  })
})

describe('buildHierarchy', () => {
  it('coarsens level by level down to the target, each level keeping all mass and relations', () => {
    const g = communityGraph(40, 50, 2, 5)
    const h = buildHierarchy(g, lcg(1), 200)
    expect(h.levels.length).toBeGreaterThan(2)
    expect(h.parents).toHaveLength(h.levels.length - 1)
    expect(h.levels.at(-1)!.n).toBeLessThanOrEqual(200)
    h.parents.forEach((parent, l) => {
      expect(parent).toHaveLength(h.levels[l]!.n)
      expect(Math.max(...parent)).toBe(h.levels[l + 1]!.n - 1)
      expect(h.levels[l + 1]!.n).toBeLessThan(h.levels[l]!.n)
      expect(sum(h.levels[l + 1]!.mass)).toBe(g.n)
    })
  })

  it('stops when a level cannot shrink (no relations)', () => {
    const g = graphOf(5000, new Uint32Array(0), new Uint32Array(0))
    expect(buildHierarchy(g, lcg(1), 100).levels).toHaveLength(1)
  })

  it('rejects relations to nodes that do not exist, naming them', () => {
    expect(() => graphOf(3, Uint32Array.of(0), Uint32Array.of(3))).toThrow('relation 0 joins 0 and 3')
  })
})

describe('prolong', () => {
  it('places each fine node within its group’s disc around the coarse node, the same for a seed', () => {
    const parent = Uint32Array.of(0, 0, 1, 1, 1, 2)
    const cx = Float64Array.of(0, 100, -50)
    const cy = Float64Array.of(0, 0, 80)
    const mass = Float64Array.of(2, 3, 1)
    const a = prolong(parent, cx, cy, mass, 10, lcg(4))
    parent.forEach((p, i) => {
      const r = Math.hypot(a.x[i]! - cx[p]!, a.y[i]! - cy[p]!)
      expect(r).toBeLessThanOrEqual(10 * Math.sqrt(mass[p]!) + 1e-9)
    })
    const b = prolong(parent, cx, cy, mass, 10, lcg(4))
    expect(b.x).toEqual(a.x)
    expect(b.y).toEqual(a.y)
  })
})

describe('createLevelSim', () => {
  it('on unit masses and weights, ticks as d3-force’s link, many-body and x/y forces do', async () => {
    const { forceLink, forceManyBody, forceSimulation, forceX, forceY } = await import('d3-force')
    const g = communityGraph(3, 10, 1, 8)
    const random = lcg(2)
    const x0 = Float64Array.from({ length: g.n }, () => (random() - 0.5) * 300)
    const y0 = Float64Array.from({ length: g.n }, () => (random() - 0.5) * 300)
    const ours = createLevelSim(g, x0.slice(), y0.slice(), { ...PARAMS, theta: 0 }, lcg(1))
    const nodes = Array.from(x0, (x, i) => ({ x, y: y0[i]! }))
    const links = Array.from(g.src, (s, e) => ({ source: s, target: g.tgt[e]! }))
    const sim = forceSimulation(nodes)
      .alphaDecay(0)
      .alpha(0.5)
      .force('link', forceLink(links).distance(70))
      .force('charge', forceManyBody().strength(-240).theta(0))
      .force('x', forceX(0).strength(0.06))
      .force('y', forceY(0).strength(0.06))
      .stop()
    for (let k = 0; k < 3; k++) {
      sim.tick()
      ours.tick(0.5)
    }
    nodes.forEach((d, i) => {
      expect(ours.x[i]).toBeCloseTo(d.x, 6)
      expect(ours.y[i]).toBeCloseTo(d.y, 6)
    })
  })
})

describe('createMultilevelLayout', () => {
  const g = communityGraph(30, 40, 2, 11)
  const schedule: MultilevelSchedule = {
    coarsest: 150,
    coarsestTicks: 60,
    levelTicks: 8,
    levelAlpha: [0.3, 0.02],
    finestTicks: 6,
    finestAlpha: [0.2, 0.005],
    spread: 0.25,
  }
  const run = (seed: number, budget: number) => {
    const ml = createMultilevelLayout(g, PARAMS, seed, schedule)
    while (ml.step(budget)) {
      /* to the end */
    }
    const x = new Float64Array(g.n)
    const y = new Float64Array(g.n)
    ml.read(x, y)
    return { ml, x, y }
  }

  it('lays out every level, coarsest first, and ends on the graph itself', () => {
    const { ml, x, y } = run(1, 50)
    const levels = ml.hierarchy.levels.length
    expect(levels).toBeGreaterThan(2)
    expect(ml.done).toBe(true)
    expect(ml.level).toBe(0)
    expect(ml.ticks).toBe(60 + 8 * (levels - 2) + 6)
    expect(Array.from(x).every(Number.isFinite) && Array.from(y).every(Number.isFinite)).toBe(true)
  })

  it('seeds each level from the one above: every node starts near its coarse node', () => {
    const ml = createMultilevelLayout(g, PARAMS, 1, schedule)
    const checked: number[] = []
    while (!ml.done) {
      const level = ml.level
      const coarse = { x: ml.x, y: ml.y } // mutated in place by the level's ticks
      ml.step(0) // exactly one tick
      if (ml.level === level || ml.done) continue
      const parent = ml.hierarchy.parents[ml.level]!
      const mass = ml.hierarchy.levels[level]!.mass
      const fine = { x: ml.x, y: ml.y }
      parent.forEach((p, i) => {
        const r = Math.hypot(fine.x[i]! - coarse.x[p]!, fine.y[i]! - coarse.y[p]!)
        expect(r).toBeLessThanOrEqual(schedule.spread * PARAMS.linkDistance * Math.sqrt(mass[p]!) + 1e-9)
      })
      checked.push(ml.level)
    }
    expect(checked).toEqual(
      Array.from({ length: ml.hierarchy.levels.length - 1 }, (_, i) => ml.hierarchy.levels.length - 2 - i),
    )
  })

  it('gives the same positions for the same seed, however the work is sliced, and others for another', () => {
    const a = run(3, 1000)
    const b = run(3, 0)
    expect(b.x).toEqual(a.x)
    expect(b.y).toEqual(a.y)
    expect(run(4, 1000).x).not.toEqual(a.x)
  })

  it('shows actors at their group’s place before the finest level', () => {
    const ml = createMultilevelLayout(g, PARAMS, 1, schedule)
    ml.finishCoarsest(60_000)
    expect(ml.level).toBe(ml.hierarchy.levels.length - 2)
    const x = new Float64Array(g.n).fill(NaN)
    const y = new Float64Array(g.n).fill(NaN)
    ml.read(x, y)
    expect(Array.from(x).every(Number.isFinite)).toBe(true)
    // Every actor within its group's disc around its current-level node.
    let a = Array.from({ length: g.n }, (_, i) => i)
    for (let l = 0; l < ml.level; l++) a = a.map((i) => ml.hierarchy.parents[l]![i]!)
    const mass = ml.hierarchy.levels[ml.level]!.mass
    a.forEach((p, i) => {
      const r = Math.hypot(x[i]! - ml.x[p]!, y[i]! - ml.y[p]!)
      expect(r).toBeLessThanOrEqual(schedule.spread * PARAMS.linkDistance * Math.sqrt(mass[p]!) + 1e-6)
    })
  })
})
