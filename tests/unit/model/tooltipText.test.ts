/** The words of the map's tooltips, checked against graphs whose answers are written by hand. */
import { describe, expect, it } from 'vitest'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { actorTooltipText, relationTooltipText, tooltipYears } from '../../../src/model/tooltipText'
import { tinyGraph } from '../helpers'

const g = {
  ...tinyGraph(
    [
      // r0: Iran → Azerbaijan, military, hostile, 2021 approximate, quoting two sources (s twice, t once).
      {
        source: 'a',
        target: 'b',
        directed: true,
        stance: 'hostile',
        start: 2021,
        end: 2021,
        approximate: true,
        evidence: [
          { source: 's', quote: 'one' },
          { source: 's', quote: 'two' },
          { source: 't', quote: 'three' },
        ],
      },
      // r1: a parallel tie of the same pair, economic and cooperative, ongoing since 2016, undirected.
      { source: 'a', target: 'b', type: 'economic', start: 2016, evidence: [{ source: 's', quote: 'x' }] },
      // r2: Iran — Türkiye, undated, without evidence.
      { source: 'a', target: 'c', type: 'diplomatic', stance: 'neutral', evidence: [] },
    ],
    ['a', 'b', 'c', 'd'],
  ),
}
g.sources = [...g.sources, { id: 't', title: 'T' }]
g.actors = [
  { id: 'a', label: 'Iran', kind: 'state' },
  { id: 'b', label: 'Azerbaijan', kind: 'state' },
  { id: 'c', label: 'Türkiye', kind: 'state' },
  { id: 'd', label: 'Hezbollah', kind: 'armed-group' },
]
const index = buildIndex(g)

describe('tooltip text', () => {
  it('a tie: ends, type and stance, years, distinct sources', () => {
    const view = computeView(index, DEFAULT_FILTER)
    expect(relationTooltipText(view, 0)).toBe('Iran → Azerbaijan · Military, hostile · 2021 (c.) · 2 sources')
    // Parallel ties each say their own.
    expect(relationTooltipText(view, 1)).toBe(
      'Iran — Azerbaijan · Economic, cooperative · since 2016 · 1 source',
    )
    expect(relationTooltipText(view, 2)).toBe('Iran — Türkiye · Diplomatic, neutral · undated · no sources')
  })

  it('an actor: label, kind and the ties the filters show', () => {
    const all = computeView(index, { ...DEFAULT_FILTER, showUnconnected: true })
    expect(actorTooltipText(all, 0)).toBe('Iran · State · 3 shown ties')
    expect(actorTooltipText(all, 2)).toBe('Türkiye · State · 1 shown tie')
    expect(actorTooltipText(all, 3)).toBe('Hezbollah · Armed group · 0 shown ties')
    const noEconomic = computeView(index, { ...DEFAULT_FILTER, hiddenTypes: ['economic'] })
    expect(actorTooltipText(noEconomic, 0)).toBe('Iran · State · 2 shown ties')
  })

  it('years', () => {
    expect(tooltipYears({ start: 2016, end: 2019 })).toBe('2016–2019')
    expect(tooltipYears({ start: 2016, end: 2019, approximate: true })).toBe('2016–2019 (c.)')
    expect(tooltipYears({ start: 2020, end: null })).toBe('since 2020')
    expect(tooltipYears({})).toBe('undated')
  })
})
