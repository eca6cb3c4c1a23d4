/**
 * Merging actors without losing a quote. The plan is worked out first, without writing anything,
 * so the dialog can say what will happen: which ties are re-pointed to the kept actor, which become
 * identical to another tie (same pair, type, stance and years) and are combined, their evidence
 * joined without duplicate quotes, and which link the merged actors to each other (self-ties,
 * removed only when the user confirms: format v1 has no tie from an actor to itself).
 */
import * as Y from 'yjs'
import type { Evidence, Problem } from '../model/types'
import { plainOf, type NetworkDoc } from './network'

export interface MergePlan {
  readonly keep: string
  readonly others: readonly { readonly id: string; readonly label: string }[]
  /** Relations whose source or target moves to the kept actor. */
  readonly repointed: readonly string[]
  /** A re-pointed relation identical to another one: `drop` is folded into `into`. */
  readonly combined: readonly { readonly drop: string; readonly into: string }[]
  /** Relations between the merged actors, with their number of quotations. */
  readonly selfTies: readonly { readonly id: string; readonly quotes: number }[]
  /** Labels and aliases of the others that become aliases of the kept actor. */
  readonly aliases: readonly string[]
}

export type PlanResult = { ok: true; plan: MergePlan } | { ok: false; problems: Problem[] }

const str = (v: unknown) => (typeof v === 'string' ? v : '')
/** What makes two relations the same tie: pair (ordered when directed), type, stance and years. */
export function tieKey(r: Record<string, unknown>, source: string, target: string): string {
  const directed = r.directed === true
  const pair = directed || source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`
  return [
    pair,
    str(r.type),
    str(r.stance),
    r.start ?? '',
    r.end ?? '',
    r.approximate === true,
    directed,
  ].join('\u0001')
}
export const quoteKey = (e: Evidence) => `${e.source}\u0000${e.quote}`

export function planMerge(net: NetworkDoc, keep: string, othersIn: readonly string[]): PlanResult {
  const others = [...new Set(othersIn)].filter((id) => id !== keep)
  const keepMap = net.actors.get(keep)
  if (keepMap === undefined)
    return { ok: false, problems: [{ path: 'keep', message: `no actor has the id "${keep}"` }] }
  if (others.length === 0)
    return { ok: false, problems: [{ path: 'others', message: 'choose at least one other actor to merge' }] }
  for (const id of others)
    if (!net.actors.has(id))
      return { ok: false, problems: [{ path: 'others', message: `no actor has the id "${id}"` }] }
  const gone = new Set(others)
  const move = (id: string) => (gone.has(id) ? keep : id)
  const repointed: string[] = []
  const selfTies: { id: string; quotes: number }[] = []
  const byKey = new Map<string, string>()
  const moving: { id: string; key: string }[] = []
  for (const [id, m] of net.relations.entries()) {
    const s = str(m.get('source'))
    const t = str(m.get('target'))
    const s2 = move(s)
    const t2 = move(t)
    if (s2 === t2 && (s !== s2 || t !== t2 || s === keep)) {
      const ev = m.get('evidence')
      selfTies.push({ id, quotes: ev instanceof Y.Array ? ev.length : 0 })
      continue
    }
    const key = tieKey(plainOf(m), s2, t2)
    if (s === s2 && t === t2) {
      if (!byKey.has(key)) byKey.set(key, id)
    } else moving.push({ id, key })
  }
  const combined: { drop: string; into: string }[] = []
  for (const { id, key } of moving) {
    repointed.push(id)
    const into = byKey.get(key)
    if (into === undefined) byKey.set(key, id)
    else combined.push({ drop: id, into })
  }
  const keepLabel = str(keepMap.get('label'))
  const have = new Set([keepLabel, ...((keepMap.get('aliases') as string[] | undefined) ?? [])].map(fold))
  const aliases: string[] = []
  const list: { id: string; label: string }[] = []
  for (const id of others) {
    const m = net.actors.get(id)!
    const label = str(m.get('label'))
    list.push({ id, label })
    for (const name of [label, ...((m.get('aliases') as string[] | undefined) ?? [])]) {
      if (have.has(fold(name))) continue
      have.add(fold(name))
      aliases.push(name)
    }
  }
  return { ok: true, plan: { keep, others: list, repointed, combined, selfTies, aliases } }
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

/** Writes the plan (inside the caller's transaction). */
export function applyMerge(net: NetworkDoc, plan: MergePlan, removeSelfTies: boolean): void {
  if (plan.selfTies.length > 0 && !removeSelfTies)
    throw new Error('a merge with self-ties needs the user to confirm removing them')
  const gone = new Set(plan.others.map((o) => o.id))
  for (const { id } of plan.selfTies) net.relations.delete(id)
  for (const id of plan.repointed) {
    const m = net.relations.get(id)!
    if (gone.has(str(m.get('source')))) m.set('source', plan.keep)
    if (gone.has(str(m.get('target')))) m.set('target', plan.keep)
  }
  for (const { drop, into } of plan.combined) combineInto(net, drop, into)
  const keepMap = net.actors.get(plan.keep)!
  if (plan.aliases.length > 0)
    keepMap.set('aliases', [...((keepMap.get('aliases') as string[] | undefined) ?? []), ...plan.aliases])
  for (const id of gone) net.actors.delete(id)
}

/** Adds quotations to a relation's evidence, leaving out those it has (same source and quote). */
export function joinEvidence(relation: Y.Map<unknown>, evidence: readonly Evidence[]): void {
  if (evidence.length === 0) return
  let arr = relation.get('evidence')
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<Evidence>()
    relation.set('evidence', arr)
  }
  const target = arr as Y.Array<Evidence>
  const seen = new Set(target.toArray().map(quoteKey))
  const add = evidence.filter((e) => !seen.has(quoteKey(e)) && (seen.add(quoteKey(e)), true))
  if (add.length > 0) target.push(add.map((e) => ({ ...e })))
}

/** Folds relation `drop` into `into`: quotations joined without duplicates, weights added. */
export function combineInto(net: NetworkDoc, drop: string, into: string): void {
  const d = net.relations.get(drop)!
  const k = net.relations.get(into)!
  const from = d.get('evidence')
  joinEvidence(k, from instanceof Y.Array ? (from.toArray() as Evidence[]) : [])
  const dw = d.get('weight')
  const kw = k.get('weight')
  if (typeof dw === 'number') k.set('weight', (typeof kw === 'number' ? kw : 0) + dw)
  net.relations.delete(drop)
}

export function describeMerge(plan: MergePlan, removeSelfTies: boolean, keepLabel: string): string {
  const names = plan.others.map((o) => o.label).join(', ')
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`
  const parts = [
    n(plan.repointed.length, 'tie re-pointed', 'ties re-pointed'),
    `${plan.combined.length} combined`,
    '0 quotations lost',
  ]
  if (removeSelfTies && plan.selfTies.length > 0) {
    const q = plan.selfTies.reduce((s, t) => s + t.quotes, 0)
    parts.push(
      `${n(plan.selfTies.length, 'self-tie', 'self-ties')} removed with ${n(q, 'quotation', 'quotations')}`,
    )
  }
  return `Merged ${names} into ${keepLabel}: ${parts.join(', ')}`
}
