/**
 * Emphasis as a pure function, on a graph small enough to work out by hand:
 *
 *   a ─r0 military─ b ─r1 economic─ c ─r2 military, hostile─ d        e (no relation)
 *   a ─────────────r3 diplomatic──── c
 */
import { describe, expect, it } from 'vitest'
import { computeEmphasis, EMPHASISED, type Emphasis, type EmphasisIntent } from '../../../src/model/emphasis'
import { computeView, DEFAULT_FILTER, type FilterState } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { tinyGraph } from '../helpers'

const graph = tinyGraph([
  { source: 'a', target: 'b', type: 'military' },
  { source: 'b', target: 'c', type: 'economic' },
  { source: 'c', target: 'd', type: 'military', stance: 'hostile' },
  { source: 'a', target: 'c', type: 'diplomatic' },
])
const index = buildIndex(graph)
const view = (patch: Partial<FilterState> = {}) => computeView(index, { ...DEFAULT_FILTER, ...patch })

/** The emphasised actor and relation ids, and the three marked indices, in a readable form. */
function read(e: Emphasis) {
  return {
    active: e.active,
    actors: graph.actors.filter((_, i) => e.actors[i] === EMPHASISED).map((a) => a.id),
    relations: graph.relations.filter((_, i) => e.relations[i] === EMPHASISED).map((r) => r.id),
    selectedActor: e.selectedActor,
    selectedRelation: e.selectedRelation,
    hoveredActor: e.hoveredActor,
  }
}

const emphasise = (intent: EmphasisIntent, patch: Partial<FilterState> = {}) =>
  read(computeEmphasis(index, view(patch), intent))

const actor = (id: string) => ({ kind: 'actor' as const, id })
const relation = (id: string) => ({ kind: 'relation' as const, id })
const none = { selectedActor: -1, selectedRelation: -1, hoveredActor: -1 }

describe('computeEmphasis', () => {
  it('emphasises nothing without an intent', () => {
    for (const intent of [{}, { selection: null, hover: null }])
      expect(emphasise(intent)).toEqual({ active: false, actors: [], relations: [], ...none })
  })

  it('a selected actor brings its shown relations and their other ends', () => {
    expect(emphasise({ selection: actor('b') })).toEqual({
      active: true,
      actors: ['a', 'b', 'c'],
      relations: ['r0', 'r1'],
      ...none,
      selectedActor: 1,
    })
  })

  it('leaves hidden relations (and actors reached only through them) plain', () => {
    // Military hidden: r0 and r2 go; a is still shown (through r3) but no longer tied to b.
    expect(emphasise({ selection: actor('b') }, { hiddenTypes: ['military'] })).toEqual({
      active: true,
      actors: ['b', 'c'],
      relations: ['r1'],
      ...none,
      selectedActor: 1,
    })
  })

  it('a selected relation brings its two ends only', () => {
    expect(emphasise({ selection: relation('r2') })).toEqual({
      active: true,
      actors: ['c', 'd'],
      relations: ['r2'],
      ...none,
      selectedRelation: 2,
    })
  })

  it('hover works like a selected actor when nothing is selected', () => {
    expect(emphasise({ hover: 'a' })).toEqual({
      active: true,
      actors: ['a', 'b', 'c'],
      relations: ['r0', 'r3'],
      ...none,
      hoveredActor: 0,
    })
  })

  it('a selected actor wins over the hover, which is still reported', () => {
    expect(emphasise({ selection: actor('d'), hover: 'a' })).toEqual({
      active: true,
      actors: ['c', 'd'],
      relations: ['r2'],
      selectedActor: 3,
      selectedRelation: -1,
      hoveredActor: 0,
    })
  })

  it('a selected relation wins over the hover', () => {
    expect(emphasise({ selection: relation('r1'), hover: 'd' })).toEqual({
      active: true,
      actors: ['b', 'c'],
      relations: ['r1'],
      selectedActor: -1,
      selectedRelation: 1,
      hoveredActor: 3,
    })
  })

  it('a hidden selected actor gives way to the hover but stays selected', () => {
    // e has no relation, so it is hidden unless unconnected actors are shown.
    expect(emphasise({ selection: actor('e'), hover: 'd' })).toEqual({
      active: true,
      actors: ['c', 'd'],
      relations: ['r2'],
      selectedActor: 4,
      selectedRelation: -1,
      hoveredActor: 3,
    })
    // Shown, it has nothing to bring along but itself.
    expect(emphasise({ selection: actor('e') }, { showUnconnected: true })).toEqual({
      active: true,
      actors: ['e'],
      relations: [],
      ...none,
      selectedActor: 4,
    })
  })

  it('a hidden selected relation emphasises nothing, and blocks the hover', () => {
    expect(emphasise({ selection: relation('r0'), hover: 'd' }, { hiddenTypes: ['military'] })).toEqual({
      active: false,
      actors: [],
      relations: [],
      selectedActor: -1,
      selectedRelation: 0,
      hoveredActor: 3,
    })
  })

  it('ignores ids the graph does not have', () => {
    expect(emphasise({ selection: actor('zz'), hover: 'yy' })).toEqual({
      active: false,
      actors: [],
      relations: [],
      ...none,
    })
    expect(emphasise({ selection: relation('zz') })).toEqual({
      active: false,
      actors: [],
      relations: [],
      ...none,
    })
  })

  it('is pure: same answer twice, the view untouched, fresh masks each time', () => {
    const v = view()
    const before = { actors: Array.from(v.actorShown), relations: Array.from(v.relationShown) }
    const first = computeEmphasis(index, v, { selection: actor('c') })
    const second = computeEmphasis(index, v, { selection: actor('c') })
    expect(read(second)).toEqual(read(first))
    expect(second.actors).not.toBe(first.actors)
    expect({ actors: Array.from(v.actorShown), relations: Array.from(v.relationShown) }).toEqual(before)
    expect(read(first).actors).toEqual(['a', 'b', 'c', 'd'])
    expect(read(first).relations).toEqual(['r1', 'r2', 'r3'])
  })
})

describe('emphasis of a path and of a focus', () => {
  it('a path emphasises its actors and the shown relations between consecutive ones, over the selection', () => {
    const e = computeEmphasis(index, view(), { selection: { kind: 'actor', id: 'd' }, path: ['a', 'b', 'c'] })
    expect(read(e)).toMatchObject({ active: true, actors: ['a', 'b', 'c'], relations: ['r0', 'r1'] })
    // The ring of the selection stays.
    expect(e.selectedActor).toBe(3)
  })

  it('a path step whose relation is hidden emphasises no relation for it', () => {
    const e = computeEmphasis(index, view({ hiddenTypes: ['economic'] }), { path: ['a', 'b', 'c'] })
    expect(read(e).relations).toEqual(['r0'])
  })

  it('"Dim others" emphasises the actors inside and the relations among them', () => {
    const inside = Uint8Array.from([1, 1, 1, 0, 0])
    const e = computeEmphasis(index, view(), { selection: { kind: 'actor', id: 'a' }, focusActors: inside })
    expect(read(e)).toMatchObject({ active: true, actors: ['a', 'b', 'c'], relations: ['r0', 'r1', 'r3'] })
  })
})

describe('emphasis of a path of another graph', () => {
  it('dims nothing when no actor of the path is in this graph', () => {
    const e = computeEmphasis(index, view(), { path: ['x', 'y'] })
    expect(e.active).toBe(false)
  })
})
