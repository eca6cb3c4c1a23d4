import { describe, expect, it } from 'vitest'
import { balanceSteps } from '../../../src/analysis/balance'
import { compareYears } from '../../../src/analysis/compare'
import { analysisCsv } from '../../../src/analysis/csv'
import { runSteps } from '../../../src/analysis/frustration'
import { seriesSteps, seriesYears } from '../../../src/analysis/series'
import { DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { allShown, signedGraph } from './fixtures'

// 2000: triangle a,b,c +++ (balanced). 2001: a–c turns hostile → ++− (unbalanced); d joins with
// a − tie to c. 2002: only the undated b−d and the ongoing ties remain.
const g = signedGraph([
  ['a+b', { start: 2000, end: 2001 }],
  ['b+c', { start: 2000 }],
  ['a+c', { start: 2000, end: 2000 }],
  ['a-c', { start: 2001, end: 2001 }],
  ['c-d', { start: 2001, end: 2001 }],
  'b-d',
])
const index = buildIndex(g)

describe('balance series', () => {
  it('has one point per year of the extent, each the filters with a one-year window', () => {
    expect(seriesYears(index)).toEqual([2000, 2001])
    const s = runSteps(seriesSteps(index, DEFAULT_FILTER))
    expect(s).toEqual([
      // 2000: ab+, bc+, ac+, bd− → one +++ triangle.
      { year: 2000, signedTies: 4, triangles: 1, balanced: 1, strong: 1, weak: 1 },
      // 2001: ab+, bc+, ac−, cd−, bd− → abc ++− (unbalanced), bcd +−− (balanced).
      { year: 2001, signedTies: 5, triangles: 2, balanced: 1, strong: 0.5, weak: 0.5 },
    ])
  })

  it('applies the type and stance filters to every year', () => {
    const s = runSteps(seriesSteps(index, { ...DEFAULT_FILTER, hiddenStances: ['hostile'] }))
    expect(s.map((p) => [p.year, p.signedTies, p.triangles])).toEqual([
      [2000, 3, 1],
      [2001, 2, 0],
    ])
    expect(s[1]!.strong).toBeNull()
  })

  it('is empty when no relation is dated', () => {
    const u = buildIndex(signedGraph(['a+b']))
    expect(runSteps(seriesSteps(u, DEFAULT_FILTER))).toEqual([])
  })
})

describe('analysis CSV', () => {
  const series = runSteps(seriesSteps(index, DEFAULT_FILTER))
  const balance = runSteps(balanceSteps(index, allShown(g)))
  const comparison = compareYears(index, DEFAULT_FILTER, 2000, 2001)

  it('writes the series, the census with the camps and the comparison in a fixed order', () => {
    const csv = analysisCsv({ series, balance, comparison })
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('section,subject,measure,value')
    expect(lines.slice(1, 6)).toEqual([
      'series,2000,signed_ties,4',
      'series,2000,triangles,1',
      'series,2000,balanced_triangles,1',
      'series,2000,balance_ratio,1',
      'series,2000,weak_balance_ratio,1',
    ])
    expect(lines).toContain('series,2001,balance_ratio,0.500000')
    // All relations shown: a|c is contested (+ and −); ab+, bc+, cd−, bd− remain signed.
    expect(lines).toContain('census,,contested_pairs,1')
    expect(lines).toContain('census,,triangles_+--,1')
    expect(lines).toContain('census,,frustration_index,0')
    expect(lines).toContain('census,,frustration_exact,yes')
    expect(lines.filter((l) => l.startsWith('camp,'))).toEqual([
      'camp,a,camp,1',
      'camp,b,camp,1',
      'camp,c,camp,1',
      'camp,d,camp,2',
    ])
    expect(lines).toContain('comparison,a|c|military,state_2000,cooperative')
    expect(lines).toContain('comparison,a|c|military,state_2001,hostile')
    expect(lines).toContain('comparison,a|c|military,change,changed (flipped)')
    expect(lines).toContain('comparison,c|d|military,change,formed')
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('is byte-identical across runs', () => {
    const again = analysisCsv({
      series: runSteps(seriesSteps(buildIndex(g), DEFAULT_FILTER)),
      balance: runSteps(balanceSteps(buildIndex(g), allShown(g))),
      comparison: compareYears(buildIndex(g), DEFAULT_FILTER, 2000, 2001),
    })
    expect(again).toBe(analysisCsv({ series, balance, comparison }))
  })

  it('quotes and guards cells', () => {
    const odd = signedGraph([['a+b', { start: 2000 }]])
    const withComma = { ...odd, actors: odd.actors.map((a) => ({ ...a, id: a.id === 'a' ? '=x,y' : a.id })) }
    const rel = { ...withComma, relations: withComma.relations.map((r) => ({ ...r, source: '=x,y' })) }
    const csv = analysisCsv({
      series: null,
      balance: runSteps(balanceSteps(buildIndex(rel), allShown(rel))),
      comparison: null,
    })
    expect(csv).toContain(`camp,"'=x,y",camp,1`)
  })
})
