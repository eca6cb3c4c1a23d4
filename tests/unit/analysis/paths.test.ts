import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { focusText, neighbourhood, restrictView } from '../../../src/analysis/neighbourhood'
import { bestPath, pairRelations, shortestPaths, stepCost } from '../../../src/analysis/paths'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { graphOf, HAND } from './graphs'

const index = buildIndex(HAND)
const all = new Uint8Array(HAND.relations.length).fill(1)
const A = (id: string) => index.actorIndex.get(id)!
const names = (path: ArrayLike<number>) => Array.from(path, (a) => HAND.actors[a]!.id).join('')
const relIds = (flags: Uint8Array) => [...flags.keys()].filter((r) => flags[r] === 1).map((r) => `r${r}`)

describe('neighbourhood', () => {
  it('depth 1, 2, 3 from a, by hand', () => {
    const n1 = neighbourhood(index, all, A('a'), 1)
    expect(names(n1.actors)).toBe('abc')
    expect(relIds(n1.relationIn)).toEqual(['r0', 'r1', 'r5'])
    const n2 = neighbourhood(index, all, A('a'), 2)
    expect(names(n2.actors)).toBe('abcd')
    expect(n2.relationCount).toBe(6)
    expect(Array.from(n2.distance)).toEqual([0, 1, 1, 2, -1, -1, -1, -1])
    expect(names(neighbourhood(index, all, A('a'), 3).actors)).toBe('abcde')
  })

  it('follows only shown relations, direction ignored', () => {
    const v = computeView(index, { ...DEFAULT_FILTER, hiddenTypes: ['economic'] })
    // e → d (target side) still reaches d; without a–c, c is reached through d.
    expect(names(neighbourhood(index, v.relationShown, A('e'), 2).actors)).toBe('edbc')
  })

  it('says what it shows', () => {
    expect(focusText('A', 2, neighbourhood(index, all, A('a'), 2))).toBe(
      'Focus: A, 2 steps — 4 actors, 6 relations',
    )
    expect(focusText('H', 1, neighbourhood(index, all, A('h'), 1))).toBe(
      'Focus: H, 1 step — 1 actor, 0 relations',
    )
  })
})

describe('shortest paths', () => {
  it('lists both 2-step paths from a to d and counts them', () => {
    const p = shortestPaths(index, all, A('a'), A('d'))!
    expect(p.steps).toBe(2)
    expect(p.count).toBe(2)
    expect(p.paths.map(names)).toEqual(['abd', 'acd'])
  })

  it('counts paths, not relations: two relations between a and b are one step', () => {
    expect(shortestPaths(index, all, A('a'), A('e'))!.count).toBe(2)
  })

  it('is null across components and for the same actor', () => {
    expect(shortestPaths(index, all, A('a'), A('f'))).toBeNull()
    expect(shortestPaths(index, all, A('a'), A('a'))).toBeNull()
    expect(bestPath(index, all, A('a'), A('h'))).toBeNull()
  })

  it('applies the filters: without the contested c–d relations only a–b–d is left', () => {
    const v = computeView(index, { ...DEFAULT_FILTER, hideContested: true })
    const p = shortestPaths(index, v.relationShown, A('a'), A('d'))!
    expect(p.paths.map(names)).toEqual(['abd'])
    expect(p.count).toBe(1)
  })

  it('lists at most the limit and still counts them all', () => {
    // a and z joined through 7 middle actors: 7 shortest paths of 2 steps.
    const mids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']
    const g = graphOf(
      ['a', ...mids, 'z'],
      mids.flatMap((m) => [
        { source: 'a', target: m },
        { source: m, target: 'z' },
      ]),
    )
    const i = buildIndex(g)
    const p = shortestPaths(i, new Uint8Array(14).fill(1), 0, 8)!
    expect(p.count).toBe(7)
    expect(p.paths).toHaveLength(5)
  })
})

describe('best-evidenced path', () => {
  it('chooses a–c–d: steps of 2 and 3 distinct sources cost 1/2 + 1/3', () => {
    const b = bestPath(index, all, A('a'), A('d'))!
    expect(names(b.path)).toBe('acd')
    expect(b.sources).toEqual([2, 3])
    expect(b.cost).toBeCloseTo(1 / 2 + 1 / 3, 12)
  })

  it('prefers a longer, better-sourced path to a shorter, thinly sourced one', () => {
    // x–y directly with one source (cost 1) against x–p–q–y, each step two sources (cost 1.5)…
    // and x–u–y with three sources a step (cost 2/3): the three-source path wins.
    const g = graphOf(
      ['x', 'y', 'p', 'q', 'u'],
      [
        { source: 'x', target: 'y', sources: ['s1'] },
        { source: 'x', target: 'p', sources: ['s1', 's2'] },
        { source: 'p', target: 'q', sources: ['s1', 's2'] },
        { source: 'q', target: 'y', sources: ['s1', 's2'] },
        { source: 'x', target: 'u', sources: ['s1', 's2', 's3'] },
        { source: 'u', target: 'y', sources: ['s1', 's2', 's3'] },
      ],
    )
    const i = buildIndex(g)
    const b = bestPath(i, new Uint8Array(6).fill(1), 0, 1)!
    expect(names2(g, b.path)).toBe('xuy')
    expect(b.cost).toBeCloseTo(2 / 3, 12)
    const shorter = bestPath(i, Uint8Array.from([1, 1, 1, 1, 0, 0]), 0, 1)!
    expect(names2(g, shorter.path)).toBe('xy')
  })

  it('a step without any quotation costs 2', () => {
    expect(stepCost(0)).toBe(2)
    expect(stepCost(4)).toBe(0.25)
  })

  it('pairRelations lists every shown relation of the pair, either direction', () => {
    expect(pairRelations(index, all, A('c'), A('d'))).toEqual([3, 6])
    expect(pairRelations(index, all, A('d'), A('c'))).toEqual([3, 6])
  })
})

