import { describe, expect, it } from 'vitest'
import {
  computeView,
  createViewCache,
  DEFAULT_FILTER,
  statusText,
  type FilterState,
} from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { tinyGraph } from '../helpers'

const f = (patch: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTER, ...patch })
const ids = (g: ReturnType<typeof tinyGraph>, shown: Uint32Array) =>
  Array.from(shown, (i) => g.relations[i]!.id)

describe('computeView', () => {
  const g = tinyGraph([
    { type: 'military', stance: 'cooperative', start: 2000, end: 2005 }, // r0
    { type: 'economic', stance: 'hostile', start: 2010 }, // r1 ongoing
    { type: 'diplomatic', stance: 'neutral' }, // r2 undated
    { source: 'c', target: 'd', type: 'military', stance: 'hostile', start: 2006, end: 2006 }, // r3
  ])
  const index = buildIndex(g)

  it('shows everything with the default filter', () => {
    const v = computeView(index, DEFAULT_FILTER)
    expect(ids(g, v.shownRelations)).toEqual(['r0', 'r1', 'r2', 'r3'])
    expect(v.shownActors.length).toBe(4) // e has no relation
    expect(statusText(v)).toBe('Showing 4 of 5 actors and 4 of 4 relations (1 undated)')
  })

  it('hides a relation type and counts per type', () => {
    const v = computeView(index, f({ hiddenTypes: ['military'] }))
    expect(ids(g, v.shownRelations)).toEqual(['r1', 'r2'])
    expect(Array.from(v.countByType)).toEqual([0, 1, 1])
    expect(v.actorShown[index.actorIndex.get('c')!]).toBe(0)
  })

  it('combines type and stance filters', () => {
    const v = computeView(index, f({ hiddenTypes: ['economic'], hiddenStances: ['hostile'] }))
    expect(ids(g, v.shownRelations)).toEqual(['r0', 'r2'])
    expect(Array.from(v.countByStance)).toEqual([1, 0, 1])
  })

  it.each([
    [
      [2005, 2005],
      ['r0', 'r2'],
    ], // end year is inclusive
    [
      [2006, 2006],
      ['r2', 'r3'],
    ],
    [[2007, 2009], ['r2']], // a gap: only the undated relation
    [
      [2010, 2010],
      ['r1', 'r2'],
    ], // start year is inclusive
    [
      [2050, 2060],
      ['r1', 'r2'],
    ], // ongoing relations stay
    [[1990, 1999], ['r2']],
    [
      [1990, 2000],
      ['r0', 'r2'],
    ],
  ] as const)('year window %j shows %j', (w, expected) => {
    expect(ids(g, computeView(index, f({ yearWindow: w })).shownRelations)).toEqual(expected)
  })

  it('hides unconnected actors unless asked to show them', () => {
    expect(computeView(index, f({ yearWindow: [2007, 2009] })).shownActors.length).toBe(2)
    expect(
      computeView(index, f({ yearWindow: [2007, 2009], showUnconnected: true })).shownActors.length,
    ).toBe(5)
  })

  it('counts degrees from shown relations only', () => {
    const v = computeView(index, f({ hiddenStances: ['neutral'] }))
    expect(v.degree[index.actorIndex.get('a')!]).toBe(2)
    expect(v.degree[index.actorIndex.get('c')!]).toBe(1)
  })

  it('reports the year extent from starts and ends, and null when nothing is dated', () => {
    expect(index.yearExtent).toEqual([2000, 2010])
    expect(buildIndex(tinyGraph([{}])).yearExtent).toBeNull()
  })

  it('caches one view per graph and filter', () => {
    const cache = createViewCache()
    const a = cache(index, f({ hiddenTypes: ['military'] }))
    expect(cache(index, f({ hiddenTypes: ['military'] }))).toBe(a)
    expect(cache(index, f({}))).not.toBe(a)
  })

  it('filters 80,000 relations into typed arrays', () => {
    const rels = Array.from({ length: 80_000 }, (_, i) => ({
      source: `n${i % 20_000}`,
      target: `n${(i * 7 + 1) % 20_000}`,
      start: 1990 + (i % 30),
      type: ['military', 'economic', 'diplomatic'][i % 3]!,
    }))
    const big = buildIndex(
      tinyGraph(
        rels.filter((r) => r.source !== r.target),
        Array.from({ length: 20_000 }, (_, i) => `n${i}`),
      ),
    )
    const v = computeView(big, f({ yearWindow: [2000, 2000], hiddenTypes: ['economic'] }))
    const expected = rels.filter(
      (r) => r.source !== r.target && r.start <= 2000 && r.type !== 'economic',
    ).length
    expect(v.shownRelations.length).toBe(expected)
  })
})
