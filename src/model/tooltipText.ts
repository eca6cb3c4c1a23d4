/**
 * What a tooltip over the map says, as one line of text (shown as text, never as markup):
 *
 * - an actor: its label, its kind and how many ties the filters show for it,
 *   "Iran · State · 12 shown ties";
 * - a tie: its ends, type and stance, years and evidence,
 *   "Iran → Azerbaijan · Military, hostile · 2021 (c.) · 2 sources". An undirected tie reads
 *   "Iran — Azerbaijan"; open-ended years read "since 2020"; approximate years end "(c.)"; the
 *   sources are the distinct sources its quotations cite (model/ties.ts).
 */
import type { View } from './filter'
import { ties } from './ties'
import { KIND_LABEL, STANCE_LABEL } from './words'
import type { Relation } from './types'

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function actorTooltipText(view: View, a: number): string {
  const actor = view.index.graph.actors[a]!
  return `${actor.label} · ${KIND_LABEL[actor.kind]} · ${count(view.degree[a]!, 'shown tie', 'shown ties')}`
}

/** "2016–2019", "2020", "since 2020", "undated"; " (c.)" after approximate years. */
export function tooltipYears(r: Pick<Relation, 'start' | 'end' | 'approximate'>): string {
  if (r.start === undefined) return 'undated'
  const years =
    r.end === undefined || r.end === null
      ? `since ${r.start}`
      : r.end === r.start
        ? String(r.start)
        : `${r.start}–${r.end}`
  return r.approximate === true ? `${years} (c.)` : years
}

export function relationTooltipText(view: View, r: number): string {
  const { graph, src, tgt, type } = view.index
  const rel = graph.relations[r]!
  const a = graph.actors[src[r]!]!.label
  const b = graph.actors[tgt[r]!]!.label
  const typeLabel = graph.relationTypes[type[r]!]?.label ?? rel.type
  const n = ties(view.index).sourceCount[r]!
  const sources = n === 0 ? 'no sources' : count(n, 'source', 'sources')
  return `${a} ${rel.directed === true ? '→' : '—'} ${b} · ${typeLabel}, ${STANCE_LABEL[rel.stance].toLowerCase()} · ${tooltipYears(rel)} · ${sources}`
}
