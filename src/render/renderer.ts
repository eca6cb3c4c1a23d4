/**
 * Canvas renderer: draws one frame from typed arrays. No React, no store; the engine decides
 * when to call draw() (at most once per animation frame).
 *
 * Everything is drawn in screen space (CSS pixels × devicePixelRatio), so line widths and label
 * sizes stay constant while zooming; what is off screen is culled. Screen positions are computed
 * once per frame (scene.ts), then the parts draw in order: edges (edges.ts, batched by type ×
 * stance × emphasis), nodes (nodes.ts, with the pixel layer of pixels.ts), labels (labels.ts).
 *
 * Level of detail, so a frame costs what is on screen: dash patterns only on edges long enough on
 * screen to show them; arrowheads and labels only above a size on screen; in "fast" quality (the
 * view or the layout is moving) no dashes, no arrowheads, fewer labels, tiny nodes as squares. The
 * engine redraws in "full" quality when things come to rest, in slices for big scenes, and while
 * only the view moves the last frame is reused as a bitmap (frameCache.ts).
 */
import { createEdgeBucketer, edgeSlices } from './edges'
import { createFrameCache, slicedDraw, type SlicedDraw } from './frameCache'
import { createLabelDrawer } from './labels'
import { createNodeDrawer } from './nodes'
import { createPixelLayer } from './pixels'
import { projectPositions, type Frame, type Scene, type Transform } from './scene'

export type { Emphasis, Scene, Transform } from './scene'
export type { SlicedDraw } from './frameCache'
export { packColor } from './pixels'

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

/** Edges per slice of a sliced (progressive) draw. */
const SLICE_EDGES = 1500

export function createRenderer(canvas: HTMLCanvasElement): Renderer {
  const maybe = canvas.getContext('2d', { alpha: false })
  if (maybe === null) throw new Error('Renderer: this browser cannot draw on a 2D canvas.')
  const screen: CanvasRenderingContext2D = maybe
  let width = 1
  let height = 1
  let dpr = 1
  let labelsDrawn = 0
  let background = '#ffffff'
  let back: HTMLCanvasElement | null = null
  let xy: Float64Array = new Float64Array(0)
  const bucket = createEdgeBucketer()
  const drawNodes = createNodeDrawer(createPixelLayer())
  const labels = createLabelDrawer()
  const cache = createFrameCache(canvas)

  /** The whole frame into `ctx`, pausing after every `chunk` edges and between the parts. */
  function* frameSlices(
    ctx: CanvasRenderingContext2D,
    scene: Scene,
    chunk: number,
  ): Generator<void, void, void> {
    xy = projectPositions(scene.positions, scene.transform, xy)
    const f: Frame = { ctx, width, height, dpr, xy }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.globalAlpha = 1
    ctx.fillStyle = scene.palette.background
    ctx.fillRect(0, 0, width, height)
    yield* edgeSlices(f, scene, bucket(scene, xy, width, height), chunk)
    if (chunk !== Infinity) yield
    drawNodes(f, scene, { w: canvas.width, h: canvas.height })
    if (chunk !== Infinity) yield
    labelsDrawn = labels.draw(f, scene)
  }

  function drawAll(scene: Scene) {
    background = scene.palette.background
    for (const _ of frameSlices(screen, scene, Infinity)) {
      /* all at once */
    }
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
      // No back buffer: draw at once.
      if (backCtx === null) return { step: () => (drawAll(scene), true) }
      const buffer = back
      return slicedDraw(frameSlices(backCtx, scene, SLICE_EDGES), backCtx, () => {
        screen.setTransform(1, 0, 0, 1, 0, 0)
        screen.globalAlpha = 1
        screen.drawImage(buffer, 0, 0)
        background = scene.palette.background
      })
    },
    snapshot: (t) => cache.snapshot(t),
    drawCached: (t) => cache.drawCached(screen, t, { width, height, dpr }, background),
    dropSnapshot: () => cache.drop(),
    lastLabelCount: () => labelsDrawn,
    destroy() {
      labels.reset()
    },
  }
}
