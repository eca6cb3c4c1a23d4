/**
 * "Add to this network…": a second file imported into the open network. Actors are matched by id,
 * then by label or alias (case and accents ignored); relation types by id, then by label; sources
 * by id when the title agrees. The plan lists the matches for review before anything is written;
 * applying it is one transaction (one undo step). Relations that duplicate one already there (same
 * pair, type, stance and years) are combined, their quotations joined.
 */
import type { Graph, Relation } from '../model/types'
import { entityMap, nextOrder, plainOf, type NetworkDoc } from './network'
import { joinEvidence, tieKey } from './merge'

export interface AddGraphPlan {
  readonly name: string
  readonly graph: Graph
  /** Incoming actor id → the existing actor it is, or null when it is new. */
  readonly actors: readonly {
    readonly id: string
    readonly label: string
    readonly match: string | null
    readonly by: 'id' | 'label' | 'alias' | null
  }[]
  readonly types: ReadonlyMap<string, string | null>
  readonly sources: ReadonlyMap<string, string | null>
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

export function planAddGraph(net: NetworkDoc, graph: Graph, name: string): AddGraphPlan {
  const byLabel = new Map<string, string>()
  const byAlias = new Map<string, string>()
  for (const [id, m] of net.actors.entries()) {
    byLabel.set(fold(String(m.get('label'))), id)
    for (const a of (m.get('aliases') as string[] | undefined) ?? [])
      if (!byAlias.has(fold(a))) byAlias.set(fold(a), id)
  }
  const actors = graph.actors.map((a) => {
    if (net.actors.has(a.id)) return { id: a.id, label: a.label, match: a.id, by: 'id' as const }
    const names = [a.label, ...(a.aliases ?? [])].map(fold)
    for (const n of names) {
      const hit = byLabel.get(n)
      if (hit !== undefined) return { id: a.id, label: a.label, match: hit, by: 'label' as const }
    }
    for (const n of names) {
      const hit = byAlias.get(n)
      if (hit !== undefined) return { id: a.id, label: a.label, match: hit, by: 'alias' as const }
    }
    return { id: a.id, label: a.label, match: null, by: null }
  })
  const typeLabels = new Map<string, string>()
  for (const [id, m] of net.types.entries()) typeLabels.set(fold(String(m.get('label'))), id)
  const types = new Map<string, string | null>()
  for (const t of graph.relationTypes)
    types.set(t.id, net.types.has(t.id) ? t.id : (typeLabels.get(fold(t.label)) ?? null))
  const sources = new Map<string, string | null>()
  for (const s of graph.sources) {
    const have = net.sources.get(s.id)
    sources.set(s.id, have !== undefined && fold(String(have.get('title'))) === fold(s.title) ? s.id : null)
  }
  return { name, graph, actors, types, sources }
}

export function summariseAddPlan(plan: AddGraphPlan): string {
  const matched = plan.actors.filter((a) => a.match !== null).length
  return `${matched} ${matched === 1 ? 'actor' : 'actors'} matched, ${plan.actors.length - matched} new`
}

/** A fresh id in a collection: the wanted one, or it with -2, -3… */
export function freshId(map: { has(id: string): boolean }, wanted: string, taken?: Set<string>): string {
  let id = wanted
  for (let i = 2; map.has(id) || taken?.has(id); i++) id = `${wanted}-${i}`
  taken?.add(id)
  return id
}

/** Writes the plan (inside the caller's transaction); returns the summary sentence. */
export function applyAddGraph(net: NetworkDoc, plan: AddGraphPlan): string {
  const g = plan.graph
  const typeId = new Map<string, string>()
  for (const t of g.relationTypes) {
    const match = plan.types.get(t.id) ?? null
    if (match !== null) typeId.set(t.id, match)
    else {
      const id = freshId(net.types, t.id)
      net.types.set(id, entityMap({ ...t, id }, nextOrder(net.types)))
      typeId.set(t.id, id)
    }
  }
  const sourceId = new Map<string, string>()
  for (const s of g.sources) {
    const match = plan.sources.get(s.id) ?? null
    if (match !== null) sourceId.set(s.id, match)
    else {
      const id = freshId(net.sources, s.id)
      net.sources.set(id, entityMap({ ...s, id }, nextOrder(net.sources)))
      sourceId.set(s.id, id)
    }
  }
  const actorId = new Map<string, string>()
  let fresh = 0
  plan.actors.forEach((a, i) => {
    if (a.match !== null) actorId.set(a.id, a.match)
    else {
      const id = freshId(net.actors, a.id)
      net.actors.set(id, entityMap({ ...g.actors[i]!, id }, nextOrder(net.actors)))
      actorId.set(a.id, id)
      fresh++
    }
  })
  const byKey = new Map<string, string>()
  for (const [id, m] of net.relations.entries()) {
    const r = plainOf(m)
    byKey.set(tieKey(r, String(r.source), String(r.target)), id)
  }
  let added = 0
  let combined = 0
  let order = nextOrder(net.relations)
  for (const r of g.relations) {
    const source = actorId.get(r.source)!
    const target = actorId.get(r.target)!
    if (source === target) continue
    const evidence = (r.evidence ?? []).map((e) => ({ ...e, source: sourceId.get(e.source) ?? e.source }))
    const next: Relation = { ...r, source, target, type: typeId.get(r.type) ?? r.type, evidence }
    const key = tieKey(next as unknown as Record<string, unknown>, source, target)
    const into = byKey.get(key)
    if (into !== undefined) {
      joinEvidence(net.relations.get(into)!, evidence)
      combined++
      continue
    }
    const id = freshId(net.relations, r.id)
    const fields = { ...next, id, ...(evidence.length === 0 ? { evidence: undefined } : {}) }
    net.relations.set(id, entityMap(fields, order++))
    byKey.set(key, id)
    added++
  }
  const matched = plan.actors.length - fresh
  return `Added ${plan.name}: ${matched} ${matched === 1 ? 'actor' : 'actors'} matched, ${fresh} new; ${added} ${added === 1 ? 'relation' : 'relations'} added, ${combined} combined`
}
