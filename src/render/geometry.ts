/**
 * Edge geometry shared by drawing and hit-testing. Several relations between the same two actors
 * are drawn as separate curves ("lanes"), so each type stays visible; past MAX_LANES a pair's
 * relations are bundled, one lane per type × stance.
 */
import type { View } from '../model/filter'

export const MAX_LANES = 7
/** Screen distance between neighbouring lanes at the middle of a pair, in CSS pixels. */
export const LANE_SPACING = 9

/**
 * Lane offset per relation (index by relation; only shown relations are meaningful), signed
 * relative to the direction from the lower actor index to the higher one, so that A→B and B→A
 * never land on the same curve.
 */
export function computeLanes(view: View): Float32Array {
  const { index, relationShown } = view
  const { type, stance } = index
  const lanes = new Float32Array(index.relationCount)
  // Only pairs with two relations or more can have lanes; their relations, already in lane order,
  // are kept per graph, so a new view only walks them (no per-view grouping, no large scratch
  // arrays: a toggle at 100,000 actors spent most of its time there).
  const { start, rel } = pairGroups(index)
  const g: number[] = []
  for (let k = 0; k + 1 < start.length; k++) {
    g.length = 0
    for (let j = start[k]!; j < start[k + 1]!; j++) if (relationShown[rel[j]!] === 1) g.push(rel[j]!)
    if (g.length > 1) assignLanes(g, type, stance, lanes)
  }
  return lanes
}

interface PairGroups {
  /** Group k holds rel[start[k]] … rel[start[k + 1] - 1]. */
  readonly start: Uint32Array
  /** Relations of pairs with two or more, each pair's sorted by type, stance, then index. */
  readonly rel: Uint32Array
}

const pairGroupsOf = new WeakMap<View['index'], PairGroups>()

/** The relations of every pair of actors that has two or more, grouped and in lane order. */
function pairGroups(index: View['index']): PairGroups {
  const known = pairGroupsOf.get(index)
  if (known !== undefined) return known
  const { src, tgt, type, stance, adjStart, adjRel } = index
  const n = index.actorCount
  // Pairs are grouped through the adjacency lists: for each actor a, its relations to actors
  // b > a, counted per b, then chained per b (no map keyed by pair: linear in the relations).
  const count = new Uint32Array(n)
  const head = new Int32Array(n).fill(-1)
  const chain = new Int32Array(index.relationCount)
  const touched: number[] = []
  const starts: number[] = [0]
  const rels: number[] = []
  const g: number[] = []
  for (let a = 0; a < n; a++) {
    touched.length = 0
    for (let j = adjStart[a]!; j < adjStart[a + 1]!; j++) {
      const r = adjRel[j]!
      const b = src[r] === a ? tgt[r]! : src[r]!
      if (b <= a) continue
      if (count[b]!++ === 0) touched.push(b)
      chain[r] = head[b]!
      head[b] = r
    }
    for (const b of touched) {
      if (count[b]! > 1) {
        g.length = 0
        for (let r = head[b]!; r >= 0; r = chain[r]!) g.push(r)
        g.sort((x, y) => type[x]! - type[y]! || stance[x]! - stance[y]! || x - y)
        for (const r of g) rels.push(r)
        starts.push(rels.length)
      }
      count[b] = 0
      head[b] = -1
    }
  }
  const groups = { start: Uint32Array.from(starts), rel: Uint32Array.from(rels) }
  pairGroupsOf.set(index, groups)
  return groups
}

/** Lanes of one pair's shown relations, given in lane order (type, stance, index). */
function assignLanes(g: number[], type: Uint16Array, stance: Uint8Array, lanes: Float32Array): void {
  if (g.length <= MAX_LANES) {
    g.forEach((r, i) => (lanes[r] = i - (g.length - 1) / 2))
  } else {
    const bundles: number[] = []
    for (const r of g) {
      const k = type[r]! * 4 + stance[r]!
      if (!bundles.includes(k)) bundles.push(k)
    }
    for (const r of g) lanes[r] = bundles.indexOf(type[r]! * 4 + stance[r]!) - (bundles.length - 1) / 2
  }
}

/**
 * Control point of the quadratic curve from (x0, y0) to (x1, y1) for a lane; `flip` is true when
 * the relation runs from the higher actor index to the lower one.
 */
export function controlPoint(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  lane: number,
  flip: boolean,
  out: Float64Array,
): void {
  const mx = (x0 + x1) / 2
  const my = (y0 + y1) / 2
  if (lane === 0) {
    out[0] = mx
    out[1] = my
    return
  }
  let dx = x1 - x0
  let dy = y1 - y0
  if (flip) {
    dx = -dx
    dy = -dy
  }
  const len = Math.hypot(dx, dy) || 1
  // A quadratic curve's midpoint sits halfway to its control point: double the wanted offset.
  const off = 2 * lane * Math.min(LANE_SPACING, len * 0.15)
  out[0] = mx - (dy / len) * off
  out[1] = my + (dx / len) * off
}

