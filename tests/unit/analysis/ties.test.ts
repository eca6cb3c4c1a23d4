import { describe, expect, it } from 'vitest'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { contested, ties } from '../../../src/model/ties'
import { graphOf, HAND } from './graphs'

const index = buildIndex(HAND)
const ids = (shown: Uint32Array) => Array.from(shown, (i) => HAND.relations[i]!.id)

describe('evidence of each tie', () => {
  it('counts distinct sources per relation', () => {
    expect(Array.from(ties(index).sourceCount)).toEqual([1, 2, 1, 2, 1, 1, 1, 1])
  })

  it('counts a source quoted twice once, and a source missing from the list as its own', () => {
    const g = graphOf(['a', 'b'], [{ source: 'a', target: 'b' }])
    const twice = {
      ...g,
      relations: [
        {
          ...g.relations[0]!,
          approximate: true,
          evidence: [
            { source: 's1', quote: 'one' },
            { source: 's1', quote: 'two' },
            { source: 'elsewhere', quote: 'three' },
          ],
        },
      ],
    }
    const t = ties(buildIndex(twice))
    expect(t.sourceCount[0]).toBe(2)
    expect(t.approximate[0]).toBe(1)
  })
})

describe('contested pairs', () => {
  it('marks a pair whose relations of one type are cooperative and hostile', () => {
    const c = contested(index, new Uint8Array(8).fill(1))
    // c–d diplomatic: r3 cooperative, r6 hostile. a–b disagree only across types: not contested.
    expect(Array.from(c.relation)).toEqual([0, 0, 0, 1, 0, 0, 1, 0])
    expect(c.pairs).toBe(1)
  })

  it('considers only the relations given', () => {
    const considered = new Uint8Array(8).fill(1)
    considered[6] = 0
    expect(contested(index, considered).pairs).toBe(0)
  })

  it('counts a pair once even when several types disagree, and ignores neutral', () => {
    const g = graphOf(
      ['a', 'b', 'c'],
      [
        { source: 'a', target: 'b', type: 'military', stance: 'cooperative' },
        { source: 'b', target: 'a', type: 'military', stance: 'hostile' },
        { source: 'a', target: 'b', type: 'economic', stance: 'cooperative' },
        { source: 'a', target: 'b', type: 'economic', stance: 'hostile' },
        { source: 'b', target: 'c', type: 'military', stance: 'cooperative' },
        { source: 'b', target: 'c', type: 'military', stance: 'neutral' },
      ],
    )
    const c = contested(buildIndex(g), new Uint8Array(6).fill(1))
    expect(c.pairs).toBe(1)
    expect(Array.from(c.relation)).toEqual([1, 1, 1, 1, 0, 0])
  })
})

describe('evidence filters in the view', () => {
  it('"At least 2 sources" keeps only relations citing two distinct sources', () => {
    const v = computeView(index, { ...DEFAULT_FILTER, minSources: 2 })
    expect(ids(v.shownRelations)).toEqual(['r1', 'r3'])
    expect(v.contestedPairs).toBe(0)
  })

  it('"Hide contested" hides the disagreeing relations and still counts the pair', () => {
    const v = computeView(index, { ...DEFAULT_FILTER, hideContested: true })
    expect(ids(v.shownRelations)).toEqual(['r0', 'r1', 'r2', 'r4', 'r5', 'r7'])
    expect(v.contestedPairs).toBe(1)
    expect(v.degree[index.actorIndex.get('d')!]).toBe(2)
  })

  it('contested pairs are found within the year window', () => {
    const g = graphOf(
      ['a', 'b'],
      [
        { source: 'a', target: 'b', stance: 'cooperative', start: 2000, end: 2001 },
        { source: 'a', target: 'b', stance: 'hostile', start: 2010 },
      ],
    )
    const i = buildIndex(g)
    expect(computeView(i, DEFAULT_FILTER).contestedPairs).toBe(1)
    expect(computeView(i, { ...DEFAULT_FILTER, yearWindow: [2005, 2020] }).contestedPairs).toBe(0)
  })
})
