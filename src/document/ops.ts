/**
 * Every change to a network is one of these operations: data, validated by format v1's rules
 * (validate.ts) before anything is written, applied in one Yjs transaction with the editor's
 * origin, so each is one undo step with its name (history.ts). Panels never write the document in
 * any other way.
 */
import * as Y from 'yjs'
import type { Actor, Evidence, Problem, Relation, RelationType, Source } from '../model/types'
import { entityMap, nextOrder, plainOf, type NetworkDoc } from './network'
import { checkEntity, checkRelation } from './validate'
import { applyMerge, describeMerge, planMerge, type MergePlan } from './merge'
import { applyAddGraph, type AddGraphPlan } from './addGraph'

type Patch<T> = { readonly [K in keyof T]?: T[K] | undefined }
export type ActorPatch = Patch<Omit<Actor, 'id'>>
export type RelationPatch = Patch<Omit<Relation, 'id' | 'evidence'>>
export type TypePatch = Patch<Omit<RelationType, 'id'>>
export type SourcePatch = Patch<Omit<Source, 'id'>>
export type EvidencePatch = Patch<Evidence>

export type Op =
  | { readonly op: 'setMeta'; readonly title?: string; readonly description?: string }
  | { readonly op: 'addActor'; readonly actor: Actor }
  | { readonly op: 'updateActor'; readonly id: string; readonly patch: ActorPatch }
  | { readonly op: 'deleteActors'; readonly ids: readonly string[] }
  | { readonly op: 'addRelation'; readonly relation: Relation }
  | { readonly op: 'updateRelations'; readonly ids: readonly string[]; readonly patch: RelationPatch }
  | { readonly op: 'deleteRelations'; readonly ids: readonly string[] }
  | { readonly op: 'addEvidence'; readonly relation: string; readonly evidence: Evidence }
  | {
      readonly op: 'updateEvidence'
      readonly relation: string
      readonly index: number
      readonly patch: EvidencePatch
    }
  | { readonly op: 'removeEvidence'; readonly relation: string; readonly index: number }
  | { readonly op: 'addType'; readonly type: RelationType }
  | { readonly op: 'updateType'; readonly id: string; readonly patch: TypePatch }
  | { readonly op: 'deleteType'; readonly id: string }
  | { readonly op: 'addSource'; readonly source: Source }
  | { readonly op: 'updateSource'; readonly id: string; readonly patch: SourcePatch }
  | {
      readonly op: 'merge'
      readonly keep: string
      readonly others: readonly string[]
      readonly removeSelfTies: boolean
    }
  | { readonly op: 'addGraph'; readonly plan: AddGraphPlan }
  /** Moved quotations (found exactly, elsewhere in their text) given their new anchors, at once. */
  | { readonly op: 'repairAnchors'; readonly repairs: readonly AnchorRepair[] }

/** A moved quotation's new place: the quote it must still be (so a stale repair is refused), and its anchor. */
export interface AnchorRepair {
  readonly relation: string
  readonly index: number
  readonly quote: string
  readonly anchor: NonNullable<Evidence['anchor']>
}

export type OpResult =
  | {
      readonly ok: true
      readonly label: string
      readonly summary?: string
      /** True when the values were already those: nothing was written, no undo step was made. */
      readonly unchanged?: boolean
    }
  | { readonly ok: false; readonly problems: readonly Problem[] }

const fail = (path: string, message: string): OpResult => ({ ok: false, problems: [{ path, message }] })

/** The name a person knows an entity by, for undo labels ("stance of Iran → Azerbaijan"). */
export function actorName(net: NetworkDoc, id: string): string {
  const label = net.actors.get(id)?.get('label')
  return typeof label === 'string' ? label : id
}
export function relationName(net: NetworkDoc, id: string): string {
  const r = net.relations.get(id)
  if (r === undefined) return id
  const arrow = r.get('directed') === true ? '→' : '–'
  return `${actorName(net, String(r.get('source')))} ${arrow} ${actorName(net, String(r.get('target')))}`
}
const typeName = (net: NetworkDoc, id: string) => String(net.types.get(id)?.get('label') ?? id)
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** Writes a patch onto a Y.Map: undefined removes the field. */
function writePatch(m: Y.Map<unknown>, patch: Record<string, unknown>) {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) {
      if (m.has(k)) m.delete(k)
    } else if (!same(m.get(k), v)) m.set(k, Array.isArray(v) ? [...(v as unknown[])] : v)
  }
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const merged = (base: Record<string, unknown>, patch: Record<string, unknown>) => {
  const out = { ...base, ...patch }
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k]
  return out
}

