/**
 * The engine: the only module that knows the model, the layout, the renderer and the interaction
 * bindings together. It owns the animation-frame loop; React never sees a tick.
 *
 * Frame flow: store change or input → scheduleFrame() → (one rAF) layout.step → draw.
 * The loop stops scheduling itself when the layout is settled and nothing changed.
 */
import { createViewCache, type View } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import { createPanZoom, type PanZoom } from '../interaction/panZoom'
import { createNodeDrag } from '../interaction/nodeDrag'
import { createLayout } from '../sim/createLayout'
import type { Layout, LayoutStatus } from '../sim/layout'
import { computeLanes, fitTransform, labelHalfWidth, nodeRadius } from '../render/geometry'
import { createHitTester } from '../render/hitTest'
import {
  createRenderer,
  type Emphasis,
  type Scene,
  type SlicedDraw,
  type Transform,
} from '../render/renderer'
import { KIND_SHAPE, LIGHT, type Palette, type Shape } from '../render/style'
import type { ExplorerStore, Selection } from '../state/store'

export interface HookNode {
  readonly id: string
  readonly label: string
  readonly x: number
  readonly y: number
  readonly pinned: boolean
}

export interface Engine {
  setGraph(index: GraphIndex): void
  fitView(): void
  zoomBy(factor: number): void
  resetLayout(): void
  unpin(actorId: string): void
  isPinned(actorId: string): boolean
  setPalette(p: Palette): void
  /** Pinned actors and their world positions (for keeping them across reloads). */
  pins(): { id: string; x: number; y: number }[]
  /** Pins the named actors at the given world positions; unknown ids are ignored. */
  restorePins(pins: readonly { id: string; x: number; y: number }[]): void
  setTransform(t: Transform): void
  /** What is on screen now, for export: the scene and the canvas size in CSS pixels. */
  snapshot(): { scene: Scene; width: number; height: number } | null
  /** For the automation hook: shown nodes in page viewport CSS pixels. */
  nodes(): HookNode[]
  transform(): Transform
  layout(): LayoutStatus
  destroy(): void
}

/** A view change this recent (ms) counts as a gesture in progress; the sharp redraw waits for rest. */
const REST_MS = 250
/** Scenes with more shown actors + relations than this draw in fast quality while moving. */
const FAST_ABOVE = 1500
/** Work per frame (ms) on a sharp frame drawn in slices. */
const SLICE_MS = 10

/** Shared view computation: the panels call it too and get the same object back. */
export const getView = createViewCache()

const SHAPES: readonly Shape[] = ['circle', 'square', 'hexagon', 'triangle', 'diamond', 'ring']

