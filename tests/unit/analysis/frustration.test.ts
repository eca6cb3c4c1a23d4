import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { balanceSteps } from '../../../src/analysis/balance'
import { triangleCensus } from '../../../src/analysis/census'
import { frustration, runSteps } from '../../../src/analysis/frustration'
import { signedNetwork } from '../../../src/analysis/signed'
import { buildIndex } from '../../../src/model/graphIndex'
import type { Graph } from '../../../src/model/types'
import { allShown, signedGraph } from './fixtures'

const analyse = (g: Graph) => runSteps(balanceSteps(buildIndex(g), allShown(g)))

describe('frustration index (hand-worked networks)', () => {
  it('is 0 with the two camps of a balanced network', () => {
    // Camps {a, b, c} and {d, e}: + inside, − across.
    const b = analyse(signedGraph(['a+b', 'b+c', 'a-d', 'c-e', 'd+e', 'b-e']))
    expect(b.frustration).toEqual({ value: 0, lower: 0, exact: true })
    expect(b.camps).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ])
    expect(b.frustratedTies).toEqual([])
  })

  it('finds the one tie to remove and the camps it leaves', () => {
    // Camps {a, b, c} | {d, e, f}, every tie agreeing with them but c–d, a + across. The cycle
    // c–d–a (+, −, +) is unbalanced, so at least one tie must go: the index is 1.
    const b = analyse(signedGraph(['a+b', 'b+c', 'a+c', 'd+e', 'e+f', 'd+f', 'a-d', 'b-e', 'c-f', 'c+d']))
    expect(b.frustration).toEqual({ value: 1, lower: 1, exact: true })
    expect(b.camps).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ])
    expect(b.frustratedTies).toEqual([['c', 'd']])
  })

  it('is 2 for an all-hostile K4 (any 2+2 split leaves its two inner ties)', () => {
    const b = analyse(signedGraph(['a-b', 'a-c', 'a-d', 'b-c', 'b-d', 'c-d']))
    expect(b.frustration.value).toBe(2)
    expect(b.frustration.exact).toBe(true)
    expect(b.frustratedTies).toHaveLength(2)
    expect(b.camps[0]).toContain('a')
    expect(b.camps[0]).toHaveLength(2)
  })

  it('adds up over components and puts the smallest id of each in the first camp', () => {
    // Component 1: triangle a,b,c all hostile (index 1). Component 2: x − y (index 0).
    const b = analyse(signedGraph(['a-b', 'b-c', 'a-c', 'x-y']))
    expect(b.frustration.value).toBe(1)
    expect(b.camps[0]).toContain('a')
    expect(b.camps[0]).toContain('x')
    expect(b.camps[1]).toContain('y')
    expect(b.signedActors).toBe(5)
  })

  it('reports a range, never exact, when the search is not allowed', () => {
    // Ten disjoint unbalanced triangles: the cycle bound proves 10, so this one is exact even so …
    const rows: string[] = []
    for (const t of ['a', 'b', 'c', 'd', 'e']) rows.push(`${t}1-${t}2`, `${t}2-${t}3`, `${t}1-${t}3`)
    const g = signedGraph(rows)
    const net = signedNetwork(buildIndex(g), allShown(g))
    const h = frustration(net, { heuristicOnly: true })
    expect(h).toMatchObject({ value: 5, lower: 5, exact: true })
    // … while a dense all-hostile K7 (index 9: a 3+4 split leaves 3 + 6 ties) keeps a gap.
    const k7: string[] = []
    for (let i = 0; i < 7; i++) for (let j = i + 1; j < 7; j++) k7.push(`v${i}-v${j}`)
    const net7 = signedNetwork(buildIndex(signedGraph(k7)), new Uint8Array(21).fill(1))
    const h7 = frustration(net7, { heuristicOnly: true })
    expect(h7.value).toBe(9)
    expect(h7.lower).toBeLessThan(9)
    expect(h7.exact).toBe(false)
    expect(frustration(net7)).toMatchObject({ value: 9, lower: 9, exact: true })
  })
})

