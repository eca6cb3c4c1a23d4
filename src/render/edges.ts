/**
 * Edges: sorted into buckets by style (type × stance × emphasis), then one path and one stroke()
 * per bucket. Culled to the screen; in fast quality thinned to a fixed sample; dash patterns only
 * where an edge is long enough on screen to show one. The evidence encoding (width per distinct
 * sources, faint approximate and undated years) is here too, as stroke variants of a bucket. What
 * is drawn over the lines — the selected relation, arrowheads, contested marks — and the frame's
 * order of it all are in edgeMarks.ts.
 */
import { STANCES } from '../model/schema'
import { ties } from '../model/ties'
import { controlPoint } from './geometry'
import type { Scene } from './scene'
import { STANCE_DASH } from '../model/encoding'

/** Edges shorter than this on screen are drawn solid: a dash pattern would not show. */
export const DASH_MIN_PX = 24
/** Edges drawn per frame at most in fast quality (a deterministic sample of those on screen). */
export const FAST_EDGE_BUDGET = 3000
/**
 * Edges drawn per frame at most at rest. An overview of 80,000 edges is a hairball whatever is
 * drawn; zoomed in, fewer are on screen and all of them are drawn.
 */
export const SHARP_EDGE_BUDGET = 12000
/** Above this many edges on screen, normal edges are 1 px (hairlines, the rasteriser's fast path). */
const THIN_ABOVE = 400
/** Above this many edges on screen, edges are lighter and arrowheads left out. */
const MANY_EDGES = 3000
/** Edges whose both ends are further than this off screen (CSS px) are culled. */
const CULL_MARGIN = 40

/**
 * Undated relations (no year) are drawn lighter than dated ones, so a tie the sources date reads
 * apart from one they do not: their opacity is multiplied by this (dimmed edges stay as dim).
 */
export const UNDATED_ALPHA = 0.4

/** Line width factor per evidence class (1, 2, 3+ distinct sources): the legend shows the same. */
export const EVIDENCE_WIDTH = [1, 1.7, 2.4] as const
/** Opacity factor for a relation whose years are approximate (inferred). */
export const APPROXIMATE_ALPHA = 0.45
/** Evidence class of a relation: 0, 1 or 2 for 1, 2 and 3+ distinct sources (none counts as 1). */
export const evidenceClass = (sources: number): number => (sources >= 3 ? 2 : sources === 2 ? 1 : 0)
/**
 * Stroke variants within a bucket: evidence class (width) × faintness (0 plain, 1 approximate
 * years, 2 undated), in drawing order; most buckets hold one.
 */
const VARIANTS = 9

/** Emphasis level of a bucket: the last part of its key. */
export const DIMMED = 0
export const NORMAL = 1
export const HIGHLIGHTED = 2

/**
 * The edges of one frame grouped by bucket. Key = (type × stances + stance) × 3 + emphasis, where
 * the stance is 0 (solid) for an edge drawn without its dash pattern. Bucket k holds
 * `items[start[k]] … items[start[k + 1] - 1]` (relation indexes, in the order of the view).
 */
export interface EdgeBuckets {
  readonly keys: number
  readonly start: Uint32Array
  readonly items: Uint32Array
  /** Edges on screen before thinning. */
  readonly onScreen: number
  /** Every stride-th relation (by number) was kept. */
  readonly stride: number
  /** The same for emphasised relations, which have a budget of their own (1: all kept). */
  readonly hiStride: number
}

/**
 * Whether relation r is drawn after thinning: every stride-th by number; an emphasised one always,
 * unless the emphasised ones alone pass the budget (a hub with 25,000 ties pointed at), when every
 * hiStride-th of them is. The same relations every frame, so nothing flickers.
 */
export const keptByThinning = (r: number, highlighted: boolean, stride: number, hiStride: number) =>
  highlighted ? hiStride <= 1 || r % hiStride === 0 : stride <= 1 || r % stride === 0

