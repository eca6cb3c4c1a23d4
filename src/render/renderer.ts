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
 *
 * Incremental frames: a screen renderer (`layers: true`) keeps each edge bucket as a bitmap
 * (edgeLayers.ts). When positions and zoom are as in the last frame, only the buckets whose
 * relations changed are redrawn (a filter toggle or a year step), the rest composited; the picture
 * is the one a full redraw gives. Relations and actors that appear or leave can fade (scene.fade).
 */
import { drawTieMarks } from './analysisMarks'
import { createEdgeBucketer, edgeClass, edgeOnScreen, type EdgeBuckets } from './edges'
import { drawEdgeMarks, edgeSlices } from './edgeMarks'
import { createEdgeLayers, type Fading } from './edgeLayers'
import { createFrameCache, slicedDraw, type SlicedDraw } from './frameCache'
import { createLabelDrawer, type PlacedLabel } from './labels'
import { createNodeDrawer } from './nodes'
import { createPixelLayer } from './pixels'
import { projectPositions, type Frame, type Scene, type Transform } from './scene'

export type { Emphasis, Fade, Scene, Transform } from './scene'
export type { SlicedDraw } from './frameCache'
export type { PlacedLabel } from './labels'
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
  /** The labels on screen now: actor and box in CSS px of the canvas. */
  lastLabels(): readonly PlacedLabel[]
  /**
   * How many edges drawing `scene` would stroke anew (the rest composited from layers): what a
   * frame costs, so the engine can draw a sharp frame at once when it is cheap.
   */
  edgesToDraw(scene: Scene): number
  destroy(): void
}

export interface RendererOptions {
  /** Keep edge layers between frames (the screen); off for one-off drawings such as exports. */
  readonly layers?: boolean
}

/** Edges per slice of a sliced (progressive) draw. */
const SLICE_EDGES = 1500

