/**
 * Balance and year comparison marks (issue 14): actors filled with their camp's colour, and a
 * glyph at the middle of each marked tie (frustrated: two slashes; formed: a green disc with +;
 * ended: a pink disc with −; changed: a yellow diamond). The legend draws the same glyphs.
 */
import { DIM_ACTOR_ALPHA } from '../model/encoding'
import { curveMiddle } from './geometry'
import type { Frame, Scene } from './scene'
import { screenRadius } from './scene'
import { traceShape } from './shapes'

/** Okabe–Ito orange and sky blue (distinct for colour-blind readers, unlike the type hues), grey outside. */
export const CAMP_COLORS = ['#E69F00', '#56B4E9'] as const
export const OUTSIDE_COLOR = '#8C8C8C'
export const MARK_COLORS = { formed: '#009E73', ended: '#CC79A7', changed: '#F0E442' } as const

// Mark classes as in model/analysisMarks.ts (types only cross into render/).
const FRUSTRATED = 1
const FORMED = 2
const ENDED = 3
const CHANGED = 4

/** Fills shown actors with their camp colour (over the plain fill), dimmed ones faintly. */
export function drawCampFills(f: Frame, scene: Scene): void {
  const camp = scene.emphasis.camp
  if (camp == null) return
  const { ctx, xy, width, height } = f
  const { view, emphasis, transform: t } = scene
  const colors = [CAMP_COLORS[0], CAMP_COLORS[1], OUTSIDE_COLOR]
  for (let dim = 0; dim < 2; dim++) {
    if (dim === 1 && !emphasis.active) continue
    ctx.globalAlpha = dim === 1 ? DIM_ACTOR_ALPHA : 1
    for (let c = 1; c <= 3; c++) {
      ctx.beginPath()
      let any = false
      for (const a of view.shownActors) {
        if (camp[a] !== c) continue
        if ((emphasis.active && emphasis.actors[a] !== 1 ? 1 : 0) !== dim) continue
        const x = xy[2 * a]!
        const y = xy[2 * a + 1]!
        const r = screenRadius(scene.radius, a, t.k)
        if (Number.isNaN(x + y) || x < -r || y < -r || x > width + r || y > height + r) continue
        const shape = scene.shapes[scene.shapeOf[a]!]!
        traceShape(ctx, shape === 'ring' ? 'circle' : shape, x, y, Math.max(0.5, r - 0.5))
        any = true
      }
      if (!any) continue
      ctx.fillStyle = colors[c - 1]!
      ctx.fill()
    }
  }
  ctx.globalAlpha = 1
}

/** Draws the glyph of each marked shown tie at the middle of its line or curve. */
export function drawTieMarks(f: Frame, scene: Scene): void {
  const mark = scene.emphasis.mark
  if (mark == null) return
  const { ctx, xy, width, height } = f
  const { view, lanes, emphasis, palette } = scene
  const { src, tgt } = view.index
  const cp = new Float64Array(2)
  for (const r of view.shownRelations) {
    const m = mark[r]!
    if (m === 0 || m > CHANGED) continue
    // Dimmed (not emphasised) ties keep a faint mark so a selection does not hide the picture.
    ctx.globalAlpha = emphasis.active && emphasis.relations[r] !== 1 ? 0.3 : 1
    const a = src[r]!
    const b = tgt[r]!
    const x0 = xy[2 * a]!
    const y0 = xy[2 * a + 1]!
    const x1 = xy[2 * b]!
    const y1 = xy[2 * b + 1]!
    curveMiddle(x0, y0, x1, y1, lanes[r]!, a > b, cp)
    const mx = cp[0]!
    const my = cp[1]!
    if (Number.isNaN(mx + my) || mx < -8 || my < -8 || mx > width + 8 || my > height + 8) continue
    if (m === FRUSTRATED) {
      const len = Math.hypot(x1 - x0, y1 - y0) || 1
      const ux = (x1 - x0) / len
      const uy = (y1 - y0) / len
      ctx.lineCap = 'round'
      for (let pass = 0; pass < 2; pass++) {
        ctx.strokeStyle = pass === 0 ? palette.background : palette.label
        ctx.lineWidth = pass === 0 ? 5 : 2
        ctx.beginPath()
        for (const off of [-2.5, 2.5]) {
          const cx = mx + ux * off
          const cy = my + uy * off
          // A slash across the tie, leaning along it.
          ctx.moveTo(cx - uy * 6 - ux * 2, cy + ux * 6 - uy * 2)
          ctx.lineTo(cx + uy * 6 + ux * 2, cy - ux * 6 + uy * 2)
        }
        ctx.stroke()
      }
      ctx.lineCap = 'butt'
      continue
    }
    ctx.lineWidth = 1
    ctx.strokeStyle = palette.background
    ctx.beginPath()
    if (m === CHANGED) {
      ctx.moveTo(mx, my - 7)
      ctx.lineTo(mx + 7, my)
      ctx.lineTo(mx, my + 7)
      ctx.lineTo(mx - 7, my)
      ctx.closePath()
      ctx.fillStyle = MARK_COLORS.changed
    } else {
      ctx.arc(mx, my, 6, 0, 2 * Math.PI)
      ctx.fillStyle = m === FORMED ? MARK_COLORS.formed : MARK_COLORS.ended
    }
    ctx.fill()
    ctx.strokeStyle = '#000000'
    ctx.stroke()
    if (m === FORMED || m === ENDED) {
      ctx.strokeStyle = m === FORMED ? '#ffffff' : '#000000'
      ctx.lineWidth = 1.8
      ctx.beginPath()
      ctx.moveTo(mx - 3.5, my)
      ctx.lineTo(mx + 3.5, my)
      if (m === FORMED) {
        ctx.moveTo(mx, my - 3.5)
        ctx.lineTo(mx, my + 3.5)
      }
      ctx.stroke()
    }
  }
  ctx.globalAlpha = 1
}
