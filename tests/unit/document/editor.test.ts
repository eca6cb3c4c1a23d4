import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDerived } from '../../../src/document/derive'
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
import { tinyGraph } from '../helpers'

const bundled = (): Graph => {
  const r = validateGraph(JSON.parse(readFileSync('data/iran-azerbaijan.json', 'utf8')))
  if (!r.ok) throw new Error('bundled dataset invalid')
  return r.graph
}
const open = (g: Graph) => {
  const net = createNetworkDoc()
  fillFromGraph(net, g)
  return { net, editor: createEditor(net) }
}
const json = (g: Graph) => JSON.parse(JSON.stringify(g)) as unknown

describe('the network document', () => {
  it('reads back the graph it was filled with, exactly', () => {
    const g = bundled()
    const { net } = open(g)
    expect(json(readGraph(net).graph)).toEqual(json(g))
    const derived = createDerived(net)
    expect(json(derived.graph())).toEqual(json(g))
  })

  it('derives changes incrementally: the same graph object until something changes', () => {
    const { net, editor } = open(bundled())
    const derived = createDerived(net)
    const first = derived.graph()
    expect(derived.graph()).toBe(first)
    const r = first.relations[0]!
    expect(editor.apply({ op: 'updateRelations', ids: [r.id], patch: { stance: 'hostile' } }).ok).toBe(true)
    const next = derived.graph()
    expect(next).not.toBe(first)
    expect(next.relations[0]!.stance).toBe('hostile')
    expect(next.relations[1]).toBe(first.relations[1])
    expect(next.actors).toBe(first.actors)
  })

  it('a derivation seeded with the graph the document was filled with reads the same, before and after edits', () => {
    const g = bundled()
    const { net, editor } = open(g)
    const seeded = createDerived(net, g)
    expect(json(seeded.graph())).toEqual(json(g))
    editor.apply({ op: 'updateActor', id: g.actors[0]!.id, patch: { label: 'Renamed' } })
    editor.apply({ op: 'deleteRelations', ids: [g.relations[3]!.id] })
    expect(json(seeded.graph())).toEqual(json(readGraph(net).graph))
  })
})

