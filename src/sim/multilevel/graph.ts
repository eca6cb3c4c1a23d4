/**
 * A weighted graph on typed arrays, the unit the multilevel layout works on: node i of a coarse
 * level stands for mass[i] actors, edge e for weight[e] relations between them.
 */
export interface WeightedGraph {
  readonly n: number
  readonly src: Uint32Array
  readonly tgt: Uint32Array
  /** Relations each edge stands for. */
  readonly weight: Float64Array
  /** Actors each node stands for. */
  readonly mass: Float64Array
}

/** The finest level: every actor weighs 1, every relation is an edge of weight 1 (parallel ones kept). */
export function graphOf(n: number, src: Uint32Array, tgt: Uint32Array): WeightedGraph {
  if (src.length !== tgt.length) throw new Error(`graphOf: ${src.length} sources but ${tgt.length} targets`)
  for (let e = 0; e < src.length; e++) {
    if (src[e]! >= n || tgt[e]! >= n) {
      throw new Error(`graphOf: relation ${e} joins ${src[e]} and ${tgt[e]}, but there are only ${n} nodes`)
    }
  }
  return { n, src, tgt, weight: new Float64Array(src.length).fill(1), mass: new Float64Array(n).fill(1) }
}

/** Both directions of every edge, grouped by node (compressed sparse rows). */
export interface Adjacency {
  /** Neighbours of i are at start[i] … start[i + 1] − 1. */
  readonly start: Uint32Array
  readonly node: Uint32Array
  readonly weight: Float64Array
}

export function adjacency(g: WeightedGraph): Adjacency {
  const start = new Uint32Array(g.n + 1)
  const m = g.src.length
  for (let e = 0; e < m; e++) {
    start[g.src[e]! + 1]!++
    start[g.tgt[e]! + 1]!++
  }
  for (let i = 0; i < g.n; i++) start[i + 1]! += start[i]!
  const fill = start.slice(0, g.n)
  const node = new Uint32Array(2 * m)
  const weight = new Float64Array(2 * m)
  for (let e = 0; e < m; e++) {
    const s = g.src[e]!
    const t = g.tgt[e]!
    const w = g.weight[e]!
    let p = fill[s]!++
    node[p] = t
    weight[p] = w
    p = fill[t]!++
    node[p] = s
    weight[p] = w
  }
  return { start, node, weight }
}
