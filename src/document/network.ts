/**
 * The editable network as a Yjs document. Format v1 is the shape: one Y.Map per collection, each id
 * → a Y.Map of the entity's fields, and a number `o` that orders the collection (a Y.Map has no
 * order of its own that every peer agrees on; sorting by `o`, then id, does). A relation's evidence
 * is a Y.Array of plain objects, so two peers adding quotes to one tie keep both.
 *
 *   meta       schemaVersion, title, description
 *   types      id → { id, label, color, o }
 *   sources    id → { id, title, author?, …, o }
 *   actors     id → { id, label, kind, description?, aliases?, o }
 *   relations  id → { id, source, target, type, stance, start?, end?, …, o, evidence: Y.Array }
 *   suggester  the suggestions rejected per source (suggester.ts); never part of the format
 *
 * The document is created with `gc: false`: deleted content is kept, so an undo history saved in
 * the browser can still restore it after a reload (history.ts), and nothing is ever lost.
 */
import * as Y from 'yjs'
import type { Actor, Evidence, Graph, Relation, RelationType, Source } from '../model/types'
import { createDerived } from './derive'

export const COLLECTIONS = ['types', 'sources', 'actors', 'relations'] as const
export type Collection = (typeof COLLECTIONS)[number]

/** Transactions that are not the user's own steps (filling a new document) carry this origin. */
export const INIT_ORIGIN = 'init'

export interface NetworkDoc {
  readonly doc: Y.Doc
  readonly meta: Y.Map<unknown>
  readonly types: Y.Map<Y.Map<unknown>>
  readonly sources: Y.Map<Y.Map<unknown>>
  readonly actors: Y.Map<Y.Map<unknown>>
  readonly relations: Y.Map<Y.Map<unknown>>
}

export function createNetworkDoc(doc: Y.Doc = new Y.Doc({ gc: false })): NetworkDoc {
  return {
    doc,
    meta: doc.getMap('meta'),
    types: doc.getMap('types'),
    sources: doc.getMap('sources'),
    actors: doc.getMap('actors'),
    relations: doc.getMap('relations'),
  }
}

/** Plain values of an entity: undefined fields left out (so a round trip is exact). */
type Plain = Record<string, unknown>

export function entityMap(fields: Plain, o: number): Y.Map<unknown> {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue
    if (k === 'evidence') {
      const arr = new Y.Array<Evidence>()
      arr.push((v as Evidence[]).map((e) => clean(e)))
      m.set(k, arr)
    } else m.set(k, Array.isArray(v) ? [...(v as unknown[])] : v)
  }
  m.set('o', o)
  return m
}

/** Fills an empty document with a graph, in one transaction that no undo takes back. */
export function fillFromGraph(net: NetworkDoc, graph: Graph): void {
  net.doc.transact(() => {
    net.meta.set('schemaVersion', 1)
    net.meta.set('title', graph.title)
    if (graph.description !== undefined) net.meta.set('description', graph.description)
    graph.relationTypes.forEach((t, i) => net.types.set(t.id, entityMap({ ...t }, i)))
    graph.sources.forEach((s, i) => net.sources.set(s.id, entityMap({ ...s }, i)))
    graph.actors.forEach((a, i) => net.actors.set(a.id, entityMap({ ...a }, i)))
    graph.relations.forEach((r, i) => net.relations.set(r.id, entityMap({ ...r }, i)))
  }, INIT_ORIGIN)
}

/** Leaves out undefined values (the schema's optional fields), keeping key order. */
export function clean<T extends object>(o: T): T {
  const out: Plain = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v
  return out as T
}

/** The entity's format v1 object: every field but the order `o`, evidence as plain objects. */
export function plainOf(m: Y.Map<unknown>): Plain {
  const out: Plain = {}
  for (const [k, v] of m.entries()) {
    if (k === 'o') continue
    if (v instanceof Y.Array) out[k] = (v.toArray() as Evidence[]).map((e) => ({ ...e }))
    else if (Array.isArray(v)) out[k] = [...(v as unknown[])]
    else out[k] = v
  }
  return out
}

export const orderOf = (m: Y.Map<unknown>): number => {
  const o = m.get('o')
  return typeof o === 'number' ? o : 0
}

/** Ids of a collection in its order: by `o`, then by id. */
export function orderedIds(map: Y.Map<Y.Map<unknown>>): string[] {
  const rows: { id: string; o: number }[] = []
  for (const [id, m] of map.entries()) rows.push({ id, o: orderOf(m) })
  rows.sort((a, b) => a.o - b.o || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return rows.map((r) => r.id)
}

/** The next order number of a collection: after everything in it. */
export function nextOrder(map: Y.Map<Y.Map<unknown>>): number {
  let max = -1
  for (const m of map.values()) max = Math.max(max, orderOf(m))
  return max + 1
}

/**
 * The whole network as a format v1 graph. Relations whose actors, type or sources another peer
 * deleted meanwhile (two edits merged) are left out and returned as `orphans`, so what is drawn
 * and exported always validates; the document keeps them, and an undo can bring their ends back.
 */
export function readGraph(net: NetworkDoc): { graph: Graph; orphans: string[] } {
  const d = createDerived(net)
  const out = { graph: d.graph(), orphans: [...d.orphans()] }
  d.destroy()
  return out
}

export function dropOrphans(
  all: readonly Relation[],
  actors: readonly Actor[],
  types: readonly RelationType[],
  sources: readonly Source[],
): { relations: Relation[]; orphans: string[] } {
  const actorIds = new Set(actors.map((a) => a.id))
  const typeIds = new Set(types.map((t) => t.id))
  const sourceIds = new Set(sources.map((s) => s.id))
  const relations: Relation[] = []
  const orphans: string[] = []
  for (const r of all) {
    const ok =
      actorIds.has(r.source) &&
      actorIds.has(r.target) &&
      r.source !== r.target &&
      typeIds.has(r.type) &&
      (r.evidence ?? []).every((e) => sourceIds.has(e.source))
    if (ok) relations.push(r)
    else orphans.push(r.id)
  }
  return { relations, orphans }
}

/** A copy of the document's state (for a new network, a duplicate, or a save). */
export function encodeNetwork(net: NetworkDoc): Uint8Array {
  return Y.encodeStateAsUpdate(net.doc)
}

export function networkFromUpdate(update: Uint8Array): NetworkDoc {
  const net = createNetworkDoc()
  Y.applyUpdate(net.doc, update, INIT_ORIGIN)
  return net
}
