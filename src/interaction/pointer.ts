/**
 * Pointer input on the canvas that is not a gesture: click (select), double-click (release a pin)
 * and hover (at most one hit test per animation frame, none while a button is down or on touch).
 * Picking and what the input means are the caller's; this module only turns DOM events into
 * element coordinates and calls back.
 */

export interface PointerHandlers {
  /** False while there is nothing to pick from (no graph yet). */
  ready(): boolean
  /** True while an actor is dragged: no hover then. */
  dragging(): boolean
  /** The shown actor under a point in element coordinates (CSS px), or -1. */
  actorAt(x: number, y: number): number
  /** The shown relation under a point, or -1 (asked only on click, when no actor is there). */
  relationAt(x: number, y: number): number
  /** A click on an actor, else on a relation, else on neither (both -1). */
  onClick(actor: number, relation: number): void
  /** A double-click on an actor, or on the background (actor -1) at a point in element coordinates. */
  onDoubleClick(actor: number, x: number, y: number): void
  /** The actor under the pointer, or -1 when there is none or the pointer left; called on every hover test. */
  onHover(actor: number): void
}

export function createPointerInput(el: HTMLElement, h: PointerHandlers): { destroy(): void } {
  const local = (e: MouseEvent): [number, number] => {
    const rect = el.getBoundingClientRect()
    return [e.clientX - rect.left, e.clientY - rect.top]
  }
  const onClick = (e: MouseEvent) => {
    if (!h.ready()) return
    const [x, y] = local(e)
    const a = h.actorAt(x, y)
    h.onClick(a, a >= 0 ? -1 : h.relationAt(x, y))
  }
  const onDblClick = (e: MouseEvent) => {
    if (!h.ready()) return
    const [x, y] = local(e)
    const a = h.actorAt(x, y)
    h.onDoubleClick(a, x, y)
  }
  let pendingHover: [number, number] | null = null
  const onPointerMove = (e: PointerEvent) => {
    // No hover while a button is down (a pan or a drag): emphasis changes would force redraws.
    if (h.dragging() || e.pointerType === 'touch' || e.buttons !== 0) return
    const first = pendingHover === null
    pendingHover = local(e)
    if (!first) return
    requestAnimationFrame(() => {
      const p = pendingHover
      pendingHover = null
      if (p === null || !h.ready() || h.dragging()) return
      const a = h.actorAt(p[0], p[1])
      el.style.cursor = a >= 0 ? 'pointer' : ''
      h.onHover(a)
    })
  }
  const onPointerLeave = () => {
    pendingHover = null
    h.onHover(-1)
  }
  el.addEventListener('click', onClick)
  el.addEventListener('dblclick', onDblClick)
  el.addEventListener('pointermove', onPointerMove)
  el.addEventListener('pointerleave', onPointerLeave)
  return {
    destroy() {
      el.removeEventListener('click', onClick)
      el.removeEventListener('dblclick', onDblClick)
      el.removeEventListener('pointermove', onPointerMove)
      el.removeEventListener('pointerleave', onPointerLeave)
    },
  }
}