function describeField(field: string, value: unknown, net: NetworkDoc): string {
  if (value === undefined || value === null) return field === 'end' ? 'ongoing' : 'none'
  if (field === 'type') return typeName(net, String(value))
  if (field === 'source' || field === 'target') return actorName(net, String(value))
  if (typeof value === 'string') return value.length > 40 ? `“${value.slice(0, 39)}…”` : value
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}
const FIELD_WORDS: Record<string, string> = {
  source: 'from actor',
  target: 'to actor',
  start: 'start year',
  end: 'end year',
}
const fieldsLabel = (patch: Record<string, unknown>, net: NetworkDoc, what: string) => {
  const keys = Object.keys(patch)
  if (keys.length === 1) {
    const k = keys[0]!
    return `${FIELD_WORDS[k] ?? k} of ${what} to ${describeField(k, patch[k], net)}`
  }
  return `${keys.map((k) => FIELD_WORDS[k] ?? k).join(', ')} of ${what}`
}

/**
 * Checks and applies one operation. `transact` runs the writes as one transaction with the
 * editor's origin (the Editor supplies it), so the step is undoable as a whole.
 */
export function applyOp(net: NetworkDoc, op: Op, transact: (f: () => void) => void): OpResult {
  switch (op.op) {
    case 'setMeta': {
      if (op.title !== undefined && op.title.trim() === '') return fail('title', 'title must not be empty')
      transact(() => {
        if (op.title !== undefined) net.meta.set('title', op.title)
        if (op.description !== undefined) net.meta.set('description', op.description)
      })
      return { ok: true, label: op.title !== undefined ? `title to ${op.title}` : 'description' }
    }
    case 'addActor': {
      if (net.actors.has(op.actor.id)) return fail('id', `an actor with the id "${op.actor.id}" exists`)
      const p = checkEntity('actor', op.actor)
      if (p.length > 0) return { ok: false, problems: p }
      transact(() => net.actors.set(op.actor.id, entityMap({ ...op.actor }, nextOrder(net.actors))))
      return { ok: true, label: `add actor ${op.actor.label}` }
    }
    case 'updateActor': {
      const m = net.actors.get(op.id)
      if (m === undefined) return fail('id', `no actor has the id "${op.id}"`)
      const p = checkEntity('actor', merged(plainOf(m), op.patch))
      if (p.length > 0) return { ok: false, problems: p }
      const name = actorName(net, op.id)
      transact(() => writePatch(m, op.patch))
      return { ok: true, label: fieldsLabel(op.patch, net, name) }
    }
    case 'deleteActors': {
      const ids = new Set(op.ids)
      for (const id of ids) if (!net.actors.has(id)) return fail('id', `no actor has the id "${id}"`)
      const ties: string[] = []
      for (const [rid, r] of net.relations.entries())
        if (ids.has(String(r.get('source'))) || ids.has(String(r.get('target')))) ties.push(rid)
      const name = ids.size === 1 ? `actor ${actorName(net, [...ids][0]!)}` : plural(ids.size, 'actor')
      transact(() => {
        for (const rid of ties) net.relations.delete(rid)
        for (const id of ids) net.actors.delete(id)
      })
      return {
        ok: true,
        label: `delete ${name}${ties.length > 0 ? ` and ${plural(ties.length, 'relation')}` : ''}`,
        summary: `Deleted ${name} and ${plural(ties.length, 'relation')}`,
      }
    }
    case 'addRelation': {
      if (net.relations.has(op.relation.id))
        return fail('id', `a relation with the id "${op.relation.id}" exists`)
      const p = checkRelation(net, op.relation)
      if (p.length > 0) return { ok: false, problems: p }
      transact(() =>
        net.relations.set(op.relation.id, entityMap({ ...op.relation }, nextOrder(net.relations))),
      )
      return {
        ok: true,
        label: `add ${typeName(net, op.relation.type).toLowerCase()} relation ${relationName(net, op.relation.id)}`,
      }
    }
    case 'updateRelations': {
      const rows: [Y.Map<unknown>, Record<string, unknown>][] = []
      for (const id of op.ids) {
        const m = net.relations.get(id)
        if (m === undefined) return fail('id', `no relation has the id "${id}"`)
        const next = merged(plainOf(m), op.patch)
        const p = checkRelation(net, next)
        if (p.length > 0)
          return {
            ok: false,
            problems: op.ids.length > 1 ? p.map((x) => ({ ...x, path: `${id}.${x.path}` })) : p,
          }
        rows.push([m, next])
      }
      const what = op.ids.length === 1 ? relationName(net, op.ids[0]!) : plural(op.ids.length, 'relation')
      transact(() => {
        for (const [m] of rows) writePatch(m, op.patch)
      })
      return { ok: true, label: fieldsLabel(op.patch, net, what) }
    }
    case 'deleteRelations': {
      for (const id of op.ids) if (!net.relations.has(id)) return fail('id', `no relation has the id "${id}"`)
      const what =
        op.ids.length === 1 ? `relation ${relationName(net, op.ids[0]!)}` : plural(op.ids.length, 'relation')
      transact(() => {
        for (const id of op.ids) net.relations.delete(id)
      })
      return { ok: true, label: `delete ${what}` }
    }
    case 'addEvidence':
    case 'updateEvidence':
    case 'removeEvidence':
      return evidenceOp(net, op, transact)
    case 'repairAnchors':
      return repairAnchors(net, op.repairs, transact)
    case 'addType': {
      if (net.types.has(op.type.id)) return fail('id', `a relation type with the id "${op.type.id}" exists`)
      const p = checkEntity('type', op.type)
      if (p.length > 0) return { ok: false, problems: p }
      transact(() => net.types.set(op.type.id, entityMap({ ...op.type }, nextOrder(net.types))))
      return { ok: true, label: `add relation type ${op.type.label}` }
    }
    case 'updateType': {
      const m = net.types.get(op.id)
      if (m === undefined) return fail('id', `no relation type has the id "${op.id}"`)
      const p = checkEntity('type', merged(plainOf(m), op.patch))
      if (p.length > 0) return { ok: false, problems: p }
      const name = `relation type ${typeName(net, op.id)}`
      transact(() => writePatch(m, op.patch))
      return { ok: true, label: fieldsLabel(op.patch, net, name) }
    }
    case 'deleteType': {
      if (!net.types.has(op.id)) return fail('id', `no relation type has the id "${op.id}"`)
      let used = 0
      for (const r of net.relations.values()) if (r.get('type') === op.id) used++
      if (used > 0)
        return fail(
          'type',
          `${typeName(net, op.id)} is used by ${plural(used, 'relation')}: give them another type first`,
        )
      const name = typeName(net, op.id)
      transact(() => net.types.delete(op.id))
      return { ok: true, label: `delete relation type ${name}` }
    }
    case 'addSource': {
      if (net.sources.has(op.source.id)) return fail('id', `a source with the id "${op.source.id}" exists`)
      const p = checkEntity('source', op.source)
      if (p.length > 0) return { ok: false, problems: p }
      transact(() => net.sources.set(op.source.id, entityMap({ ...op.source }, nextOrder(net.sources))))
      return { ok: true, label: `add source ${op.source.title}` }
    }
    case 'updateSource': {
      const m = net.sources.get(op.id)
      if (m === undefined) return fail('id', `no source has the id "${op.id}"`)
      const p = checkEntity('source', merged(plainOf(m), op.patch))
      if (p.length > 0) return { ok: false, problems: p }
      transact(() => writePatch(m, op.patch))
      return { ok: true, label: fieldsLabel(op.patch, net, `source ${String(m.get('title'))}`) }
    }
    case 'merge': {
      const plan = planMerge(net, op.keep, op.others)
      if (!plan.ok) return { ok: false, problems: plan.problems }
      if (plan.plan.selfTies.length > 0 && !op.removeSelfTies)
        return fail(
          'others',
          `${plural(plan.plan.selfTies.length, 'tie links', 'ties link')} the merged actors to each other: confirm removing ${plan.plan.selfTies.length === 1 ? 'it' : 'them'}`,
        )
      const keepLabel = actorName(net, op.keep)
      const label = `merge ${mergeNames(net, plan.plan)}`
      transact(() => applyMerge(net, plan.plan, op.removeSelfTies))
      return { ok: true, label, summary: describeMerge(plan.plan, op.removeSelfTies, keepLabel) }
    }
    case 'addGraph': {
      let summary = ''
      transact(() => {
        summary = applyAddGraph(net, op.plan)
      })
      return { ok: true, label: `add ${op.plan.name} to this network`, summary }
    }
  }
}