/** True when relation r's segment between screen points may cross the canvas (with a margin). */
export function edgeOnScreen(xy: Float64Array, a: number, b: number, width: number, height: number): boolean {
  const x0 = xy[2 * a]!
  const y0 = xy[2 * a + 1]!
  const x1 = xy[2 * b]!
  const y1 = xy[2 * b + 1]!
  const m = CULL_MARGIN
  if (Number.isNaN(x0 + y0 + x1 + y1)) return false
  if (x0 < -m && x1 < -m) return false
  if (y0 < -m && y1 < -m) return false
  if (x0 > width + m && x1 > width + m) return false
  if (y0 > height + m && y1 > height + m) return false
  return true
}

/** Which relations to bucket, and how. */
export interface BucketOptions {
  /** The relations to sort (default: the view's shown relations). */
  readonly list?: Uint32Array
  /** Relations to leave out (1 = left out). */
  readonly skip?: Uint8Array | null
  /** Thinning strides to use instead of the ones the list's size gives. */
  readonly stride?: number
  readonly hiStride?: number
  /** Edges on screen not in the list that count towards the stride (and the "many" class). */
  readonly extraOnScreen?: number
}

export type EdgeBucketer = (
  scene: Scene,
  xy: Float64Array,
  width: number,
  height: number,
  opts?: BucketOptions,
) => EdgeBuckets

/**
 * Sorts relations into buckets. Scratch arrays are kept in the returned function between calls
 * (no allocation per frame once they are big enough), so the result is valid until its next call.
 */
export function createEdgeBucketer(): EdgeBucketer {
  let start = new Uint32Array(0)
  let items = new Uint32Array(0)
  let edgeKey = new Int32Array(0)
  return (scene, xy, width, height, opts = {}) => {
    const { view, emphasis } = scene
    const { src, tgt, type, stance } = view.index
    const stances = STANCES.length
    const keys = scene.typeColors.length * stances * 3
    if (start.length < keys + 1) start = new Uint32Array(keys + 1)
    else start.fill(0)
    const shown = opts.list ?? view.shownRelations
    const skip = opts.skip ?? null
    if (items.length < shown.length) items = new Uint32Array(shown.length)
    if (edgeKey.length < shown.length) edgeKey = new Int32Array(shown.length)
    const fast = scene.quality === 'fast'
    const dashMin2 = DASH_MIN_PX * DASH_MIN_PX
    // Keys computed once, in a reused array; -1 = not drawn.
    let onScreen = opts.extraOnScreen ?? 0
    let onScreenHi = 0
    for (let i = 0; i < shown.length; i++) {
      const r = shown[i]!
      const a = src[r]!
      const b = tgt[r]!
      if ((skip !== null && skip[r] === 1) || !edgeOnScreen(xy, a, b, width, height)) {
        edgeKey[i] = -1
        continue
      }
      // An edge too short on screen for its dash pattern (or any edge in fast quality) joins the solid batch.
      let st = stance[r]!
      if (st !== 0) {
        if (fast) st = 0
        else {
          const dx = xy[2 * b]! - xy[2 * a]!
          const dy = xy[2 * b + 1]! - xy[2 * a + 1]!
          if (dx * dx + dy * dy < dashMin2) st = 0
        }
      }
      const e = !emphasis.active ? NORMAL : emphasis.relations[r] === 1 ? HIGHLIGHTED : DIMMED
      edgeKey[i] = (type[r]! * stances + st) * 3 + e
      onScreen++
      if (e === HIGHLIGHTED) onScreenHi++
    }
    // Thinned to a budget (keptByThinning).
    const budget = fast ? FAST_EDGE_BUDGET : SHARP_EDGE_BUDGET
    const stride = opts.stride ?? Math.ceil(onScreen / budget)
    const hiStride = opts.hiStride ?? Math.ceil(onScreenHi / budget)
    for (let i = 0; i < shown.length; i++) {
      const k = edgeKey[i]!
      if (k < 0) continue
      if (!keptByThinning(shown[i]!, k % 3 === HIGHLIGHTED, stride, hiStride)) edgeKey[i] = -1
      else start[k + 1]!++
    }
    // counting sort by key
    for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!
    const fill = start.slice(0, keys)
    for (let i = 0; i < shown.length; i++) {
      const k = edgeKey[i]!
      if (k >= 0) items[fill[k]!++] = shown[i]!
    }
    return { keys, start, items, onScreen, stride, hiStride: Math.max(1, hiStride) }
  }
}

