/**
 * Frustration index of a signed network (Aref & Wilson 2018): the fewest signed ties whose removal
 * (equivalently, whose sign flip) leaves a network that splits into two camps with every + tie inside
 * a camp and every − tie across. Pure.
 *
 * The index is a sum over connected components, each solved on its own:
 *   1. An upper bound from a seeded local search (spanning-tree start, single-actor moves, iterated
 *      with seeded perturbations).
 *   2. A lower bound from edge-disjoint unbalanced cycles: each must lose at least one tie.
 *   3. When the bounds differ and the component is small enough, an exact branch and bound in the
 *      style of a Russian doll search (Verfaillie, Lemaître & Schiex 1996): actors are ordered, and
 *      the exact index of every suffix of the order is solved from the shortest up, so that the
 *      search over the longer suffix bounds its unassigned part by the exact value already known.
 *      With a node budget: when the budget runs out the component keeps its two bounds.
 * A component is exact when its bounds meet or its search completed; the whole index is exact when
 * every component is.
 *
 * Over 300 lines because the three parts (upper bound, lower bound, exact search) work on one
 * component representation and are only correct together; each is a section below.
 */
import { mulberry32 } from './random'
import { adjacency, type SignedNetwork } from './signed'

export interface Frustration {
  /** The index when exact, otherwise the best upper bound found. */
  readonly value: number
  /** A proven lower bound (equal to `value` when exact). */
  readonly lower: number
  readonly exact: boolean
  /** Camp (0 or 1) of each actor of the network, by local index; per component, the actor with the
   * smallest id is in camp 0. */
  readonly side: Uint8Array
  /** Tie indices (into the network's tie list) left frustrated by `side`, ascending. */
  readonly frustrated: Int32Array
}

export interface FrustrationOptions {
  /** Components of at most this many actors are searched exactly (default 50). */
  readonly exactMaxActors?: number
  /** Search nodes allowed per component before giving up on exactness (default 1,500,000). */
  readonly nodeBudget?: number
  /** Seed of the heuristic (default 1). */
  readonly seed?: number
  /** Never search exactly (for benchmarks and tests of the bounds). */
  readonly heuristicOnly?: boolean
}

/** One component as its own small graph: vertices 0..k-1, CSR adjacency. */
interface Part {
  readonly k: number
  readonly adjStart: Int32Array
  readonly adjNbr: Int32Array
  readonly adjSign: Int8Array
  readonly adjEdge: Int32Array
  /** Local network index of each part vertex. */
  readonly vertices: Int32Array
  readonly edges: number
}

/** Connected components of the network, each listing its vertices ascending. */
export function components(net: SignedNetwork): Int32Array[] {
  const n = net.actors.length
  const comp = new Int32Array(n).fill(-1)
  const out: Int32Array[] = []
  const stack: number[] = []
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue
    const members: number[] = []
    comp[s] = out.length
    stack.push(s)
    while (stack.length > 0) {
      const v = stack.pop()!
      members.push(v)
      for (let p = net.adjStart[v]!; p < net.adjStart[v + 1]!; p++) {
        const w = net.adjNbr[p]!
        if (comp[w] === -1) {
          comp[w] = out.length
          stack.push(w)
        }
      }
    }
    out.push(Int32Array.from(members.sort((a, b) => a - b)))
  }
  return out
}

function partOf(net: SignedNetwork, vertices: Int32Array, position: Int32Array): Part {
  const k = vertices.length
  const us: number[] = []
  const vs: number[] = []
  const ss: number[] = []
  const es: number[] = []
  for (let i = 0; i < k; i++) {
    const v = vertices[i]!
    for (let p = net.adjStart[v]!; p < net.adjStart[v + 1]!; p++) {
      const j = position[net.adjNbr[p]!]!
      if (j > i) {
        us.push(i)
        vs.push(j)
        ss.push(net.adjSign[p]!)
        es.push(net.adjEdge[p]!)
      }
    }
  }
  // adjacency() wants ties sorted by (u, v) with u < v.
  const order = us.map((_, t) => t).sort((a, b) => us[a]! - us[b]! || vs[a]! - vs[b]!)
  const eu = Int32Array.from(order, (t) => us[t]!)
  const ev = Int32Array.from(order, (t) => vs[t]!)
  const sg = Int8Array.from(order, (t) => ss[t]!)
  const adj = adjacency(k, eu, ev, sg)
  // adjacency() numbers ties in sorted order; map them back to the network's tie indices.
  const netEdge = Int32Array.from(order, (t) => es[t]!)
  const adjEdge = Int32Array.from(adj.adjEdge, (t) => netEdge[t]!)
  return { k, ...adj, adjEdge, vertices, edges: eu.length }
}

