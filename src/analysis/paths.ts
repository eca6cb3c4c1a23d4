/**
 * Paths between two actors over the shown relations, direction ignored. Pure.
 *
 * - Shortest paths: fewest steps, by breadth-first search over the CSR adjacency, counting the
 *   shortest paths on the way (each actor sums the counts of its predecessors; several relations
 *   between the same two actors are one step). A path is a sequence of actors.
 * - Best-evidenced path: Dijkstra where a step between two actors costs 1 / (distinct sources
 *   quoted by their shown relations), so two single-sourced steps (cost 2) lose to three
 *   double-sourced ones (1.5). A step whose relations quote nothing costs 2. Ties go to fewer steps.
 *   Our own Dijkstra (binary heap, typed arrays) reads the same adjacency instead of building a
 *   graphology copy of 80,000 relations on every question.
 */
import type { GraphIndex } from '../model/graphIndex'
import { ties } from '../model/ties'

export interface ShortestPaths {
  /** Steps of every shortest path. */
  readonly steps: number
  /** How many distinct shortest paths (actor sequences) there are. */
  readonly count: number
  /** Up to `limit` of them, each as actor indices from `from` to `to`. */
  readonly paths: readonly (readonly number[])[]
}

export const PATH_LIMIT = 5
/** The cost of a step whose relations quote no source at all. */
export const UNSOURCED_STEP_COST = 2

const other = (index: GraphIndex, r: number, a: number) =>
  index.src[r] === a ? index.tgt[r]! : index.src[r]!

/** Shown relations between a and b (either direction), ascending. */
export function pairRelations(index: GraphIndex, shown: Uint8Array, a: number, b: number): number[] {
  const out: number[] = []
  for (let j = index.adjStart[a]!; j < index.adjStart[a + 1]!; j++) {
    const r = index.adjRel[j]!
    if (shown[r] === 1 && other(index, r, a) === b) out.push(r)
  }
  return [...new Set(out)].sort((x, y) => x - y)
}

/** Distinct sources quoted by the given relations. */
export function distinctSources(index: GraphIndex, relations: readonly number[]): number {
  const t = ties(index)
  const seen = new Set<number>()
  for (const r of relations)
    for (let k = t.relSrcStart[r]!; k < t.relSrcStart[r + 1]!; k++) seen.add(t.relSrc[k]!)
  return seen.size
}

/** The cost of one step in the best-evidenced path. */
export const stepCost = (sources: number): number => (sources > 0 ? 1 / sources : UNSOURCED_STEP_COST)

export function shortestPaths(
  index: GraphIndex,
  shown: Uint8Array,
  from: number,
  to: number,
  limit = PATH_LIMIT,
): ShortestPaths | null {
  const { actorCount: n, adjStart, adjRel } = index
  if (from < 0 || to < 0 || from >= n || to >= n || from === to) return null
  const dist = new Int32Array(n).fill(-1)
  const count = new Float64Array(n)
  const stamp = new Int32Array(n).fill(-1)
  const queue = new Uint32Array(n)
  let head = 0
  let tail = 0
  dist[from] = 0
  count[from] = 1
  queue[tail++] = from
  while (head < tail) {
    const u = queue[head++]!
    // Every predecessor of `to` is one level above it: once that level is done, so are we.
    if (dist[to] !== -1 && dist[u]! >= dist[to]!) break
    for (let j = adjStart[u]!; j < adjStart[u + 1]!; j++) {
      const r = adjRel[j]!
      if (shown[r] !== 1) continue
      const v = other(index, r, u)
      if (stamp[v] === u) continue // another relation to the same neighbour: the same step
      stamp[v] = u
      if (dist[v] === -1) {
        dist[v] = dist[u]! + 1
        queue[tail++] = v
      }
      if (dist[v] === dist[u]! + 1) count[v]! += count[u]!
    }
  }
  if (dist[to] === -1) return null
  // Walk back from `to` through predecessors (neighbours one step nearer), in actor order.
  const preds = (v: number): number[] => {
    const out = new Set<number>()
    for (let j = adjStart[v]!; j < adjStart[v + 1]!; j++) {
      const r = adjRel[j]!
      if (shown[r] !== 1) continue
      const w = other(index, r, v)
      if (dist[w] === dist[v]! - 1 && dist[w] !== -1) out.add(w)
    }
    return [...out].sort((x, y) => x - y)
  }
  const paths: number[][] = []
  const stack: number[] = [to]
  const walk = (v: number) => {
    if (paths.length >= limit) return
    if (v === from) {
      paths.push([...stack].reverse())
      return
    }
    for (const w of preds(v)) {
      stack.push(w)
      walk(w)
      stack.pop()
      if (paths.length >= limit) return
    }
  }
  walk(to)
  return { steps: dist[to]!, count: count[to]!, paths }
}

