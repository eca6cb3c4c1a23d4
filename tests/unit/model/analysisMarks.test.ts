/** Camp classes, tie marks and the emphasis of a chosen triangle or a comparison. */
import { describe, expect, it } from 'vitest'
import {
  analysisMarks,
  CAMP_1,
  CAMP_2,
  CAMP_OUTSIDE,
  MARK_CHANGED,
  MARK_ENDED,
  MARK_FORMED,
  MARK_FRUSTRATED,
  MARK_UNCHANGED,
  NO_MARKS,
} from '../../../src/model/analysisMarks'
import { computeEmphasis, EMPHASISED } from '../../../src/model/emphasis'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { signedGraph } from '../analysis/fixtures'

// r0 a+b, r1 b−c, r2 a−c, r3 c~d (neutral), r4 a+b again (other type); e has no relation.
const g = signedGraph(['a+b', 'b-c', 'a-c', 'c~d', ['a+b', { type: 'economic' }]], ['e'])
const index = buildIndex(g)
const view = computeView(index, DEFAULT_FILTER)
const at = (id: string) => index.actorIndex.get(id)!

describe('analysisMarks', () => {
  it('is nothing without camps or a comparison', () => {
    expect(analysisMarks(index, view, null, null)).toBe(NO_MARKS)
  })

  it('classes shown actors by camp, the rest of the shown ones as outside', () => {
    const m = analysisMarks(index, view, { camps: [['a', 'b'], ['c']], frustrated: [['a', 'b']] }, null)
    expect(m.camp![at('a')]).toBe(CAMP_1)
    expect(m.camp![at('b')]).toBe(CAMP_1)
    expect(m.camp![at('c')]).toBe(CAMP_2)
    expect(m.camp![at('d')]).toBe(CAMP_OUTSIDE) // shown by its neutral tie only
    expect(m.camp![at('e')]).toBe(0) // not shown
    // Both shown signed relations of the frustrated pair are marked, nothing else.
    expect(Array.from(m.mark!)).toEqual([MARK_FRUSTRATED, 0, 0, 0, MARK_FRUSTRATED])
    expect(m.comparing).toBe(false)
  })

  it('marks each relation behind a compared tie by its change', () => {
    const m = analysisMarks(index, view, null, {
      ties: [
        { change: 'formed', relationsA: [], relationsB: [0] },
        { change: 'ended', relationsA: [1], relationsB: [] },
        { change: 'changed', relationsA: [2], relationsB: [3] },
        { change: 'unchanged', relationsA: [4], relationsB: [4] },
      ],
    })
    expect(Array.from(m.mark!)).toEqual([MARK_FORMED, MARK_ENDED, MARK_CHANGED, MARK_CHANGED, MARK_UNCHANGED])
    expect(m.camp).toBeNull()
    // Comparing: the changed ties and their ends stand out, the unchanged tie is faded.
    const e = computeEmphasis(index, view, { analysis: m })
    expect(e.active).toBe(true)
    expect(Array.from(e.relations)).toEqual([1, 1, 1, 1, 0])
    expect(e.mark).toBe(m.mark)
  })
})

describe('emphasis of a chosen triangle', () => {
  it('emphasises its three actors and the relations between them, over a selection', () => {
    const e = computeEmphasis(index, view, {
      triangle: ['a', 'b', 'c'],
      selection: { kind: 'actor', id: 'd' },
    })
    expect(e.active).toBe(true)
    expect(['a', 'b', 'c', 'd'].map((id) => e.actors[at(id)])).toEqual([
      EMPHASISED,
      EMPHASISED,
      EMPHASISED,
      0,
    ])
    expect(Array.from(e.relations)).toEqual([1, 1, 1, 0, 1])
  })

  it('falls back to the selection when a triangle actor is not shown', () => {
    // Only cooperative relations shown: c (hostile and neutral ties only) is hidden.
    const coop = computeView(index, { ...DEFAULT_FILTER, hiddenStances: ['hostile', 'neutral'] })
    const e = computeEmphasis(index, coop, {
      triangle: ['a', 'b', 'c'],
      selection: { kind: 'actor', id: 'a' },
    })
    expect(Array.from(e.relations)).toEqual([1, 0, 0, 0, 1])
    expect(e.actors[at('c')]).toBe(0)
  })
})
