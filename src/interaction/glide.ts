/**
 * A short animated move of the view to a target transform (ease in and out), or an instant one when
 * the user prefers reduced motion. Frames come from requestAnimationFrame; a new glide or any
 * `cancel()` stops the previous one, so a gesture during the glide simply takes over.
 */
import type { Transform } from '../shared/types'

export const GLIDE_MS = 450

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2)

/**
 * Moves from `from` to `to` through `apply`. The scale is interpolated geometrically and the
 * translation so that the world point at the screen centre moves in a straight line.
 */
export function glide(
  from: Transform,
  to: Transform,
  apply: (t: Transform) => void,
  opts: { ms?: number; reduced?: boolean; centre: [number, number] },
): () => void {
  if (opts.reduced === true || (opts.ms ?? GLIDE_MS) <= 0) {
    apply(to)
    return () => {}
  }
  const ms = opts.ms ?? GLIDE_MS
  const [cx, cy] = opts.centre
  // World points at the centre of the screen, before and after.
  const w0 = [(cx - from.x) / from.k, (cy - from.y) / from.k]
  const w1 = [(cx - to.x) / to.k, (cy - to.y) / to.k]
  let frame = 0
  let start = -1
  const step = (now: number) => {
    if (start < 0) start = now
    const t = Math.min(1, (now - start) / ms)
    const e = ease(t)
    const k = from.k * (to.k / from.k) ** e
    const wx = w0[0]! + (w1[0]! - w0[0]!) * e
    const wy = w0[1]! + (w1[1]! - w0[1]!) * e
    apply(t >= 1 ? to : { k, x: cx - wx * k, y: cy - wy * k })
    if (t < 1) frame = requestAnimationFrame(step)
  }
  frame = requestAnimationFrame(step)
  return () => cancelAnimationFrame(frame)
}
