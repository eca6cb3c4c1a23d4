/**
 * What is drawn over a frame's lines, and the order of it all: `edgeSlices` strokes the bucketed
 * edges (edges.ts), then the fading ones, then `drawEdgeMarks` — the contested marks, the selected
 * relation on top (thick, with an accent halo) and the arrowheads of directed relations.
 */
import { STANCE_DASH } from '../model/encoding'
import { STANCES } from '../model/schema'
import { hasAnyQuotation, QUESTIONED, UNSUPPORTED } from '../model/support'
import {
  bucketOrder,
  DIMMED,
  edgeClass,
  edgeOnScreen,
  strokeBucket,
  type EdgeBuckets,
  type EdgeClass,
} from './edges'
import { controlPoint, curveMiddle } from './geometry'
import type { Frame, Scene } from './scene'
import { screenRadius } from './scene'

/**
 * Draws the bucketed edges straight onto the frame, then (when a change fades) the relations
 * leaving at strength 1 − t and those entering at t, then the selected relation on top and the
 * arrowheads; pauses (yield) after every `chunk` edges so a caller can spread the work.
 */
export function* edgeSlices(
  f: Frame,
  scene: Scene,
  buckets: EdgeBuckets,
  chunk: number,
  fading: { readonly leaving: EdgeBuckets; readonly entering: EdgeBuckets } | null = null,
): Generator<void, void, void> {
  const cls = edgeClass(buckets)
  for (const k of bucketOrder(buckets.keys))
    yield* strokeBucket(f.ctx, f.xy, scene, scene.lanes, buckets, k, cls, 1, chunk)
  const fade = scene.fade ?? null
  if (fading !== null && fade !== null) {
    const parts: [EdgeBuckets, Float32Array, number][] = [
      [fading.leaving, fade.leavingLanes, 1 - fade.t],
      [fading.entering, scene.lanes, fade.t],
    ]
    for (const [b, lanes, alpha] of parts) {
      if (alpha <= 0) continue
      for (const k of bucketOrder(b.keys))
        yield* strokeBucket(f.ctx, f.xy, scene, lanes, b, k, cls, alpha, chunk)
    }
  }
  drawEdgeMarks(f, scene, buckets, cls)
}

/** The selected relation, thick, and the arrowheads of directed relations (at the target's rim). */
export function drawEdgeMarks(f: Frame, scene: Scene, buckets: EdgeBuckets, cls: EdgeClass): void {
  const { ctx, xy } = f
  const { view, lanes, emphasis, transform: t } = scene
  const { src, tgt, type, stance, directed } = view.index
  const cp = new Float64Array(2)
  ctx.setLineDash([])
  contestedMarks(f, scene, buckets)
  supportMarks(f, scene, buckets)
  // the selected relation on top, thick, so a clicked edge is unmistakable
  const sel = emphasis.selectedRelation
  if (
    sel >= 0 &&
    view.relationShown[sel] === 1 &&
    edgeOnScreen(xy, src[sel]!, tgt[sel]!, f.width, f.height)
  ) {
    const a = src[sel]!
    const b = tgt[sel]!
    const x0 = xy[2 * a]!
    const y0 = xy[2 * a + 1]!
    const x1 = xy[2 * b]!
    const y1 = xy[2 * b + 1]!
    controlPoint(x0, y0, x1, y1, lanes[sel]!, a > b, cp)
    ctx.globalAlpha = 0.35
    ctx.strokeStyle = scene.palette.accent
    ctx.lineWidth = 9
    ctx.beginPath()
    ctx.moveTo(x0, y0)
    ctx.quadraticCurveTo(cp[0]!, cp[1]!, x1, y1)
    ctx.stroke()
    ctx.globalAlpha = 1
    ctx.strokeStyle = scene.typeColors[type[sel]!]!
    ctx.lineWidth = 3.2
    ctx.setLineDash(STANCE_DASH[STANCES[stance[sel]!]!].map((d) => d * 1.6))
    ctx.stroke()
    ctx.setLineDash([])
  }
  // arrowheads for directed relations, at the target's rim (none while fast or crowded)
  ctx.globalAlpha = 0.9
  if (!cls.many && scene.quality !== 'fast') {
    for (const k of bucketOrder(buckets.keys)) {
      if (k % 3 === DIMMED) continue
      for (let j = buckets.start[k]!; j < buckets.start[k + 1]!; j++) {
        const r = buckets.items[j]!
        if (directed[r] !== 1) continue
        const a = src[r]!
        const b = tgt[r]!
        const x0 = xy[2 * a]!
        const y0 = xy[2 * a + 1]!
        const x1 = xy[2 * b]!
        const y1 = xy[2 * b + 1]!
        controlPoint(x0, y0, x1, y1, lanes[r]!, a > b, cp)
        const dx = x1 - cp[0]!
        const dy = y1 - cp[1]!
        const len = Math.hypot(dx, dy)
        const rr = screenRadius(scene.radius, b, t.k) + 2
        if (len < rr + 14) continue
        const ux = dx / len
        const uy = dy / len
        const tipX = x1 - ux * rr
        const tipY = y1 - uy * rr
        ctx.fillStyle = scene.typeColors[type[r]!]!
        ctx.beginPath()
        ctx.moveTo(tipX, tipY)
        ctx.lineTo(tipX - ux * 9 - uy * 4.5, tipY - uy * 9 + ux * 4.5)
        ctx.lineTo(tipX - ux * 9 + uy * 4.5, tipY - uy * 9 - ux * 4.5)
        ctx.closePath()
        ctx.fill()
      }
    }
  }
  ctx.globalAlpha = 1
}

