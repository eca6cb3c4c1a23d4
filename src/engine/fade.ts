/**
 * Ties that form and break, seen as motion: when the year window moves, the relations that appear
 * fade in and those that leave fade out over FADE_MS, and so do the actors that gain their first or
 * lose their last shown relation. The layout is not touched (positions stay where they are). Under
 * `prefers-reduced-motion: reduce` the change is instant.
 *
 * The fader holds the change in progress; `fade(now)` gives what the renderer draws at time `now`
 * (null when nothing fades).
 */
import type { View } from '../model/filter'
import type { Fade } from '../render/renderer'

/** How long a relation takes to appear or disappear (ms). */
export const FADE_MS = 300

/** What was shown before a change, and how it was drawn. */
export interface Before {
  readonly view: View
  readonly lanes: Float32Array
  readonly radius: Float32Array
}

/** The relations and actors shown in `next` and not in `prev`, and the other way round. */
export function viewDiff(prev: View, next: View) {
  const diff = (a: Uint32Array, shownIn: Uint8Array) => a.filter((i) => shownIn[i] !== 1)
  return {
    enteringRelations: diff(next.shownRelations, prev.relationShown),
    leavingRelations: diff(prev.shownRelations, next.relationShown),
    enteringActors: diff(next.shownActors, prev.actorShown),
    leavingActors: diff(prev.shownActors, next.actorShown),
  }
}

export interface Fader {
  /** The view changed from `before` to `next` at time `now` (ms); starts a fade unless motion is reduced. */
  change(before: Before, next: View, now: number): void
  /** Drops any fade in progress (the change is shown at once). */
  stop(): void
  /** The fade to draw at time `now`, or null. */
  fade(now: number): Fade | null
  /** True while a fade is in progress at time `now` (more frames are needed). */
  active(now: number): boolean
}

export function createFader(reducedMotion: () => boolean): Fader {
  let current: (Omit<Fade, 't'> & { start: number }) | null = null
  let id = 0
  return {
    change(before, next, now) {
      current = null
      if (reducedMotion() || before.view.index !== next.index) return
      const d = viewDiff(before.view, next)
      if (d.enteringRelations.length + d.leavingRelations.length + d.leavingActors.length === 0) return
      const enteringRelationMask = new Uint8Array(next.index.relationCount)
      for (const r of d.enteringRelations) enteringRelationMask[r] = 1
      const enteringActorMask = new Uint8Array(next.index.actorCount)
      for (const a of d.enteringActors) enteringActorMask[a] = 1
      current = {
        id: ++id,
        start: now,
        ...d,
        enteringRelationMask,
        enteringActorMask,
        leavingLanes: before.lanes,
        leavingRadius: before.radius,
      }
    },
    stop() {
      current = null
    },
    fade(now) {
      if (current === null) return null
      const t = (now - current.start) / FADE_MS
      if (t >= 1) {
        current = null
        return null
      }
      return { ...current, t: Math.max(0, t) }
    },
    active(now) {
      return current !== null && now - current.start < FADE_MS
    },
  }
}

/** Whether the user asked for reduced motion (false where there is no matchMedia). */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true
  )
}
