/**
 * The canvas input, bound to the engine: dragging an actor pins it where it is dropped, a
 * background drag or the wheel pans and zooms, a click selects, a double-click releases a pin and
 * hovering emphasises and names what is pointed at (a tooltip; a long press on touch). The gestures themselves are interaction/'s; this module says what they do.
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
    onHover(actor: number, relation: number, x: number, y: number): void
    /** A button went down or the wheel turned. */
    onGesture(): void
    /** A touch held still: what is under it. */
    onLongPress(actor: number, relation: number, x: number, y: number): void
    /**
     * Edit mode: a drag from an actor draws a tie instead of moving it (the layout does not move);
     * `onConnect` gets both ends when it is dropped on another actor, `onConnector` the line to
     * draw (canvas CSS px) or null when it ends; Escape cancels.
     */
    connecting?(): boolean
    onConnector?(line: { x1: number; y1: number; x2: number; y2: number } | null): void
    onConnect?(from: number, to: number): void
    /** A double-click on the background (canvas CSS px). */
    onBackgroundDoubleClick?(x: number, y: number): void
  },
): CanvasInput {
  let dragOffset: [number, number] = [0, 0]
  let dragging = -1
  /** The actor a tie is being drawn from, and the pointer; -1 when none. */
  let connectFrom = -1
  let connectAt: [number, number] = [0, 0]
  const screenOf = (actor: number): [number, number] => {
    const layout = d.current()!.layout
    const t = d.transform()
    return [layout.positions[2 * actor]! * t.k + t.x, layout.positions[2 * actor + 1]! * t.k + t.y]
  }
  const cancelConnect = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || connectFrom < 0) return
    e.stopPropagation()
    connectFrom = -1
    d.onConnector?.(null)
  }
  window.addEventListener('keydown', cancelConnect, true)
  // Bound before pan/zoom, so that a drag on a node is not also a pan.
  const drag = createNodeDrag(canvas, {
    pick: d.actorAt,
    onStart(actor, x, y) {
      const layout = d.current()?.layout
      if (layout === undefined) return
      if (d.connecting?.() === true) {
        connectFrom = actor
        connectAt = [x, y]
        const [x1, y1] = screenOf(actor)
        d.onConnector?.({ x1, y1, x2: x, y2: y })
        return
      }
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
      if (connectFrom >= 0) {
        connectAt = [x, y]
        const [x1, y1] = screenOf(connectFrom)
        d.onConnector?.({ x1, y1, x2: x, y2: y })
        return
      }
      if (d.connecting?.() === true) return // a tie cancelled with Escape: nothing moves
      const t = d.transform()
      layout.pin(actor, (x + dragOffset[0] - t.x) / t.k, (y + dragOffset[1] - t.y) / t.k)
      d.onPinMoved()
    },
    onEnd(actor, moved) {
      if (connectFrom >= 0 || d.connecting?.() === true) {
        const from = connectFrom
        connectFrom = -1
        d.onConnector?.(null)
        if (from < 0) return
        const to = d.actorAt(connectAt[0], connectAt[1])
        if (moved && to >= 0 && to !== from) d.onConnect?.(from, to)
        return
      }
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
    onDoubleClick(a, x, y) {
      if (a < 0) {
        d.onBackgroundDoubleClick?.(x, y)
        return
      }
      const layout = d.current()?.layout
      if (layout === undefined || layout.pinned[a] !== 1) return
      layout.release(a)
      d.onPinsChanged()
    },
    onHover: d.onHover,
    onGesture: d.onGesture,
    onLongPress: d.onLongPress,
  })
  return {
    panZoom,
    dragging: () => dragging >= 0,
    destroy() {
      window.removeEventListener('keydown', cancelConnect, true)
      drag.destroy()
      panZoom.destroy()
      pointer.destroy()
    },
  }
}
