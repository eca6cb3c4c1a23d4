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

const scratch = new WeakMap<GraphIndex, { stamp: Int32Array; bits: Uint32Array; words: number }>()

/**
 * Contested pairs among the relations with `considered[r] === 1`. Linear: each pair is read at its
 * lower-indexed actor, with per-neighbour stance bits (two per relation type) in scratch arrays.
 */
export function contested(index: GraphIndex, considered: Uint8Array): Contested {
  const { actorCount: n, adjStart, adjRel, src, tgt, type, stance } = index
  const out = new Uint8Array(index.relationCount)
  let s = scratch.get(index)
  if (s === undefined) {
    const words = Math.max(1, Math.ceil((2 * index.typeIndex.size) / 32))
    s = { stamp: new Int32Array(n).fill(-1), bits: new Uint32Array(n * words), words }
    scratch.set(index, s)
  } else s.stamp.fill(-1)
  const { stamp, bits, words } = s
  let pairs = 0
  for (let a = 0; a < n; a++) {
    const lo = adjStart[a]!
    const hi = adjStart[a + 1]!
    let any = false
    for (let j = lo; j < hi; j++) {
      const r = adjRel[j]!
      if (considered[r] !== 1) continue
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
    for (let j = lo; j < hi; j++) {
      const r = adjRel[j]!
      if (considered[r] !== 1) continue
      const st = stance[r]!
      if (st !== COOP && st !== HOSTILE) continue
      const b = src[r] === a ? tgt[r]! : src[r]!
      if (b <= a) continue
      const bit = 2 * type[r]!
      const w = bits[b * words + (bit >>> 5)]!
      const both = 3 << (bit & 31)
      if ((w & both) !== both) continue
      out[r] = 1
      // Counted once per pair: the stamp moves to -2 - a once the pair has been counted.
      if (stamp[b] === a) {
        stamp[b] = -2 - a
        pairs++
      }
    }
  }
  return { relation: out, pairs }
}
