/**
 * Node dragging with d3-drag. The drag subject is the actor under the pointer; when there is none
 * d3-drag ignores the gesture and d3-zoom (bound after this) pans instead. Bind this before the
 * pan/zoom behaviour so that a drag on a node stops the event before it reaches d3-zoom.
 */
import { drag, type D3DragEvent } from 'd3-drag'
import { select } from 'd3-selection'

export interface NodeDragHandlers {
  /** The actor under a point in element coordinates, or -1. */
  pick(x: number, y: number): number
  onStart(actor: number, x: number, y: number): void
  onDrag(actor: number, x: number, y: number): void
  onEnd(actor: number, moved: boolean): void
}

interface Subject {
  actor: number
  x: number
  y: number
}

export function createNodeDrag(el: HTMLElement, h: NodeDragHandlers): { destroy(): void } {
  let moved = false
  const behaviour = drag<HTMLElement, unknown, Subject>()
    .container(() => el)
    .clickDistance(4)
    .subject((event: D3DragEvent<HTMLElement, unknown, Subject>) => {
      // event.x, event.y: the pointer (mouse, pen or first touch) relative to the container
      const actor = h.pick(event.x, event.y)
      return actor < 0 ? (null as unknown as Subject) : { actor, x: event.x, y: event.y }
    })
    .on('start', (event: D3DragEvent<HTMLElement, unknown, Subject>) => {
      moved = false
      h.onStart(event.subject.actor, event.x, event.y)
    })
    .on('drag', (event: D3DragEvent<HTMLElement, unknown, Subject>) => {
      moved = true
      h.onDrag(event.subject.actor, event.x, event.y)
    })
    .on('end', (event: D3DragEvent<HTMLElement, unknown, Subject>) => {
      h.onEnd(event.subject.actor, moved)
    })
  const s = select(el)
  s.call(behaviour)
  return {
    destroy() {
      s.on('.drag', null)
    },
  }
}
