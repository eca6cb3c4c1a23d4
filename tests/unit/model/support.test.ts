/**
 * Support flags (model/support.ts): unsupported ties (no quotation) and questioned ones (a quotation
 * the evidence check could not confirm), the "Unsupported ties" and "Needs review or not found"
 * filters, the URL round trip and the export warning.
 */
import { describe, expect, it } from 'vitest'
import { computeView, createViewCache, DEFAULT_FILTER } from '../../../src/model/filter'
import { comparedView } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import {
  hasAnyQuotation,
  QUESTIONED,
  supportFlags,
  UNSUPPORTED,
  unsupportedWarning,
} from '../../../src/model/support'
import { decodeUrl, encodeUrl } from '../../../src/state/url'
import { tinyGraph } from '../helpers'

// r0 a–b quoted, r1 a–c no quotation, r2 c–d quoted (questioned below), r3 b–d no quotation
const graph = tinyGraph([
  { source: 'a', target: 'b', start: 2010 },
  { source: 'a', target: 'c', evidence: [], start: 2012 },
  { source: 'c', target: 'd', start: 2015 },
  { source: 'b', target: 'd', evidence: [], type: 'economic', start: 2020 },
])
const index = buildIndex(graph)
const checked = { graph, questioned: new Set(['r2']) }

describe('support flags', () => {
  it('flags the relations with no quotation, and those the check questions', () => {
    expect(Array.from(supportFlags(index, null))).toEqual([0, UNSUPPORTED, 0, UNSUPPORTED])
    expect(Array.from(supportFlags(index, checked))).toEqual([0, UNSUPPORTED, QUESTIONED, UNSUPPORTED])
  })

  it('ignores a verdict on another graph, and keeps one array per index and verdict', () => {
    const other = { graph: tinyGraph([]), questioned: new Set(['r2']) }
    expect(Array.from(supportFlags(index, other))).toEqual([0, UNSUPPORTED, 0, UNSUPPORTED])
    expect(supportFlags(index, checked)).toBe(supportFlags(index, checked))
  })

  it('knows whether a network quotes anything at all', () => {
    expect(hasAnyQuotation(graph)).toBe(true)
    expect(hasAnyQuotation(tinyGraph([{ evidence: [] }]))).toBe(false)
  })
})

describe('the evidence filters', () => {
  const shown = (f: Partial<typeof DEFAULT_FILTER>, c = checked) =>
    Array.from(computeView(index, { ...DEFAULT_FILTER, ...f }, c).shownRelations)

  it('"Unsupported ties" keeps only the ties with no quotation, and their actors', () => {
    expect(shown({ onlyUnsupported: true })).toEqual([1, 3])
    const v = computeView(index, { ...DEFAULT_FILTER, onlyUnsupported: true }, checked)
    expect(Array.from(v.shownActors)).toEqual([0, 1, 2, 3])
  })

  it('"Needs review or not found" keeps the questioned ties; before the check answers, none', () => {
    expect(shown({ onlyQuestioned: true })).toEqual([2])
    expect(shown({ onlyQuestioned: true }, null as never)).toEqual([])
  })

  it('both keep either, and they combine with the other filters', () => {
    expect(shown({ onlyUnsupported: true, onlyQuestioned: true })).toEqual([1, 2, 3])
    expect(shown({ onlyUnsupported: true, hiddenTypes: ['economic'] })).toEqual([1])
    expect(shown({ onlyUnsupported: true, yearWindow: [2011, 2016] })).toEqual([1])
  })

  it('the view carries the flags, and the cache recomputes when the verdict changes', () => {
    const cache = createViewCache()
    const before = cache(index, DEFAULT_FILTER, null)
    expect(before.support[2]).toBe(0)
    const after = cache(index, DEFAULT_FILTER, checked)
    expect(after).not.toBe(before)
    expect(after.support[2]).toBe(QUESTIONED)
    expect(cache(index, DEFAULT_FILTER, checked)).toBe(after)
  })

  it('a comparison of two years keeps the flags and the filters', () => {
    const v = comparedView(index, { ...DEFAULT_FILTER, onlyUnsupported: true }, [2012, 2020], checked)
    expect(Array.from(v.shownRelations)).toEqual([1, 3])
    expect(v.support[2]).toBe(QUESTIONED)
  })

  it('round-trips through the URL', () => {
    const filter = { ...DEFAULT_FILTER, onlyUnsupported: true, onlyQuestioned: true }
    const search = encodeUrl('', filter, null)
    expect(search).toBe('?unsupported=1&review=1')
    const back = decodeUrl(search)
    expect(back.filter.onlyUnsupported).toBe(true)
    expect(back.filter.onlyQuestioned).toBe(true)
    expect(back.given.has('onlyUnsupported')).toBe(true)
    expect(encodeUrl(search, DEFAULT_FILTER, null)).toBe('')
  })
})

describe('the export warning', () => {
  it('names the unsupported ties, at most five, and says how many more', () => {
    expect(unsupportedWarning(graph, graph.relations)).toBe(
      '2 ties in this export have no quotation (unsupported): A → C (Military); B → D (Economic).',
    )
    expect(unsupportedWarning(graph, graph.relations.slice(0, 1))).toBeNull()
    const many = tinyGraph(Array.from({ length: 7 }, () => ({ evidence: [] })))
    expect(unsupportedWarning(many, many.relations)).toMatch(/^7 ties in this export .*; and 2 more\.$/)
    const one = unsupportedWarning(graph, [graph.relations[1]!])
    expect(one).toBe('1 tie in this export has no quotation (unsupported): A → C (Military).')
  })
})
