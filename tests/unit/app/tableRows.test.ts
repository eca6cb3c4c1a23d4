// @vitest-environment node
/** The table's rows and the operations its cells write (src/app/grid/rows.ts). */
import { describe, expect, it } from 'vitest'
import { actorRows, cellOp, relationRows } from '../../../src/app/grid/rows'
import { buildIndex } from '../../../src/model/graphIndex'
import { tinyGraph } from '../helpers'

const index = buildIndex(
  tinyGraph([
    { source: 'a', target: 'b', start: 2000, end: 2005, evidence: [{ source: 's', quote: 'q1' }] },
    { source: 'b', target: 'c' },
  ]),
)

describe('table rows', () => {
  it('one row per actor with its tie count, one per relation with labels and quotation count', () => {
    const actors = actorRows(index, null)
    expect(actors.map((r) => [r.id, r.ties])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 1],
      ['d', 0],
      ['e', 0],
    ])
    const rels = relationRows(index, null)
    expect(rels[0]).toMatchObject({ start: 2000, end: 2005, quotes: 1, stance: 'Cooperative' })
    expect(rels[1]).toMatchObject({ start: null, end: null, from: 'B', to: 'C' })
    // Only the rows asked for (what the filters show), in that order.
    expect(relationRows(index, Uint32Array.of(1)).map((r) => r.id)).toEqual([rels[1]!.id])
  })

  it('cells become the same operations as the details panel', () => {
    const id = index.graph.relations[0]!.id
    expect(cellOp(index, 'relations', id, 'stance', 'Hostile')).toEqual({
      ok: true,
      op: { op: 'updateRelations', ids: [id], patch: { stance: 'hostile' } },
    })
    expect(cellOp(index, 'relations', id, 'end', '')).toEqual({
      ok: true,
      op: { op: 'updateRelations', ids: [id], patch: { end: undefined } },
    })
    expect(cellOp(index, 'relations', id, 'start', '19x')).toEqual({
      ok: false,
      message: 'Start year must be a whole number (a year)',
    })
    expect(cellOp(index, 'relations', id, 'type', 'Nonsense')).toMatchObject({ ok: false })
    expect(cellOp(index, 'actors', 'a', 'aliases', ' A1 | | A2 ')).toEqual({
      ok: true,
      op: { op: 'updateActor', id: 'a', patch: { aliases: ['A1', 'A2'] } },
    })
    expect(cellOp(index, 'actors', 'a', 'kind', 'Armed group')).toEqual({
      ok: true,
      op: { op: 'updateActor', id: 'a', patch: { kind: 'armed-group' } },
    })
    expect(cellOp(index, 'actors', 'a', 'ties', '3')).toMatchObject({ ok: false })
  })
})
