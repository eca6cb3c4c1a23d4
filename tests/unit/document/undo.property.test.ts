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
import { validateGraph } from '../../../src/model/parse'
import type { Graph } from '../../../src/model/types'

import { opArb, start } from './arbitraries'

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
