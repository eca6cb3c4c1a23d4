import { describe, expect, it } from 'vitest'
import { balanceSteps, throughFirst } from '../../../src/analysis/balance'
import { triangleCensus } from '../../../src/analysis/census'
import { runSteps } from '../../../src/analysis/frustration'
import { signedNetwork } from '../../../src/analysis/signed'
import { buildIndex } from '../../../src/model/graphIndex'
import { allShown, signedGraph } from './fixtures'

const censusOf = (rows: Parameters<typeof signedGraph>[0]) => {
  const g = signedGraph(rows)
  return triangleCensus(signedNetwork(buildIndex(g), allShown(g)))
}

describe('signed network', () => {
  it('merges relations per unordered pair and counts contested and unsigned pairs', () => {
    const g = signedGraph([
      'a+b',
      'b+a', // same pair, other direction: still +
      ['a-c', { type: 'economic' }],
      'c-a', // − across two types: still −
      'b+c',
      'c-b', // contested
      'c~d', // unsigned
      'd~e',
      'd+e', // a neutral beside a cooperative: +
    ])
    const net = signedNetwork(buildIndex(g), allShown(g))
    expect(net.contested).toBe(1)
    expect(net.unsigned).toBe(1)
    const ids = Array.from(net.actors, (a) => g.actors[a]!.id)
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e'])
    const ties = Array.from(net.eu, (u, k) => `${ids[u]}${net.sign[k]! > 0 ? '+' : '-'}${ids[net.ev[k]!]}`)
    expect(ties).toEqual(['a+b', 'a-c', 'd+e'])
  })

  it('follows the shown relations only', () => {
    const g = signedGraph(['a+b', 'a-b'])
    const net = signedNetwork(buildIndex(g), Uint8Array.of(0, 1))
    expect(net.contested).toBe(0)
    expect(Array.from(net.sign)).toEqual([-1])
  })
})

describe('triangle census (4-actor networks, one per class)', () => {
  // Each network: triangle a-b-c of the class, d tied to a only (no second triangle).
  it.each([
    [['a+b', 'a+c', 'b+c', 'a+d'], '+++', 1, 1],
    [['a+b', 'a+c', 'b-c', 'a-d'], '++-', 0, 0],
    [['a+b', 'a-c', 'b-c', 'a+d'], '+--', 1, 1],
    [['a-b', 'a-c', 'b-c', 'c-d'], '---', 0, 1],
  ] as const)('%j is one %s triangle', (rows, cls, strong, weak) => {
    const c = censusOf([...rows])
    expect(c.triangles).toBe(1)
    expect(c.census).toEqual({ '+++': 0, '++-': 0, '+--': 0, '---': 0, [cls]: 1 })
    expect(c.strong).toBe(strong)
    expect(c.weak).toBe(weak)
  })

  it('counts K4 triangles with mixed signs', () => {
    // K4 on a,b,c,d with a−d and b−d hostile, the rest cooperative.
    // abc: +++; abd: + − − → +−−; acd: + + − → ++−; bcd: + + − → ++−.
    const c = censusOf(['a+b', 'a+c', 'b+c', 'a-d', 'b-d', 'c+d'])
    expect(c.census).toEqual({ '+++': 1, '++-': 2, '+--': 1, '---': 0 })
    expect(c.triangles).toBe(4)
    expect(c.strong).toBe(0.5)
    expect(c.weak).toBe(0.5)
    expect(c.unbalancedCount).toBe(2)
  })

  it('reports no ratio when there is no triangle', () => {
    const c = censusOf(['a+b', 'b-c'])
    expect(c.triangles).toBe(0)
    expect(c.strong).toBeNull()
    expect(c.weak).toBeNull()
  })

  it('leaves contested and unsigned pairs out of the census', () => {
    // a-b-c would be +++, but b–c is contested; c–a neutral-only in the second triangle.
    const c = censusOf(['a+b', 'a+c', 'b+c', 'b-c', 'a+d', 'c~d', 'a+e', 'd+e', 'c+e'])
    // Signed ties: ab+, ac+, ad+, ae+, de+, ce+. Triangles: a-c-e (+++), a-d-e (+++).
    expect(c.census).toEqual({ '+++': 2, '++-': 0, '+--': 0, '---': 0 })
  })
})

describe('balance analysis', () => {
  it('lists unbalanced triangles with their signs, those through an actor first', () => {
    const g = signedGraph(['a+b', 'a+c', 'b+c', 'a-d', 'b-d', 'c+d'])
    const b = runSteps(balanceSteps(buildIndex(g), allShown(g)))
    expect(b.unbalanced).toEqual([
      { actors: ['a', 'c', 'd'], signs: ['+', '-', '+'] },
      { actors: ['b', 'c', 'd'], signs: ['+', '-', '+'] },
    ])
    expect(throughFirst(b.unbalanced, 'b').map((t) => t.actors.join(''))).toEqual(['bcd', 'acd'])
    expect(throughFirst(b.unbalanced, null).map((t) => t.actors.join(''))).toEqual(['acd', 'bcd'])
  })
})
