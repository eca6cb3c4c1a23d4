/**
 * The "Undated relations" modes of the filter: always, as of their sources, hidden. Expected
 * relation ids are worked out by hand from the small graph below.
 */
import { describe, expect, it } from 'vitest'
import {
  computeView,
  createViewCache,
  DEFAULT_FILTER,
  relationSourceYears,
  sourceYear,
  statusText,
  type FilterState,
} from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import type { Graph } from '../../../src/model/types'

const graph: Graph = {
  schemaVersion: 1,
  title: 'undated',
  relationTypes: [
    { id: 'military', label: 'Military', color: '#D55E00' },
    { id: 'economic', label: 'Economic', color: '#0072B2' },
  ],
  sources: [
    { id: 'dated', title: 'Dated', published: '2021-10-05' }, // describes 2021
    { id: 'asof', title: 'Undated text', asOf: 2023 }, // describes 2023
    { id: 'both', title: 'Both', published: '2019', asOf: 2015 }, // asOf wins: 2015
    { id: 'none', title: 'No year' },
  ],
  actors: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: id.toUpperCase(), kind: 'state' as const })),
  relations: [
    // r0: dated 2000–2005
    {
      id: 'r0',
      source: 'a',
      target: 'b',
      type: 'military',
      stance: 'cooperative',
      start: 2000,
      end: 2005,
      summary: 'x',
      evidence: [{ source: 'none', quote: 'q' }],
    },
    // r1: undated, from the 2021 source
    {
      id: 'r1',
      source: 'a',
      target: 'c',
      type: 'military',
      stance: 'hostile',
      summary: 'x',
      evidence: [{ source: 'dated', quote: 'q' }],
    },
    // r2: undated, from the asOf-2023 source
    {
      id: 'r2',
      source: 'b',
      target: 'c',
      type: 'economic',
      stance: 'cooperative',
      summary: 'x',
      evidence: [{ source: 'asof', quote: 'q' }],
    },
    // r3: undated, quoted from both 2021 and 2023 texts
    {
      id: 'r3',
      source: 'c',
      target: 'd',
      type: 'economic',
      stance: 'neutral',
      summary: 'x',
      evidence: [
        { source: 'asof', quote: 'q' },
        { source: 'dated', quote: 'q' },
      ],
    },
    // r4: undated, from a source with no year
    {
      id: 'r4',
      source: 'd',
      target: 'e',
      type: 'military',
      stance: 'cooperative',
      summary: 'x',
      evidence: [{ source: 'none', quote: 'q' }],
    },
    // r5: undated, no evidence at all
    { id: 'r5', source: 'a', target: 'e', type: 'military', stance: 'cooperative', summary: 'x' },
    // r6: undated, from the source whose asOf (2015) overrides its publication year (2019)
    {
      id: 'r6',
      source: 'b',
      target: 'd',
      type: 'military',
      stance: 'cooperative',
      summary: 'x',
      evidence: [{ source: 'both', quote: 'q' }],
    },
  ],
}
const index = buildIndex(graph)
const f = (patch: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTER, ...patch })
const shown = (filter: FilterState) =>
  Array.from(computeView(index, filter).shownRelations, (i) => graph.relations[i]!.id)

describe('sourceYear', () => {
  it('is asOf when given, else the publication year, else null', () => {
    expect(sourceYear({ published: '2021-10-05' })).toBe(2021)
    expect(sourceYear({ published: '1999' })).toBe(1999)
    expect(sourceYear({ asOf: 2023 })).toBe(2023)
    expect(sourceYear({ published: '2019-02', asOf: 2015 })).toBe(2015)
    expect(sourceYear({})).toBeNull()
  })

  it('lists the distinct years of each relation, ascending', () => {
    const sy = relationSourceYears(graph)
    const row = (i: number) => Array.from(sy.years.subarray(sy.rowStart[i]!, sy.rowStart[i + 1]!))
    expect([0, 1, 2, 3, 4, 5, 6].map(row)).toEqual([[], [2021], [2023], [2021, 2023], [], [], [2015]])
  })
})

describe('undated relations: always', () => {
  it('is the default and shows every undated relation in every window', () => {
    expect(DEFAULT_FILTER.undated).toBe('always')
    expect(shown(f({}))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'])
    expect(shown(f({ yearWindow: [1990, 1990] }))).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'])
    expect(computeView(index, f({ yearWindow: [1990, 1990] })).undatedShown).toBe(6)
  })
})

describe('undated relations: as of their sources', () => {
  it.each<[[number, number] | null, string[]]>([
    [null, ['r0', 'r1', 'r2', 'r3', 'r6']], // all years: every relation with a year to show it at
    [[2000, 2005], ['r0']],
    [[2015, 2015], ['r6']],
    [[2019, 2019], []], // r6's publication year does not count: its asOf does
    [
      [2021, 2021],
      ['r1', 'r3'],
    ],
    [[2022, 2022], []],
    [
      [2023, 2023],
      ['r2', 'r3'],
    ],
    [
      [2021, 2023],
      ['r1', 'r2', 'r3'],
    ],
    [
      [2000, 2030],
      ['r0', 'r1', 'r2', 'r3', 'r6'],
    ],
  ])('window %j shows %j', (w, expected) => {
    expect(shown(f({ undated: 'sources', yearWindow: w }))).toEqual(expected)
  })

  it('never shows an undated relation whose sources have no year', () => {
    for (let y = 1990; y <= 2030; y++) {
      const ids = shown(f({ undated: 'sources', yearWindow: [y, y] }))
      expect(ids).not.toContain('r4')
      expect(ids).not.toContain('r5')
    }
  })

  it('still applies the type and stance filters', () => {
    expect(shown(f({ undated: 'sources', yearWindow: [2021, 2023], hiddenTypes: ['economic'] }))).toEqual([
      'r1',
    ])
    expect(shown(f({ undated: 'sources', yearWindow: [2021, 2023], hiddenStances: ['hostile'] }))).toEqual([
      'r2',
      'r3',
    ])
  })
})

describe('undated relations: hidden', () => {
  it('shows only dated relations, and actors only through them', () => {
    const v = computeView(index, f({ undated: 'hidden' }))
    expect(shown(f({ undated: 'hidden' }))).toEqual(['r0'])
    expect(Array.from(v.shownActors, (a) => graph.actors[a]!.id)).toEqual(['a', 'b'])
    expect(v.undatedShown).toBe(0)
    expect(shown(f({ undated: 'hidden', yearWindow: [1990, 1990] }))).toEqual([])
  })
})

describe('the status line and the cache', () => {
  it('counts the undated relations shown, and says nothing when there are none', () => {
    expect(statusText(computeView(index, f({})))).toBe(
      'Showing 5 of 5 actors and 7 of 7 relations (6 undated)',
    )
    expect(statusText(computeView(index, f({ undated: 'sources', yearWindow: [2021, 2021] })))).toBe(
      'Showing 3 of 5 actors and 2 of 7 relations (2 undated)',
    )
    expect(statusText(computeView(index, f({ undated: 'hidden' })))).toBe(
      'Showing 2 of 5 actors and 1 of 7 relations',
    )
  })

  it('recomputes when only the mode changes', () => {
    const cache = createViewCache()
    const a = cache(index, f({}))
    const b = cache(index, f({ undated: 'hidden' }))
    expect(b).not.toBe(a)
    expect(b.shownRelations.length).toBe(1)
    expect(cache(index, f({ undated: 'hidden' }))).toBe(b)
  })
})
