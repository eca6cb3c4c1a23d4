import { DEFAULT_RELATION_TYPES } from '../../../src/model/schema'
import type { Graph, Relation, Stance } from '../../../src/model/types'

/**
 * A graph from a compact table: "a+b" is a cooperative tie, "a-b" hostile, "a~b" neutral; optional
 * fields per row. Actor ids are the letters used.
 */
export function signedGraph(
  rows: (string | [string, Partial<Relation>])[],
  extraActors: string[] = [],
): Graph {
  const ids = new Set(extraActors)
  const relations = rows.map((row, i) => {
    const [spec, extra] = typeof row === 'string' ? [row, {}] : row
    const m = /^(\w+)([+\-~])(\w+)$/.exec(spec)
    if (m === null) throw new Error(`bad row ${spec}`)
    const stance: Stance = m[2] === '+' ? 'cooperative' : m[2] === '-' ? 'hostile' : 'neutral'
    ids.add(m[1]!)
    ids.add(m[3]!)
    return {
      id: `r${i}`,
      source: m[1]!,
      target: m[3]!,
      type: 'military',
      stance,
      summary: spec,
      evidence: [{ source: 's', quote: `quote ${i}` }],
      ...extra,
    }
  })
  return {
    schemaVersion: 1,
    title: 'signed',
    relationTypes: DEFAULT_RELATION_TYPES.map((t) => ({ ...t })),
    sources: [{ id: 's', title: 'S' }],
    actors: [...ids].sort().map((id) => ({ id, label: id.toUpperCase(), kind: 'state' as const })),
    relations,
  }
}

export const allShown = (g: Graph) => new Uint8Array(g.relations.length).fill(1)
