/**
 * Nodes: grouped by shape (one counting sort, then one path per shape), outlines as a slightly
 * larger fill underneath; many tiny ones as pixel discs in one layer; then selection and hover
 * rings and pin marks.
 */
import { DIM_ACTOR_ALPHA } from '../model/encoding'
import { drawCampFills } from './analysisMarks'
import { disc, packColor, type PixelLayer } from './pixels'
import { screenRadius, type Frame, type Scene } from './scene'
import { traceShape } from './shapes'

/** Fast quality draws at most one tiny node per cell of this many CSS px. */
const FAST_NODE_CELL = 3
/** Nodes smaller than this on screen (radius, CSS px) are drawn as pixel discs, shape aside… */
const TINY_NODE_PX = 3
/** …when there are more than this many of them: the layer's fixed cost must pay off. */
const PIXEL_NODES_ABOVE = 1500

export type NodeDrawer = (f: Frame, scene: Scene, pixels: { readonly w: number; readonly h: number }) => void

/** A node drawer with its scratch arrays, kept between frames. */
export function createNodeDrawer(layer: PixelLayer): NodeDrawer {
  let nodeItems = new Uint32Array(0)
  let tinyItems = new Uint32Array(0)
  let nodeCells = new Uint8Array(0)
  let nodeOrder = new Uint32Array(0)
  let shapeCount = new Uint32Array(0)
  let shapeFill = new Uint32Array(0)

  return (f, scene, device) => {
    const { ctx, xy, width, height, dpr } = f
    const { view, emphasis, transform: t, palette } = scene
    const shapes = scene.shapes
    const fast = scene.quality === 'fast'
    const fade = scene.fade ?? null
    const entering = fade !== null && fade.enteringActors.length > 0 ? fade.enteringActorMask : null
    if (shapeCount.length !== shapes.length + 1) {
      shapeCount = new Uint32Array(shapes.length + 1)
      shapeFill = new Uint32Array(shapes.length + 1)
    }
    for (let pass = 0; pass < 2; pass++) {
      // pass 0: dimmed nodes, pass 1: the rest, so emphasised nodes sit on top
      if (pass === 0 && !emphasis.active) continue
      ctx.globalAlpha = pass === 0 ? DIM_ACTOR_ALPHA : 1
      // Visible nodes of this pass, grouped by shape (one counting sort, then one path per shape).
      const shown = view.shownActors
      if (nodeItems.length < shown.length) nodeItems = new Uint32Array(shown.length)
      shapeCount.fill(0)
      let visibleCount = 0
      let tinyCount = 0
      if (tinyItems.length < shown.length) tinyItems = new Uint32Array(shown.length)
      const cols = Math.ceil(width / FAST_NODE_CELL) + 1
      if (fast) {
        const cells = cols * (Math.ceil(height / FAST_NODE_CELL) + 1)
        if (nodeCells.length < cells) nodeCells = new Uint8Array(cells)
        else nodeCells.fill(0, 0, cells)
      }
      for (const a of shown) {
        if (entering !== null && entering[a] === 1) continue // drawn apart, fading in
        const dim = emphasis.active && emphasis.actors[a] !== 1
        if ((pass === 0) !== dim) continue
        const x = xy[2 * a]!
        const y = xy[2 * a + 1]!
        const r = screenRadius(scene.radius, a, t.k)
        if (Number.isNaN(x + y) || x < -r || y < -r || x > width + r || y > height + r) continue
        if (r < TINY_NODE_PX) {
          if (fast) {
            // A tiny node on a spot another tiny node already covers adds nothing visible.
            const cell =
              Math.floor(Math.max(0, y) / FAST_NODE_CELL) * cols + Math.floor(Math.max(0, x) / FAST_NODE_CELL)
            if (nodeCells[cell] === 1) continue
            nodeCells[cell] = 1
          }
          tinyItems[tinyCount++] = a
          continue
        }
        shapeCount[scene.shapeOf[a]! + 1]!++
        nodeItems[visibleCount++] = a
      }
      // Many tiny nodes are written as pixel discs into one layer: a path of thousands of subpaths
      // costs far more to fill. A few go with the rest, as shapes.
      if (tinyCount > PIXEL_NODES_ABOVE) {
        const p = layer.begin(device.w, device.h)
        const color = packColor(palette.nodeFill)
        for (let i = 0; i < tinyCount; i++) {
          const a = tinyItems[i]!
          disc(p, xy[2 * a]! * dpr, xy[2 * a + 1]! * dpr, screenRadius(scene.radius, a, t.k) * dpr, color)
        }
        layer.end(ctx, p)
      } else {
        for (let i = 0; i < tinyCount; i++) {
          const a = tinyItems[i]!
          shapeCount[scene.shapeOf[a]! + 1]!++
          nodeItems[visibleCount++] = a
        }
      }
      for (let s = 0; s < shapes.length; s++) shapeCount[s + 1]! += shapeCount[s]!
      shapeFill.set(shapeCount)
      if (nodeOrder.length < visibleCount) nodeOrder = new Uint32Array(shown.length)
      for (let i = 0; i < visibleCount; i++) {
        const a = nodeItems[i]!
        nodeOrder[shapeFill[scene.shapeOf[a]!]!++] = a
      }
      for (let s = 0; s < shapes.length; s++) {
        const shape = shapes[s]!
        const from = shapeCount[s]!
        const to = shapeCount[s + 1]!
        if (from === to) continue
        // Outlines as a slightly larger fill underneath: filling is far cheaper than stroking.
        const ring = shape === 'ring'
        for (let layer = 0; layer < 2; layer++) {
          if (layer === 0 && fast && !ring) continue // the outline waits for the view to rest
          const grow = layer === 0 ? (ring ? 1.25 : 0.75) : ring ? -1.25 : 0
          ctx.beginPath()
          for (let i = from; i < to; i++) {
            const a = nodeOrder[i]!
            const r = screenRadius(scene.radius, a, t.k) + grow
            traceShape(ctx, shape, xy[2 * a]!, xy[2 * a + 1]!, Math.max(0.5, r))
          }
          ctx.fillStyle =
            layer === 0
              ? ring
                ? palette.nodeFill
                : palette.nodeStroke
              : ring
                ? palette.background
                : palette.nodeFill
          ctx.fill()
        }
      }
    }
    ctx.globalAlpha = 1
    if (fade !== null) {
      drawFading(f, scene, fade.leavingActors, fade.leavingRadius, 1 - fade.t)
      drawFading(f, scene, fade.enteringActors, scene.radius, fade.t)
    }
    drawCampFills(f, scene)
    drawMarks(f, scene)
  }
}