/** Frustrated ties of an assignment within a part. */
function partCost(part: Part, side: Uint8Array): number {
  let cost = 0
  for (let v = 0; v < part.k; v++) {
    for (let p = part.adjStart[v]!; p < part.adjStart[v + 1]!; p++) {
      const w = part.adjNbr[p]!
      if (w <= v) continue
      const same = side[v] === side[w]
      if (part.adjSign[p]! > 0 ? !same : same) cost++
    }
  }
  return cost
}

/** Moves single actors to the other camp while that frustrates fewer ties; returns the cost. */
function localSearch(part: Part, side: Uint8Array, cost: number, gain: Int32Array): number {
  const { k, adjStart, adjNbr, adjSign } = part
  // gain[v] = frustrated − satisfied ties at v: moving v changes the cost by −gain[v].
  for (let v = 0; v < k; v++) {
    let g = 0
    for (let p = adjStart[v]!; p < adjStart[v + 1]!; p++) {
      const same = side[v] === side[adjNbr[p]!]
      g += (adjSign[p]! > 0 ? !same : same) ? 1 : -1
    }
    gain[v] = g
  }
  const queue: number[] = []
  const queued = new Uint8Array(k)
  for (let v = 0; v < k; v++)
    if (gain[v]! > 0) {
      queue.push(v)
      queued[v] = 1
    }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!
    queued[v] = 0
    if (gain[v]! <= 0) continue
    cost -= gain[v]!
    side[v] = 1 - side[v]!
    gain[v] = -gain[v]!
    for (let p = adjStart[v]!; p < adjStart[v + 1]!; p++) {
      const w = adjNbr[p]!
      // The tie v–w changed between frustrated and satisfied: w's gain moves by 2.
      const same = side[v] === side[w]
      const nowFrustrated = adjSign[p]! > 0 ? !same : same
      gain[w] = gain[w]! + (nowFrustrated ? 2 : -2)
      if (gain[w]! > 0 && queued[w] === 0) {
        queued[w] = 1
        queue.push(w)
      }
    }
    if (queue.length > 4 * k + 64 && head > 2 * k) {
      // Compact the queue now and then so it never grows without bound.
      queue.splice(0, head + 1)
      head = -1
    }
  }
  return cost
}

/** Camps that satisfy a BFS spanning tree from `root`: a good start for the local search. */
function treeStart(part: Part, root: number, side: Uint8Array): void {
  const seen = new Uint8Array(part.k)
  const queue = [root]
  seen[root] = 1
  side[root] = 0
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!
    for (let p = part.adjStart[v]!; p < part.adjStart[v + 1]!; p++) {
      const w = part.adjNbr[p]!
      if (seen[w] === 1) continue
      seen[w] = 1
      side[w] = part.adjSign[p]! > 0 ? side[v]! : 1 - side[v]!
      queue.push(w)
    }
  }
}

/**
 * Upper bound: the best of a few spanning-tree starts improved by local search, then iterated local
 * search: move a small connected group of actors to the other camp, let single moves improve it,
 * keep the result when it is not worse, else undo. Gains are kept up to date move by move, so a
 * round costs about the size of the neighbourhood it touches, not of the whole graph.
 */