const names2 = (g: ReturnType<typeof graphOf>, p: readonly number[]) => p.map((a) => g.actors[a]!.id).join('')

// ---------------------------------------------------------------------------------------------
// Properties on random graphs, against brute force

const randomGraph = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.record({
        s: fc.integer({ min: 0, max: n - 1 }),
        t: fc.integer({ min: 0, max: n - 1 }),
        shown: fc.boolean(),
        sources: fc.subarray(['s1', 's2', 's3'], { minLength: 1 }),
      }),
      { maxLength: 20 },
    ),
  }),
)

function build(n: number, edges: { s: number; t: number; shown: boolean; sources: string[] }[]) {
  const actors = Array.from({ length: n }, (_, i) => `n${i}`)
  const g = graphOf(
    actors,
    edges.map((e) => ({ source: `n${e.s}`, target: `n${e.t}`, sources: e.sources })),
  )
  const shown = Uint8Array.from(edges, (e) => (e.shown ? 1 : 0))
  const adj: Set<number>[] = actors.map(() => new Set())
  for (const e of edges) {
    if (!e.shown) continue
    adj[e.s]!.add(e.t)
    adj[e.t]!.add(e.s)
  }
  return { index: buildIndex(g), shown, adj, edges }
}

/** Every simple path from a to b, by depth-first enumeration (brute force, n ≤ 9). */
function simplePaths(adj: Set<number>[], a: number, b: number): number[][] {
  const out: number[][] = []
  const path = [a]
  const on = new Set([a])
  const go = (v: number) => {
    if (v === b) {
      out.push([...path])
      return
    }
    for (const w of adj[v]!) {
      if (on.has(w)) continue
      on.add(w)
      path.push(w)
      go(w)
      path.pop()
      on.delete(w)
    }
  }
  go(a)
  return out
}

describe('properties', () => {
  it('the neighbourhood at depth d is depth d−1 and its neighbours', () => {
    fc.assert(
      fc.property(randomGraph, fc.integer({ min: 1, max: 4 }), fc.nat(), ({ n, edges }, d, s) => {
        const { index: i, shown, adj } = build(n, edges)
        const start = s % n
        const inner = new Set(neighbourhood(i, shown, start, d - 1).actors)
        const expected = new Set(inner)
        for (const v of inner) for (const w of adj[v]!) expected.add(w)
        expect(new Set(neighbourhood(i, shown, start, d).actors)).toEqual(expected)
      }),
    )
  })

  it('every listed shortest path is a path of the stated length, and none shorter exists', () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(), fc.nat(), ({ n, edges }, x, y) => {
        const { index: i, shown, adj } = build(n, edges)
        const a = x % n
        const b = y % n
        const all = a === b ? [] : simplePaths(adj, a, b)
        const p = shortestPaths(i, shown, a, b)
        if (all.length === 0) {
          expect(p).toBeNull()
          return
        }
        const min = Math.min(...all.map((q) => q.length - 1))
        const shortest = all.filter((q) => q.length - 1 === min)
        expect(p).not.toBeNull()
        expect(p!.steps).toBe(min)
        expect(p!.count).toBe(shortest.length)
        expect(p!.paths).toHaveLength(Math.min(5, shortest.length))
        const keys = new Set(shortest.map((q) => q.join(',')))
        for (const q of p!.paths) {
          expect(q[0]).toBe(a)
          expect(q[q.length - 1]).toBe(b)
          expect(q).toHaveLength(min + 1)
          for (let k = 1; k < q.length; k++) expect(adj[q[k - 1]!]!.has(q[k]!)).toBe(true)
          expect(keys.has(q.join(','))).toBe(true)
        }
        expect(new Set(p!.paths.map((q) => q.join(','))).size).toBe(p!.paths.length)
      }),
    )
  })

  it('the best-evidenced path costs no more than any path', () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(), fc.nat(), ({ n, edges }, x, y) => {
        const { index: i, shown, adj } = build(n, edges)
        const a = x % n
        const b = y % n
        const all = a === b ? [] : simplePaths(adj, a, b)
        const best = bestPath(i, shown, a, b)
        if (all.length === 0) {
          expect(best).toBeNull()
          return
        }
        // The cost of a step computed here from the edge list: distinct sources of the pair's shown relations.
        const cost = (q: number[]) =>
          q.slice(1).reduce((sum, v, k) => {
            const u = q[k]!
            const srcs = new Set(
              edges
                .filter((e) => e.shown && ((e.s === u && e.t === v) || (e.s === v && e.t === u)))
                .flatMap((e) => e.sources),
            )
            return sum + 1 / srcs.size
          }, 0)
        const min = Math.min(...all.map(cost))
        expect(best).not.toBeNull()
        expect(best!.cost).toBeCloseTo(min, 9)
        expect(cost([...best!.path])).toBeCloseTo(best!.cost, 9)
      }),
      { numRuns: Number(process.env.RUNS ?? 100) },
    )
  })
})

describe('restrictView', () => {
  it('keeps the neighbourhood only, with the full view degrees', () => {
    const v = computeView(index, DEFAULT_FILTER)
    const r = restrictView(v, neighbourhood(index, v.relationShown, A('a'), 1))
    expect(names(r.shownActors)).toBe('abc')
    expect(Array.from(r.shownRelations)).toEqual([0, 1, 5])
    expect(r.degree).toBe(v.degree)
    expect(Array.from(r.countByType)).toEqual([1, 1, 1])
  })
})
