/**
 * The table's rows: one per actor or relation of the network, as plain values a grid can sort and
 * filter, and the operation that writes a cell back (the same operations as the details panel, so
 * the same validation, one undo step each). Pure: no React.
 */
import type { Op } from '../../document/ops'
import type { GraphIndex } from '../../model/graphIndex'
import type { Stance } from '../../model/types'
import { KIND_LABEL, STANCE_LABEL } from '../../model/words'

export interface ActorRow {
  readonly id: string
  readonly label: string
  readonly kind: string
  readonly aliases: string
  readonly description: string
  readonly ties: number
}

export interface RelationRow {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly type: string
  readonly stance: string
  readonly start: number | null
  readonly end: number | null
  readonly approximate: boolean
  readonly directed: boolean
  readonly summary: string
  readonly quotes: number
}

export function actorRows(index: GraphIndex, which: ArrayLike<number> | null): ActorRow[] {
  const { actors } = index.graph
  const n = which === null ? actors.length : which.length
  const out = new Array<ActorRow>(n)
  for (let k = 0; k < n; k++) {
    const i = which === null ? k : which[k]!
    const a = actors[i]!
    out[k] = {
      id: a.id,
      label: a.label,
      kind: KIND_LABEL[a.kind],
      aliases: (a.aliases ?? []).join(' | '),
      description: a.description ?? '',
      ties: index.adjStart[i + 1]! - index.adjStart[i]!,
    }
  }
  return out
}

export function relationRows(index: GraphIndex, which: ArrayLike<number> | null): RelationRow[] {
  const { relations, actors, relationTypes } = index.graph
  const n = which === null ? relations.length : which.length
  const out = new Array<RelationRow>(n)
  for (let k = 0; k < n; k++) {
    const j = which === null ? k : which[k]!
    const r = relations[j]!
    out[k] = {
      id: r.id,
      from: actors[index.src[j]!]!.label,
      to: actors[index.tgt[j]!]!.label,
      type: relationTypes[index.type[j]!]?.label ?? r.type,
      stance: STANCE_LABEL[r.stance],
      start: r.start ?? null,
      end: r.end ?? null,
      approximate: r.approximate === true,
      directed: r.directed === true,
      summary: r.summary,
      quotes: r.evidence?.length ?? 0,
    }
  }
  return out
}

export type CellKind = 'text' | 'year' | 'kind' | 'type' | 'stance' | 'check' | 'readonly'

/** The operation that stores a cell's new value, or the reason the text is not a value. */
export function cellOp(
  index: GraphIndex,
  table: 'actors' | 'relations',
  id: string,
  column: string,
  value: string | boolean,
): { ok: true; op: Op } | { ok: false; message: string } {
  const text = typeof value === 'string' ? value : ''
  if (table === 'actors') {
    switch (column) {
      case 'label':
        return { ok: true, op: { op: 'updateActor', id, patch: { label: text.trim() } } }
      case 'description':
        return {
          ok: true,
          op: { op: 'updateActor', id, patch: { description: text === '' ? undefined : text } },
        }
      case 'aliases': {
        const list = text
          .split('|')
          .map((a) => a.trim())
          .filter((a) => a !== '')
        return {
          ok: true,
          op: { op: 'updateActor', id, patch: { aliases: list.length > 0 ? list : undefined } },
        }
      }
      case 'kind': {
        const kind = Object.entries(KIND_LABEL).find(([k, l]) => k === text || l === text)?.[0]
        if (kind === undefined) return { ok: false, message: `"${text}" is not an actor kind` }
        return { ok: true, op: { op: 'updateActor', id, patch: { kind: kind as keyof typeof KIND_LABEL } } }
      }
    }
    return { ok: false, message: `the ${column} column cannot be edited here` }
  }
  switch (column) {
    case 'summary':
      return { ok: true, op: { op: 'updateRelations', ids: [id], patch: { summary: text.trim() } } }
    case 'start':
    case 'end': {
      const t = text.trim()
      if (t !== '' && !/^-?\d+$/.test(t))
        return {
          ok: false,
          message: `${column === 'start' ? 'Start year' : 'End year'} must be a whole number (a year)`,
        }
      const year = t === '' ? undefined : Number(t)
      return { ok: true, op: { op: 'updateRelations', ids: [id], patch: { [column]: year } } }
    }
    case 'approximate':
    case 'directed':
      return {
        ok: true,
        op: { op: 'updateRelations', ids: [id], patch: { [column]: value === true ? true : undefined } },
      }
    case 'stance': {
      const stance = Object.entries(STANCE_LABEL).find(([k, l]) => k === text || l === text)?.[0]
      if (stance === undefined) return { ok: false, message: `"${text}" is not a stance` }
      return { ok: true, op: { op: 'updateRelations', ids: [id], patch: { stance: stance as Stance } } }
    }
    case 'type': {
      const t = index.graph.relationTypes.find((x) => x.id === text || x.label === text)
      if (t === undefined) return { ok: false, message: `"${text}" is not a relation type of this network` }
      return { ok: true, op: { op: 'updateRelations', ids: [id], patch: { type: t.id } } }
    }
  }
  return { ok: false, message: `the ${column} column cannot be edited here` }
}
