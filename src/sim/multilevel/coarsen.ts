/**
 * One coarsening step of the multilevel layout, and the hierarchy of them.
 *
 * 1. Heavy-edge matching: nodes in a seeded random order each pair with the unmatched neighbour of
 *    the heaviest edge relative to both masses (w / (m_u · m_v), so clusters stay even).
 * 2. Nodes left unmatched (leaves of a hub whose partner is taken, mostly) join the group of their
 *    heaviest neighbour while that group weighs at most `maxMass`; else they stay alone. Matching
 *    alone stalls on heavy-tailed graphs: a hub with 300 leaves takes one partner per level.
 * 3. Edges between different groups are merged, their weights summed; edges inside a group are
 *    dropped from the coarse graph and counted in `internalWeight`.
 */
import { adjacency, type WeightedGraph } from './graph'

export interface Coarsening {
  /** parent[i]: the coarse node fine node i belongs to. */
  readonly parent: Uint32Array
  readonly coarse: WeightedGraph
  /** Summed weight of the fine edges whose ends fell into one coarse node. */
  readonly internalWeight: number
}

const NONE = 0xffffffff

export function coarsen(g: WeightedGraph, random: () => number, maxMass = Infinity): Coarsening {
  const { n, mass } = g
  const adj = adjacency(g)
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  const parent = new Uint32Array(n).fill(NONE)
  const groupMass: number[] = []
  // 1. Heavy-edge matching.
  for (let o = 0; o < n; o++) {
    const u = order[o]!
    if (parent[u] !== NONE) continue
    let best = NONE
    let bestScore = 0
    for (let p = adj.start[u]!; p < adj.start[u + 1]!; p++) {
      const v = adj.node[p]!
      if (v === u || parent[v] !== NONE || mass[u]! + mass[v]! > maxMass) continue
      const score = adj.weight[p]! / (mass[u]! * mass[v]!)
      if (score > bestScore || (score === bestScore && v < best)) {
        best = v
        bestScore = score
      }
    }
    if (best === NONE) continue
    parent[u] = parent[best] = groupMass.length
    groupMass.push(mass[u]! + mass[best]!)
  }
  // 2. The unmatched join their heaviest grouped neighbour, or stay alone.
  for (let o = 0; o < n; o++) {
    const u = order[o]!
    if (parent[u] !== NONE) continue
    let best = NONE
    let bestScore = 0
    for (let p = adj.start[u]!; p < adj.start[u + 1]!; p++) {
      const v = adj.node[p]!
      const c = parent[v]!
      if (v === u || c === NONE || groupMass[c]! + mass[u]! > maxMass) continue
      const score = adj.weight[p]! / (mass[u]! * groupMass[c]!)
      if (score > bestScore || (score === bestScore && c < best)) {
        best = c
        bestScore = score
      }
    }
    if (best === NONE) {
      parent[u] = groupMass.length
      groupMass.push(mass[u]!)
    } else {
      parent[u] = best
      groupMass[best]! += mass[u]!
    }
  }
  const cn = groupMass.length
  // 3. Coarse edges: from each group's members, the edges to groups with a larger number (so every
  // fine edge is seen once), merged through a marker per target group.
  const members = new Uint32Array(n)
  const mStart = new Uint32Array(cn + 1)
  for (let i = 0; i < n; i++) mStart[parent[i]! + 1]!++
  for (let c = 0; c < cn; c++) mStart[c + 1]! += mStart[c]!
  const fill = mStart.slice(0, cn)
  for (let i = 0; i < n; i++) members[fill[parent[i]!]!++] = i
  const m = g.src.length
  const cs = new Uint32Array(m)
  const ct = new Uint32Array(m)
  const cw = new Float64Array(m)
  const mark = new Uint32Array(cn).fill(NONE)
  const slot = new Uint32Array(cn)
  let edges = 0
  let internalWeight = 0
  for (let c = 0; c < cn; c++) {
    for (let q = mStart[c]!; q < mStart[c + 1]!; q++) {
      const u = members[q]!
      for (let p = adj.start[u]!; p < adj.start[u + 1]!; p++) {
        const d = parent[adj.node[p]!]!
        const w = adj.weight[p]!
        if (d === c) {
          internalWeight += w // seen from both ends (a self-loop: twice on its own node)
          continue
        }
        if (d < c) continue
        if (mark[d] !== c) {
          mark[d] = c
          slot[d] = edges
          cs[edges] = c
          ct[edges] = d
          cw[edges] = w
          edges++
        } else cw[slot[d]!]! += w
      }
    }
  }
  const coarse: WeightedGraph = {
    n: cn,
    src: cs.slice(0, edges),
    tgt: ct.slice(0, edges),
    weight: cw.slice(0, edges),
    mass: Float64Array.from(groupMass),
  }
  return { parent, coarse, internalWeight: internalWeight / 2 }
}

export interface Hierarchy {
  /** levels[0] is the graph given; each next one is coarser. */
  readonly levels: readonly WeightedGraph[]
  /** parents[l][i]: the node of levels[l + 1] that node i of levels[l] belongs to. */
  readonly parents: readonly Uint32Array[]
}

/**
 * Coarsens until a level has at most `target` nodes, or a step removes less than a tenth of them
 * (a graph of isolated actors cannot shrink), or `maxLevels` is reached.
 */
export function buildHierarchy(
  g: WeightedGraph,
  random: () => number,
  target = 1500,
  maxLevels = 30,
): Hierarchy {
  const levels: WeightedGraph[] = [g]
  const parents: Uint32Array[] = []
  let total = 0
  for (let i = 0; i < g.n; i++) total += g.mass[i]!
  // A group may weigh up to twice its share of the coarsest level, so no cluster swallows a region.
  const maxMass = Math.max(4, (2 * total) / target)
  while (levels.length < maxLevels) {
    const fine = levels[levels.length - 1]!
    if (fine.n <= target) break
    const { parent, coarse } = coarsen(fine, random, maxMass)
    if (coarse.n > 0.9 * fine.n) break
    levels.push(coarse)
    parents.push(parent)
  }
  return { levels, parents }
}