describe('operations and their undo', () => {
  it('names each step and undoes it', () => {
    const { net, editor } = open(tinyGraph([{}]))
    const before = json(readGraph(net).graph)
    const res = editor.apply({ op: 'updateRelations', ids: ['r0'], patch: { stance: 'hostile' } })
    expect(res).toEqual({ ok: true, label: 'stance of A – B to hostile' })
    expect(editor.steps().done.map((s) => s.label)).toEqual(['stance of A – B to hostile'])
    expect(editor.undo()?.label).toBe('stance of A – B to hostile')
    expect(json(readGraph(net).graph)).toEqual(before)
    expect(editor.steps().undone.map((s) => s.label)).toEqual(['stance of A – B to hostile'])
    editor.redo()
    expect(readGraph(net).graph.relations[0]!.stance).toBe('hostile')
  })

  it('refuses invalid values at the field, with the reason, and stores nothing', () => {
    const { net, editor } = open(tinyGraph([{ start: 2000 }]))
    const before = json(readGraph(net).graph)
    const cases = [
      [{ op: 'updateRelations', ids: ['r0'], patch: { end: 1990 } }, 'end (1990) is before start (2000)'],
      [{ op: 'updateActor', id: 'a', patch: { label: '' } }, 'label must not be empty'],
      [
        { op: 'updateRelations', ids: ['r0'], patch: { start: 5000 } },
        'start must be between -3000 and 3000',
      ],
      [
        { op: 'addType', type: { id: 't', label: 'T', color: 'red' } },
        'color must be a hex colour such as "#0072B2"',
      ],
      [
        { op: 'updateActor', id: 'a', patch: { description: 'x'.repeat(10_000_000) } },
        'description is too long',
      ],
    ] as const
    for (const [op, message] of cases) {
      const r = editor.apply(op)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.problems[0]!.message).toContain(message)
    }
    expect(json(readGraph(net).graph)).toEqual(before)
    expect(editor.steps().done).toHaveLength(0)
  })

  it('deletes an actor with its relations, and one undo brings all back', () => {
    const { net, editor } = open(tinyGraph([{}, { source: 'a', target: 'c' }, { source: 'b', target: 'c' }]))
    const before = json(readGraph(net).graph)
    const r = editor.apply({ op: 'deleteActors', ids: ['a'] })
    expect(r.ok && r.label).toBe('delete actor A and 2 relations')
    expect(readGraph(net).graph.relations.map((x) => x.id)).toEqual(['r2'])
    editor.undo()
    expect(json(readGraph(net).graph)).toEqual(before)
  })

  it('will not delete a relation type in use', () => {
    const { editor } = open(tinyGraph([{}]))
    const r = editor.apply({ op: 'deleteType', id: 'military' })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems[0]!.message).toBe('Military is used by 1 relation: give them another type first')
    expect(editor.apply({ op: 'deleteType', id: 'economic' }).ok).toBe(true)
  })

  it('changes a relation’s ends and keeps its evidence', () => {
    const { net, editor } = open(tinyGraph([{}]))
    editor.apply({ op: 'updateRelations', ids: ['r0'], patch: { source: 'b', target: 'a' } })
    const r = readGraph(net).graph.relations[0]!
    expect([r.source, r.target]).toEqual(['b', 'a'])
    expect(r.evidence).toEqual([{ source: 's', quote: 'q' }])
  })

  it('adds, edits and removes quotations', () => {
    const { net, editor } = open(tinyGraph([{}]))
    editor.apply({ op: 'addEvidence', relation: 'r0', evidence: { source: 's', quote: 'second' } })
    editor.apply({ op: 'updateEvidence', relation: 'r0', index: 1, patch: { note: 'checked' } })
    expect(readGraph(net).graph.relations[0]!.evidence).toEqual([
      { source: 's', quote: 'q' },
      { source: 's', quote: 'second', note: 'checked' },
    ])
    editor.apply({ op: 'removeEvidence', relation: 'r0', index: 0 })
    expect(readGraph(net).graph.relations[0]!.evidence).toEqual([
      { source: 's', quote: 'second', note: 'checked' },
    ])
    editor.goTo(0)
    expect(readGraph(net).graph.relations[0]!.evidence).toEqual([{ source: 's', quote: 'q' }])
  })

  it('never undoes a change that came from elsewhere (another tab, a peer)', () => {
    const { net, editor } = open(tinyGraph([{}]))
    const other = networkFromUpdate(encodeNetwork(net))
    const theirs = createEditor(other)
    theirs.apply({ op: 'updateActor', id: 'b', patch: { label: 'Bee' } })
    Y.applyUpdate(net.doc, Y.encodeStateAsUpdate(other.doc), 'remote')
    editor.apply({ op: 'updateActor', id: 'a', patch: { label: 'Ay' } })
    editor.undo()
    const g = readGraph(net).graph
    expect(g.actors.map((a) => a.label).slice(0, 2)).toEqual(['A', 'Bee'])
    expect(editor.undo()).toBeNull()
  })
})

describe('the history across a reload', () => {
  it('undoes after the document and its history are restored from storage', () => {
    const { net, editor } = open(tinyGraph([{}, { source: 'a', target: 'c' }]))
    const start = json(readGraph(net).graph)
    editor.apply({ op: 'addActor', actor: { id: 'x', label: 'Ex', kind: 'state' } })
    editor.apply({
      op: 'addRelation',
      relation: { id: 'rx', source: 'x', target: 'a', type: 'economic', stance: 'neutral', summary: 's' },
    })
    editor.apply({ op: 'deleteActors', ids: ['c'] })
    editor.undo() // c comes back (an undo that re-creates structs)
    editor.apply({ op: 'updateActor', id: 'c', patch: { label: 'Sea' } })
    const saved = structuredClone(editor.save())
    const bytes = encodeNetwork(net)

    const again = networkFromUpdate(bytes)
    const restored = createEditor(again)
    restored.restore(saved)
    expect(restored.steps().done.map((s) => s.label)).toEqual([
      'add actor Ex',
      'add economic relation Ex – A',
      'label of C to Sea',
    ])
    expect(restored.steps().undone).toEqual([])
    restored.goTo(0)
    expect(json(readGraph(again).graph)).toEqual(start)
    restored.goTo(3)
    expect(readGraph(again).graph.actors.find((a) => a.id === 'c')?.label).toBe('Sea')
  })
})
