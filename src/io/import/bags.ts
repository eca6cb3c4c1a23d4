/**
 * Attribute bags (what graph formats such as GEXF and GraphML carry per node and edge) → a format v1
 * draft. Attribute names are matched case-insensitively:
 *
 * - node: `label` (else `name`, `title`, the id), `kind` (else `type`, `category`), `description`,
 *   `aliases` (a list, or text separated by `|` or `;`)
 * - edge: `type` (else `relation`, `kind`; default "related"), `stance` (default neutral), `start`,
 *   `end` (years or dates), `summary` (else `label`, `description`; default "A – B"), `approximate`,
 *   evidence as `quote`, `source_title`, `source_url`, `source_author`, `source_publisher`,
 *   `source_published`, `note`. `weight` is dropped with a note.
 */
import {
  Draft,
  boolValue,
  kindValue,
  listOf,
  plural,
  stanceValue,
  textValue,
  yearValue,
  type Locator,
  type PathPart,
} from './draft'
import type { ConvertResult } from './types'

export interface NodeBag {
  readonly id: string
  readonly attrs: Readonly<Record<string, unknown>>
  readonly at: string
}

export interface EdgeBag {
  readonly id: string | undefined
  readonly source: string
  readonly target: string
  readonly directed: boolean
  readonly attrs: Readonly<Record<string, unknown>>
  /** Years from the format's own time model (GEXF start/end and spells), before attributes. */
  readonly start?: unknown
  readonly end?: unknown
  readonly at: string
}

const NODE_USED = ['label', 'name', 'title', 'kind', 'type', 'category', 'description', 'aliases']
const EDGE_USED = [
  'type',
  'relation',
  'kind',
  'stance',
  'start',
  'end',
  'summary',
  'label',
  'description',
  'approximate',
  'quote',
  'note',
  'source_title',
  'source_url',
  'source_author',
  'source_publisher',
  'source_published',
  'weight',
]
/** Display hints the formats carry: dropped without comment. */
const SILENT = new Set(['x', 'y', 'z', 'size', 'color', 'shape', 'thickness', 'r', 'g', 'b'])

/** Own attributes by lower-case name (the first spelling wins). */
function lowerMap(attrs: Readonly<Record<string, unknown>>): Map<string, [string, unknown]> {
  const m = new Map<string, [string, unknown]>()
  for (const k of Object.keys(attrs)) {
    const lk = k.toLowerCase()
    if (!m.has(lk)) m.set(lk, [k, attrs[k]])
  }
  return m
}

function first(m: Map<string, [string, unknown]>, names: readonly string[]): [string, unknown] | undefined {
  for (const n of names) {
    const e = m.get(n)
    if (e !== undefined && e[1] !== undefined && e[1] !== null && e[1] !== '') return e
  }
  return undefined
}

const sub = (base: string, rest: readonly PathPart[]) =>
  rest.reduce<string>((p, part) => (typeof part === 'number' ? `${p}[${part}]` : `${p}.${part}`), base)

