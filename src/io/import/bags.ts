/**
 * Attribute bags (what graph formats such as GEXF and GraphML carry per node and edge) → a format v1
 * draft. Attribute names are matched case-insensitively:
 *
 * - node: `label` (else `name`, `title`, the id), `kind` (else `type`, `category`), `description`,
 *   `aliases` (a list, or text separated by `|`, as in every format)
 * - edge: `type` (else `relation`, `kind`; default "related"), `stance` (default neutral), `start`,
 *   `end` (years or dates), `summary` (else `label`, `description`; default "A – B"), `approximate`,
 *   evidence as `quote`, `source_title`, `source_url`, `source_author`, `source_publisher`,
 *   `source_published`, `note`. `weight` is dropped with a note.
 * - files this app exported (creator "Alliance Explorer"; io/export/attributes.ts) also carry
 *   `evidence` (a JSON list of every quotation with its source record), `type_label`, `type_color`
 *   and `weight`, which are read back so that the network opens again as it was saved.
 */
import { Draft, isRecord, listOf, textValue, type PathPart } from './draft'
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
  'type_label',
  'type_color',
  'evidence',
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
  opts: { readonly ours?: boolean } = {},
): ConvertResult {
  const ignoredNode = new Set<string>()
  for (const n of nodes) {
    const m = lowerMap(n.attrs)
    const label = first(m, ['label', 'name', 'title'])
    const kindEntry = first(m, ['kind', 'type', 'category'])
    for (const [lk, [k]] of m) if (!NODE_USED.includes(lk) && !SILENT.has(lk)) ignoredNode.add(k)
    const keyOf: Record<string, string | undefined> = { label: label?.[0], kind: kindEntry?.[0] }
    draft.addActor(
      {
        id: n.id,
        label: label?.[1],
        kind: kindEntry?.[1],
        description: first(m, ['description'])?.[1],
        aliases: first(m, ['aliases'])?.[1],
      },
      (rest) => sub(n.at, rest.length > 0 ? [keyOf[String(rest[0])] ?? rest[0]!, ...rest.slice(1)] : []),
    )
  }
  if (ignoredNode.size > 0)
    draft.notes.push(`${what.node} attributes ignored: ${listOf([...ignoredNode].sort())}`)

  for (const e of edges) if (e.id !== undefined) draft.reserveId('relations', e.id)
  let weights = 0
  const ignoredEdge = new Set<string>()
  edges.forEach((e, j) => {
    const m = lowerMap(e.attrs)
    const typeEntry = first(m, ['type', 'relation', 'kind'])
    const summaryEntry = first(m, ['summary', 'label', 'description'])
    const quote = first(m, ['quote'])
    const listed = opts.ours === true ? evidenceList(first(m, ['evidence'])?.[1]) : undefined
    const evidence =
      listed !== undefined
        ? listed.map(({ source, ...rest }) => ({
            ...rest,
            source: draft.sourceRecord(source, () => sub(e.at, ['evidence'])),
          }))
        : quote === undefined
          ? []
          : [
              draft.evidence(
                {
                  quote: quote[1],
                  note: first(m, ['note'])?.[1],
                  title: first(m, ['source_title'])?.[1],
                  url: first(m, ['source_url'])?.[1],
                  author: first(m, ['source_author'])?.[1],
                  publisher: first(m, ['source_publisher'])?.[1],
                  published: first(m, ['source_published'])?.[1],
                },
                (rest) => sub(e.at, rest.length > 0 ? [`source_${String(rest[0])}`] : []),
              ),
            ]
    const typeLabel = first(m, ['type_label'])?.[1]
    const typeColor = first(m, ['type_color'])?.[1]
    const typeId = textValue(typeEntry?.[1])
    if (
      opts.ours === true &&
      typeof typeId === 'string' &&
      typeof typeLabel === 'string' &&
      typeof typeColor === 'string'
    )
      draft.declareType({ id: typeId.trim(), label: typeLabel, color: typeColor })
    const weight = first(m, ['weight'])?.[1]
    const kept = opts.ours === true && typeof weight === 'number' ? { weight } : undefined
    if (m.has('weight') && kept === undefined) weights++
    for (const [lk, [k]] of m) if (!EDGE_USED.includes(lk) && !SILENT.has(lk)) ignoredEdge.add(k)
    const keyOf: Record<string, string | undefined> = { type: typeEntry?.[0], summary: summaryEntry?.[0] }
    draft.addRelation(
      {
        id: e.id,
        idBase: `edge-${j}`,
        source: e.source,
        target: e.target,
        type: typeEntry?.[1],
        stance: first(m, ['stance'])?.[1],
        summary: summaryEntry?.[1],
        directed: e.directed ? true : undefined,
        start: e.start ?? first(m, ['start'])?.[1],
        end: e.end ?? first(m, ['end'])?.[1],
        approximate: first(m, ['approximate'])?.[1],
        evidence,
        ...(kept !== undefined ? { extra: kept } : {}),
      },
      (rest) => {
        if (rest[0] === 'evidence') return sub(e.at, rest.length > 2 ? [rest[2]!] : ['quote'])
        return sub(e.at, rest.length > 0 ? [keyOf[String(rest[0])] ?? rest[0]!, ...rest.slice(1)] : [])
      },
    )
  })
  if (weights > 0) draft.notes.push('Edge weights are not part of format v1 and were left out')
  if (ignoredEdge.size > 0)
    draft.notes.push(`${what.edge} attributes ignored: ${listOf([...ignoredEdge].sort())}`)
  return draft.finish()
}

/** The `evidence` attribute of a file of ours: its quotations, each with its source record. */
function evidenceList(
  v: unknown,
): Array<{ quote: unknown; note?: unknown; source: Record<string, unknown> }> | undefined {
  if (typeof v !== 'string') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(v)
  } catch {
    return undefined
  }
  if (!Array.isArray(parsed) || !parsed.every((e) => isRecord(e) && isRecord(e.source))) return undefined
  return parsed as Array<{ quote: unknown; note?: unknown; source: Record<string, unknown> }>
}
