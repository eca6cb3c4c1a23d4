/** A graph → format v1 JSON text that opens again unchanged: every field kept, pretty-printed. */
import type { Graph } from '../../model/types'

export function toV1Json(graph: Graph): string {
  const doc = {
    schemaVersion: 1,
    title: graph.title,
    ...(graph.description !== undefined ? { description: graph.description } : {}),
    relationTypes: graph.relationTypes,
    sources: graph.sources,
    actors: graph.actors,
    relations: graph.relations,
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}