export function createRenderer(canvas: HTMLCanvasElement, options: RendererOptions = {}): Renderer {
  const maybe = canvas.getContext('2d', { alpha: false })
  if (maybe === null) throw new Error('Renderer: this browser cannot draw on a 2D canvas.')
  const screen: CanvasRenderingContext2D = maybe
  let width = 1
  let height = 1
  let dpr = 1
  /** Labels on screen now, and as the last real frame drew them. */
  let labels: readonly PlacedLabel[] = []
  let labelsAtDraw: readonly PlacedLabel[] = []
  let background = '#ffffff'
  let back: HTMLCanvasElement | null = null
  let xy: Float64Array = new Float64Array(0)
  const bucketMain = createEdgeBucketer()
  const bucketLeaving = createEdgeBucketer()
  const bucketEntering = createEdgeBucketer()
  const drawNodes = createNodeDrawer(createPixelLayer())
  const labelDrawer = createLabelDrawer()
  const cache = createFrameCache(canvas)
  /** One set of layers per quality, so fast frames and sharp frames each reuse their own. */
  const layerSets = options.layers === true ? { fast: createEdgeLayers(), full: createEdgeLayers() } : null

  interface Plan {
    readonly scene: Scene
    readonly main: EdgeBuckets
    readonly fading: Fading | null
    readonly layered: boolean
  }
  /** Buckets of a frame, and whether it is drawn through the layers. */
  function plan(scene: Scene): Plan {
    // The frame loop asks how many edges a scene needs (edgesToDraw) and then draws that same
    // scene: its buckets are sorted once (a pass over every shown relation: ~30 ms at 100,000
    // actors). Whether it is layered is decided anew, as before.
    const size = `${width}|${height}|${dpr}`
    if (lastPlan !== null && lastPlan.scene === scene && lastPlan.size === size) {
      return { scene, main: lastPlan.main, fading: lastPlan.fading, layered: layeredNow(scene) }
    }
    xy = projectPositions(scene.positions, scene.transform, xy)
    const fade = scene.fade ?? null
    let fading: Fading | null = null
    let main: EdgeBuckets
    if (fade === null) main = bucketMain(scene, xy, width, height)
    else {
      // The entering relations count towards the thinning stride as they will once shown.
      const { src, tgt } = scene.view.index
      let extra = 0
      for (const r of fade.enteringRelations) if (edgeOnScreen(xy, src[r]!, tgt[r]!, width, height)) extra++
      main = bucketMain(scene, xy, width, height, { skip: fade.enteringRelationMask, extraOnScreen: extra })
      fading = {
        leaving: bucketLeaving(scene, xy, width, height, {
          list: fade.leavingRelations,
          stride: main.stride,
          hiStride: main.hiStride,
        }),
        entering: bucketEntering(scene, xy, width, height, {
          list: fade.enteringRelations,
          stride: main.stride,
          hiStride: main.hiStride,
        }),
      }
    }
    lastPlan = { scene, size, main, fading }
    return { scene, main, fading, layered: layeredNow(scene) }
  }
  /** The last scene planned and its buckets (valid until the bucketers run again: only in plan). */
  let lastPlan: {
    scene: Scene
    size: string
    main: EdgeBuckets
    fading: Fading | null
  } | null = null
  /**
   * Layers pay off only while the geometry stays put: frames of a moving layout or view are drawn
   * straight (and leave the layers alone).
   */
  function layeredNow(scene: Scene): boolean {
    const still = sameGeometry(scene)
    return (
      still &&
      layerSets !== null &&
      !scene.emphasis.active &&
      layerSets.full.fits(2 * canvas.width * canvas.height)
    )
  }

  /** Positions, zoom and canvas size of the last frame planned. */
  let lastGeometry = ''
  let lastPositions = new Float32Array(0)
  /** True when `scene` is drawn where the last frame was (same positions, zoom, size); then remembers it. */
  function sameGeometry(scene: Scene): boolean {
    const t = scene.transform
    const key = `${width}|${height}|${dpr}|${t.k}|${t.x}|${t.y}`
    const p = scene.positions
    let same = key === lastGeometry && p.length === lastPositions.length
    for (let i = 0; same && i < p.length; i++)
      if (p[i] !== lastPositions[i] && !(Number.isNaN(p[i]!) && Number.isNaN(lastPositions[i]!))) same = false
    if (!same) {
      lastGeometry = key
      if (lastPositions.length === p.length) lastPositions.set(p)
      else lastPositions = Float32Array.from(p)
    }
    return same
  }

  const frameOf = (ctx: CanvasRenderingContext2D): Frame => ({ ctx, width, height, dpr, xy })

  /** The whole frame into `ctx`, pausing after every `chunk` edges and between the parts. */
  function* frameSlices(
    ctx: CanvasRenderingContext2D,
    p: Plan,
    chunk: number,
  ): Generator<CanvasRenderingContext2D | void, void, void> {
    const { scene, main, fading } = p
    const f = frameOf(ctx)
    if (p.layered && layerSets !== null) {
      const cls = edgeClass(main)
      const layers = scene.quality === 'fast' ? layerSets.fast : layerSets.full
      // Layers first (they do not touch the frame, so a sliced frame keeps the old one meanwhile).
      yield* layers.update(f, scene, main, cls, fading, chunk)
      clear(ctx, scene)
      layers.composite(ctx, scene, main, fading)
      drawEdgeMarks(f, scene, main, cls)
    } else {
      clear(ctx, scene)
      yield* edgeSlices(f, scene, main, chunk, fading)
    }
    drawTieMarks(f, scene)
    if (chunk !== Infinity) yield
    drawNodes(f, scene, { w: canvas.width, h: canvas.height })
    if (chunk !== Infinity) yield
    labels = labelDrawer.draw(f, scene)
    labelsAtDraw = labels
  }

  function clear(ctx: CanvasRenderingContext2D, scene: Scene) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.globalAlpha = 1
    ctx.fillStyle = scene.palette.background
    ctx.fillRect(0, 0, width, height)
  }

  function drawAll(scene: Scene) {
    background = scene.palette.background
    cache.canvasChanged()
    const job = frameSlices(screen, plan(scene), Infinity)
    for (let s = job.next(); s.done !== true; s = job.next()) {
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
      return slicedDraw(frameSlices(backCtx, plan(scene), SLICE_EDGES), backCtx, () => {
        cache.canvasChanged()
        screen.setTransform(1, 0, 0, 1, 0, 0)
        screen.globalAlpha = 1
        screen.drawImage(buffer, 0, 0)
        background = scene.palette.background
      })
    },
    snapshot: (t) => cache.snapshot(t),
    drawCached(t) {
      const before = cache.transform()
      if (!cache.drawCached(screen, t, { width, height, dpr }, background)) return false
      if (before !== null) {
        // The labels moved with the bitmap (drawn at `before`).
        const s = t.k / before.k
        const ox = t.x - before.x * s
        const oy = t.y - before.y * s
        labels = labelsAtDraw.map((l) => ({
          ...l,
          x: ox + l.x * s,
          y: oy + l.y * s,
          width: l.width * s,
          height: l.height * s,
        }))
      }
      return true
    },
    dropSnapshot: () => cache.drop(),
    lastLabelCount: () => labels.length,
    lastLabels: () => labels,
    edgesToDraw(scene) {
      const p = plan(scene)
      const all = p.main.start[p.main.keys]!
      if (!p.layered || layerSets === null) return all
      const layers = scene.quality === 'fast' ? layerSets.fast : layerSets.full
      return layers.stale(frameOf(screen), scene, p.main, edgeClass(p.main), p.fading)
    },
    destroy() {
      labelDrawer.reset()
      layerSets?.fast.destroy()
      layerSets?.full.destroy()
    },
  }
}
