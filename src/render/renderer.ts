/**
 * Canvas renderer: draws one frame from typed arrays. No React, no store; the engine decides
 * when to call draw() (at most once per animation frame).
 *
 * Edges are batched by style (type × stance × emphasis): one path and one stroke() per batch.
 * Everything is drawn in screen space (CSS pixels × devicePixelRatio), so line widths and label
 * sizes stay constant while zooming; what is off screen is culled.
 *
 * Level of detail, so a frame costs what is on screen: dash patterns only on edges long enough on
 * screen to show them; arrowheads and labels only above a size on screen; in "fast" quality (the
 * view or the layout is moving) no dashes, no arrowheads, fewer labels, tiny nodes as squares. The
 * engine redraws in "full" quality when things come to rest. While only the view moves, the last
 * frame is reused as a bitmap (snapshot / drawCached), so panning costs a blit, not a redraw.
 */
import type { View } from '../model/filter'
import { STANCES } from '../model/schema'
import { controlPoint } from './geometry'
import { STANCE_DASH, traceShape, type Palette, type Shape } from './style'

export interface Transform {
  readonly k: number
  readonly x: number
  readonly y: number
}

export interface Emphasis {
  /** False when nothing is selected or hovered: everything is drawn at full strength. */
  readonly active: boolean
  readonly actors: Uint8Array
  readonly relations: Uint8Array
  readonly selectedActor: number
  readonly selectedRelation: number
  readonly hoveredActor: number
}

export interface Scene {
  readonly view: View
  readonly positions: Float32Array
  readonly pinned: Uint8Array
  readonly radius: Float32Array
  readonly lanes: Float32Array
  readonly shapes: readonly Shape[]
  readonly shapeOf: Uint8Array
  readonly labels: readonly string[]
  /** Shown actors, most connected first: the order in which labels claim space. */
  readonly labelOrder: Uint32Array
  readonly typeColors: readonly string[]
  readonly emphasis: Emphasis
  readonly transform: Transform
  readonly palette: Palette
  /** "fast" while the view or the layout moves; "full" (default) at rest. */
  readonly quality?: 'full' | 'fast'
}

export interface SlicedDraw {
  step(budgetMs: number): boolean
}

export interface Renderer {
  resize(width: number, height: number, dpr: number): void
  draw(scene: Scene): void
  /** Keeps the current frame as a bitmap, drawn at transform `t`. */
  snapshot(t: Transform): void
  /**
   * Starts drawing the scene into a back buffer a slice at a time, so that no slice blocks for
   * long; `step` works for about `budgetMs` and returns true once the frame is complete and on
   * screen. Drawing anything else abandons it.
   */
  beginSliced(scene: Scene): SlicedDraw
  /**
   * Draws the kept bitmap moved and scaled to transform `t`; false (nothing drawn) when there is
   * none or `t` is too far from the one it was drawn at to look right.
   */
  drawCached(t: Transform): boolean
  /** Forgets the kept bitmap (the scene changed). */
  dropSnapshot(): void
  /** Label boxes drawn in the last frame (screen space), for tests and for the hook. */
  lastLabelCount(): number
  destroy(): void
}

const LABEL_FONT_PX = 12
const CELL = 6
/** Edges shorter than this on screen are drawn solid: a dash pattern would not show. */
const DASH_MIN_PX = 24
/** Labels tried per frame, at rest and while moving. */
const MAX_LABEL_ATTEMPTS = 4000
const MAX_LABEL_ATTEMPTS_FAST = 400
/** Edges drawn per frame at most in fast quality (a deterministic sample of those on screen). */
const FAST_EDGE_BUDGET = 3000
/**
 * Edges drawn per frame at most at rest. An overview of 80,000 edges is a hairball whatever is
 * drawn; zoomed in, fewer are on screen and all of them are drawn.
 */