/** Half the size of the contested mark (CSS px), and the width of its outline. */
export const CONTESTED_MARK = 4.5
export const CONTESTED_MARK_STROKE = 1.6

/**
 * Where relation r's contested mark goes, into `at` (the middle of its curve), or false when it has
 * none: not of a contested pair, dimmed by the emphasis (`emphasised`: 1 for the relations it keeps,
 * null for no emphasis), or shorter on screen than 6 half sizes. One rule for the screen and the SVG.
 */
export function contestedMarkAt(
  r: number,
  view: Scene['view'],
  emphasised: Uint8Array | null,
  xy: Float64Array,
  lanes: Scene['lanes'],
  at: Float64Array,
): boolean {
  if (view.contested[r] !== 1) return false
  if (emphasised !== null && emphasised[r] !== 1) return false
  const { src, tgt } = view.index
  const a = src[r]!
  const b = tgt[r]!
  const x0 = xy[2 * a]!
  const y0 = xy[2 * a + 1]!
  const x1 = xy[2 * b]!
  const y1 = xy[2 * b + 1]!
  if (Math.hypot(x1 - x0, y1 - y0) < 6 * CONTESTED_MARK) return false
  curveMiddle(x0, y0, x1, y1, lanes[r]!, a > b, at)
  return true
}

/**
 * The contested mark: a small diamond, outlined in the accent colour, at the middle of each drawn
 * relation of a contested pair (the legend shows the same mark). Not in fast quality.
 */
function contestedMarks(f: Frame, scene: Scene, buckets: EdgeBuckets) {
  const { ctx, xy } = f
  const { view, lanes, emphasis } = scene
  if (view.contestedPairs === 0 || scene.quality === 'fast') return
  const cp = new Float64Array(2)
  const { start, items, keys } = buckets
  const s = CONTESTED_MARK
  ctx.beginPath()
  const dimmed = emphasis.active ? emphasis.relations : null
  for (let j = 0; j < start[keys]!; j++) {
    const r = items[j]!
    if (!contestedMarkAt(r, view, dimmed, xy, lanes, cp)) continue
    const mx = cp[0]!
    const my = cp[1]!
    ctx.moveTo(mx, my - s)
    ctx.lineTo(mx + s, my)
    ctx.lineTo(mx, my + s)
    ctx.lineTo(mx - s, my)
    ctx.closePath()
  }
  ctx.globalAlpha = 1
  ctx.fillStyle = scene.palette.background
  ctx.fill()
  ctx.strokeStyle = scene.palette.accent
  ctx.lineWidth = CONTESTED_MARK_STROKE
  ctx.stroke()
}

