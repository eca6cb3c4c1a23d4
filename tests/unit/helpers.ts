import type { Graph, Relation } from '../../src/model/types'
import { DEFAULT_RELATION_TYPES } from '../../src/model/schema'

/** A small graph for filter tests: ids a..e, relations built from a compact table. */
export function tinyGraph(rels: Partial<Relation>[], actors = ['a', 'b', 'c', 'd', 'e']): Graph {
  return {
    schemaVersion: 1,
    title: 'tiny',
    relationTypes: DEFAULT_RELATION_TYPES.map((t) => ({ ...t })),
    sources: [{ id: 's', title: 'S' }],
    actors: actors.map((id) => ({ id, label: id.toUpperCase(), kind: 'state' as const })),
    relations: rels.map((r, i) => ({
      id: `r${i}`,
      source: 'a',
      target: 'b',
      type: 'military',
      stance: 'cooperative' as const,
      summary: 'x',
      evidence: [{ source: 's', quote: 'q' }],
      ...r,
    })),
  }
}