const mergeNames = (net: NetworkDoc, plan: MergePlan) =>
  `${plan.others.map((o) => o.label).join(', ')} into ${actorName(net, plan.keep)}`

/**
 * Writes the anchors of moved quotations, all in one step. Each repair must name a quotation that
 * still has its quote (the text of a stale check is refused) and give a valid anchor.
 */
function repairAnchors(
  net: NetworkDoc,
  repairs: readonly AnchorRepair[],
  transact: (f: () => void) => void,
): OpResult {
  if (repairs.length === 0) return fail('repairs', 'no anchor to repair')
  const writes: { arr: Y.Array<Evidence>; index: number; next: Evidence }[] = []
  for (const [k, r] of repairs.entries()) {
    const m = net.relations.get(r.relation)
    const arr = m?.get('evidence')
    const old = arr instanceof Y.Array ? (arr as Y.Array<Evidence>).get(r.index) : undefined
    if (old === undefined)
      return fail(`repairs[${k}]`, `${relationName(net, r.relation)} has no quotation ${r.index + 1}`)
    if (old.quote !== r.quote)
      return fail(`repairs[${k}]`, `quotation ${r.index + 1} of ${relationName(net, r.relation)} has changed`)
    const next = { ...old, anchor: { ...r.anchor } } as Evidence
    const p = checkEntity('evidence', next, `repairs[${k}]`)
    if (p.length > 0) return { ok: false, problems: p }
    writes.push({ arr: arr as Y.Array<Evidence>, index: r.index, next })
  }
  transact(() => {
    for (const w of writes) {
      w.arr.delete(w.index, 1)
      w.arr.insert(w.index, [w.next])
    }
  })
  const n = repairs.length
  return {
    ok: true,
    label: `repair ${plural(n, 'moved anchor')}`,
    summary: `Repaired ${plural(n, 'moved anchor')}: ${n === 1 ? 'its quote was' : 'their quotes were'} found exactly, elsewhere in ${n === 1 ? 'its source' : 'their sources'}.`,
  }
}

