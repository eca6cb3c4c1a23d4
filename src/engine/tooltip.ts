/**
 * The tooltip over the map: one element with `role="tooltip"` beside the canvas, written and moved
 * directly (no React, so a layout tick never re-renders anything). Its text is set as text.
 *
 * Placement (`placeTooltip`): beside the pointed object's box — right, then below, above, left —
 * the first side where it fits inside the canvas, slid along that side to stay inside. Placed so,
 * it never covers the object: the box and the tooltip are apart on the side's axis.
 */

export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** Space between the object and the tooltip, CSS px. */
const GAP = 8

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v))

/**
 * Where the tooltip's top-left corner goes. `bounds` is the canvas (0, 0, width, height). When it
 * fits on no side (a tooltip wider and taller than the room left around the object), it goes on the
 * side with the most room, kept inside the canvas.
 */
export function placeTooltip(
  target: Box,
  size: { readonly w: number; readonly h: number },
  bounds: { readonly w: number; readonly h: number },
): { x: number; y: number } {
  const { w, h } = size
  const cx = target.x + target.w / 2
  const cy = target.y + target.h / 2
  const alongY = clamp(cy - h / 2, 0, Math.max(0, bounds.h - h))
  const alongX = clamp(cx - w / 2, 0, Math.max(0, bounds.w - w))
  const sides = [
    {
      room: bounds.w - (target.x + target.w + GAP),
      need: w,
      at: { x: target.x + target.w + GAP, y: alongY },
    },
    {
      room: bounds.h - (target.y + target.h + GAP),
      need: h,
      at: { x: alongX, y: target.y + target.h + GAP },
    },
    { room: target.y - GAP, need: h, at: { x: alongX, y: target.y - GAP - h } },
    { room: target.x - GAP, need: w, at: { x: target.x - GAP - w, y: alongY } },
  ]
  const fits = sides.find((s) => s.room >= s.need)
  if (fits !== undefined) return fits.at
  const roomiest = sides.reduce((a, b) => (b.room - b.need > a.room - a.need ? b : a))
  return {
    x: clamp(roomiest.at.x, 0, Math.max(0, bounds.w - w)),
    y: clamp(roomiest.at.y, 0, Math.max(0, bounds.h - h)),
  }
}

let serial = 0

export interface Tooltip {
  /** The element's id (for `aria-describedby`). */
  readonly id: string
  /** Shows `text` beside `target` (canvas CSS px); a repeated call with the same text only moves it. */
  show(text: string, target: Box): void
  hide(): void
  visible(): boolean
  destroy(): void
}

export function createTooltip(canvas: HTMLCanvasElement): Tooltip {
  const id = `map-tooltip-${++serial}`
  let el: HTMLDivElement | null = null
  let text = ''
  let size = { w: 0, h: 0 }
  let shown = false
  const ensure = () => {
    if (el !== null || canvas.parentElement === null) return el
    el = document.createElement('div')
    el.id = id
    el.className = 'map-tooltip'
    el.setAttribute('role', 'tooltip')
    el.hidden = true
    canvas.parentElement.appendChild(el)
    return el
  }
  return {
    id,
    show(next, target) {
      const e = ensure()
      if (e === null) return
      if (!shown) {
        e.hidden = false
        shown = true
      }
      if (next !== text) {
        text = next
        e.textContent = next
        size = { w: e.offsetWidth, h: e.offsetHeight }
      }
      const at = placeTooltip(target, size, { w: canvas.clientWidth, h: canvas.clientHeight })
      // Relative to the canvas's parent, where the canvas may not sit at (0, 0).
      e.style.left = `${Math.round(at.x + canvas.offsetLeft)}px`
      e.style.top = `${Math.round(at.y + canvas.offsetTop)}px`
    },
    hide() {
      if (!shown || el === null) return
      el.hidden = true
      shown = false
    },
    visible: () => shown,
    destroy() {
      el?.remove()
      el = null
      shown = false
      text = ''
    },
  }
}