export function createEngine(
  canvas: HTMLCanvasElement,
  store: ExplorerStore,
  opts: { onPinsChanged?: () => void; onTransformChanged?: (t: Transform) => void } = {},
): Engine {
  const renderer = createRenderer(canvas)
  let index: GraphIndex | null = null
  let view: View | null = null
  let layout: Layout | null = null
  let lanes: Float32Array = new Float32Array(0)
  let radius: Float32Array = new Float32Array(0)
  let labelOrder: Uint32Array = new Uint32Array(0)
  let shapeOf: Uint8Array = new Uint8Array(0)
  let labels: string[] = []
  let labelWidth: Float32Array = new Float32Array(0)
  let typeColors: string[] = []
  let palette = LIGHT
  let hovered = -1
  let emphasis: Emphasis = emptyEmphasis(0, 0)
  let transform: Transform = { k: 1, x: 0, y: 0 }
  let width = 0
  let height = 0
  let frame = 0
  /** The scene changed (positions, filter, emphasis, palette): a real redraw is due. */
  let dirty = true
  /** Only the transform changed: the last frame's bitmap may do. */
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
  let dragOffset: [number, number] = [0, 0]
  let dragging = -1
  let transformRestored = false
  /** Fit the view once the layout has its first positions (a worker answers asynchronously). */
  let pendingFit = false
  /** Milliseconds of layout before the first paint. */
  const WARM_UP_MS = 250

  const hit = createHitTester(() => ({ view: view!, positions: layout!.positions, radius, lanes }))

  function scheduleFrame() {
    if (frame !== 0 || destroyed) return
    frame = requestAnimationFrame(onFrame)
  }
  function invalidate() {
    dirty = true
    scheduleFrame()
  }

  function onFrame() {
    frame = 0
    if (index === null || layout === null || view === null) return
    // A stopped layout does not move; step() still swaps in what a worker sent before it stopped.
    const moved = layout.step(8)
    if (moved) {
      hit.invalidate()
      dirty = true
    }
    // Nothing to show before the layout's first positions (a worker is still warming up).
    if (!layout.ready()) return
    if (pendingFit && width > 0) {
      pendingFit = false
      engine.fitView()
    }
    const now = performance.now()
    const gesture = now - lastViewChange < REST_MS || dragging >= 0
    // Large scenes draw in fast quality while anything moves; small ones are always drawn sharp.
    const big = view.shownRelations.length + view.shownActors.length > FAST_ABOVE
    // Big scenes: every change is drawn fast first; the sharp frame follows when all is at rest.
    const fast = big && (!sharpDue || gesture || moved || layout.status().running)
    sharpDue = false
    if (sliced !== null) {
      if (dirty || viewDirty || moved)
        sliced = null // something changed: abandon the sharp frame
      else {
        if (sliced.step(SLICE_MS)) {
          sliced = null
          roughOnScreen = false
          renderer.snapshot(transform)
        } else scheduleFrame()
        return
      }
    }
    if (dirty || viewDirty) {
      const onlyView = !dirty
      dirty = false
      viewDirty = false
      if (onlyView && gesture && renderer.drawCached(transform)) roughOnScreen = true
      else if (big && !fast) {
        // The sharp frame of a big scene: drawn in slices over several frames, the rough one
        // staying on screen meanwhile, so no frame blocks for long.
        sliced = renderer.beginSliced(scene('full'))
        scheduleFrame()
        return
      } else {
        renderer.draw(scene(fast ? 'fast' : 'full'))
        roughOnScreen = fast
        // Keep the frame for panning over it, unless the layout will replace it next frame anyway.
        if (!moved && dragging < 0) renderer.snapshot(transform)
        else renderer.dropSnapshot()
      }
      if (roughOnScreen) {
        clearTimeout(restTimer)
        restTimer = setTimeout(() => {
          if (!roughOnScreen) return
          sharpDue = true
          dirty = true
          scheduleFrame()
        }, REST_MS)
      }
    }
    if (moved || dragging >= 0) scheduleFrame()
  }

  function scene(quality: 'full' | 'fast' = 'full'): Scene {
    return {
      view: view!,
      positions: layout!.positions,
      pinned: layout!.pinned,
      radius,
      lanes,
      shapes: SHAPES,
      shapeOf,
      labels,
      labelOrder,
      typeColors,
      emphasis,
      transform,
      palette,
      quality,
    }
  }

  function selectionIndex(sel: Selection): { actor: number; relation: number } {
    if (index === null || sel === null) return { actor: -1, relation: -1 }
    if (sel.kind === 'actor') return { actor: index.actorIndex.get(sel.id) ?? -1, relation: -1 }
    return { actor: -1, relation: index.relationIndex.get(sel.id) ?? -1 }
  }

  function recomputeEmphasis() {
    if (index === null || view === null) return
    const { actor, relation } = selectionIndex(store.getState().selection)
    const e = emptyEmphasis(index.actorCount, index.relationCount)
    const focus = actor >= 0 && view.actorShown[actor] === 1 ? actor : relation < 0 ? hovered : -1
    if (focus >= 0 && view.actorShown[focus] === 1) {
      e.actors[focus] = 1
      for (let j = index.adjStart[focus]!; j < index.adjStart[focus + 1]!; j++) {
        const r = index.adjRel[j]!
        if (view.relationShown[r] !== 1) continue
        e.relations[r] = 1
        e.actors[index.src[r]!] = 1
        e.actors[index.tgt[r]!] = 1
      }
      e.active = true
    } else if (relation >= 0 && view.relationShown[relation] === 1) {
      e.relations[relation] = 1
      e.actors[index.src[relation]!] = 1
      e.actors[index.tgt[relation]!] = 1
      e.active = true
    }
    e.selectedActor = actor
    e.selectedRelation = relation
    e.hoveredActor = hovered
    emphasis = e
    invalidate()
  }

  function applyView() {
    if (index === null || layout === null) return
    const next = getView(index, store.getState().filter)
    if (next === view) return
    view = next
    lanes = computeLanes(view)
    radius = new Float32Array(index.actorCount)
    for (let a = 0; a < index.actorCount; a++) radius[a] = nodeRadius(view.degree[a]!)
    labelOrder = byDegree(view.shownActors, view.degree)
    const shown = view.shownRelations
    const links = { src: new Uint32Array(shown.length), tgt: new Uint32Array(shown.length) }
    for (let i = 0; i < shown.length; i++) {
      links.src[i] = index.src[shown[i]!]!
      links.tgt[i] = index.tgt[shown[i]!]!
    }
    layout.setActive(view.shownActors, links, radius)
    hit.invalidate()
    if (hovered >= 0 && view.actorShown[hovered] !== 1) hovered = -1
    recomputeEmphasis()
  }

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.filter !== prev.filter) applyView()
    if (state.selection !== prev.selection) recomputeEmphasis()
    if (state.layoutPaused !== prev.layoutPaused) {
      if (state.layoutPaused) layout?.stop()
      else {
        layout?.start()
        layout?.reheat(0.1)
      }
      invalidate()
    }
  })

  const panZoomTarget = canvas
  const drag = createNodeDrag(panZoomTarget, {
    pick: (x, y) => (view === null ? -1 : hit.actorAt(x, y, transform)),
    onStart(actor, x, y) {
      if (layout === null) return
      const px = layout.positions[2 * actor]! * transform.k + transform.x
      const py = layout.positions[2 * actor + 1]! * transform.k + transform.y
      dragOffset = [px - x, py - y]
      dragging = actor
      layout.setDragging(!store.getState().layoutPaused)
      canvas.style.cursor = 'grabbing'
    },
    onDrag(actor, x, y) {
      if (layout === null) return
      const wx = (x + dragOffset[0] - transform.x) / transform.k
      const wy = (y + dragOffset[1] - transform.y) / transform.k
      layout.pin(actor, wx, wy)
      hit.invalidate()
      invalidate()
    },
    onEnd(actor, moved) {
      dragging = -1
      layout?.setDragging(false)
      canvas.style.cursor = ''
      if (moved) opts.onPinsChanged?.()
      else if (layout !== null && layout.pinned[actor] !== 1) layout.release(actor)
      invalidate()
    },
  })
  const panZoom: PanZoom = createPanZoom(panZoomTarget, (t) => {
    transform = t
    opts.onTransformChanged?.(t)
    lastViewChange = performance.now()
    viewDirty = true
    scheduleFrame()
  })

  const local = (e: MouseEvent): [number, number] => {
    const rect = canvas.getBoundingClientRect()
    return [e.clientX - rect.left, e.clientY - rect.top]
  }
  const onClick = (e: MouseEvent) => {
    if (index === null || view === null) return
    const [x, y] = local(e)
    const a = hit.actorAt(x, y, transform)
    const { select } = store.getState()
    if (a >= 0) select({ kind: 'actor', id: index.graph.actors[a]!.id })
    else {
      const r = hit.relationAt(x, y, transform)
      select(r >= 0 ? { kind: 'relation', id: index.graph.relations[r]!.id } : null)
    }
  }
  const onDblClick = (e: MouseEvent) => {
    if (index === null || layout === null) return
    const [x, y] = local(e)
    const a = hit.actorAt(x, y, transform)
    if (a >= 0 && layout.pinned[a] === 1) {
      layout.release(a)
      opts.onPinsChanged?.()
      invalidate()
    }
  }
  let pendingHover: [number, number] | null = null
  const onPointerMove = (e: PointerEvent) => {
    // No hover while a button is down (a pan or a drag): emphasis changes would force redraws.
    if (dragging >= 0 || e.pointerType === 'touch' || e.buttons !== 0) return
    const first = pendingHover === null
    pendingHover = local(e)
    if (!first) return
    requestAnimationFrame(() => {
      const p = pendingHover
      pendingHover = null
      if (p === null || view === null || dragging >= 0) return
      const a = hit.actorAt(p[0], p[1], transform)
      canvas.style.cursor = a >= 0 ? 'pointer' : ''
      if (a !== hovered) {
        hovered = a
        recomputeEmphasis()
      }
    })
  }
  const onPointerLeave = () => {
    pendingHover = null
    if (hovered >= 0) {
      hovered = -1
      recomputeEmphasis()
    }
  }
  canvas.addEventListener('click', onClick)
  canvas.addEventListener('dblclick', onDblClick)
  canvas.addEventListener('pointermove', onPointerMove)
  canvas.addEventListener('pointerleave', onPointerLeave)

  const resizeObserver = new ResizeObserver(() => resize())
  resizeObserver.observe(canvas)
  function resize() {
    const rect = canvas.getBoundingClientRect()
    const first = width === 0
    width = rect.width
    height = rect.height
    renderer.resize(width, height, window.devicePixelRatio || 1)
    // A kept zoom (restored after a reload) wins over fitting the first frame.
    if (first && width > 0 && layout?.ready() === true && !transformRestored) engine.fitView()
    invalidate()
  }

  const engine: Engine = {
    setGraph(next) {
      index = next
      view = null
      hovered = -1
      layout?.destroy()
      layout = createLayout(next.actorCount)
      layout.onUpdate(scheduleFrame)
      if (store.getState().layoutPaused) layout.stop()
      labels = next.graph.actors.map((a) => a.label)
      labelWidth = Float32Array.from(labels, (l) => labelHalfWidth(l))
      shapeOf = Uint8Array.from(next.graph.actors, (a) => SHAPES.indexOf(KIND_SHAPE[a.kind]))
      typeColors = next.graph.relationTypes.map((t) => t.color)
      applyView()
      // Warm-up before the first paint: small graphs appear settled, large ones get a head start.
      layout.warmUp(WARM_UP_MS)
      hit.invalidate()
      pendingFit = true
      invalidate()
    },
    fitView() {
      if (view === null || layout === null) return
      const t = fitTransform(view.shownActors, layout.positions, radius, (a) => labelWidth[a]!, width, height)
      if (t !== null) panZoom.setTransform(t)
    },
    zoomBy(factor) {
      panZoom.scaleBy(factor, [width / 2, height / 2])
    },
    resetLayout() {
      if (layout === null) return
      layout.reset()
      layout.start()
      store.getState().setLayoutPaused(false)
      layout.warmUp(WARM_UP_MS)
      hit.invalidate()
      pendingFit = true
      opts.onPinsChanged?.()
      invalidate()
    },
    unpin(actorId) {
      const a = index?.actorIndex.get(actorId)
      if (a === undefined || layout === null) return
      layout.release(a)
      opts.onPinsChanged?.()
      invalidate()
    },
    isPinned(actorId) {
      const a = index?.actorIndex.get(actorId)
      return a !== undefined && layout !== null && layout.pinned[a] === 1
    },
    setPalette(p) {
      palette = p
      invalidate()
    },
    nodes() {
      if (index === null || view === null || layout === null) return []
      const rect = canvas.getBoundingClientRect()
      const out: HookNode[] = []
      for (const a of view.shownActors) {
        const actor = index.graph.actors[a]!
        out.push({
          id: actor.id,
          label: actor.label,
          x: rect.left + layout.positions[2 * a]! * transform.k + transform.x,
          y: rect.top + layout.positions[2 * a + 1]! * transform.k + transform.y,
          pinned: layout.pinned[a] === 1,
        })
      }
      return out
    },
    transform: () => ({ ...transform }),
    pins() {
      if (index === null || layout === null) return []
      const out: { id: string; x: number; y: number }[] = []
      for (let a = 0; a < index.actorCount; a++) {
        if (layout.pinned[a] !== 1) continue
        out.push({
          id: index.graph.actors[a]!.id,
          x: layout.positions[2 * a]!,
          y: layout.positions[2 * a + 1]!,
        })
      }
      return out
    },
    restorePins(list) {
      if (index === null || layout === null) return
      let any = false
      for (const p of list) {
        const a = index.actorIndex.get(p.id)
        if (a === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue
        layout.pin(a, p.x, p.y)
        any = true
      }
      if (!any) return
      layout.reheat(0.3)
      hit.invalidate()
      opts.onPinsChanged?.()
      invalidate()
    },
    setTransform(t) {
      if (![t.k, t.x, t.y].every(Number.isFinite) || t.k <= 0) return
      transformRestored = true
      pendingFit = false
      panZoom.setTransform(t)
    },
    snapshot() {
      if (index === null || layout === null || view === null) return null
      return { scene: scene(), width, height }
    },
    layout() {
      if (layout === null) return { running: false, alpha: 0, ticks: 0 }
      const status = layout.status()
      return { ...status, running: status.running && !store.getState().layoutPaused }
    },
    destroy() {
      destroyed = true
      cancelAnimationFrame(frame)
      clearTimeout(restTimer)
      unsubscribe()
      resizeObserver.disconnect()
      drag.destroy()
      panZoom.destroy()
      canvas.removeEventListener('click', onClick)
      canvas.removeEventListener('dblclick', onDblClick)
      canvas.removeEventListener('pointermove', onPointerMove)
      canvas.removeEventListener('pointerleave', onPointerLeave)
      layout?.destroy()
      renderer.destroy()
    },
  }
  return engine
}

/** Actors by degree, highest first, ties by index (a counting sort: linear, no comparator calls). */
export function byDegree(actors: Uint32Array, degree: Uint32Array): Uint32Array {
  let max = 0
  for (const a of actors) if (degree[a]! > max) max = degree[a]!
  const start = new Uint32Array(max + 2)
  for (const a of actors) start[max - degree[a]! + 1]!++
  for (let d = 0; d <= max; d++) start[d + 1]! += start[d]!
  const out = new Uint32Array(actors.length)
  for (const a of actors) out[start[max - degree[a]!]!++] = a
  return out
}

function emptyEmphasis(
  actors: number,
  relations: number,
): Emphasis & { active: boolean; selectedActor: number; selectedRelation: number; hoveredActor: number } {
  return {
    active: false,
    actors: new Uint8Array(actors),
    relations: new Uint8Array(relations),
    selectedActor: -1,
    selectedRelation: -1,
    hoveredActor: -1,
  }
}
