/**
 * Typed-array indexes over a validated graph, built once per graph. Filtering and drawing read these
 * instead of the model objects, so a filter pass over 80,000 relations is a tight loop over numbers.
 * The heavy attributes (descriptions, summaries, evidence) stay on the model objects, looked up by index.
 */
import { STANCES } from './schema'
import type { Graph, Stance } from './types'

export interface GraphIndex {
  readonly graph: Graph
  readonly actorCount: number
  readonly relationCount: number
  readonly actorIndex: ReadonlyMap<string, number>
  readonly relationIndex: ReadonlyMap<string, number>
  readonly typeIndex: ReadonlyMap<string, number>
  readonly src: Uint32Array
  readonly tgt: Uint32Array
  readonly type: Uint16Array
  readonly stance: Uint8Array
  /** 1 when the relation is directed (source acts on target). */
  readonly directed: Uint8Array
  /** First year; -Infinity when undated. */
  readonly start: Float64Array
  /** Last year; +Infinity when ongoing or undated. */
  readonly end: Float64Array
  /** Earliest and latest year named by any relation, or null when no relation is dated. */
  readonly yearExtent: readonly [number, number] | null
  /** Relations of each actor (CSR): relations of actor a are adjRel[adjStart[a] .. adjStart[a+1]). */
  readonly adjStart: Uint32Array
  readonly adjRel: Uint32Array
  /** Actor indices sorted by label, then id (locale-aware, deterministic). */
  readonly byLabel: Uint32Array
}

export const stanceIndex = (s: Stance): number => STANCES.indexOf(s)

export function buildIndex(graph: Graph): GraphIndex {
  const actorIndex = new Map<string, number>()
  graph.actors.forEach((a, i) => actorIndex.set(a.id, i))
  const relationIndex = new Map<string, number>()
  const typeIndex = new Map<string, number>()
  graph.relationTypes.forEach((t, i) => typeIndex.set(t.id, i))
  const m = graph.relations.length
  const n = graph.actors.length
  const src = new Uint32Array(m)
  const tgt = new Uint32Array(m)
  const type = new Uint16Array(m)
  const stance = new Uint8Array(m)
  const directed = new Uint8Array(m)
  const start = new Float64Array(m)
  const end = new Float64Array(m)
  const degree = new Uint32Array(n + 1)
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < m; i++) {
    const r = graph.relations[i]!
    relationIndex.set(r.id, i)
    src[i] = actorIndex.get(r.source)!
    tgt[i] = actorIndex.get(r.target)!
    type[i] = typeIndex.get(r.type)!
    stance[i] = stanceIndex(r.stance)
    directed[i] = r.directed === true ? 1 : 0
    if (r.start === undefined) {
      start[i] = -Infinity
      end[i] = Infinity
    } else {
      start[i] = r.start
      end[i] = r.end ?? Infinity
      lo = Math.min(lo, r.start)
      hi = Math.max(hi, r.end ?? r.start)
    }
    degree[src[i]!]!++
    degree[tgt[i]!]!++
  }
  const adjStart = new Uint32Array(n + 1)
  for (let a = 0; a < n; a++) adjStart[a + 1] = adjStart[a]! + degree[a]!
  const fill = adjStart.slice(0, n)
  const adjRel = new Uint32Array(2 * m)
  for (let i = 0; i < m; i++) {
    adjRel[fill[src[i]!]!++] = i
    adjRel[fill[tgt[i]!]!++] = i
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
  const byLabel = Uint32Array.from(graph.actors.keys()).sort((a, b) => {
    const A = graph.actors[a]!
    const B = graph.actors[b]!
    return collator.compare(A.label, B.label) || (A.id < B.id ? -1 : A.id > B.id ? 1 : 0)
  })
  return {
    graph,
    actorCount: n,
    relationCount: m,
    actorIndex,
    relationIndex,
    typeIndex,
    src,
    tgt,
    type,
    stance,
    directed,
    start,
    end,
    yearExtent: lo <= hi ? [lo, hi] : null,
    adjStart,
    adjRel,
    byLabel,
  }
}
