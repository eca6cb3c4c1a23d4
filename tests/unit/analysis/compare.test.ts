import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareYears } from '../../../src/analysis/compare'
import { DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import type { Relation } from '../../../src/model/types'
import { signedGraph } from './fixtures'

const g = signedGraph([
  ['a+b', { start: 2010, end: 2012 }], // r0: a|b military cooperative 2010–2012
  ['a-b', { start: 2014 }], // r1: a|b military hostile from 2014 → flipped, counted once
  ['b+c', { start: 2011, type: 'economic' }], // r2: formed in 2011
  ['c-d', { start: 2009, end: 2010 }], // r3: ended after 2010
  ['a~d', {}], // r4: undated, present in every year
  ['c+e', { start: 2010, end: 2010 }], // r5: c|e cooperative in 2010 …
  ['e-c', { start: 2010 }], // r6: … and hostile from 2010: contested in 2010, hostile after
  ['b+d', { start: 2010 }], // r7: unchanged cooperative
  ['d-b', { start: 2010, type: 'diplomatic' }], // r8: same pair, other type: its own tie
])
const index = buildIndex(g)

describe('compareYears (hand-worked)', () => {
  it('classifies each pair × type between 2010 and 2015', () => {
    const c = compareYears(index, DEFAULT_FILTER, 2010, 2015)
    expect(c.formed).toEqual(['b|c|economic'])
    expect(c.ended).toEqual(['c|d|military'])
    expect(c.changed).toEqual(['a|b|military', 'c|e|military'])
    expect(c.unchanged).toEqual(['a|d|military', 'b|d|diplomatic', 'b|d|military'])
    const byKey = new Map(c.ties.map((t) => [t.key, t]))
    expect(byKey.get('a|b|military')).toMatchObject({
      stateA: 'cooperative',
      stateB: 'hostile',
      flipped: true,
      relationsA: [0],
      relationsB: [1],
    })
    expect(byKey.get('c|e|military')).toMatchObject({
      stateA: 'contested',
      stateB: 'hostile',
      flipped: false,
    })
    expect(byKey.get('a|d|military')).toMatchObject({ stateA: 'neutral', stateB: 'neutral' })
    expect(byKey.get('b|c|economic')).toMatchObject({
      stateA: 'absent',
      stateB: 'cooperative',
      relationsA: [],
    })
  })

  it('follows the type and stance filters', () => {
    const c = compareYears(index, { ...DEFAULT_FILTER, hiddenStances: ['hostile'] }, 2010, 2015)
    // Without hostile relations a|b ends (cooperative → absent), c|e turns from contested to
    // cooperative-only-in-2010 → ended, c|d is gone in both years.
    expect(c.ended).toEqual(['a|b|military', 'c|e|military'])
    expect(c.changed).toEqual([])
    const t = compareYears(index, { ...DEFAULT_FILTER, hiddenTypes: ['economic'] }, 2010, 2015)
    expect(t.formed).toEqual([])
  })

  it('ignores the year window of the filter', () => {
    const c = compareYears(index, { ...DEFAULT_FILTER, yearWindow: [1990, 1991] }, 2010, 2015)
    expect(c.formed).toEqual(['b|c|economic'])
  })
})

const relationsArb = fc.array(
  fc.record({
    pair: fc.constantFrom('a+b', 'a-b', 'b+c', 'c-a', 'c~d', 'd+a', 'b-d'),
    type: fc.constantFrom('military', 'economic', 'diplomatic'),
    start: fc.option(fc.integer({ min: 2000, max: 2010 }), { nil: undefined }),
    length: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  }),
  { maxLength: 25 },
)
const graphOf = (
  rows: { pair: string; type: string; start?: number | undefined; length?: number | undefined }[],
) =>
  signedGraph(
    rows.map((r): [string, Partial<Relation>] => [
      r.pair,
      {
        type: r.type,
        ...(r.start === undefined
          ? {}
          : { start: r.start, end: r.length === undefined ? null : r.start + r.length }),
      },
    ]),
    ['a', 'b', 'c', 'd'],
  )

describe('compare properties', () => {
  it('a year compared with itself has only unchanged ties', () => {
    fc.assert(
      fc.property(relationsArb, fc.integer({ min: 1998, max: 2017 }), (rows, y) => {
        const c = compareYears(buildIndex(graphOf(rows)), DEFAULT_FILTER, y, y)
        expect(c.formed).toEqual([])
        expect(c.ended).toEqual([])
        expect(c.changed).toEqual([])
        expect(c.unchanged).toEqual(c.ties.map((t) => t.key))
      }),
    )
  })

  it('formed(A, B) = ended(B, A), and changed and unchanged are symmetric', () => {
    fc.assert(
      fc.property(
        relationsArb,
        fc.integer({ min: 1998, max: 2017 }),
        fc.integer({ min: 1998, max: 2017 }),
        (rows, a, b) => {
          const index = buildIndex(graphOf(rows))
          const ab = compareYears(index, DEFAULT_FILTER, a, b)
          const ba = compareYears(index, DEFAULT_FILTER, b, a)
          expect(ab.formed).toEqual(ba.ended)
          expect(ab.ended).toEqual(ba.formed)
          expect(ab.changed).toEqual(ba.changed)
          expect(ab.unchanged).toEqual(ba.unchanged)
          // Every tie is in exactly one list.
          const all = [...ab.formed, ...ab.ended, ...ab.changed, ...ab.unchanged].sort()
          expect(all).toEqual(ab.ties.map((t) => t.key).sort())
        },
      ),
    )
  })
})