export interface BestPath {
  /** Actor indices from `from` to `to`. */
  readonly path: readonly number[]
  /** Sum of the step costs. */
  readonly cost: number
  /** Distinct sources of each step's shown relations. */
  readonly sources: readonly number[]
}

const EPS = 1e-9

export function bestPath(index: GraphIndex, shown: Uint8Array, from: number, to: number): BestPath | null {
  const { actorCount: n, adjStart, adjRel } = index
  if (from < 0 || to < 0 || from >= n || to >= n || from === to) return null
  const t = ties(index)
  let maxSrc = 0
  for (let k = 0; k < t.relSrc.length; k++) if (t.relSrc[k]! > maxSrc) maxSrc = t.relSrc[k]!
  const cost = new Float64Array(n).fill(Infinity)
  const steps = new Int32Array(n).fill(0x7fffffff)
  const prev = new Int32Array(n).fill(-1)
  const done = new Uint8Array(n)
  // Scratch: a node's relations grouped by neighbour (list heads per neighbour, links per
  // relation), and a stamp per source for counting the distinct sources of each group.
  let maxDegree = 0
  for (let a = 0; a < n; a++) maxDegree = Math.max(maxDegree, adjStart[a + 1]! - adjStart[a]!)
  const vStamp = new Int32Array(n).fill(-1)
  const head = new Int32Array(n)
  const rel = new Uint32Array(maxDegree)
  const next = new Int32Array(maxDegree)
  const order: number[] = []
  const srcStamp = new Int32Array(maxSrc + 1).fill(-1)
  let keys = 0
  const heap = new BinaryHeap()
  cost[from] = 0
  steps[from] = 0
  heap.push(from, 0, 0)
  while (heap.size > 0) {
    const u = heap.pop()
    if (done[u] === 1) continue
    done[u] = 1
    if (u === to) break
    // u's shown relations to unsettled neighbours, grouped by neighbour (a list per neighbour
    // through `next`): one step per neighbour, costing 1 / the distinct sources of its relations.
    order.length = 0
    let k = 0
    for (let j = adjStart[u]!; j < adjStart[u + 1]!; j++) {
      const r = adjRel[j]!
      if (shown[r] !== 1) continue
      const v = other(index, r, u)
      if (v === u || done[v] === 1) continue
      if (vStamp[v] !== u) {
        vStamp[v] = u
        head[v] = -1
        order.push(v)
      }
      rel[k] = r
      next[k] = head[v]!
      head[v] = k++
    }
    for (const v of order) {
      const key = keys++
      let sources = 0
      for (let e = head[v]!; e !== -1; e = next[e]!) {
        const r = rel[e]!
        for (let q = t.relSrcStart[r]!; q < t.relSrcStart[r + 1]!; q++) {
          const s = t.relSrc[q]!
          if (srcStamp[s] !== key) {
            srcStamp[s] = key
            sources++
          }
        }
      }
      const c = cost[u]! + stepCost(sources)
      const st = steps[u]! + 1
      if (c < cost[v]! - EPS || (Math.abs(c - cost[v]!) <= EPS && st < steps[v]!)) {
        cost[v] = c
        steps[v] = st
        prev[v] = u
        heap.push(v, c, st)
      }
    }
  }
  if (prev[to] === -1) return null
  const path: number[] = []
  for (let v = to; v !== -1; v = prev[v]!) path.push(v)
  path.reverse()
  const sources = path
    .slice(1)
    .map((b, i) => distinctSources(index, pairRelations(index, shown, path[i]!, b)))
  return { path, cost: cost[to]!, sources }
}

/** A binary min-heap of actors keyed by (cost, steps), with lazy deletion by the caller. */
class BinaryHeap {
  private node: number[] = []
  private cost: number[] = []
  private steps: number[] = []
  get size(): number {
    return this.node.length
  }
  private less(i: number, j: number): boolean {
    const a = this.cost[i]!
    const b = this.cost[j]!
    if (a < b - EPS) return true
    if (a > b + EPS) return false
    return this.steps[i]! < this.steps[j]!
  }
  private swap(i: number, j: number) {
    const { node, cost, steps } = this
    const n = node[i]!
    node[i] = node[j]!
    node[j] = n
    const c = cost[i]!
    cost[i] = cost[j]!
    cost[j] = c
    const s = steps[i]!
    steps[i] = steps[j]!
    steps[j] = s
  }
  push(node: number, cost: number, steps: number) {
    this.node.push(node)
    this.cost.push(cost)
    this.steps.push(steps)
    let i = this.node.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(i, p)) break
      this.swap(i, p)
      i = p
    }
  }
  pop(): number {
    const top = this.node[0]!
    const last = this.node.length - 1
    this.swap(0, last)
    this.node.pop()
    this.cost.pop()
    this.steps.pop()
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.node.length && this.less(l, m)) m = l
      if (r < this.node.length && this.less(r, m)) m = r
      if (m === i) break
      this.swap(i, m)
      i = m
    }
    return top
  }
}
