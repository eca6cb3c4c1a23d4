/** Unit tests of the operations the table and the dialogs use: bulk edits, merges, types, added files. */
import { describe, expect, it } from 'vitest'
import { planAddGraph, summariseAddPlan } from '../../../src/document/addGraph'
import { createEditor } from '../../../src/document/editor'
import { planMerge } from '../../../src/document/merge'
import { createNetworkDoc, fillFromGraph, readGraph } from '../../../src/document/network'
import type { Graph } from '../../../src/model/types'
import { tinyGraph } from '../helpers'

const open = (g: Graph) => {
  const net = createNetworkDoc()
  fillFromGraph(net, g)
  return { net, editor: createEditor(net) }
}
const json = (g: Graph) => JSON.parse(JSON.stringify(g)) as unknown

describe('bulk edits', () => {
  it('sets the stance, the type or the years of many relations in one step, and undoes them together', () => {
    const { net, editor } = open(tinyGraph([{}, { source: 'b', target: 'c' }, { source: 'c', target: 'd' }]))
    const before = json(readGraph(net).graph)
    const r = editor.apply({ op: 'updateRelations', ids: ['r0', 'r2'], patch: { stance: 'hostile' } })
    expect(r.ok).toBe(true)
    expect(readGraph(net).graph.relations.map((x) => x.stance)).toEqual(['hostile', 'cooperative', 'hostile'])
    editor.apply({ op: 'updateRelations', ids: ['r0', 'r1', 'r2'], patch: { start: 1999, end: 2003 } })
    expect(readGraph(net).graph.relations.map((x) => [x.start, x.end])).toEqual([
      [1999, 2003],
      [1999, 2003],
      [1999, 2003],
    ])
    expect(editor.steps().done).toHaveLength(2)
    editor.goTo(0)
    expect(json(readGraph(net).graph)).toEqual(before)
  })

  it('refuses a bulk edit when one relation would become invalid, and changes none', () => {
    const { net, editor } = open(tinyGraph([{ start: 2010 }, { source: 'b', target: 'c' }]))
    const before = json(readGraph(net).graph)
    const r = editor.apply({ op: 'updateRelations', ids: ['r0', 'r1'], patch: { end: 2005 } })
    expect(r.ok).toBe(false)
    expect(json(readGraph(net).graph)).toEqual(before)
  })

  it('deletes selected relations, or actors with their relations, in one step', () => {
    const { net, editor } = open(tinyGraph([{}, { source: 'b', target: 'c' }, { source: 'c', target: 'd' }]))
    editor.apply({ op: 'deleteRelations', ids: ['r0', 'r1'] })
    expect(readGraph(net).graph.relations.map((r) => r.id)).toEqual(['r2'])
    editor.apply({ op: 'deleteActors', ids: ['c', 'e'] })
    const g = readGraph(net).graph
    expect(g.relations).toEqual([])
    expect(g.actors.map((a) => a.id)).toEqual(['a', 'b', 'd'])
    editor.undo()
    editor.undo()
    expect(readGraph(net).graph.relations).toHaveLength(3)
  })
})

describe('merging', () => {
  it('re-points ties, combines identical ones with their quotations joined, and aliases the merged labels', () => {
    const { net, editor } = open(
      tinyGraph([
        { source: 'a', target: 'c', evidence: [{ source: 's', quote: 'q1' }] },
        {
          source: 'b',
          target: 'c',
          evidence: [
            { source: 's', quote: 'q1' },
            { source: 's', quote: 'q2' },
          ],
        },
        { source: 'b', target: 'd', stance: 'hostile', evidence: [{ source: 's', quote: 'q3' }] },
      ]),
    )
    const plan = planMerge(net, 'a', ['b'])
    if (!plan.ok) throw new Error('plan')
    expect([...plan.plan.repointed].sort()).toEqual(['r1', 'r2'])
    expect(plan.plan.combined).toEqual([{ drop: 'r1', into: 'r0' }])
    expect(plan.plan.selfTies).toEqual([])
    const r = editor.apply({ op: 'merge', keep: 'a', others: ['b'], removeSelfTies: false })
    expect(r).toMatchObject({
      ok: true,
      summary: 'Merged B into A: 2 ties re-pointed, 1 combined, 0 quotations lost',
    })
    const g = readGraph(net).graph
    expect(g.actors.find((x) => x.id === 'a')!.aliases).toEqual(['B'])
    expect(g.relations.map((x) => [x.source, x.target, (x.evidence ?? []).map((e) => e.quote)])).toEqual([
      ['a', 'c', ['q1', 'q2']],
      ['a', 'd', ['q3']],
    ])
  })
})

describe('relation types', () => {
  it('adds, renames and recolours a type; will not delete one in use', () => {
    const { net, editor } = open(tinyGraph([{}]))
    expect(editor.apply({ op: 'addType', type: { id: 'legal', label: 'Legal', color: '#117733' } }).ok).toBe(
      true,
    )
    expect(
      editor.apply({ op: 'updateType', id: 'legal', patch: { label: 'Legal and courts', color: '#882255' } })
        .ok,
    ).toBe(true)
    expect(readGraph(net).graph.relationTypes.find((t) => t.id === 'legal')).toEqual({
      id: 'legal',
      label: 'Legal and courts',
      color: '#882255',
    })
    expect(editor.apply({ op: 'updateType', id: 'legal', patch: { color: 'not a colour' } }).ok).toBe(false)
    expect(editor.apply({ op: 'deleteType', id: 'military' }).ok).toBe(false)
    expect(editor.apply({ op: 'deleteType', id: 'legal' }).ok).toBe(true)
  })
})

