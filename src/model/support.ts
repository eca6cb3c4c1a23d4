/**
 * How well each tie stands on its evidence, for the map's marks and the "Unsupported ties" and
 * "Needs review or not found" filters. Pure.
 *
 * - A relation is *unsupported* when it carries no quotation at all (found from the graph alone).
 * - A relation is *questioned* when one of its quotations needs review or was not found in its
 *   source's text. That comes from the evidence check (evidence/check.ts), which the app runs once
 *   per network, in a worker when the texts are large; until it answers, nothing is questioned.
 */
import type { GraphIndex } from './graphIndex'
import type { Graph } from './types'

/** Bits of a relation's support flags. */
export const UNSUPPORTED = 1
export const QUESTIONED = 2

/** The evidence check's verdict on a network: the relations with a quotation to review or not found. */
export interface CheckedRelations {
  /** The graph the check read (a verdict on another graph is ignored). */
  readonly graph: Graph
  readonly questioned: ReadonlySet<string>
}

const cache = new WeakMap<GraphIndex, { checked: CheckedRelations | null; flags: Uint8Array }>()

/** Per relation: UNSUPPORTED and QUESTIONED bits. One array per index and verdict. */
export function supportFlags(index: GraphIndex, checked: CheckedRelations | null): Uint8Array {
  const verdict = checked !== null && checked.graph === index.graph ? checked : null
  const known = cache.get(index)
  if (known !== undefined && known.checked === verdict) return known.flags
  const flags = new Uint8Array(index.relationCount)
  index.graph.relations.forEach((r, i) => {
    if ((r.evidence ?? []).length === 0) flags[i] = UNSUPPORTED
    else if (verdict?.questioned.has(r.id) === true) flags[i] = QUESTIONED
  })
  cache.set(index, { checked: verdict, flags })
  return flags
}

const quoted = new WeakMap<Graph, boolean>()
/**
 * True when some relation of the graph has a quotation: only then are unsupported ties marked on
 * the map (a network with no quotation at all, such as an event table, would be all marks).
 */
export function hasAnyQuotation(graph: Graph): boolean {
  let q = quoted.get(graph)
  if (q === undefined) {
    q = graph.relations.some((r) => (r.evidence ?? []).length > 0)
    quoted.set(graph, q)
  }
  return q
}

/**
 * The export warning for unsupported ties among `relations`: "2 ties in this export have no
 * quotation: Iran → Azerbaijan (Military); …", naming at most `limit`; null when there are none.
 */
export function unsupportedWarning(
  graph: Graph,
  relations: readonly Graph['relations'][number][],
  limit = 5,
): string | null {
  const bare = relations.filter((r) => (r.evidence ?? []).length === 0)
  if (bare.length === 0) return null
  const label = new Map(graph.actors.map((a) => [a.id, a.label]))
  const typeLabel = new Map(graph.relationTypes.map((t) => [t.id, t.label]))
  const named = bare
    .slice(0, limit)
    .map(
      (r) =>
        `${label.get(r.source) ?? r.source} → ${label.get(r.target) ?? r.target} (${typeLabel.get(r.type) ?? r.type})`,
    )
  const more = bare.length > limit ? `; and ${(bare.length - limit).toLocaleString('en')} more` : ''
  const n =
    bare.length === 1
      ? '1 tie in this export has'
      : `${bare.length.toLocaleString('en')} ties in this export have`
  return `${n} no quotation (unsupported): ${named.join('; ')}${more}.`
}