/**
 * The middle of a relation's drawn curve (the quadratic at t = 1/2; the straight line's midpoint in
 * lane 0), where marks on a relation sit. Written into `out` as [x, y].
 */
export function curveMiddle(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  lane: number,
  flip: boolean,
  out: Float64Array,
): void {
  controlPoint(x0, y0, x1, y1, lane, flip, out)
  out[0] = 0.25 * x0 + 0.5 * out[0]! + 0.25 * x1
  out[1] = 0.25 * y0 + 0.5 * out[1]! + 0.25 * y1
}

/** Squared distance from (px, py) to the quadratic curve, sampled in 10 segments. */
export function distanceToCurve2(
  px: number,
  py: number,
  x0: number,
  y0: number,
  cx: number,
  cy: number,
  x1: number,
  y1: number,
): number {
  let best = Infinity
  let ax = x0
  let ay = y0
  for (let s = 1; s <= 10; s++) {
    const t = s / 10
    const u = 1 - t
    const bx = u * u * x0 + 2 * u * t * cx + t * t * x1
    const by = u * u * y0 + 2 * u * t * cy + t * t * y1
    const vx = bx - ax
    const vy = by - ay
    const l2 = vx * vx + vy * vy
    let h = l2 === 0 ? 0 : ((px - ax) * vx + (py - ay) * vy) / l2
    h = Math.max(0, Math.min(1, h))
    const qx = ax + h * vx - px
    const qy = ay + h * vy - py
    best = Math.min(best, qx * qx + qy * qy)
    ax = bx
    ay = by
  }
  return best
}

/** World radius of an actor from its number of shown relations. */
export function nodeRadius(degree: number): number {
  return 4.5 + 1.9 * Math.sqrt(degree)
}

/** Rough on-screen half width of a label, in CSS px, for fitting without a canvas to measure on. */
export function labelHalfWidth(label: string, fontPx = 12): number {
  return label.length * fontPx * 0.29
}

/**
 * The zoom transform that fits the given actors into a width × height viewport with `pad` px to
 * spare, counting each label's half width (labels are centred under their node and keep their
 * screen size, so they cannot be fitted by scaling alone). Scale is capped at `maxK`.
 */
export function fitTransform(
  actors: ArrayLike<number>,
  positions: Float32Array,
  radius: Float32Array,
  halfWidth: (actor: number) => number,
  width: number,
  height: number,
  opts: { pad?: number; below?: number; minK?: number; maxK?: number } = {},
): { k: number; x: number; y: number } | null {
  const pad = opts.pad ?? 40
  const below = opts.below ?? 16
  const minK = opts.minK ?? 0.02
  const maxK = opts.maxK ?? 2
  const shown: number[] = []
  let y0 = Infinity
  let y1 = -Infinity
  let x0 = Infinity
  let x1 = -Infinity
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!
    const x = positions[2 * a]!
    const y = positions[2 * a + 1]!
    if (Number.isNaN(x + y)) continue
    shown.push(a)
    const r = radius[a]!
    x0 = Math.min(x0, x - r)
    x1 = Math.max(x1, x + r)
    y0 = Math.min(y0, y - r)
    y1 = Math.max(y1, y + r)
  }
  if (shown.length === 0 || width <= 0 || height <= 0) return null
  const availW = Math.max(1, width - 2 * pad)
  const availH = Math.max(1, height - 2 * pad - below)
  // Horizontal extent on screen, labels included, at scale k (grows with k).
  const extent = (k: number): [number, number] => {
    let lo = Infinity
    let hi = -Infinity
    for (const a of shown) {
      const sx = positions[2 * a]! * k
      const hw = Math.max(halfWidth(a), radius[a]! * k)
      lo = Math.min(lo, sx - hw)
      hi = Math.max(hi, sx + hw)
    }
    return [lo, hi]
  }
  let k = Math.min(maxK, availW / Math.max(1, x1 - x0), availH / Math.max(1, y1 - y0))
  k = Math.max(minK, k)
  const span = (kk: number) => {
    const [lo, hi] = extent(kk)
    return hi - lo
  }
  if (span(k) > availW) {
    let lo = minK
    let hi = k
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2
      if (span(mid) > availW) hi = mid
      else lo = mid
    }
    k = lo
  }
  const [sx0, sx1] = extent(k)
  return {
    k,
    x: width / 2 - (sx0 + sx1) / 2,
    y: (height - below) / 2 - ((y0 + y1) / 2) * k,
  }
}
