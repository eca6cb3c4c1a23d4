import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEditor } from '../../../src/document/editor'
import {
  createNetworkDoc,
  encodeNetwork,
  fillFromGraph,
  networkFromUpdate,
  readGraph,
} from '../../../src/document/network'
import type { Op } from '../../../src/document/ops'
import { validateGraph } from '../../../src/model/parse'
import { STANCES } from '../../../src/model/schema'
import type { Graph } from '../../../src/model/types'
import { tinyGraph } from '../helpers'

const ACTORS = ['a', 'b', 'c', 'd', 'e', 'x', 'y']
const RELS = ['r0', 'r1', 'r2', 'r3', 'nr0', 'nr1', 'nr2']

/** Operations over a small id space, so that many of them hit existing things (and some are refused). */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('addActor' as const),
    actor: fc.record({
      id: fc.constantFrom(...ACTORS),
      label: fc.string({ minLength: 0, maxLength: 6 }),
      kind: fc.constantFrom('state' as const, 'organisation' as const),
    }),
  }),
  fc.record({
    op: fc.constant('updateActor' as const),
    id: fc.constantFrom(...ACTORS),
    patch: fc.oneof(
      fc.record({ label: fc.string({ maxLength: 6 }) }),
      fc.record({
        aliases: fc.option(fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 2 }), {
          nil: undefined,
        }),
      }),
      fc.record({ description: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }),
    ),
  }),
  fc.record({
    op: fc.constant('deleteActors' as const),
    ids: fc.subarray(ACTORS, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    op: fc.constant('addRelation' as const),
    relation: fc.record({
      id: fc.constantFrom(...RELS),
      source: fc.constantFrom(...ACTORS),
      target: fc.constantFrom(...ACTORS),
      type: fc.constantFrom('military', 'economic', 'nope'),
      stance: fc.constantFrom(...STANCES),
      summary: fc.string({ minLength: 0, maxLength: 5 }),
    }),
  }),
  fc.record({
    op: fc.constant('updateRelations' as const),
    ids: fc.subarray(RELS, { minLength: 1, maxLength: 3 }),
    patch: fc.oneof(
      fc.record({ stance: fc.constantFrom(...STANCES) }),
      fc.record({ start: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }) }),
      fc.record({ end: fc.option(fc.integer({ min: 1980, max: 2030 }), { nil: undefined }) }),
      fc.record({ source: fc.constantFrom(...ACTORS), target: fc.constantFrom(...ACTORS) }),
      fc.record({ type: fc.constantFrom('military', 'diplomatic', 'nope') }),
    ),
  }),
  fc.record({
    op: fc.constant('deleteRelations' as const),
    ids: fc.subarray(RELS, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    op: fc.constant('addEvidence' as const),
    relation: fc.constantFrom(...RELS),
    evidence: fc.record({ source: fc.constant('s'), quote: fc.string({ minLength: 1, maxLength: 6 }) }),
  }),
  fc.record({
    op: fc.constant('removeEvidence' as const),
    relation: fc.constantFrom(...RELS),
    index: fc.nat(2),
  }),
  fc.record({
    op: fc.constant('merge' as const),
    keep: fc.constantFrom(...ACTORS),
    others: fc.subarray(ACTORS, { minLength: 1, maxLength: 2 }),
    removeSelfTies: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('addType' as const),
    type: fc.record({
      id: fc.constantFrom('t1', 'military'),
      label: fc.constant('T'),
      color: fc.constantFrom('#123456', 'red'),
    }),
  }),
  fc.record({ op: fc.constant('deleteType' as const), id: fc.constantFrom('economic', 'military', 't1') }),
)

const start = (): Graph =>
  tinyGraph([
    { start: 2000, end: 2010 },
    { source: 'b', target: 'c', stance: 'hostile', evidence: [{ source: 's', quote: 'q2' }] },
    { source: 'c', target: 'd', type: 'economic', directed: true },
    { source: 'a', target: 'd', evidence: [] },
  ])
const json = (g: Graph) => JSON.parse(JSON.stringify(g)) as unknown

describe('operations, as properties', () => {
  it('any sequence of operations, then undoing all of them, gives back the original network exactly', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const net = createNetworkDoc()
        fillFromGraph(net, start())
        const before = json(readGraph(net).graph)
        const editor = createEditor(net)
        let applied = 0
        for (const op of ops) {
          const r = editor.apply(op)
          if (r.ok && r.unchanged !== true) applied++
        }
        expect(editor.steps().done).toHaveLength(applied)
        // Every state along the way is a valid format v1 file.
        const during = readGraph(net)
        expect(during.orphans).toEqual([])
        expect(validateGraph(json(during.graph)).ok).toBe(true)
        editor.goTo(0)
        expect(json(readGraph(net).graph)).toEqual(before)
        // …and redoing all of them gives back the edited network.
        editor.goTo(applied)
        expect(json(readGraph(net).graph)).toEqual(json(during.graph))
      }),
      { numRuns: 150 },
    )
  })

  it('undo after a reload (document and history restored) gives back the original too', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 15 }), fc.nat(15), (ops, undoFirst) => {
        const net = createNetworkDoc()
        fillFromGraph(net, start())
        const before = json(readGraph(net).graph)
        const editor = createEditor(net)
        for (const op of ops) editor.apply(op)
        // Some undos before the reload, so redone structs are part of what is restored.
        for (let i = 0; i < undoFirst % 4; i++) editor.undo()
        for (const op of ops.slice(0, 3)) editor.apply(op)
        const saved = structuredClone(editor.save())
        const again = networkFromUpdate(encodeNetwork(net))
        const restored = createEditor(again)
        restored.restore(saved)
        expect(json(readGraph(again).graph)).toEqual(json(readGraph(net).graph))
        restored.goTo(0)
        expect(json(readGraph(again).graph)).toEqual(before)
      }),
      { numRuns: 100 },
    )
  })

  it('a refused operation changes nothing and adds no step', () => {
    fc.assert(
      fc.property(opArb, (op) => {
        const net = createNetworkDoc()
        fillFromGraph(net, start())
        const before = json(readGraph(net).graph)
        const editor = createEditor(net)
        const r = editor.apply(op)
        if (!r.ok) {
          expect(json(readGraph(net).graph)).toEqual(before)
          expect(editor.steps().done).toHaveLength(0)
          expect(r.problems.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 },
    )
  })
})