function heuristic(part: Part, seed: number): { cost: number; side: Uint8Array } {
  const { k, adjStart, adjNbr, adjSign } = part
  const rand = mulberry32(seed)
  const gain = new Int32Array(k)
  let best = new Uint8Array(k)
  let bestCost = Infinity
  const starts = Math.min(k, 4)
  const side = new Uint8Array(k)
  for (let s = 0; s < starts; s++) {
    const root = s === 0 ? 0 : Math.floor(rand() * k)
    treeStart(part, root, side)
    const c = localSearch(part, side, partCost(part, side), gain)
    if (c < bestCost) {
      bestCost = c
      best = side.slice()
    }
  }
  if (bestCost === 0) return { cost: 0, side: best }
  // Iterated local search from the best start, with incremental gains.
  side.set(best)
  let cost = localSearch(part, side, bestCost, gain)
  const log: number[] = []
  const queue: number[] = []
  const flip = (v: number) => {
    cost -= gain[v]!
    side[v] = 1 - side[v]!
    gain[v] = -gain[v]!
    for (let p = adjStart[v]!; p < adjStart[v + 1]!; p++) {
      const w = adjNbr[p]!
      const same = side[v] === side[w]
      gain[w] = gain[w]! + ((adjSign[p]! > 0 ? !same : same) ? 2 : -2)
      if (gain[w]! > 0) queue.push(w)
    }
    log.push(v)
  }
  const rounds = Math.min(40_000, 2_000 + 4 * k)
  for (let r = 0; r < rounds && bestCost > 0; r++) {
    const before = cost
    log.length = 0
    queue.length = 0
    const v = Math.floor(rand() * k)
    flip(v)
    const deg = adjStart[v + 1]! - adjStart[v]!
    const extra = deg === 0 ? 0 : Math.floor(rand() * Math.min(deg, 4))
    for (let t = 0; t < extra; t++) {
      const w = adjNbr[adjStart[v]! + Math.floor(rand() * deg)]!
      flip(w)
    }
    // Single moves while they help (bounded, so a round never wanders far).
    for (let steps = 0; queue.length > 0 && steps < 50 * (extra + 2); steps++) {
      const w = queue.pop()!
      if (gain[w]! > 0) flip(w)
    }
    if (cost <= before) {
      if (cost < bestCost) {
        bestCost = cost
        best = side.slice()
      }
    } else {
      // Undo, last move first (a move is its own inverse).
      const moves = log.slice()
      for (let i = moves.length - 1; i >= 0; i--) flip(moves[i]!)
    }
  }
  return { cost: bestCost, side: best }
}

/**
 * Lower bound: edge-disjoint unbalanced cycles, each of which must lose at least one tie. First
 * every unbalanced triangle whose ties are all still free, then short unbalanced closed walks
 * (each holds an unbalanced cycle) found as shortest paths from (v, +) to (v, −) in the signed
 * double cover, searched only a little way around each actor so the bound stays near linear.
 */
export function disjointCycleBound(part: Part, scanBudget = 3000): number {
  const { k, adjStart, adjNbr, adjSign, adjEdge } = part
  let top = -1
  for (const e of adjEdge) if (e > top) top = e
  const used = new Uint8Array(top + 1)
  let count = 0
  // 1. Triangles a < b < c by merging sorted rows (rows are sorted by neighbour).
  for (let a = 0; a < k; a++) {
    for (let p = adjStart[a]!; p < adjStart[a + 1]!; p++) {
      const b = adjNbr[p]!
      if (b <= a || used[adjEdge[p]!] === 1) continue
      let q = p + 1
      let r = adjStart[b]!
      while (q < adjStart[a + 1]! && r < adjStart[b + 1]!) {
        const x = adjNbr[q]!
        const y = adjNbr[r]!
        if (x < y) q++
        else if (y < x) r++
        else {
          if (
            used[adjEdge[p]!] === 0 &&
            used[adjEdge[q]!] === 0 &&
            used[adjEdge[r]!] === 0 &&
            adjSign[p]! * adjSign[q]! * adjSign[r]! < 0
          ) {
            used[adjEdge[p]!] = 1
            used[adjEdge[q]!] = 1
            used[adjEdge[r]!] = 1
            count++
          }
          q++
          r++
        }
      }
    }
  }
  // 2. Longer walks, a bounded search from each actor. State s = 2v + parity.
  const seen = new Int32Array(2 * k).fill(-1)
  const prevState = new Int32Array(2 * k)
  const prevPos = new Int32Array(2 * k)
  const queue = new Int32Array(2 * k)
  let stamp = 0
  for (let root = 0; root < k; root++) {
    for (;;) {
      stamp++
      let head = 0
      let tail = 0
      const start = 2 * root
      const goal = start + 1
      queue[tail++] = start
      seen[start] = stamp
      let found = false
      let scanned = 0
      while (head < tail && !found && scanned < scanBudget) {
        const s = queue[head++]!
        const v = s >> 1
        const parity = s & 1
        scanned += adjStart[v + 1]! - adjStart[v]!
        for (let p = adjStart[v]!; p < adjStart[v + 1]!; p++) {
          if (used[adjEdge[p]!] === 1) continue
          const t = 2 * adjNbr[p]! + (adjSign[p]! < 0 ? 1 - parity : parity)
          if (seen[t] === stamp) continue
          seen[t] = stamp
          prevState[t] = s
          prevPos[t] = p
          if (t === goal) {
            found = true
            break
          }
          queue[tail++] = t
        }
      }
      if (!found) break
      count++
      for (let t = goal; t !== start; t = prevState[t]!) used[adjEdge[prevPos[t]!]!] = 1
    }
  }
  return count
}

