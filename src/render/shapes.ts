/** Canvas tracing of the actor shapes, from the geometry in model/encoding.ts. */
import { SHAPE_GEOMETRY, type Shape } from '../model/encoding'

/**
 * Traces a shape's outline centred on (x, y) with "radius" r into the current path, for filling:
 * polygons are left open (fill() closes every subpath; an explicit closePath per node is costly).
 */
export function traceShape(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  x: number,
  y: number,
  r: number,
): void {
  const g = SHAPE_GEOMETRY[shape]
  if (g.kind === 'circle') {
    ctx.moveTo(x + r, y)
    ctx.arc(x, y, r, 0, Math.PI * 2)
  } else if (g.kind === 'square') {
    const s = r * g.half
    ctx.rect(x - s, y - s, 2 * s, 2 * s)
  } else {
    const p = g.points
    ctx.moveTo(x + r * p[0]!, y + r * p[1]!)
    for (let i = 2; i < p.length; i += 2) ctx.lineTo(x + r * p[i]!, y + r * p[i + 1]!)
  }
}
