/**
 * The animation-frame loop and its quality policy: when to draw, when a big scene is drawn fast
 * (rough) and when sharp, when the sharp frame is drawn in slices, when the last frame's bitmap is
 * reused, and when to stop scheduling frames (the layout is settled and nothing changed).
 *
 * Frame flow: a change → invalidate() or viewChanged() → (one rAF) layout.step → draw.
 */
import type { View } from '../model/filter'
import type { Layout } from '../sim/layout'
import type { Renderer, Scene, SlicedDraw } from '../render/renderer'
import type { Transform } from '../shared/types'
import { markOnce } from '../shared/marks'

/** A view change this recent (ms) counts as a gesture in progress; the sharp redraw waits for rest. */
export const REST_MS = 250
/** Scenes with more shown actors + relations than this draw in fast quality while moving. */
export const FAST_ABOVE = 1500
/** Work per frame (ms) on a sharp frame drawn in slices. */
export const SLICE_MS = 10

/** Large scenes draw in fast quality while anything moves; small ones are always drawn sharp. */
export function isBig(view: View): boolean {
  return view.shownRelations.length + view.shownActors.length > FAST_ABOVE
}

/**
 * The quality of the next frame. Big scenes: every change is drawn fast first; the sharp frame
 * follows when all is at rest (the rest timer fired, no gesture, the layout neither moved nor runs).
 */
export function frameQuality(s: {
  big: boolean
  sharpDue: boolean
  gesture: boolean
  moved: boolean
  running: boolean
}): 'fast' | 'full' {
  return s.big && (!s.sharpDue || s.gesture || s.moved || s.running) ? 'fast' : 'full'
}

export interface FrameLoop {
  /** The scene changed (positions, filter, emphasis, palette): a real redraw is due. */
  invalidate(): void
  /** Only the transform changed (a pan or a zoom): the last frame's bitmap may do. */
  viewChanged(): void
  /** Asks for a frame without marking anything changed (the layout sent positions). */
  schedule(): void
  destroy(): void
}

/** A sharp frame that strokes at most this many edges anew (the rest composited) is drawn at once. */
export const SHARP_AT_ONCE_EDGES = 3000

export function createFrameLoop(deps: {
  renderer: Pick<Renderer, 'draw' | 'drawCached' | 'beginSliced' | 'snapshot' | 'dropSnapshot'> &
    Partial<Pick<Renderer, 'edgesToDraw'>>
  /** What is drawn, or null before there is a graph. */
  current(): { readonly layout: Layout; readonly view: View } | null
  scene(quality: 'full' | 'fast'): Scene
  transform(): Transform
  /** True while an actor is dragged (counts as a gesture; frames keep coming). */
  dragging(): boolean
  /** The layout moved the actors this frame. */
  onMoved(): void
  /**
   * Once per frame when the layout has positions, before anything is drawn; false skips the frame
   * (the canvas has no size yet: a resize will ask for a frame again).
   */
  beforeDraw(): boolean | void
  /** True while something is animated (a fade): every frame is redrawn until it ends. */
  animating?(): boolean
}): FrameLoop {
  const { renderer } = deps
  let frame = 0
  let dirty = true
  let viewDirty = false
  /** When the transform last changed (ms, performance.now). */
  let lastViewChange = -Infinity
  /** The frame on screen was drawn in fast quality (or from the bitmap): redraw sharp at rest. */
  let roughOnScreen = false
  let restTimer: ReturnType<typeof setTimeout> | undefined
  /** The rest timer fired: the next frame may be drawn sharp. */
  let sharpDue = false
  /** A sharp frame being drawn in slices, or null. */
  let sliced: SlicedDraw | null = null
  let destroyed = false
  /** A fade was in progress at the last frame. */
  let fading = false

  function schedule() {
    if (frame !== 0 || destroyed) return
    frame = requestAnimationFrame(onFrame)
  }

  function onFrame() {
    frame = 0
    const now = deps.current()
    if (now === null) return
    const { layout, view } = now
    // A stopped layout does not move; step() still swaps in what a worker sent before it stopped.
    const moved = layout.step(8)
    if (moved) {
      deps.onMoved()
      dirty = true
    }
    // Nothing to show before the layout's first positions (a worker is still warming up).
    if (!layout.ready()) return
    if (deps.beforeDraw() === false) return
    const animating = deps.animating?.() === true
    // A fade in progress changes the picture every frame; the frame after it ends shows the result.
    if (animating || fading) dirty = true
    fading = animating
    const dragging = deps.dragging()
    const gesture = performance.now() - lastViewChange < REST_MS || dragging
    const big = isBig(view)
    const running = layout.status().running
    let fast = frameQuality({ big, sharpDue, gesture, moved, running }) === 'fast'
    sharpDue = false
    // A change at rest whose sharp frame is mostly composited from kept layers is drawn sharp at once.
    let sharpScene: Scene | null = null
    const cheap = (s: Scene) =>
      deps.renderer.edgesToDraw !== undefined && deps.renderer.edgesToDraw(s) <= SHARP_AT_ONCE_EDGES
    // (Not during a fade: its frames composite the fast layers, and the sharp ones are stale anyway.)
    if (big && dirty && !gesture && !moved && !running && !animating && sliced === null) {
      const s = deps.scene('full')
      if (cheap(s)) {
        sharpScene = s
        fast = false
      }
    }
    if (sliced !== null) {
      if (dirty || viewDirty || moved)
        sliced = null // something changed: abandon the sharp frame
      else {
        if (sliced.step(SLICE_MS)) {
          sliced = null
          roughOnScreen = false
          renderer.snapshot(deps.transform())
        } else schedule()
        return
      }
    }
    if (dirty || viewDirty) {
      const onlyView = !dirty
      dirty = false
      viewDirty = false
      if (onlyView && gesture && renderer.drawCached(deps.transform())) roughOnScreen = true
      else {
        let s: Scene
        if (sharpScene !== null) s = sharpScene
        else if (big && !fast) {
          s = deps.scene('full')
          if (!cheap(s)) {
            // The sharp frame of a big scene: drawn in slices over several frames, the rough one
            // staying on screen meanwhile, so no frame blocks for long.
            sliced = renderer.beginSliced(s)
            schedule()
            return
          }
        } else s = deps.scene(fast ? 'fast' : 'full')
        renderer.draw(s)
        markOnce('first-frame')
        roughOnScreen = s.quality === 'fast'
        // Keep the frame for panning over it, unless the layout will replace it next frame anyway.
        if (!moved && !dragging) renderer.snapshot(deps.transform())
        else renderer.dropSnapshot()
      }
      if (roughOnScreen) {
        clearTimeout(restTimer)
        restTimer = setTimeout(() => {
          if (!roughOnScreen) return
          sharpDue = true
          dirty = true
          schedule()
        }, REST_MS)
      }
    }
    if (moved || dragging || animating) schedule()
  }

  return {
    invalidate() {
      dirty = true
      schedule()
    },
    viewChanged() {
      lastViewChange = performance.now()
      viewDirty = true
      schedule()
    },
    schedule,
    destroy() {
      destroyed = true
      cancelAnimationFrame(frame)
      clearTimeout(restTimer)
    },
  }
}