function evidenceOp(
  net: NetworkDoc,
  op: Extract<Op, { op: 'addEvidence' | 'updateEvidence' | 'removeEvidence' }>,
  transact: (f: () => void) => void,
): OpResult {
  const m = net.relations.get(op.relation)
  if (m === undefined) return fail('relation', `no relation has the id "${op.relation}"`)
  const name = relationName(net, op.relation)
  const current = m.get('evidence')
  const arr = current instanceof Y.Array ? (current as Y.Array<Evidence>) : null
  if (op.op === 'addEvidence') {
    const p = checkEntity('evidence', op.evidence)
    if (p.length > 0) return { ok: false, problems: p }
    if (!net.sources.has(op.evidence.source))
      return fail('source', `no source has the id "${op.evidence.source}"`)
    transact(() => {
      if (arr !== null) arr.push([{ ...op.evidence }])
      else {
        const fresh = new Y.Array<Evidence>()
        fresh.push([{ ...op.evidence }])
        m.set('evidence', fresh)
      }
    })
    return { ok: true, label: `add quotation to ${name}` }
  }
  const old = arr?.get(op.index)
  if (arr === null || old === undefined) return fail('evidence', `${name} has no quotation ${op.index + 1}`)
  if (op.op === 'removeEvidence') {
    transact(() => arr.delete(op.index, 1))
    return { ok: true, label: `remove quotation from ${name}` }
  }
  const next = merged({ ...old }, op.patch) as Evidence
  const p = checkEntity('evidence', next)
  if (p.length > 0) return { ok: false, problems: p }
  transact(() => {
    arr.delete(op.index, 1)
    arr.insert(op.index, [next])
  })
  return { ok: true, label: `${Object.keys(op.patch).join(', ')} of a quotation on ${name}` }
}
