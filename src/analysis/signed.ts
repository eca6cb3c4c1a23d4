/**
 * The signed network of what is shown. Pure.
 *
 * One tie per unordered pair of actors (direction ignored) over the shown relations. Its sign is +
 * when every shown cooperative-or-hostile relation between the pair is cooperative, − when every one
 * is hostile; the pair is "contested" when both occur, "unsigned" when it has only neutral relations.
 * Contested and unsigned pairs are counted but take no part in the census or the frustration index.
 */
import type { GraphIndex } from '../model/graphIndex'

const COOPERATIVE = 0
const HOSTILE = 1

export interface SignedNetwork {
  /** Actor indices (into the graph) of the actors with at least one signed tie, ascending by actor id. */
  readonly actors: Int32Array
  /** Local index of each graph actor in `actors`, or -1 when it has no signed tie. */
  readonly localOf: Int32Array
  /** Signed ties: endpoints as local indices (u < v in local order) and sign +1 / -1. */
  readonly eu: Int32Array
  readonly ev: Int32Array
  readonly sign: Int8Array
  /** Adjacency (CSR over local indices): neighbour, sign and tie index of each incident tie. */
  readonly adjStart: Int32Array
  readonly adjNbr: Int32Array
  readonly adjSign: Int8Array
  readonly adjEdge: Int32Array
  /** Pairs whose shown relations are both cooperative and hostile. */
  readonly contested: number
  /** Pairs whose shown relations are all neutral. */
  readonly unsigned: number
}

/** Compares actor ids by code units, the order every id list of the analysis uses. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Builds the signed network over the relations with `shown[i] === 1`.
 * Local actor order follows actor ids, so every result derived from it is deterministic.
 */
export function signedNetwork(index: GraphIndex, shown: Uint8Array): SignedNetwork {
  const { src, tgt, stance, relationCount: m, actorCount: n } = index
  const ids = index.graph.actors.map((a) => a.id)
  // Pair key → bit flags: 1 cooperative, 2 hostile, 4 neutral.
  const pairs = new Map<number, number>()
  for (let i = 0; i < m; i++) {
    if (shown[i] !== 1) continue
    const a = src[i]!
    const b = tgt[i]!
    if (a === b) continue
    const key = a < b ? a * n + b : b * n + a
    const s = stance[i]!
    const bit = s === COOPERATIVE ? 1 : s === HOSTILE ? 2 : 4
    pairs.set(key, (pairs.get(key) ?? 0) | bit)
  }
  let contested = 0
  let unsigned = 0
  const ties: number[] = [] // triples: a, b, sign
  const inNet = new Uint8Array(n)
  for (const [key, flags] of pairs) {
    const signed = flags & 3
    if (signed === 3) contested++
    else if (signed === 0) unsigned++
    else {
      const a = Math.floor(key / n)
      const b = key - a * n
      ties.push(a, b, signed === 1 ? 1 : -1)
      inNet[a] = 1
      inNet[b] = 1
    }
  }
  const members: number[] = []
  for (let a = 0; a < n; a++) if (inNet[a] === 1) members.push(a)
  members.sort((x, y) => byId(ids[x]!, ids[y]!))
  const actors = Int32Array.from(members)
  const localOf = new Int32Array(n).fill(-1)
  actors.forEach((a, i) => (localOf[a] = i))
  const e = ties.length / 3
  const order: number[] = []
  const lu = new Int32Array(e)
  const lv = new Int32Array(e)
  for (let k = 0; k < e; k++) {
    const x = localOf[ties[3 * k]!]!
    const y = localOf[ties[3 * k + 1]!]!
    lu[k] = Math.min(x, y)
    lv[k] = Math.max(x, y)
    order.push(k)
  }
  order.sort((p, q) => lu[p]! - lu[q]! || lv[p]! - lv[q]!)
  const eu = new Int32Array(e)
  const ev = new Int32Array(e)
  const sign = new Int8Array(e)
  order.forEach((k, j) => {
    eu[j] = lu[k]!
    ev[j] = lv[k]!
    sign[j] = ties[3 * k + 2]!
  })
  return { actors, localOf, eu, ev, sign, ...adjacency(actors.length, eu, ev, sign), contested, unsigned }
}

/** CSR adjacency of an edge list; neighbours of each vertex ascending. */
export function adjacency(
  n: number,
  eu: Int32Array,
  ev: Int32Array,
  sign: Int8Array,
): { adjStart: Int32Array; adjNbr: Int32Array; adjSign: Int8Array; adjEdge: Int32Array } {
  const e = eu.length
  const deg = new Int32Array(n + 1)
  for (let k = 0; k < e; k++) {
    deg[eu[k]!]!++
    deg[ev[k]!]!++
  }
  const adjStart = new Int32Array(n + 1)
  for (let v = 0; v < n; v++) adjStart[v + 1] = adjStart[v]! + deg[v]!
  const fill = adjStart.slice(0, n)
  const adjNbr = new Int32Array(2 * e)
  const adjSign = new Int8Array(2 * e)
  const adjEdge = new Int32Array(2 * e)
  // Edges are sorted by (u, v): vertex x first meets the ties (u, x) with u < x in ascending u, then
  // the ties (x, v) in ascending v, so every row comes out sorted by neighbour.
  for (let k = 0; k < e; k++) {
    const u = eu[k]!
    const v = ev[k]!
    let p = fill[u]!++
    adjNbr[p] = v
    adjSign[p] = sign[k]!
    adjEdge[p] = k
    p = fill[v]!++
    adjNbr[p] = u
    adjSign[p] = sign[k]!
    adjEdge[p] = k
  }
  return { adjStart, adjNbr, adjSign, adjEdge }
}
