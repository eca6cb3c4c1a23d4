import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDerived } from '../../../src/document/derive'
import { createEditor } from '../../../src/document/editor'
import { addRejection, rejectedIn } from '../../../src/document/suggester'
import { createNetworkDoc, fillFromGraph, readGraph } from '../../../src/document/network'
import { tinyGraph } from '../helpers'

const open = () => {
  const net = createNetworkDoc()
  fillFromGraph(net, tinyGraph([{ id: 'r1', source: 'a', target: 'b' }]))
  return { net, editor: createEditor(net) }
}

describe('rejected suggestions kept with the network', () => {
  it('are remembered per source, once per key', () => {
    const { net } = open()
    addRejection(net, 's1', '0:10:azerbaijan|iran')
    addRejection(net, 's1', '0:10:azerbaijan|iran')
    addRejection(net, 's2', '5:9:a|b')
    expect(rejectedIn(net, 's1')).toEqual(['0:10:azerbaijan|iran'])
    expect(rejectedIn(net, 's2')).toEqual(['5:9:a|b'])
    expect(rejectedIn(net, 's3')).toEqual([])
  })
  it('never change the graph, so no export holds them, and the derived graph is the same object', () => {
    const { net } = open()
    const derived = createDerived(net)
    const before = derived.graph()
    const json = JSON.stringify(readGraph(net).graph)
    addRejection(net, 's1', 'k')
    expect(derived.graph()).toBe(before)
    expect(JSON.stringify(readGraph(net).graph)).toBe(json)
    expect(json).not.toContain('rejected')
  })
  it('are not undone, and travel with the document (saved, synced to another tab)', () => {
    const { net, editor } = open()
    editor.apply({ op: 'setMeta', title: 'Renamed' })
    addRejection(net, 's1', 'k')
    editor.undo()
    expect(rejectedIn(net, 's1')).toEqual(['k'])
    const copy = createNetworkDoc()
    Y.applyUpdate(copy.doc, Y.encodeStateAsUpdate(net.doc))
    expect(rejectedIn(copy, 's1')).toEqual(['k'])
    // Two tabs rejecting at once keep both.
    addRejection(copy, 's1', 'k2')
    addRejection(net, 's1', 'k3')
    Y.applyUpdate(net.doc, Y.encodeStateAsUpdate(copy.doc))
    expect(rejectedIn(net, 's1')).toEqual(['k', 'k2', 'k3'])
  })
})