/** A random signed graph: n actors, each pair tied with probability p, the sign drawn at random. */
const signedGraphArb = (maxN: number) =>
  fc
    .record({
      n: fc.integer({ min: 2, max: maxN }),
      p: fc.double({ min: 0.1, max: 1, noNaN: true }),
      seed: fc.integer(),
    })
    .map(({ n, p, seed }) => {
      let s = seed >>> 0
      const rand = () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0
        return s / 2 ** 32
      }
      const rows: string[] = []
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) if (rand() < p) rows.push(`n${i}${rand() < 0.5 ? '+' : '-'}n${j}`)
      return signedGraph(rows.length > 0 ? rows : ['n0+n1'])
    })

/** Signed adjacency matrix straight from the file's relations (the test's own oracle). */
function matrix(g: Graph): number[][] {
  const ids = g.actors.map((a) => a.id)
  const n = ids.length
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (const r of g.relations) {
    const i = ids.indexOf(r.source)
    const j = ids.indexOf(r.target)
    const s = r.stance === 'cooperative' ? 1 : -1
    A[i]![j] = s
    A[j]![i] = s
  }
  return A
}

const trace3 = (A: number[][]) => {
  const n = A.length
  let t = 0
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) t += A[i]![j]! * A[j]![k]! * A[k]![i]!
  return t
}

/** Fewest frustrated ties over every split into two camps (2^(n−1) of them). */
function bruteForce(A: number[][]): number {
  const n = A.length
  let best = Infinity
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    let cost = 0
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        if (A[i]![j] === 0) continue
        const same = ((mask >> i) & 1) === ((mask >> j) & 1)
        if (A[i]![j]! > 0 ? !same : same) cost++
      }
    best = Math.min(best, cost)
  }
  return best
}

describe('properties on random signed graphs', () => {
  it('trace(A³) = 6 × (balanced − unbalanced) and trace(|A|³) = 6 × triangles', () => {
    fc.assert(
      fc.property(signedGraphArb(12), (g) => {
        const c = triangleCensus(signedNetwork(buildIndex(g), allShown(g)))
        const A = matrix(g)
        const balanced = c.census['+++'] + c.census['+--']
        const unbalanced = c.census['++-'] + c.census['---']
        expect(trace3(A)).toBe(6 * (balanced - unbalanced))
        expect(trace3(A.map((row) => row.map(Math.abs)))).toBe(6 * c.triangles)
      }),
      { numRuns: 150 },
    )
  })

  it('the exact index equals brute force over all two-camp splits (up to 14 actors)', () => {
    fc.assert(
      fc.property(signedGraphArb(14), (g) => {
        const net = signedNetwork(buildIndex(g), allShown(g))
        const f = frustration(net)
        // The oracle splits the actors of the file; actors with no tie add nothing.
        expect(f.exact).toBe(true)
        expect(f.value).toBe(bruteForce(matrix(g)))
        // The camps returned really leave that many frustrated ties.
        let cost = 0
        for (let t = 0; t < net.eu.length; t++) {
          const same = f.side[net.eu[t]!] === f.side[net.ev[t]!]
          if (net.sign[t]! > 0 ? !same : same) cost++
        }
        expect(cost).toBe(f.value)
        expect(f.frustrated.length).toBe(f.value)
      }),
      { numRuns: 120 },
    )
  })

  it('the heuristic bound is never below the exact value, the lower bound never above', () => {
    fc.assert(
      fc.property(signedGraphArb(14), fc.integer({ min: 1, max: 1000 }), (g, seed) => {
        const net = signedNetwork(buildIndex(g), allShown(g))
        const exact = frustration(net).value
        const h = frustration(net, { heuristicOnly: true, seed })
        expect(h.value).toBeGreaterThanOrEqual(exact)
        expect(h.lower).toBeLessThanOrEqual(exact)
      }),
      { numRuns: 120 },
    )
  })

  it('is deterministic for a seed', () => {
    const g = signedGraphArb(14)
    fc.assert(
      fc.property(g, (graph) => {
        const net = signedNetwork(buildIndex(graph), allShown(graph))
        const x = frustration(net, { heuristicOnly: true, seed: 7 })
        const y = frustration(net, { heuristicOnly: true, seed: 7 })
        expect(Array.from(x.side)).toEqual(Array.from(y.side))
      }),
      { numRuns: 30 },
    )
  })
})