/** The support marks' half size (CSS px), the width of their stroke and of the halo under it. */
export const SUPPORT_MARK = 4.5
export const SUPPORT_STROKE = 1.6
export const SUPPORT_HALO = 4.5

/**
 * Where relation r's support mark goes, into `at`, and which (UNSUPPORTED: an empty-set sign ∅, no
 * quotation; QUESTIONED: a cross ×, a quotation needs review or was not found), or 0 for none:
 * the relation is well quoted, dimmed by the emphasis, shorter on screen than 6 contested half
 * sizes, or unsupported in a network that quotes nothing at all. The mark sits at the middle of
 * the curve, or a third of the way along when the contested diamond holds the middle. One rule
 * for the screen and the SVG.
 */
export function supportMarkAt(
  r: number,
  view: Scene['view'],
  emphasised: Uint8Array | null,
  xy: Float64Array,
  lanes: Scene['lanes'],
  at: Float64Array,
): number {
  const flag = view.support[r]! & (UNSUPPORTED | QUESTIONED)
  if (flag === 0) return 0
  if (flag === UNSUPPORTED && !hasAnyQuotation(view.index.graph)) return 0
  if (emphasised !== null && emphasised[r] !== 1) return 0
  const { src, tgt } = view.index
  const a = src[r]!
  const b = tgt[r]!
  const x0 = xy[2 * a]!
  const y0 = xy[2 * a + 1]!
  const x1 = xy[2 * b]!
  const y1 = xy[2 * b + 1]!
  if (Math.hypot(x1 - x0, y1 - y0) < 6 * CONTESTED_MARK) return 0
  if (view.contested[r] !== 1) {
    curveMiddle(x0, y0, x1, y1, lanes[r]!, a > b, at)
    return flag
  }
  controlPoint(x0, y0, x1, y1, lanes[r]!, a > b, at)
  const t = 0.3
  const u = 1 - t
  at[0] = u * u * x0 + 2 * u * t * at[0]! + t * t * x1
  at[1] = u * u * y0 + 2 * u * t * at[1]! + t * t * y1
  return flag
}

/**
 * The path of a support mark at (x, y): for an unsupported tie a ring with a slash through it (∅),
 * for a questioned one a cross (×) — shapes no actor has. svgMarkup.ts supportPath writes the same.
 */
export function traceSupportMark(
  ctx: Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo' | 'arc'>,
  flag: number,
  x: number,
  y: number,
  s = SUPPORT_MARK,
): void {
  if (flag === UNSUPPORTED) {
    ctx.moveTo(x + s, y)
    ctx.arc(x, y, s, 0, 2 * Math.PI)
    ctx.moveTo(x - s, y + s)
    ctx.lineTo(x + s, y - s)
  } else {
    const c = s * 0.85
    ctx.moveTo(x - c, y - c)
    ctx.lineTo(x + c, y + c)
    ctx.moveTo(x + c, y - c)
    ctx.lineTo(x - c, y + c)
  }
}

/**
 * The support marks of the drawn relations: ∅ on each tie with no quotation, × on each tie whose
 * quotation needs review or was not found (the legend shows both), stroked in the label colour
 * over a halo of the background so they read over any line. Not in fast quality.
 */
function supportMarks(f: Frame, scene: Scene, buckets: EdgeBuckets) {
  const { ctx, xy } = f
  const { view, lanes, emphasis, palette } = scene
  if (scene.quality === 'fast') return
  const cp = new Float64Array(2)
  const { start, items, keys } = buckets
  const dimmed = emphasis.active ? emphasis.relations : null
  ctx.beginPath()
  let any = false
  for (let j = 0; j < start[keys]!; j++) {
    const r = items[j]!
    const flag = supportMarkAt(r, view, dimmed, xy, lanes, cp)
    if (flag === 0) continue
    any = true
    traceSupportMark(ctx, flag, cp[0]!, cp[1]!)
  }
  if (!any) return
  ctx.globalAlpha = 1
  ctx.fillStyle = palette.background
  ctx.fill()
  ctx.strokeStyle = palette.background
  ctx.lineWidth = SUPPORT_HALO
  ctx.stroke()
  ctx.strokeStyle = palette.label
  ctx.lineWidth = SUPPORT_STROKE
  ctx.stroke()
}