/** Ordering for the exact search: highest degree first, then always the actor with the most ties
 * to those already ordered (ties broken by degree, then index). */
function searchOrder(part: Part): Int32Array {
  const { k, adjStart, adjNbr } = part
  const deg = (v: number) => adjStart[v + 1]! - adjStart[v]!
  const placed = new Uint8Array(k)
  const links = new Int32Array(k)
  const order = new Int32Array(k)
  for (let i = 0; i < k; i++) {
    let pick = -1
    for (let v = 0; v < k; v++) {
      if (placed[v] === 1) continue
      if (pick === -1 || links[v]! > links[pick]! || (links[v] === links[pick] && deg(v) > deg(pick)))
        pick = v
    }
    order[i] = pick
    placed[pick] = 1
    for (let p = adjStart[pick]!; p < adjStart[pick + 1]!; p++) links[adjNbr[p]!]!++
  }
  return order
}

/**
 * Exact index of a part by Russian doll search; null when the node budget ran out.
 * `upper` is a known cost with its assignment, `lower` a proven bound (the search stops on reaching it).
 */
export function exactPart(
  part: Part,
  nodeBudget: number,
  lower = 0,
): { cost: number; side: Uint8Array } | null {
  const { k } = part
  const order = searchOrder(part)
  const pos = new Int32Array(k)
  order.forEach((v, i) => (pos[v] = i))
  // Relabel: vertex i of the search is order[i]; neighbours listed as positions with their signs.
  const start = new Int32Array(k + 1)
  for (let i = 0; i < k; i++) {
    const v = order[i]!
    start[i + 1] = start[i]! + part.adjStart[v + 1]! - part.adjStart[v]!
  }
  const nbr = new Int32Array(start[k]!)
  const sgn = new Int8Array(start[k]!)
  for (let i = 0; i < k; i++) {
    const v = order[i]!
    let q = start[i]!
    for (let p = part.adjStart[v]!; p < part.adjStart[v + 1]!; p++) {
      nbr[q] = pos[part.adjNbr[p]!]!
      sgn[q++] = part.adjSign[p]!
    }
  }
  // F[j] = exact index of the subgraph induced by search vertices j..k-1; F[k] = F[k-1] = 0.
  const F = new Int32Array(k + 1)
  const c0 = new Int32Array(k) // frustrated ties to assigned actors if the actor joins camp 0
  const c1 = new Int32Array(k)
  const side = new Uint8Array(k)
  let bestSide = new Uint8Array(k) // assignment of the current suffix's best, by search position
  let best = 0
  let target = 0
  let nodes = 0
  let aborted = false

  const search = (j: number, cost: number, rest: number): void => {
    if (j === k) {
      best = cost
      bestSide = side.slice()
      return
    }
    if (++nodes > nodeBudget) {
      aborted = true
      return
    }
    const a = c0[j]!
    const b = c1[j]!
    const first = a <= b ? 0 : 1
    const tries = j === startOfSuffix ? 1 : 2
    const restAfter = rest - Math.min(a, b)
    for (let t = 0; t < tries; t++) {
      const camp = j === startOfSuffix ? 0 : t === 0 ? first : 1 - first
      const newCost = cost + (camp === 0 ? a : b)
      let newRest = restAfter
      for (let p = start[j]!; p < start[j + 1]!; p++) {
        const y = nbr[p]!
        if (y <= j) continue
        const before = Math.min(c0[y]!, c1[y]!)
        // A + tie is frustrated when y joins the other camp, a − tie when y joins the same one.
        if (sgn[p]! > 0 === (camp === 0)) c1[y]!++
        else c0[y]!++
        newRest += Math.min(c0[y]!, c1[y]!) - before
      }
      if (newCost + newRest + F[j + 1]! < best) {
        side[j] = camp
        search(j + 1, newCost, newRest)
      }
      for (let p = start[j]!; p < start[j + 1]!; p++) {
        const y = nbr[p]!
        if (y <= j) continue
        if (sgn[p]! > 0 === (camp === 0)) c1[y]!--
        else c0[y]!--
      }
      if (aborted || best <= target) return
    }
  }

  let startOfSuffix = k - 1
  bestSide[k - 1] = 0
  for (startOfSuffix = k - 2; startOfSuffix >= 0; startOfSuffix--) {
    const d = startOfSuffix
    // A known solution: the previous suffix's best with d in the camp frustrating fewer of its ties.
    let toZero = 0
    let toOne = 0
    for (let p = start[d]!; p < start[d + 1]!; p++) {
      const y = nbr[p]!
      if (y <= d) continue
      const s = bestSide[y]!
      if (sgn[p]! > 0 ? s !== 0 : s === 0) toZero++
      if (sgn[p]! > 0 ? s !== 1 : s === 1) toOne++
    }
    bestSide[d] = toZero <= toOne ? 0 : 1
    best = F[d + 1]! + Math.min(toZero, toOne)
    target = F[d + 1]!
    if (d === 0) target = Math.max(target, lower)
    if (best > target) {
      c0.fill(0)
      c1.fill(0)
      search(d, 0, 0)
      if (aborted) return null
    }
    F[d] = best
  }
  const out = new Uint8Array(k)
  for (let i = 0; i < k; i++) out[order[i]!] = bestSide[i]!
  return { cost: k === 1 ? 0 : F[0]!, side: out }
}

