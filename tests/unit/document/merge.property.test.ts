/**
 * Properties of merging, saving and exporting an edited network (issue 19): a merge keeps every
 * quotation but those of the self-ties the user confirmed removing; a saved network re-opens
 * identical; the exported file always validates and re-opens as the same network.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEditor } from '../../../src/document/editor'
import { planMerge } from '../../../src/document/merge'
import {
  createNetworkDoc,
  encodeNetwork,
  fillFromGraph,
  networkFromUpdate,
  readGraph,
  type NetworkDoc,
} from '../../../src/document/network'
import { toV1Json } from '../../../src/io/export'
import { importText } from '../../../src/io/import'
import { validateGraph } from '../../../src/model/parse'
import type { Graph } from '../../../src/model/types'
import { tinyGraph } from '../helpers'
import { opArb, start } from './arbitraries'

const json = (g: Graph) => JSON.parse(JSON.stringify(g)) as unknown
const ACTORS = ['a', 'b', 'c', 'd', 'e']
const quoteBag = (g: Graph) =>
  g.relations.flatMap((r) => (r.evidence ?? []).map((e) => `${e.source}\u0000${e.quote}`)).sort()

/** Networks with many parallel and duplicate ties, and quotations repeated across them. */
const networkArb = fc
  .array(
    fc.record({
      pair: fc.uniqueArray(fc.constantFrom(...ACTORS), { minLength: 2, maxLength: 2 }),
      type: fc.constantFrom('military', 'economic'),
      stance: fc.constantFrom('cooperative' as const, 'hostile' as const),
      start: fc.option(fc.constantFrom(2000, 2001), { nil: undefined }),
      quotes: fc.array(fc.constantFrom('q1', 'q2', 'q3', 'q4'), { maxLength: 3 }),
    }),
    { maxLength: 12 },
  )
  .map((rs) =>
    tinyGraph(
      rs.map((r) => ({
        source: r.pair[0]!,
        target: r.pair[1]!,
        type: r.type,
        stance: r.stance,
        ...(r.start !== undefined ? { start: r.start } : {}),
        evidence: [...new Set(r.quotes)].map((q) => ({ source: 's', quote: q })),
      })),
      ACTORS,
    ),
  )

const openNet = (g: Graph): NetworkDoc => {
  const net = createNetworkDoc()
  fillFromGraph(net, g)
  return net
}

describe('merging, as properties', () => {
  it('a merge loses no quotation: after it, the quotations are those before, minus the confirmed self-ties’', () => {
    fc.assert(
      fc.property(
        networkArb,
        fc.constantFrom(...ACTORS),
        fc.subarray(ACTORS, { minLength: 1, maxLength: 3 }),
        (g, keep, others) => {
          const net = openNet(g)
          const editor = createEditor(net)
          const plan = planMerge(net, keep, others)
          if (!plan.ok) return
          const selfIds = new Set(plan.plan.selfTies.map((t) => t.id))
          const before = readGraph(net).graph
          // Every quotation, per tie it ends up in: combined ties join theirs without duplicates.
          const expected = new Set(
            before.relations
              .filter((r) => !selfIds.has(r.id))
              .flatMap((r) => (r.evidence ?? []).map((e) => `${e.source}\u0000${e.quote}`)),
          )
          const r = editor.apply({ op: 'merge', keep, others, removeSelfTies: true })
          expect(r.ok).toBe(true)
          const after = readGraph(net).graph
          expect(new Set(quoteBag(after))).toEqual(expected)
          // No tie lost its words: each quotation of a kept tie is still on the tie it became.
          expect(after.actors.map((a) => a.id).sort()).toEqual(
            ACTORS.filter((a) => a === keep || !others.includes(a)).sort(),
          )
          expect(after.relations.every((x) => x.source !== x.target)).toBe(true)
          expect(validateGraph(json(after)).ok).toBe(true)
          // One undo restores everything exactly.
          editor.undo()
          expect(json(readGraph(net).graph)).toEqual(json(before))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('a merge with self-ties is refused until they are confirmed, and then changes nothing', () => {
    const net = openNet(
      tinyGraph([
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ]),
    )
    const editor = createEditor(net)
    const before = json(readGraph(net).graph)
    const r = editor.apply({ op: 'merge', keep: 'a', others: ['b'], removeSelfTies: false })
    expect(r.ok).toBe(false)
    expect(json(readGraph(net).graph)).toEqual(before)
    expect(editor.steps().done).toEqual([])
  })
})

describe('saving and exporting an edited network, as properties', () => {
  it('after any edits, the saved document re-opens identical, and the exported file validates and re-opens the same', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 20 }), (ops) => {
        const net = openNet(start())
        const editor = createEditor(net)
        for (const op of ops) editor.apply(op)
        const g = readGraph(net).graph
        expect(json(readGraph(networkFromUpdate(encodeNetwork(net))).graph)).toEqual(json(g))
        const text = toV1Json(g)
        const back = importText(text, 'saved.json')
        if (!back.ok) throw new Error(JSON.stringify(back.errors))
        expect(json(back.graph)).toEqual(json(g))
      }),
      { numRuns: 150 },
    )
  })
})
