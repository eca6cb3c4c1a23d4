/**
 * Pointer input on the canvas that is not a gesture: click (select), double-click (release a pin),
 * hover (at most one hit test per animation frame, none while a button is down or on touch) and,
 * on touch, a long press (the touch screen's hover: held still for LONG_PRESS_MS). Picking and what
 * the input means are the caller's; this module only turns DOM events into element coordinates
 * and calls back.
 */

/** How long a touch must rest to count as a long press, and how far it may wander (CSS px). */
export const LONG_PRESS_MS = 500
const LONG_PRESS_SLOP = 8

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
  /**
   * The actor under the pointer, or -1 when there is none or the pointer left; called on every hover
   * test, with the relation under it when there is no actor (else -1) and the point.
   */
  onHover(actor: number, relation: number, x: number, y: number): void
  /** A button went down or the wheel turned: a gesture may start (a tooltip goes). */
  onGesture?(): void
  /** A touch held still on the canvas: what is under it (actor, else relation, else both -1). */
  onLongPress?(actor: number, relation: number, x: number, y: number): void
}

export function createPointerInput(el: HTMLElement, h: PointerHandlers): { destroy(): void } {
  const local = (e: MouseEvent): [number, number] => {
    const rect = el.getBoundingClientRect()
    return [e.clientX - rect.left, e.clientY - rect.top]
  }
  /** A long press is not also a tap: the click that follows it selects nothing. */
  let swallowClick = false
  const onClick = (e: MouseEvent) => {
    if (swallowClick) {
      swallowClick = false
      return
    }
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
      h.onHover(a, a >= 0 ? -1 : h.relationAt(p[0], p[1]), p[0], p[1])
    })
  }
  const onPointerLeave = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return
    pendingHover = null
    h.onHover(-1, -1, 0, 0)
  }
  let press: { id: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | null = null
  const endPress = () => {
    if (press !== null) clearTimeout(press.timer)
    press = null
  }
  const onPointerDown = (e: PointerEvent) => {
    h.onGesture?.()
    endPress()
    swallowClick = false
    if (e.pointerType !== 'touch' || !e.isPrimary) return
    const [x, y] = local(e)
    // What is under the finger now: a touch on an actor starts its drag, and the layout may move
    // it away from under a finger held still.
    const a = h.ready() ? h.actorAt(x, y) : -1
    const r = a >= 0 || !h.ready() ? -1 : h.relationAt(x, y)
    press = {
      id: e.pointerId,
      x,
      y,
      timer: setTimeout(() => {
        press = null
        if (!h.ready()) return
        swallowClick = true
        h.onLongPress?.(a, r, x, y)
      }, LONG_PRESS_MS),
    }
  }
  const onTouchMove = (e: PointerEvent) => {
    if (press === null || e.pointerId !== press.id) return
    const [x, y] = local(e)
    if (Math.hypot(x - press.x, y - press.y) > LONG_PRESS_SLOP) endPress()
  }
  const onPointerUp = () => endPress()
  const onWheel = () => h.onGesture?.()
  el.addEventListener('click', onClick)
  el.addEventListener('dblclick', onDblClick)
  el.addEventListener('pointermove', onPointerMove)
  el.addEventListener('pointermove', onTouchMove)
  el.addEventListener('pointerleave', onPointerLeave)
  el.addEventListener('pointerdown', onPointerDown)
  el.addEventListener('pointerup', onPointerUp)
  el.addEventListener('pointercancel', onPointerUp)
  el.addEventListener('wheel', onWheel, { passive: true })
  return {
    destroy() {
      endPress()
      el.removeEventListener('click', onClick)
      el.removeEventListener('dblclick', onDblClick)
      el.removeEventListener('pointermove', onPointerMove)
      el.removeEventListener('pointermove', onTouchMove)
      el.removeEventListener('pointerleave', onPointerLeave)
      el.removeEventListener('pointerdown', onPointerDown)
      el.removeEventListener('pointerup', onPointerUp)
      el.removeEventListener('pointercancel', onPointerUp)
      el.removeEventListener('wheel', onWheel)
    },
  }
}