/**
 * Frustration index, camps and frustrated ties of a signed network; a generator that yields after
 * each component (and each long step) so a worker can report progress and stop between steps.
 * Yields the fraction done in [0, 1].
 */
export function* frustrationSteps(
  net: SignedNetwork,
  options: FrustrationOptions = {},
): Generator<number, Frustration> {
  const exactMax = options.exactMaxActors ?? 50
  const budget = options.nodeBudget ?? 1_500_000
  const seed = options.seed ?? 1
  const n = net.actors.length
  const side = new Uint8Array(n)
  const position = new Int32Array(n)
  let value = 0
  let lower = 0
  let exact = true
  const parts = components(net)
  const totalEdges = Math.max(1, net.eu.length)
  let doneEdges = 0
  for (const vertices of parts) {
    vertices.forEach((v, i) => (position[v] = i))
    const part = partOf(net, vertices, position)
    let cost = 0
    let camp: Uint8Array = new Uint8Array(part.k)
    let low = 0
    if (part.edges > 0) {
      const h = heuristic(part, seed)
      cost = h.cost
      camp = h.side
      yield doneEdges / totalEdges
      low = cost === 0 ? 0 : Math.min(cost, disjointCycleBound(part))
      if (low < cost && options.heuristicOnly !== true && part.k <= exactMax) {
        yield doneEdges / totalEdges
        const e = exactPart(part, budget, low)
        if (e !== null) {
          cost = e.cost
          camp = e.side
          low = e.cost
        }
      }
    }
    if (low < cost) exact = false
    value += cost
    lower += low
    // The actor with the smallest id (vertex 0 of the part) goes to camp 0.
    const flip = camp[0] === 1
    for (let i = 0; i < part.k; i++) side[vertices[i]!] = flip ? 1 - camp[i]! : camp[i]!
    doneEdges += part.edges
    yield doneEdges / totalEdges
  }
  const frustrated: number[] = []
  for (let t = 0; t < net.eu.length; t++) {
    const same = side[net.eu[t]!] === side[net.ev[t]!]
    if (net.sign[t]! > 0 ? !same : same) frustrated.push(t)
  }
  return { value, lower, exact, side, frustrated: Int32Array.from(frustrated) }
}

/** Runs a step generator to its end. */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done === true) return r.value
  }
}

export const frustration = (net: SignedNetwork, options?: FrustrationOptions): Frustration =>
  runSteps(frustrationSteps(net, options))