export function draftFromBags(
  draft: Draft,
  nodes: readonly NodeBag[],
  edges: readonly EdgeBag[],
  what: { node: string; edge: string },
): ConvertResult {
  let missingKind = 0
  const otherKinds = new Set<string>()
  const ignoredNode = new Set<string>()
  const labels = new Map<string, string>()
  for (const n of nodes) {
    const m = lowerMap(n.attrs)
    const label = first(m, ['label', 'name', 'title'])
    const kindEntry = first(m, ['kind', 'type', 'category'])
    const { kind, given } = kindValue(kindEntry?.[1])
    if (kindEntry === undefined) missingKind++
    else if (given !== undefined && kind === 'other') otherKinds.add(given)
    const value: Record<string, unknown> = { id: n.id, label: textValue(label?.[1]) ?? n.id, kind }
    const description = first(m, ['description'])
    if (description !== undefined) value.description = description[1]
    const aliases = first(m, ['aliases'])
    if (aliases !== undefined) {
      value.aliases =
        typeof aliases[1] === 'string'
          ? aliases[1]
              .split(/[|;]/)
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : aliases[1]
    }
    if (typeof value.label === 'string') labels.set(n.id, value.label)
    for (const [lk, [k]] of m) if (!NODE_USED.includes(lk) && !SILENT.has(lk)) ignoredNode.add(k)
    const keyOf: Record<string, string | undefined> = { label: label?.[0], kind: kindEntry?.[0] }
    const at: Locator = (rest) =>
      sub(n.at, rest.length > 0 ? [keyOf[String(rest[0])] ?? rest[0]!, ...rest.slice(1)] : [])
    draft.reserveId('actors', n.id)
    draft.actors.push({ value, at })
  }
  if (missingKind > 0)
    draft.notes.push(`Kind was missing on ${plural(missingKind, 'actor')}; assumed "other"`)
  if (otherKinds.size > 0) {
    draft.notes.push(
      `Kinds that are not actor kinds in format v1 (${listOf([...otherKinds])}) became "other"`,
    )
  }
  if (ignoredNode.size > 0)
    draft.notes.push(`${what.node} attributes ignored: ${listOf([...ignoredNode].sort())}`)

  for (const e of edges) if (e.id !== undefined) draft.reserveId('relations', e.id)
  let missingType = 0
  let missingStance = 0
  let generatedSummary = 0
  let weights = 0
  const ignoredEdge = new Set<string>()
  edges.forEach((e, j) => {
    const m = lowerMap(e.attrs)
    const typeEntry = first(m, ['type', 'relation', 'kind'])
    const type = textValue(typeEntry?.[1])
    if (type === undefined) missingType++
    const stance = stanceValue(first(m, ['stance'])?.[1])
    if (stance === undefined) missingStance++
    const summaryEntry = first(m, ['summary', 'label', 'description'])
    let summary = textValue(summaryEntry?.[1])
    if (summary === undefined) {
      summary = `${labels.get(e.source) ?? e.source} ${e.directed ? '→' : '–'} ${labels.get(e.target) ?? e.target}`
      generatedSummary++
    }
    const value: Record<string, unknown> = {
      id: e.id ?? draft.freshId('relations', `edge-${j}`),
      source: e.source,
      target: e.target,
      type: type ?? 'related',
      stance: stance ?? 'neutral',
      summary,
    }
    const start = yearValue(e.start ?? first(m, ['start'])?.[1])
    const end = yearValue(e.end ?? first(m, ['end'])?.[1])
    if (start !== undefined) value.start = start
    if (end !== undefined) value.end = end
    if (e.directed) value.directed = true
    const approximate = boolValue(first(m, ['approximate'])?.[1])
    if (approximate !== undefined) value.approximate = approximate
    const quote = first(m, ['quote'])
    if (quote !== undefined) {
      const sourceId = draft.source(
        {
          title: first(m, ['source_title'])?.[1],
          url: first(m, ['source_url'])?.[1],
          author: first(m, ['source_author'])?.[1],
          publisher: first(m, ['source_publisher'])?.[1],
          published: first(m, ['source_published'])?.[1],
        },
        (rest) => sub(e.at, rest.length > 0 ? [`source_${String(rest[0])}`] : []),
      )
      const ev: Record<string, unknown> = { source: sourceId, quote: quote[1] }
      const note = first(m, ['note'])
      if (note !== undefined) ev.note = note[1]
      value.evidence = [ev]
    }
    if (m.has('weight')) weights++
    for (const [lk, [k]] of m) if (!EDGE_USED.includes(lk) && !SILENT.has(lk)) ignoredEdge.add(k)
    const keyOf: Record<string, string | undefined> = { type: typeEntry?.[0], summary: summaryEntry?.[0] }
    const at: Locator = (rest) => {
      if (rest[0] === 'evidence') return sub(e.at, rest.length > 2 ? [rest[2]!] : ['quote'])
      return sub(e.at, rest.length > 0 ? [keyOf[String(rest[0])] ?? rest[0]!, ...rest.slice(1)] : [])
    }
    draft.relations.push({ value, at })
  })
  if (missingType > 0)
    draft.notes.push(`Type was missing on ${plural(missingType, 'relation')}; assumed "related"`)
  if (missingStance > 0)
    draft.notes.push(`Stance was missing on ${plural(missingStance, 'relation')}; assumed neutral`)
  if (generatedSummary > 0) {
    draft.notes.push(
      `Summary was missing on ${plural(generatedSummary, 'relation')}; generated from the actor labels ("A – B")`,
    )
  }
  if (weights > 0) draft.notes.push('Edge weights are not part of format v1 and were left out')
  if (ignoredEdge.size > 0)
    draft.notes.push(`${what.edge} attributes ignored: ${listOf([...ignoredEdge].sort())}`)
  return draft.finish()
}
