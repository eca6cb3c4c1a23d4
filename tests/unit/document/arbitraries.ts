/** Operations over a small network, shared by the document's property tests. */
import fc from 'fast-check'
import type { Op } from '../../../src/document/ops'
import { STANCES } from '../../../src/model/schema'
import type { Graph } from '../../../src/model/types'
import { tinyGraph } from '../helpers'

const ACTORS = ['a', 'b', 'c', 'd', 'e', 'x', 'y']
const RELS = ['r0', 'r1', 'r2', 'r3', 'nr0', 'nr1', 'nr2']

/** Operations over a small id space, so that many of them hit existing things (and some are refused). */
export const opArb: fc.Arbitrary<Op> = fc.oneof(
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

export const start = (): Graph =>
  tinyGraph([
    { start: 2000, end: 2010 },
    { source: 'b', target: 'c', stance: 'hostile', evidence: [{ source: 's', quote: 'q2' }] },
    { source: 'c', target: 'd', type: 'economic', directed: true },
    { source: 'a', target: 'd', evidence: [] },
  ])
