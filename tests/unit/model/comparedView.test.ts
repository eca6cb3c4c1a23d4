import { describe, expect, it } from 'vitest'
import { compareYears } from '../../../src/analysis/compare'
import {
  analysisMarks,
  MARK_CHANGED,
  MARK_ENDED,
  MARK_FORMED,
  MARK_UNCHANGED,
  NO_MARK,
} from '../../../src/model/analysisMarks'
import { comparedView, createDrawnViewCache, drawnStatusText } from '../../../src/model/comparedView'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { signedGraph } from '../analysis/fixtures'

// Four actors, compared between 2012 and 2020 (worked by hand):
const g = signedGraph([
  ['a+b', { start: 2010, end: 2015 }], // r0: a|b cooperative in 2012, gone in 2020 → ended
  ['c-d', { start: 2018 }], // r1: c|d hostile from 2018 → formed
  ['a+c', { start: 2010, end: 2014 }], // r2: a|c cooperative in 2012 …
  ['a-c', { start: 2015 }], // r3: … hostile in 2020 → changed (flipped), one tie
  ['b+d', { start: 2005, end: 2008 }], // r4: active in neither year → not drawn
  ['b~c', {}], // r5: undated, present in both → unchanged
])
const index = buildIndex(g)
const ids = (actors: Uint32Array) => [...actors].map((a) => g.actors[a]!.id)

describe('comparedView (hand-worked)', () => {
  it('draws every relation shown in year A or in year B, whatever the window', () => {
    for (const yearWindow of [null, [2020, 2020], [2012, 2012], [1990, 1991]] as const) {
      const v = comparedView(index, { ...DEFAULT_FILTER, yearWindow }, [2012, 2020])
      expect([...v.shownRelations]).toEqual([0, 1, 2, 3, 5])
      expect(ids(v.shownActors)).toEqual(['a', 'b', 'c', 'd'])
      // a: r0 r2 r3; b: r0 r5; c: r1 r2 r3 r5; d: r1.
      expect([...v.degree]).toEqual([3, 2, 4, 1])
      expect(v.undatedShown).toBe(1)
      expect([...v.countByStance]).toEqual([2, 2, 1]) // cooperative r0 r2, hostile r1 r3, neutral r5
    }
  })

  it('with the window set to year B alone the ended tie a|b is drawn, which the window view hides', () => {
    const filter = { ...DEFAULT_FILTER, yearWindow: [2020, 2020] as const }
    expect(computeView(index, filter).relationShown[0]).toBe(0)
    expect(comparedView(index, filter, [2012, 2020]).relationShown[0]).toBe(1)
  })

  it('follows the type, stance and undated filters', () => {
    const noHostile = comparedView(index, { ...DEFAULT_FILTER, hiddenStances: ['hostile'] }, [2012, 2020])
    expect([...noHostile.shownRelations]).toEqual([0, 2, 5])
    expect(ids(noHostile.shownActors)).toEqual(['a', 'b', 'c']) // d only had the hostile r1
    const noUndated = comparedView(index, { ...DEFAULT_FILTER, undated: 'hidden' }, [2012, 2020])
    expect([...noUndated.shownRelations]).toEqual([0, 1, 2, 3])
    expect(noUndated.undatedShown).toBe(0)
    const unconnected = comparedView(
      index,
      { ...DEFAULT_FILTER, hiddenStances: ['hostile'], showUnconnected: true },
      [2012, 2020],
    )
    expect(ids(unconnected.shownActors)).toEqual(['a', 'b', 'c', 'd'])
    expect(unconnected.degree[3]).toBe(0)
  })

  it('a year compared with itself draws that year', () => {
    const v = comparedView(index, DEFAULT_FILTER, [2012, 2012])
    expect([...v.shownRelations]).toEqual([0, 2, 5])
    expect(ids(v.shownActors)).toEqual(['a', 'b', 'c'])
  })

  it('every drawn relation carries its tie mark: ended, formed, changed, unchanged', () => {
    const v = comparedView(index, DEFAULT_FILTER, [2012, 2020])
    const c = compareYears(index, DEFAULT_FILTER, 2012, 2020)
    expect(c.ended).toEqual(['a|b|military'])
    expect(c.formed).toEqual(['c|d|military'])
    expect(c.changed).toEqual(['a|c|military'])
    const { mark } = analysisMarks(index, v, null, c)
    expect([...mark!]).toEqual([MARK_ENDED, MARK_FORMED, MARK_CHANGED, MARK_CHANGED, NO_MARK, MARK_UNCHANGED])
  })
})

describe('createDrawnViewCache', () => {
  it('gives the window view when not comparing and the compared view when comparing', () => {
    const views = createDrawnViewCache()
    const filter = { ...DEFAULT_FILTER, yearWindow: [2020, 2020] as const }
    expect([...views(index, filter).shownRelations]).toEqual([1, 3, 5])
    expect([...views(index, filter, null).shownRelations]).toEqual([1, 3, 5])
    const compared = views(index, filter, [2012, 2020])
    expect([...compared.shownRelations]).toEqual([0, 1, 2, 3, 5])
    // A move of the window while comparing changes nothing drawn: the same object comes back.
    expect(views(index, { ...filter, yearWindow: [2013, 2016] }, [2012, 2020])).toBe(compared)
    expect(views(index, filter, [2012, 2021])).not.toBe(compared)
    expect(views(index, { ...filter, hiddenTypes: ['economic'] }, [2012, 2020])).not.toBe(compared)
  })
})

describe('drawnStatusText', () => {
  it('says what is shown, and while comparing which years', () => {
    const filter = { ...DEFAULT_FILTER, yearWindow: [2020, 2020] as const }
    expect(drawnStatusText(computeView(index, filter), null)).toBe(
      'Showing 4 of 4 actors and 3 of 6 relations (1 undated)',
    )
    expect(drawnStatusText(comparedView(index, filter, [2012, 2020]), [2012, 2020])).toBe(
      'Comparing 2012 with 2020 — showing 4 of 4 actors and 5 of 6 relations of either year (1 undated)',
    )
  })
})
