/**
 * How well each tie is evidenced, and which pairs are contested. Pure; built once per graph index
 * (evidence) or once per filter pass (contested).
 *
 * - The evidence count of a relation is the number of distinct sources its quotations cite.
 * - A pair of actors is contested when, among the relations considered (the ones the other
 *   filters show), two of one relation type have opposite stances: one cooperative and one
 *   hostile. A neutral relation contradicts neither.
 */
import type { GraphIndex } from './graphIndex'
import { STANCES } from './schema'

export interface Ties {
  /** Distinct sources quoted per relation (0 when it has no evidence). */
  readonly sourceCount: Uint16Array
  /** 1 when the relation's years are approximate (inferred). */
  readonly approximate: Uint8Array
  /** Distinct sources per relation as source indices, CSR: relSrcStart[r] .. relSrcStart[r + 1). */
  readonly relSrcStart: Uint32Array
  readonly relSrc: Uint32Array
}

const tiesCache = new WeakMap<GraphIndex, Ties>()

export function ties(index: GraphIndex): Ties {
  let t = tiesCache.get(index)
  if (t === undefined) {
    t = buildTies(index)
    tiesCache.set(index, t)
  }
  return t
}

function buildTies(index: GraphIndex): Ties {
  const { relations, sources } = index.graph
  const m = relations.length
  const sourceIdx = new Map<string, number>()
  sources.forEach((s, i) => sourceIdx.set(s.id, i))
  const sourceCount = new Uint16Array(m)
  const approximate = new Uint8Array(m)
  const relSrcStart = new Uint32Array(m + 1)
  const list: number[] = []
  for (let r = 0; r < m; r++) {
    const rel = relations[r]!
    if (rel.approximate === true) approximate[r] = 1
    const seen: number[] = []
    for (const e of rel.evidence ?? []) {
      // A quotation naming an unknown source still counts, as a source of its own.
      let s = sourceIdx.get(e.source)
      if (s === undefined) {
        s = sources.length + sourceIdx.size
        sourceIdx.set(e.source, s)
      }
      if (!seen.includes(s)) seen.push(s)
    }
    sourceCount[r] = Math.min(seen.length, 0xffff)
    list.push(...seen)
    relSrcStart[r + 1] = list.length
  }
  return { sourceCount, approximate, relSrcStart, relSrc: Uint32Array.from(list) }
}

const COOP = STANCES.indexOf('cooperative')
const HOSTILE = STANCES.indexOf('hostile')

export interface Contested {
  /** 1 when relation r (among the considered ones) belongs to a contested pair and type. */
  readonly relation: Uint8Array
  /** Number of contested pairs (a pair counts once whatever number of types disagree). */
  readonly pairs: number
}

/**
 * Candidates, once per graph: the groups (pair × relation type) that have both a cooperative and a
 * hostile relation among all relations. Only their relations can ever be contested, so a filter
 * pass looks at them alone instead of the whole adjacency.
 */
interface Candidates {
  /** Relations of group g: items[start[g]] … items[start[g + 1] - 1]. */
  readonly start: Uint32Array
  readonly items: Uint32Array
  /** The pair of each group (groups of one pair share it), numbered from 0. */
  readonly pairOf: Uint32Array
  readonly pairCount: number
}

const candidatesCache = new WeakMap<GraphIndex, Candidates>()

function candidates(index: GraphIndex): Candidates {
  const cached = candidatesCache.get(index)
  if (cached !== undefined) return cached
  const { actorCount: n, adjStart, adjRel, src, tgt, type, stance } = index
  const words = Math.max(1, Math.ceil((2 * index.typeIndex.size) / 32))
  const stamp = new Int32Array(n).fill(-1)
  const bits = new Uint32Array(n * words)
  const start: number[] = [0]
  const items: number[] = []
  const pairOf: number[] = []
  let pairCount = 0
  for (let a = 0; a < n; a++) {
    const lo = adjStart[a]!
    const hi = adjStart[a + 1]!
    let any = false
    for (let j = lo; j < hi; j++) {
      const r = adjRel[j]!
      const st = stance[r]!
      if (st !== COOP && st !== HOSTILE) continue
      const b = src[r] === a ? tgt[r]! : src[r]!
      if (b <= a) continue
      if (stamp[b] !== a) {
        stamp[b] = a
        bits.fill(0, b * words, b * words + words)
      }
      const bit = 2 * type[r]! + (st === COOP ? 0 : 1)
      bits[b * words + (bit >>> 5)]! |= 1 << (bit & 31)
      any = true
    }
    if (!any) continue
    // Groups of this actor's pairs that have both stances: gathered per (neighbour, type).
    let groups: Map<number, number[]> | null = null
    for (let j = lo; j < hi; j++) {
      const r = adjRel[j]!
      const st = stance[r]!
      if (st !== COOP && st !== HOSTILE) continue
      const b = src[r] === a ? tgt[r]! : src[r]!
      if (b <= a) continue
      const bit = 2 * type[r]!
      const both = 3 << (bit & 31)
      if ((bits[b * words + (bit >>> 5)]! & both) !== both) continue
      groups ??= new Map()
      const key = b * index.typeIndex.size + type[r]!
      const g = groups.get(key)
      if (g === undefined) groups.set(key, [r])
      else if (!g.includes(r)) g.push(r)
    }
    if (groups === null) continue
    const pairIds = new Map<number, number>()
    for (const [key, rels] of groups) {
      const b = Math.floor(key / index.typeIndex.size)
      let pid = pairIds.get(b)
      if (pid === undefined) {
        pid = pairCount++
        pairIds.set(b, pid)
      }
      items.push(...rels)
      start.push(items.length)
      pairOf.push(pid)
    }
  }
  const c: Candidates = {
    start: Uint32Array.from(start),
    items: Uint32Array.from(items),
    pairOf: Uint32Array.from(pairOf),
    pairCount,
  }
  candidatesCache.set(index, c)
  return c
}

/**
 * Contested pairs among the relations with `considered[r] === 1`. Only the candidate groups (pair ×
 * type with both stances somewhere in the graph, found once per graph) are looked at.
 */
export function contested(index: GraphIndex, considered: Uint8Array): Contested {
  const { stance } = index
  const out = new Uint8Array(index.relationCount)
  const c = candidates(index)
  const pairSeen = new Uint8Array(c.pairCount)
  let pairs = 0
  for (let g = 0; g + 1 < c.start.length; g++) {
    let coop = false
    let hostile = false
    for (let k = c.start[g]!; k < c.start[g + 1]!; k++) {
      const r = c.items[k]!
      if (considered[r] !== 1) continue
      if (stance[r] === COOP) coop = true
      else hostile = true
    }
    if (!coop || !hostile) continue
    for (let k = c.start[g]!; k < c.start[g + 1]!; k++) {
      const r = c.items[k]!
      if (considered[r] === 1) out[r] = 1
    }
    const p = c.pairOf[g]!
    if (pairSeen[p] === 0) {
      pairSeen[p] = 1
      pairs++
    }
  }
  return { relation: out, pairs }
}