/** Line width and strength shared by all batches of a frame, from how many edges are on screen. */
export interface EdgeClass {
  /** Normal edges as 1 px hairlines. */
  readonly thin: boolean
  /** Lighter edges, no arrowheads. */
  readonly many: boolean
}

export const edgeClass = (b: EdgeBuckets): EdgeClass => ({
  thin: b.start[b.keys]! > THIN_ABOVE,
  many: b.onScreen > MANY_EDGES,
})

/**
 * Strokes bucket `key` of `b` (one path; a stroke and a pause every `chunk` edges), its strength
 * scaled by `alpha`. `lanes` gives each relation's curve.
 */
export function* strokeBucket(
  ctx: CanvasRenderingContext2D,
  xy: Float64Array,
  scene: Scene,
  lanes: Float32Array,
  b: EdgeBuckets,
  key: number,
  cls: EdgeClass,
  alpha: number,
  chunk: number,
): Generator<void, void, void> {
  const from = b.start[key]!
  const to = b.start[key + 1]!
  if (from === to) return
  const { src, tgt } = scene.view.index
  const stances = STANCES.length
  const style = Math.floor(key / 3)
  const e = key % 3
  const cp = new Float64Array(2)
  // One stroke per variant present: the evidence class sets the width, approximate years and
  // undated relations are fainter (dimmed edges stay as dim).
  const yearStart = scene.view.index.start
  const { sourceCount, approximate } = ties(scene.view.index)
  const variantOf = (r: number) =>
    evidenceClass(sourceCount[r]!) * 3 + (yearStart[r] === -Infinity ? 2 : approximate[r]!)
  const present = new Uint8Array(VARIANTS)
  for (let j = from; j < to; j++) present[variantOf(b.items[j]!)] = 1
  let sinceYield = 0
  for (let v = 0; v < VARIANTS; v++) {
    if (present[v] === 0) continue
    const faint = v % 3
    ctx.strokeStyle = scene.typeColors[Math.floor(style / stances)]!
    const faintAlpha = e === DIMMED || faint === 0 ? 1 : faint === 1 ? APPROXIMATE_ALPHA : UNDATED_ALPHA
    ctx.globalAlpha = (e === DIMMED ? scene.palette.dimAlpha : cls.many ? 0.55 : 0.85) * alpha * faintAlpha
    // Wider than 1 px, software rasterisers stroke lines as polygons, several times slower.
    ctx.lineWidth = (e === HIGHLIGHTED ? 2.6 : cls.thin ? 1 : 1.6) * EVIDENCE_WIDTH[Math.floor(v / 3)]!
    const dash = STANCE_DASH[STANCES[style % stances]!]
    ctx.setLineDash(dash.map((d) => d * (e === HIGHLIGHTED ? 1.4 : 1)))
    ctx.beginPath()
    for (let j = from; j < to; j++) {
      const r = b.items[j]!
      if (variantOf(r) !== v) continue
      const a = src[r]!
      const c = tgt[r]!
      const x0 = xy[2 * a]!
      const y0 = xy[2 * a + 1]!
      const x1 = xy[2 * c]!
      const y1 = xy[2 * c + 1]!
      ctx.moveTo(x0, y0)
      const lane = lanes[r]!
      if (lane === 0) ctx.lineTo(x1, y1)
      else {
        controlPoint(x0, y0, x1, y1, lane, a > c, cp)
        ctx.quadraticCurveTo(cp[0]!, cp[1]!, x1, y1)
      }
      if (++sinceYield >= chunk) {
        ctx.stroke()
        yield
        sinceYield = 0
        ctx.beginPath()
      }
    }
    ctx.stroke()
  }
  ctx.setLineDash([])
}

/** Draw order of the buckets: by emphasis (dimmed, normal, highlighted), then by style. */
export function* bucketOrder(keys: number): Generator<number, void, void> {
  const styles = keys / 3
  for (let e = 0; e < 3; e++) for (let style = 0; style < styles; style++) yield style * 3 + e
}
