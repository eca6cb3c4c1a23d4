/**
 * The visible part of a graph as a graph of its own: the shown actors and relations, the sources
 * their evidence quotes (and no others), and every relation type, so colours stay as they were.
 */
import type { View } from '../../model/filter'
import type { GraphIndex } from '../../model/graphIndex'
import type { Graph, Relation } from '../../model/types'

export function subgraphFromView(graph: Graph, _index: GraphIndex, view: View): Graph {
  const actors = Array.from(view.shownActors, (a) => graph.actors[a]!)
  const relations: Relation[] = Array.from(view.shownRelations, (r) => graph.relations[r]!)
  const shownIds = new Set(actors.map((a) => a.id))
  // A relation is only ever shown with both its actors; keep the export self-consistent regardless.
  const kept = relations.filter((r) => shownIds.has(r.source) && shownIds.has(r.target))
  const used = new Set<string>()
  for (const r of kept) for (const e of r.evidence ?? []) used.add(e.source)
  return {
    schemaVersion: 1,
    title: graph.title,
    ...(graph.description !== undefined ? { description: graph.description } : {}),
    relationTypes: graph.relationTypes,
    sources: graph.sources.filter((s) => used.has(s.id)),
    actors,
    relations: kept,
  }
}
