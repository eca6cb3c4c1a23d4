/** What the renderer is handed for one frame. Types only: the engine builds it, render/ draws it. */
import type { Emphasis } from '../model/emphasis'
import type { View } from '../model/filter'
import type { Transform } from '../shared/types'
import type { Palette, Shape } from '../model/encoding'

export type { Emphasis, Transform }

export interface Scene {
  readonly view: View
  readonly positions: Float32Array
  readonly pinned: Uint8Array
  readonly radius: Float32Array
  readonly lanes: Float32Array
  readonly shapes: readonly Shape[]
  readonly shapeOf: Uint8Array
  readonly labels: readonly string[]
  /** Shown actors, most connected first: the order in which labels claim space. */
  readonly labelOrder: Uint32Array
  readonly typeColors: readonly string[]
  readonly emphasis: Emphasis
  readonly transform: Transform
  readonly palette: Palette
  /** "fast" while the view or the layout moves; "full" (default) at rest. */
  readonly quality?: 'full' | 'fast'
  /** Relations and actors fading in and out after the view changed; absent when nothing fades. */
  readonly fade?: Fade | null
}

/**
 * A change of the view shown as motion: what appears is drawn at strength t, what leaves at
 * 1 − t, everything else as usual. What leaves is no longer in the view, so it brings the lanes and
 * radii it had before.
 */
export interface Fade {
  /** Identifies the change (the layers of appearing and leaving relations are drawn once per id). */
  readonly id: number
  /** Progress, 0 → 1. */
  readonly t: number
  /** Relations shown now and not before, and 1 at their index. */
  readonly enteringRelations: Uint32Array
  readonly enteringRelationMask: Uint8Array
  /** Relations shown before and not now. */
  readonly leavingRelations: Uint32Array
  /** Actors shown now and not before, and 1 at their index. */
  readonly enteringActors: Uint32Array
  readonly enteringActorMask: Uint8Array
  /** Actors shown before and not now. */
  readonly leavingActors: Uint32Array
  /** Lanes and radii of the view before the change. */
  readonly leavingLanes: Float32Array
  readonly leavingRadius: Float32Array
}

/**
 * One frame being drawn: the context, the canvas size in CSS px, and every actor's position on
 * screen, computed once per frame (`xy[2a]`, `xy[2a + 1]`, CSS px; NaN where the layout has none).
 */
export interface Frame {
  readonly ctx: CanvasRenderingContext2D
  readonly width: number
  readonly height: number
  readonly dpr: number
  readonly xy: Float64Array
}

/**
 * World to screen for every actor at once, into `out` (grown when too small). Float64, so the
 * result is the very number the per-use formula `p * k + x` gives.
 */
export function projectPositions(positions: Float32Array, t: Transform, out: Float64Array): Float64Array {
  const xy = out.length >= positions.length ? out : new Float64Array(positions.length)
  const { k, x, y } = t
  for (let i = 0; i < positions.length; i += 2) {
    xy[i] = positions[i]! * k + x
    xy[i + 1] = positions[i + 1]! * k + y
  }
  return xy
}

/** An actor's radius on screen (CSS px): never under 2 px, so every actor stays visible. */
export const screenRadius = (radius: Float32Array, a: number, k: number): number =>
  Math.max(2, radius[a]! * k)