/** Actors appearing or leaving, one by one at strength `alpha` (few: only what the change touched). */
function drawFading(f: Frame, scene: Scene, actors: Uint32Array, radius: Float32Array, alpha: number): void {
  if (actors.length === 0 || alpha <= 0) return
  const { ctx, xy, width, height } = f
  const { palette, transform: t, emphasis } = scene
  for (const a of actors) {
    const x = xy[2 * a]!
    const y = xy[2 * a + 1]!
    const r = screenRadius(radius, a, t.k)
    if (Number.isNaN(x + y) || x < -r || y < -r || x > width + r || y > height + r) continue
    const shape = scene.shapes[scene.shapeOf[a]!]!
    const ring = shape === 'ring'
    const dim = emphasis.active && emphasis.actors[a] !== 1 ? DIM_ACTOR_ALPHA : 1
    ctx.globalAlpha = alpha * dim
    for (let layer = 0; layer < 2; layer++) {
      const grow = layer === 0 ? (ring ? 1.25 : 0.75) : ring ? -1.25 : 0
      ctx.beginPath()
      traceShape(ctx, shape, x, y, Math.max(0.5, r + grow))
      ctx.fillStyle =
        layer === 0
          ? ring
            ? palette.nodeFill
            : palette.nodeStroke
          : ring
            ? palette.background
            : palette.nodeFill
      ctx.fill()
    }
  }
  ctx.globalAlpha = 1
}

/** Selection and hover rings, pin marks. */
function drawMarks(f: Frame, scene: Scene): void {
  const { ctx, xy } = f
  const { view, emphasis, transform: t, palette } = scene
  const ring = (a: number, color: string, width: number) => {
    if (a < 0 || view.actorShown[a] !== 1) return
    ctx.strokeStyle = color
    ctx.lineWidth = width
    ctx.beginPath()
    ctx.arc(xy[2 * a]!, xy[2 * a + 1]!, screenRadius(scene.radius, a, t.k) + 4, 0, Math.PI * 2)
    ctx.stroke()
  }
  ring(emphasis.hoveredActor, palette.label, 1.5)
  ring(emphasis.selectedActor, palette.accent, 3)
  for (const a of view.shownActors) {
    if (scene.pinned[a] !== 1) continue
    const r = screenRadius(scene.radius, a, t.k)
    const px = xy[2 * a]! + r * 0.75
    const py = xy[2 * a + 1]! - r * 0.75
    ctx.strokeStyle = palette.label
    ctx.lineWidth = 1.5
    ctx.beginPath()
    ctx.moveTo(px, py)
    ctx.lineTo(px + 5, py - 5)
    ctx.stroke()
    ctx.fillStyle = palette.accent
    ctx.beginPath()
    ctx.arc(px + 6, py - 6, 3.5, 0, Math.PI * 2)
    ctx.fill()
    ctx.stroke()
  }
}