describe('adding a file', () => {
  it('matches actors by id, label and alias, adds the rest and combines duplicate ties, in one step', () => {
    const { net, editor } = open(
      tinyGraph([{ source: 'a', target: 'b', evidence: [{ source: 's', quote: 'q1' }] }]),
    )
    const before = json(readGraph(net).graph)
    const incoming: Graph = {
      ...tinyGraph(
        [
          { source: 'x', target: 'b', evidence: [{ source: 's', quote: 'q9' }] },
          { source: 'b', target: 'z', evidence: [{ source: 's', quote: 'q8' }] },
        ],
        ['x', 'b', 'z'],
      ),
    }
    const g2: Graph = {
      ...incoming,
      actors: [
        { id: 'x', label: 'a', kind: 'state' },
        { id: 'b', label: 'Bee', kind: 'state' },
        { id: 'z', label: 'Zed', kind: 'state' },
      ],
    }
    const plan = planAddGraph(net, g2, 'more.json')
    expect(plan.actors.map((a) => [a.id, a.match, a.by])).toEqual([
      ['x', 'a', 'label'],
      ['b', 'b', 'id'],
      ['z', null, null],
    ])
    expect(summariseAddPlan(plan)).toBe('2 actors matched, 1 new')
    expect(editor.apply({ op: 'addGraph', plan }).ok).toBe(true)
    const g = readGraph(net).graph
    const ab = g.relations.filter((r) => r.source === 'a' && r.target === 'b')
    expect(ab).toHaveLength(1)
    expect(ab[0]!.evidence!.map((e) => e.quote).sort()).toEqual(['q1', 'q9'])
    expect(g.actors.some((a) => a.label === 'Zed')).toBe(true)
    expect(editor.steps().done).toHaveLength(1)
    editor.undo()
    expect(json(readGraph(net).graph)).toEqual(before)
  })
})

describe('repairing moved anchors', () => {
  const text = 'Intro. Iran and Azerbaijan held talks. Later, more talks followed.'
  const quote = 'Iran and Azerbaijan held talks'
  const start = text.indexOf(quote)
  const stale = { start: 0, end: quote.length, prefix: '', suffix: ' Iran and Azerbaija' }
  const fresh = {
    start,
    end: start + quote.length,
    prefix: 'Intro. ',
    suffix: '. Later, more talks followed.',
  }
  const graph = (): Graph => ({
    ...tinyGraph([
      { evidence: [{ source: 's', quote, anchor: stale }] },
      { source: 'b', target: 'c', evidence: [{ source: 's', quote: 'more talks', anchor: stale }] },
    ]),
    sources: [{ id: 's', title: 'S', text }],
  })

  it('writes every repaired anchor in one step that says so, and one undo restores the old ones', () => {
    const { net, editor } = open(graph())
    const before = json(readGraph(net).graph)
    const second = text.indexOf('more talks')
    const r = editor.apply({
      op: 'repairAnchors',
      repairs: [
        { relation: 'r0', index: 0, quote, anchor: fresh },
        {
          relation: 'r1',
          index: 0,
          quote: 'more talks',
          anchor: { start: second, end: second + 10, prefix: 'talks. Later, ', suffix: ' followed.' },
        },
      ],
    })
    expect(r).toMatchObject({ ok: true, label: 'repair 2 moved anchors' })
    expect(r.ok && r.summary).toBe(
      'Repaired 2 moved anchors: their quotes were found exactly, elsewhere in their sources.',
    )
    const g = readGraph(net).graph
    expect(g.relations[0]!.evidence![0]!.anchor).toEqual(fresh)
    expect(g.relations[0]!.evidence![0]!.quote).toBe(quote)
    expect(
      text.slice(g.relations[1]!.evidence![0]!.anchor!.start, g.relations[1]!.evidence![0]!.anchor!.end),
    ).toBe('more talks')
    expect(editor.steps().done).toHaveLength(1)
    editor.undo()
    expect(json(readGraph(net).graph)).toEqual(before)
  })

  it('refuses a repair whose quotation has changed since the check, or is gone, and writes nothing', () => {
    const { net, editor } = open(graph())
    const before = json(readGraph(net).graph)
    const changed = editor.apply({
      op: 'repairAnchors',
      repairs: [
        { relation: 'r0', index: 0, quote, anchor: fresh },
        { relation: 'r1', index: 0, quote: 'other words', anchor: fresh },
      ],
    })
    expect(changed).toEqual({
      ok: false,
      problems: [{ path: 'repairs[1]', message: 'quotation 1 of B – C has changed' }],
    })
    const gone = editor.apply({
      op: 'repairAnchors',
      repairs: [{ relation: 'r0', index: 3, quote, anchor: fresh }],
    })
    expect(gone.ok).toBe(false)
    const bad = editor.apply({
      op: 'repairAnchors',
      repairs: [{ relation: 'r0', index: 0, quote, anchor: { ...fresh, start: -4 } }],
    })
    expect(bad.ok).toBe(false)
    expect(json(readGraph(net).graph)).toEqual(before)
    expect(editor.steps().done).toHaveLength(0)
  })
})