const SHARP_EDGE_BUDGET = 12000
/** Edges per slice of a sliced (progressive) draw. */
const SLICE_EDGES = 1500
/** Fast quality draws at most one tiny node per cell of this many CSS px. */
const FAST_NODE_CELL = 3
/** Nodes smaller than this on screen (radius, CSS px) are drawn as pixel discs, shape aside… */
const TINY_NODE_PX = 3
/** …when there are more than this many of them: the layer's fixed cost must pay off. */
const PIXEL_NODES_ABOVE = 1500
/** Above this many edges on screen, normal edges are 1 px (hairlines, the rasteriser's fast path). */
const THIN_ABOVE = 400

/** "#rgb" / "#rrggbb" as one pixel of an ImageData viewed as Uint32 (little-endian: ABGR), opaque. */
export function packColor(hex: string): number {
  let h = hex.replace('#', '')
  if (h.length === 3) h = h.replace(/./g, (c) => c + c)
  const v = Number.parseInt(h.slice(0, 6), 16)
  if (Number.isNaN(v)) return 0xff000000
  const r = (v >> 16) & 255
  const g = (v >> 8) & 255
  const b = v & 255
  return (0xff000000 | (b << 16) | (g << 8) | r) >>> 0
}

export function createRenderer(canvas: HTMLCanvasElement): Renderer {
  const maybe = canvas.getContext('2d', { alpha: false })
  if (maybe === null) throw new Error('Renderer: this browser cannot draw on a 2D canvas.')
  /** The context drawn on: the canvas's, or a back buffer's during a sliced draw. */
  let ctx: CanvasRenderingContext2D = maybe
  let width = 1
  let height = 1
  let dpr = 1
  let labelsDrawn = 0
  const cp = new Float64Array(2)
  let bucketCount = new Uint32Array(0)
  let bucketItems = new Uint32Array(0)
  let labelWidth = new Float32Array(0)
  let labelWidthFor: readonly string[] | null = null
  let occupancy = new Uint8Array(0)
  let edgeKey = new Int32Array(0)
  let nodeItems = new Uint32Array(0)
  let tinyItems = new Uint32Array(0)
  let nodeCells = new Uint8Array(0)
  let nodeOrder = new Uint32Array(0)
  let shapeCount = new Uint32Array(0)
  let shapeFill = new Uint32Array(0)
  let cache: HTMLCanvasElement | null = null
  let cacheT: Transform | null = null
  let background = '#ffffff'
  let back: HTMLCanvasElement | null = null

  const measure = (scene: Scene, a: number): number => {
    if (labelWidthFor !== scene.labels) {
      labelWidthFor = scene.labels
      labelWidth = new Float32Array(scene.labels.length).fill(-1)
    }
    let w = labelWidth[a]!
    if (w < 0) {
      w = ctx.measureText(scene.labels[a]!).width
      labelWidth[a] = w
    }
    return w
  }

  function drawEdges(scene: Scene) {
    for (const _ of edgeSlices(scene, Infinity)) {
      /* all at once */
    }
  }

  /** Draws the edges, pausing (yield) after every `chunk` edges so a caller can spread the work. */
  function* edgeSlices(scene: Scene, chunk: number): Generator<void, void, void> {
    const { view, positions, lanes, emphasis, transform: t } = scene
    const { src, tgt, type, stance, directed } = view.index
    const stances = STANCES.length
    const styles = scene.typeColors.length * stances
    // Bucket keys: style * 3 + emphasis (0 dimmed, 1 normal, 2 highlighted)
    const keys = styles * 3
    if (bucketCount.length < keys + 1) bucketCount = new Uint32Array(keys + 1)
    else bucketCount.fill(0)
    const shown = view.shownRelations
    if (bucketItems.length < shown.length) bucketItems = new Uint32Array(shown.length)
    const fast = scene.quality === 'fast'
    // An edge too short on screen for its dash pattern (or any edge in fast quality) joins the solid batch.
    const dashMin2 = DASH_MIN_PX * DASH_MIN_PX
    const keyOf = (r: number) => {
      let st = stance[r]!
      if (st !== 0) {
        if (fast) st = 0
        else {
          const dx = (positions[2 * tgt[r]!]! - positions[2 * src[r]!]!) * t.k
          const dy = (positions[2 * tgt[r]! + 1]! - positions[2 * src[r]! + 1]!) * t.k
          if (dx * dx + dy * dy < dashMin2) st = 0
        }
      }
      const style = type[r]! * stances + st
      const e = !emphasis.active ? 1 : emphasis.relations[r] === 1 ? 2 : 0
      return style * 3 + e
    }
    const margin = 40
    const visible = (r: number) => {
      const x0 = positions[2 * src[r]!]! * t.k + t.x
      const y0 = positions[2 * src[r]! + 1]! * t.k + t.y
      const x1 = positions[2 * tgt[r]!]! * t.k + t.x
      const y1 = positions[2 * tgt[r]! + 1]! * t.k + t.y
      if (Number.isNaN(x0 + y0 + x1 + y1)) return false
      if (x0 < -margin && x1 < -margin) return false
      if (y0 < -margin && y1 < -margin) return false
      if (x0 > width + margin && x1 > width + margin) return false
      if (y0 > height + margin && y1 > height + margin) return false
      return true
    }
    // counting sort of the visible edges by bucket key (keys computed once, in a reused array)
    if (edgeKey.length < shown.length) edgeKey = new Int32Array(shown.length)
    let onScreen = 0
    for (let i = 0; i < shown.length; i++) {
      const r = shown[i]!
      const k = visible(r) ? keyOf(r) : -1
      edgeKey[i] = k
      if (k >= 0) onScreen++
    }
    // Fast quality thins the edges to a budget: every stride-th by relation number (the same ones
    // every frame, so nothing flickers); emphasised edges always stay.
    const stride = Math.ceil(onScreen / (fast ? FAST_EDGE_BUDGET : SHARP_EDGE_BUDGET))
    for (let i = 0; i < shown.length; i++) {
      const k = edgeKey[i]!
      if (k < 0) continue
      if (stride > 1 && shown[i]! % stride !== 0 && k % 3 !== 2) edgeKey[i] = -1
      else bucketCount[k + 1]!++
    }
    for (let k = 0; k < keys; k++) bucketCount[k + 1]! += bucketCount[k]!
    const fill = bucketCount.slice(0, keys)
    for (let i = 0; i < shown.length; i++) {
      const k = edgeKey[i]!
      if (k >= 0) bucketItems[fill[k]!++] = shown[i]!
    }
    const arrows: number[] = []
    let sinceYield = 0
    const visibleEdges = bucketCount[keys]!
    const many = onScreen > 3000
    for (let e = 0; e < 3; e++) {
      for (let style = 0; style < styles; style++) {
        const k = style * 3 + e
        const from = bucketCount[k]!
        const to = bucketCount[k + 1]!
        if (from === to) continue
        const ti = Math.floor(style / stances)
        const si = style % stances
        ctx.strokeStyle = scene.typeColors[ti]!
        ctx.globalAlpha = e === 0 ? scene.palette.dimAlpha : many ? 0.55 : 0.85
        // Wider than 1 px, software rasterisers stroke lines as polygons, several times slower.
        ctx.lineWidth = e === 2 ? 2.6 : visibleEdges > THIN_ABOVE ? 1 : 1.6
        const dash = STANCE_DASH[STANCES[si]!]
        ctx.setLineDash(dash.map((d) => d * (e === 2 ? 1.4 : 1)))
        ctx.beginPath()
        for (let j = from; j < to; j++) {
          const r = bucketItems[j]!
          const a = src[r]!
          const b = tgt[r]!
          const x0 = positions[2 * a]! * t.k + t.x
          const y0 = positions[2 * a + 1]! * t.k + t.y
          const x1 = positions[2 * b]! * t.k + t.x
          const y1 = positions[2 * b + 1]! * t.k + t.y
          ctx.moveTo(x0, y0)
          const lane = lanes[r]!
          if (lane === 0) ctx.lineTo(x1, y1)
          else {
            controlPoint(x0, y0, x1, y1, lane, a > b, cp)
            ctx.quadraticCurveTo(cp[0]!, cp[1]!, x1, y1)
          }
          if (directed[r] === 1 && e !== 0 && !many && !fast) arrows.push(r)
          if (++sinceYield >= chunk) {
            ctx.stroke()
            yield
            sinceYield = 0
            ctx.beginPath()
          }
        }
        ctx.stroke()
      }
    }
    ctx.setLineDash([])
    // the selected relation on top, thick, so a clicked edge is unmistakable
    const sel = emphasis.selectedRelation
    if (sel >= 0 && view.relationShown[sel] === 1 && visible(sel)) {
      const a = src[sel]!
      const b = tgt[sel]!
      const x0 = positions[2 * a]! * t.k + t.x
      const y0 = positions[2 * a + 1]! * t.k + t.y
      const x1 = positions[2 * b]! * t.k + t.x
      const y1 = positions[2 * b + 1]! * t.k + t.y
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
    // arrowheads for directed relations, at the target's rim
    ctx.globalAlpha = 0.9
    for (const r of arrows) {
      const a = src[r]!
      const b = tgt[r]!
      const x0 = positions[2 * a]! * t.k + t.x
      const y0 = positions[2 * a + 1]! * t.k + t.y
      const x1 = positions[2 * b]! * t.k + t.x
      const y1 = positions[2 * b + 1]! * t.k + t.y
      controlPoint(x0, y0, x1, y1, lanes[r]!, a > b, cp)
      const dx = x1 - cp[0]!
      const dy = y1 - cp[1]!
      const len = Math.hypot(dx, dy)
      const rr = Math.max(2, scene.radius[b]! * t.k) + 2
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
    ctx.globalAlpha = 1
  }

  /** A transparent pixel layer the size of the canvas, written directly, then composited once. */
  interface Pixels {
    readonly data: Uint32Array
    readonly w: number
    readonly h: number
    x0: number
    y0: number
    x1: number
    y1: number
  }
  let pixelCanvas: HTMLCanvasElement | null = null
  let pixelImage: ImageData | null = null
  const beginPixels = (): Pixels | null => {
    const w = canvas.width
    const h = canvas.height
    if (pixelCanvas === null) pixelCanvas = document.createElement('canvas')
    if (pixelImage === null || pixelImage.width !== w || pixelImage.height !== h) {
      pixelCanvas.width = w
      pixelCanvas.height = h
      pixelImage = new ImageData(w, h)
    }
    return { data: new Uint32Array(pixelImage.data.buffer), w, h, x0: w, y0: h, x1: -1, y1: -1 }
  }
  /** Writes a disc of radius r (device px) centred on (cx, cy) in a packed colour. */
  const disc = (p: Pixels, cx: number, cy: number, r: number, color: number) => {
    const { data, w, h } = p
    const yTop = Math.max(0, Math.round(cy - r))
    const yBottom = Math.min(h - 1, Math.round(cy + r) - 1)
    const left = Math.max(0, Math.round(cx - r))
    const right = Math.min(w - 1, Math.round(cx + r) - 1)
    if (yBottom < yTop || right < left) return
    const r2 = r * r
    for (let y = yTop; y <= yBottom; y++) {
      const dy = y + 0.5 - cy
      const half = Math.sqrt(Math.max(0, r2 - dy * dy))
      const xl = Math.max(left, Math.round(cx - half))
      const xr = Math.min(right, Math.round(cx + half) - 1)
      for (let i = y * w + xl, end = y * w + xr; i <= end; i++) data[i] = color
    }
    if (left < p.x0) p.x0 = left
    if (right > p.x1) p.x1 = right
    if (yTop < p.y0) p.y0 = yTop
    if (yBottom > p.y1) p.y1 = yBottom
  }
  /** Composites the touched rectangle over the frame (at the current alpha), then clears it. */
  const endPixels = (p: Pixels) => {
    if (p.x1 < 0 || pixelCanvas === null || pixelImage === null) return
    const { data, w } = p
    const pw = p.x1 - p.x0 + 1
    const ph = p.y1 - p.y0 + 1
    pixelCanvas.getContext('2d')!.putImageData(pixelImage, 0, 0, p.x0, p.y0, pw, ph)
    ctx.save()
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.drawImage(pixelCanvas, p.x0, p.y0, pw, ph, p.x0, p.y0, pw, ph)
    ctx.restore()
    for (let y = p.y0; y <= p.y1; y++) data.fill(0, y * w + p.x0, y * w + p.x1 + 1)
  }

  function drawNodes(scene: Scene) {
    const { view, positions, emphasis, transform: t, palette } = scene
    const shapes = scene.shapes
    const fast = scene.quality === 'fast'
    if (shapeCount.length !== shapes.length + 1) {
      shapeCount = new Uint32Array(shapes.length + 1)
      shapeFill = new Uint32Array(shapes.length + 1)
    }
    for (let pass = 0; pass < 2; pass++) {
      // pass 0: dimmed nodes, pass 1: the rest, so emphasised nodes sit on top
      if (pass === 0 && !emphasis.active) continue
      ctx.globalAlpha = pass === 0 ? Math.max(0.25, palette.dimAlpha * 1.6) : 1
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
        const dim = emphasis.active && emphasis.actors[a] !== 1
        if ((pass === 0) !== dim) continue
        const x = positions[2 * a]! * t.k + t.x
        const y = positions[2 * a + 1]! * t.k + t.y
        const r = Math.max(2, scene.radius[a]! * t.k)
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
      const layer = tinyCount > PIXEL_NODES_ABOVE ? beginPixels() : null
      if (layer !== null) {
        const color = packColor(palette.nodeFill)
        for (let i = 0; i < tinyCount; i++) {
          const a = tinyItems[i]!
          const x = positions[2 * a]! * t.k + t.x
          const y = positions[2 * a + 1]! * t.k + t.y
          disc(layer, x * dpr, y * dpr, Math.max(2, scene.radius[a]! * t.k) * dpr, color)
        }
        endPixels(layer)
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
            const x = positions[2 * a]! * t.k + t.x
            const y = positions[2 * a + 1]! * t.k + t.y
            const r = Math.max(2, scene.radius[a]! * t.k) + grow
            traceShape(ctx, shape, x, y, Math.max(0.5, r))
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
    // selection and hover rings, pin marks
    const ring = (a: number, color: string, width: number) => {
      if (a < 0 || view.actorShown[a] !== 1) return
      const x = positions[2 * a]! * t.k + t.x
      const y = positions[2 * a + 1]! * t.k + t.y
      const r = Math.max(2, scene.radius[a]! * t.k)
      ctx.strokeStyle = color
      ctx.lineWidth = width
      ctx.beginPath()
      ctx.arc(x, y, r + 4, 0, Math.PI * 2)
      ctx.stroke()
    }
    ring(emphasis.hoveredActor, palette.label, 1.5)
    ring(emphasis.selectedActor, palette.accent, 3)
    for (const a of view.shownActors) {
      if (scene.pinned[a] !== 1) continue
      const x = positions[2 * a]! * t.k + t.x
      const y = positions[2 * a + 1]! * t.k + t.y
      const r = Math.max(2, scene.radius[a]! * t.k)
      const px = x + r * 0.75
      const py = y - r * 0.75
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

  const cellRange = (bx0: number, by0: number, bx1: number, by1: number, cols: number, rows: number) =>
    [
      Math.max(0, Math.floor(bx0 / CELL)),
      Math.min(cols - 1, Math.floor(bx1 / CELL)),
      Math.max(0, Math.floor(by0 / CELL)),
      Math.min(rows - 1, Math.floor(by1 / CELL)),
    ] as const
  const isFree = (bx0: number, by0: number, bx1: number, by1: number, cols: number, rows: number) => {
    const [c0, c1, r0, r1] = cellRange(bx0, by0, bx1, by1, cols, rows)
    for (let rr = r0; rr <= r1; rr++)
      for (let cc = c0; cc <= c1; cc++) if (occupancy[rr * cols + cc] === 1) return false
    return true
  }
  const mark = (bx0: number, by0: number, bx1: number, by1: number, cols: number, rows: number) => {
    const [c0, c1, r0, r1] = cellRange(bx0, by0, bx1, by1, cols, rows)
    for (let rr = r0; rr <= r1; rr++) for (let cc = c0; cc <= c1; cc++) occupancy[rr * cols + cc] = 1
  }

  function drawLabels(scene: Scene) {
    const { view, positions, emphasis, transform: t, palette } = scene
    const cols = Math.ceil(width / CELL) + 1
    const rows = Math.ceil(height / CELL) + 1
    if (occupancy.length < cols * rows) occupancy = new Uint8Array(cols * rows)
    else occupancy.fill(0, 0, cols * rows)
    ctx.font = `${LABEL_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'top'
    ctx.lineJoin = 'round'
    labelsDrawn = 0
    const tryLabel = (a: number, force: boolean): void => {
      const x = positions[2 * a]! * t.k + t.x
      const y = positions[2 * a + 1]! * t.k + t.y
      if (Number.isNaN(x + y)) return
      const r = Math.max(2, scene.radius[a]! * t.k)
      const w = measure(scene, a)
      const h = LABEL_FONT_PX + 3
      // Below the node first, then above, right and left: the first free place wins.
      const places = [
        [x - w / 2 - 2, y + r + 2],
        [x - w / 2 - 2, y - r - 2 - h],
        [x + r + 3, y - h / 2],
        [x - r - 3 - w - 4, y - h / 2],
      ] as const
      // A label cut by the canvas edge is unreadable: only whole labels count, except that a forced
      // label (the selected or hovered actor) takes its first partly visible place if no place fits.
      let chosen = -1
      let partly = -1
      for (let p = 0; p < places.length && chosen < 0; p++) {
        const [bx0, by0] = places[p]!
        const bx1 = bx0 + w + 4
        const by1 = by0 + h
        if (bx1 < 0 || by1 < 0 || bx0 > width || by0 > height) continue
        if (bx0 < 0 || by0 < 0 || bx1 > width || by1 > height) {
          if (partly < 0) partly = p
          continue
        }
        if (force || isFree(bx0, by0, bx1, by1, cols, rows)) chosen = p
      }
      if (chosen < 0 && force) chosen = partly
      if (chosen < 0) return
      const [bx0, by0] = places[chosen]!
      mark(bx0, by0, bx0 + w + 4, by0 + h, cols, rows)
      const dim = emphasis.active && emphasis.actors[a] !== 1
      ctx.globalAlpha = dim ? 0.35 : 1
      ctx.font = `${a === emphasis.selectedActor ? '600 ' : ''}${LABEL_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`
      ctx.strokeStyle = palette.labelHalo
      ctx.lineWidth = 3.5
      const tx = bx0 + 2 + w / 2
      ctx.strokeText(scene.labels[a]!, tx, by0 + 1)
      ctx.fillStyle = palette.label
      ctx.fillText(scene.labels[a]!, tx, by0 + 1)
      labelsDrawn++
    }
    const shown = (a: number) => a >= 0 && view.actorShown[a] === 1
    // The selected and hovered actors always get their label; then emphasised actors; then by degree.
    if (shown(emphasis.selectedActor)) tryLabel(emphasis.selectedActor, true)
    if (shown(emphasis.hoveredActor) && emphasis.hoveredActor !== emphasis.selectedActor)
      tryLabel(emphasis.hoveredActor, true)
    let attempts = 0
    const maxAttempts = scene.quality === 'fast' ? MAX_LABEL_ATTEMPTS_FAST : MAX_LABEL_ATTEMPTS
    if (emphasis.active) {
      for (const a of scene.labelOrder) {
        if (emphasis.actors[a] !== 1 || a === emphasis.selectedActor || a === emphasis.hoveredActor) continue
        tryLabel(a, false)
        if (++attempts > maxAttempts) break
      }
    }
    for (const a of scene.labelOrder) {
      if (a === emphasis.selectedActor || a === emphasis.hoveredActor) continue
      if (emphasis.active && emphasis.actors[a] === 1) continue
      if (scene.radius[a]! * t.k < 3 && view.shownActors.length > 200) continue
      tryLabel(a, false)
      if (++attempts > maxAttempts) break
    }
    ctx.globalAlpha = 1
  }

  function drawAll(scene: Scene) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.globalAlpha = 1
    background = scene.palette.background
    ctx.fillStyle = scene.palette.background
    ctx.fillRect(0, 0, width, height)
    drawEdges(scene)
    drawNodes(scene)
    drawLabels(scene)
  }

  return {
    resize(w, h, ratio) {
      width = Math.max(1, w)
      height = Math.max(1, h)
      dpr = ratio
      // Setting width/height clears the canvas even when unchanged: only assign on a real change.
      const pw = Math.round(width * dpr)
      const ph = Math.round(height * dpr)
      if (canvas.width !== pw) canvas.width = pw
      if (canvas.height !== ph) canvas.height = ph
    },
    draw: drawAll,
    beginSliced(scene) {
      if (back === null) back = document.createElement('canvas')
      if (back.width !== canvas.width) back.width = canvas.width
      if (back.height !== canvas.height) back.height = canvas.height
      const backCtx = back.getContext('2d', { alpha: false, willReadFrequently: true })
      if (backCtx === null) {
        // No back buffer: draw at once.
        return { step: () => (drawAll(scene), true) }
      }
      const job = (function* () {
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
        ctx.globalAlpha = 1
        ctx.fillStyle = scene.palette.background
        ctx.fillRect(0, 0, width, height)
        yield* edgeSlices(scene, SLICE_EDGES)
        yield
        drawNodes(scene)
        yield
        drawLabels(scene)
      })()
      const visible = ctx
      return {
        step(budgetMs) {
          const t0 = performance.now()
          ctx = backCtx
          try {
            for (;;) {
              const r = job.next()
              backCtx.getImageData(0, 0, 1, 1) // rasterise this slice now, not all at the end
              if (r.done === true) break
              if (performance.now() - t0 >= budgetMs) return false
            }
          } finally {
            ctx = visible
          }
          ctx.setTransform(1, 0, 0, 1, 0, 0)
          ctx.globalAlpha = 1
          ctx.drawImage(back!, 0, 0)
          background = scene.palette.background
          return true
        },
      }
    },
    snapshot(t) {
      if (cache === null) cache = document.createElement('canvas')
      if (cache.width !== canvas.width) cache.width = canvas.width
      if (cache.height !== canvas.height) cache.height = canvas.height
      const c = cache.getContext('2d', { alpha: false })
      if (c === null) return
      c.drawImage(canvas, 0, 0)
      cacheT = t
    },
    drawCached(t) {
      if (cache === null || cacheT === null) return false
      if (cache.width !== canvas.width || cache.height !== canvas.height) return false
      const s = t.k / cacheT.k
      if (s > 2 || s < 0.5) return false
      // The bitmap's origin lands at (t.x - cacheT.x·s, …) in CSS px.
      const ox = t.x - cacheT.x * s
      const oy = t.y - cacheT.y * s
      if (Math.abs(ox) > width * 0.5 || Math.abs(oy) > height * 0.5) return false
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.globalAlpha = 1
      ctx.fillStyle = background
      ctx.fillRect(0, 0, canvas.width, canvas.height)
      ctx.imageSmoothingEnabled = s !== 1
      ctx.drawImage(cache, ox * dpr, oy * dpr, cache.width * s, cache.height * s)
      ctx.imageSmoothingEnabled = true
      return true
    },
    dropSnapshot() {
      cacheT = null
    },
    lastLabelCount: () => labelsDrawn,
    destroy() {
      labelWidthFor = null
    },
  }
}
