/**
 * Where actors are, by id: pins (listing, keeping them across reloads, releasing one) and the shown
 * actors in page coordinates for the automation hook.
 */
import type { View } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import type { Layout } from '../sim/layout'
import type { Pin, Transform } from '../shared/types'

export interface HookNode {
  readonly id: string
  readonly label: string
  readonly x: number
  readonly y: number
  readonly pinned: boolean
}

export interface HookLabel {
  readonly id: string
  readonly text: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** Label boxes (CSS px of the canvas) in page viewport CSS pixels, for a canvas at (left, top). */
export function screenLabels(
  index: GraphIndex,
  placed: readonly { actor: number; x: number; y: number; width: number; height: number }[],
  origin: { left: number; top: number },
): HookLabel[] {
  return placed.map((l) => ({
    id: index.graph.actors[l.actor]!.id,
    text: index.graph.actors[l.actor]!.label,
    x: origin.left + l.x,
    y: origin.top + l.y,
    width: l.width,
    height: l.height,
  }))
}

/** The shown actors in page viewport CSS pixels, for a canvas whose top left is at (left, top). */
export function screenNodes(
  index: GraphIndex,
  view: View,
  layout: Layout,
  t: Transform,
  origin: { left: number; top: number },
): HookNode[] {
  return Array.from(view.shownActors, (a) => ({
    id: index.graph.actors[a]!.id,
    label: index.graph.actors[a]!.label,
    x: origin.left + layout.positions[2 * a]! * t.k + t.x,
    y: origin.top + layout.positions[2 * a + 1]! * t.k + t.y,
    pinned: layout.pinned[a] === 1,
  }))
}

export function createPins(current: () => { index: GraphIndex; layout: Layout } | null) {
  return {
    /** Pinned actors and their world positions. */
    list(): Pin[] {
      const c = current()
      if (c === null) return []
      const out: Pin[] = []
      for (let a = 0; a < c.index.actorCount; a++) {
        if (c.layout.pinned[a] !== 1) continue
        out.push({
          id: c.index.graph.actors[a]!.id,
          x: c.layout.positions[2 * a]!,
          y: c.layout.positions[2 * a + 1]!,
        })
      }
      return out
    },
    isPinned(id: string): boolean {
      const c = current()
      const a = c?.index.actorIndex.get(id)
      return c != null && a !== undefined && c.layout.pinned[a] === 1
    },
    /** Releases an actor's pin; false when the actor is unknown. */
    release(id: string): boolean {
      const c = current()
      const a = c?.index.actorIndex.get(id)
      if (c == null || a === undefined) return false
      c.layout.release(a)
      return true
    },
    /** Pins known actors at finite positions and warms the layout; false when none applied. */
    restore(list: readonly Pin[]): boolean {
      const c = current()
      if (c === null) return false
      let any = false
      for (const p of list) {
        const a = c.index.actorIndex.get(p.id)
        if (a === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue
        c.layout.pin(a, p.x, p.y)
        any = true
      }
      if (any) c.layout.reheat(0.3)
      return any
    },
  }
}
