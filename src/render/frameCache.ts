/**
 * The frame cache and progressive drawing. While only the view moves, the last frame is reused as
 * a bitmap, moved and scaled (a blit, not a redraw). A sharp frame of a big scene is drawn a slice
 * at a time into a back buffer, the frame on screen staying until the new one is complete.
 */
import type { Transform } from './scene'

export interface FrameCache {
  /**
   * Keeps what `canvas` shows now as a bitmap drawn at transform `t`. The copy is made only when
   * it is first needed (the first drawCached), so a frame that is never panned over costs no copy.
   */
  snapshot(t: Transform): void
  /** Something was drawn on the canvas: a snapshot not yet copied is lost. */
  canvasChanged(): void
  /** The transform the kept bitmap was drawn at, or null. */
  transform(): Transform | null
  /**
   * Draws the kept bitmap into `ctx` moved and scaled to transform `t`; false (nothing drawn) when
   * there is none or `t` is too far from the one it was drawn at to look right.
   */
  drawCached(ctx: CanvasRenderingContext2D, t: Transform, size: CssSize, background: string): boolean
  /** Forgets the bitmap. */
  drop(): void
}

export interface CssSize {
  readonly width: number
  readonly height: number
  readonly dpr: number
}

export function createFrameCache(canvas: HTMLCanvasElement): FrameCache {
  let cache: HTMLCanvasElement | null = null
  let cacheT: Transform | null = null
  /** The canvas holds a clean frame at this transform, not copied yet. */
  let pending: Transform | null = null
  const copy = (t: Transform) => {
    if (cache === null) cache = document.createElement('canvas')
    if (cache.width !== canvas.width) cache.width = canvas.width
    if (cache.height !== canvas.height) cache.height = canvas.height
    const c = cache.getContext('2d', { alpha: false })
    if (c === null) return
    c.drawImage(canvas, 0, 0)
    cacheT = t
  }
  return {
    snapshot(t) {
      pending = t
      cacheT = null
    },
    canvasChanged() {
      pending = null
    },
    transform: () => pending ?? cacheT,
    drawCached(ctx, t, { width, height, dpr }, background) {
      if (pending !== null) {
        copy(pending)
        pending = null
      }
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
    drop() {
      cacheT = null
      pending = null
    },
  }
}

export interface SlicedDraw {
  step(budgetMs: number): boolean
}

/**
 * Runs `job` (a frame drawn into `backCtx`, yielding between slices) for about `budgetMs` per
 * step (a job may yield the context it drew into, when not `backCtx`); when it is done, `present()` copies the back buffer on screen and step returns true.
 */
export function slicedDraw(
  job: Generator<CanvasRenderingContext2D | void, void, void>,
  backCtx: CanvasRenderingContext2D,
  present: () => void,
): SlicedDraw {
  return {
    step(budgetMs) {
      const t0 = performance.now()
      for (;;) {
        const r = job.next()
        // Rasterise this slice now, not all at the end: in the context the job drew into.
        ;(r.value ?? backCtx).getImageData(0, 0, 1, 1)
        if (r.done === true) break
        if (performance.now() - t0 >= budgetMs) return false
      }
      present()
      return true
    },
  }
}
