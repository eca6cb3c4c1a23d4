/**
 * Picking through a spatial index: a d3-quadtree over the shown actors' world positions, rebuilt
 * lazily, at most once per layout change, never a shadow canvas. Edges are tested on a click, and on
 * hover (at most once a frame) only where no actor is under the pointer, for the tie's tooltip.
 */
import { quadtree, type Quadtree } from 'd3-quadtree'
import type { View } from '../model/filter'
import { controlPoint, distanceToCurve2 } from './geometry'
import type { Transform } from '../shared/types'

export interface HitTester {
  /** Call when positions or the shown set changed; the index is rebuilt on the next query. */
  invalidate(): void
  /** The shown actor under a screen point (CSS px in the canvas), or -1. */
  actorAt(sx: number, sy: number, t: Transform): number
  /** The shown relation nearest a screen point within `tolerance` CSS px, or -1. */
  relationAt(sx: number, sy: number, t: Transform, tolerance?: number): number
}

export function createHitTester(
  get: () => { view: View; positions: Float32Array; radius: Float32Array; lanes: Float32Array },
): HitTester {
  let tree: Quadtree<number> | null = null
  let maxRadius = 0
  const cp = new Float64Array(2)
  const build = () => {
    const { view, positions, radius } = get()
    maxRadius = 0
    const shown: number[] = []
    for (const a of view.shownActors) {
      if (Number.isNaN(positions[2 * a]!)) continue
      shown.push(a)
      maxRadius = Math.max(maxRadius, radius[a]!)
    }
    tree = quadtree<number>(
      shown,
      (a) => positions[2 * a]!,
      (a) => positions[2 * a + 1]!,
    )
    return tree
  }
  return {
    invalidate() {
      tree = null
    },
    actorAt(sx, sy, t) {
      const q = tree ?? build()
      const { positions, radius } = get()
      const wx = (sx - t.x) / t.k
      const wy = (sy - t.y) / t.k
      // Screen radius is at least 2 px and hits get 4 px of slack, so search that far in world units.
      const slack = 4 / t.k
      const reach = Math.max(maxRadius, 2 / t.k) + slack
      let best = -1
      let bestD = Infinity
      q.visit((node, x0, y0, x1, y1) => {
        if (!node.length) {
          let leaf: typeof node | undefined = node
          while (leaf) {
            const a = (leaf as { data: number }).data
            const dx = positions[2 * a]! - wx
            const dy = positions[2 * a + 1]! - wy
            const d = Math.hypot(dx, dy)
            const r = Math.max(radius[a]!, 2 / t.k) + slack
            if (d <= r && d < bestD) {
              best = a
              bestD = d
            }
            leaf = (leaf as { next?: typeof node }).next
          }
        }
        return x0 > wx + reach || x1 < wx - reach || y0 > wy + reach || y1 < wy - reach
      })
      return best
    },
    relationAt(sx, sy, t, tolerance = 6) {
      const { view, positions, lanes } = get()
      const { src, tgt } = view.index
      const tol2 = tolerance * tolerance
      let best = -1
      let bestD = tol2
      for (const r of view.shownRelations) {
        const a = src[r]!
        const b = tgt[r]!
        const x0 = positions[2 * a]! * t.k + t.x
        const y0 = positions[2 * a + 1]! * t.k + t.y
        const x1 = positions[2 * b]! * t.k + t.x
        const y1 = positions[2 * b + 1]! * t.k + t.y
        if (Math.min(x0, x1) - 30 > sx || Math.max(x0, x1) + 30 < sx) continue
        if (Math.min(y0, y1) - 30 > sy || Math.max(y0, y1) + 30 < sy) continue
        controlPoint(x0, y0, x1, y1, lanes[r]!, a > b, cp)
        const d = distanceToCurve2(sx, sy, x0, y0, cp[0]!, cp[1]!, x1, y1)
        if (d <= bestD) {
          bestD = d
          best = r
        }
      }
      return best
    },
  }
}
