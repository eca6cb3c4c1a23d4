/**
 * The canvas input, bound to the engine: dragging an actor pins it where it is dropped, a
 * background drag or the wheel pans and zooms, a click selects, a double-click releases a pin and
 * hovering emphasises. The gestures themselves are interaction/'s; this module says what they do.
 */
import type { GraphIndex } from '../model/graphIndex'
import { createNodeDrag } from '../interaction/nodeDrag'
import { createPanZoom, type PanZoom } from '../interaction/panZoom'
import { createPointerInput } from '../interaction/pointer'
import type { Layout } from '../sim/layout'
import type { Transform } from '../shared/types'
import type { ExplorerStore } from '../state/store'

export interface CanvasInput {
  readonly panZoom: PanZoom
  /** True while an actor is dragged. */
  dragging(): boolean
  destroy(): void
}

export function bindCanvasInput(
  canvas: HTMLCanvasElement,
  d: {
    store: ExplorerStore
    /** The graph and its layout, or null before there is one (or before its view exists). */
    current(): { readonly index: GraphIndex; readonly layout: Layout } | null
    transform(): Transform
    actorAt(x: number, y: number): number
    relationAt(x: number, y: number): number
    onTransform(t: Transform): void
    /** An actor was moved by hand (during a drag). */
    onPinMoved(): void
    /** Pins changed for good (a drop, a release). */
    onPinsChanged(): void
    /** Something to redraw without a pin change (a click on a node without a move). */
    invalidate(): void
    onHover(actor: number): void
  },
): CanvasInput {
  let dragOffset: [number, number] = [0, 0]
  let dragging = -1
  // Bound before pan/zoom, so that a drag on a node is not also a pan.
  const drag = createNodeDrag(canvas, {
    pick: d.actorAt,
    onStart(actor, x, y) {
      const layout = d.current()?.layout
      if (layout === undefined) return
      const t = d.transform()
      dragOffset = [
        layout.positions[2 * actor]! * t.k + t.x - x,
        layout.positions[2 * actor + 1]! * t.k + t.y - y,
      ]
      dragging = actor
      layout.setDragging(!d.store.getState().layoutPaused)
      canvas.style.cursor = 'grabbing'
    },
    onDrag(actor, x, y) {
      const layout = d.current()?.layout
      if (layout === undefined) return
      const t = d.transform()
      layout.pin(actor, (x + dragOffset[0] - t.x) / t.k, (y + dragOffset[1] - t.y) / t.k)
      d.onPinMoved()
    },
    onEnd(actor, moved) {
      dragging = -1
      const layout = d.current()?.layout
      layout?.setDragging(false)
      canvas.style.cursor = ''
      if (moved) d.onPinsChanged()
      else {
        if (layout !== undefined && layout.pinned[actor] !== 1) layout.release(actor)
        d.invalidate()
      }
    },
  })
  const panZoom = createPanZoom(canvas, d.onTransform)
  const pointer = createPointerInput(canvas, {
    ready: () => d.current() !== null,
    dragging: () => dragging >= 0,
    actorAt: d.actorAt,
    relationAt: d.relationAt,
    onClick(a, r) {
      const c = d.current()
      if (c === null) return
      const { select } = d.store.getState()
      if (a >= 0) select({ kind: 'actor', id: c.index.graph.actors[a]!.id })
      else select(r >= 0 ? { kind: 'relation', id: c.index.graph.relations[r]!.id } : null)
    },
    onDoubleClick(a) {
      const layout = d.current()?.layout
      if (layout === undefined || layout.pinned[a] !== 1) return
      layout.release(a)
      d.onPinsChanged()
    },
    onHover: d.onHover,
  })
  return {
    panZoom,
    dragging: () => dragging >= 0,
    destroy() {
      drag.destroy()
      panZoom.destroy()
      pointer.destroy()
    },
  }
}
