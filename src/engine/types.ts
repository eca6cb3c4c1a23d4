/** The engine's public interface: what the app, the session and the automation hook call. */
import type { GraphIndex } from '../model/graphIndex'
import type { LayoutStatus } from '../sim/layout'
import type { Scene } from '../render/renderer'
import type { Palette } from '../model/encoding'
import type { Pin, Transform } from '../shared/types'
import type { HookLabel, HookNode } from './placement'
import type { AnalysisOverlay } from './sceneData'

export type { HookLabel, HookNode }

export interface PathAnswer {
  /** Each shortest path as actor ids, at most 5. */
  readonly hops: string[][]
  /** How many shortest paths there are. */
  readonly count: number
  /** The best-evidenced path as actor ids. */
  readonly best: string[]
}

export interface Engine {
  setGraph(index: GraphIndex): void
  /**
   * The same network after an edit: the layout goes on (no restart), everyone keeps their place,
   * a new actor appears at `placed` (world coordinates) or beside an actor it is tied to, and
   * only the new actors and their neighbours move while the layout settles.
   */
  updateGraph(index: GraphIndex, placed?: ReadonlyMap<string, { x: number; y: number }>): void
  /** The world position under a point of the canvas (CSS pixels from its top left). */
  worldAt(x: number, y: number): { x: number; y: number }
  fitView(): void
  zoomBy(factor: number): void
  /** Centres the actor with a short animated zoom (instant under reduced motion); no-op when not shown. */
  centreOn(actorId: string): void
  /**
   * Shortest paths (up to 5, with their count) and the best-evidenced path between two actors over
   * the relations the filters show; null when there is none, an id is unknown or both are the same.
   */
  path(fromId: string, toId: string): PathAnswer | null
  resetLayout(): void
  unpin(actorId: string): void
  isPinned(actorId: string): boolean
  setPalette(p: Palette): void
  /** Pinned actors and their world positions (for keeping them across reloads). */
  pins(): Pin[]
  /** Pins the named actors at the given world positions; unknown ids are ignored. */
  restorePins(pins: readonly Pin[]): void
  setTransform(t: Transform): void
  /** What is on screen now, for export: the scene and the canvas size in CSS pixels. */
  snapshot(): { scene: Scene; width: number; height: number } | null
  /** For the automation hook: shown nodes in page viewport CSS pixels. */
  nodes(): HookNode[]
  /** For the automation hook: the labels drawn in the last frame, boxes in page viewport CSS pixels. */
  labels(): HookLabel[]
  transform(): Transform
  layout(): LayoutStatus
  /** Balance and year comparison (issue 14): camps and frustrated ties, or a comparison, drawn over the graph. */
  setOverlay(overlay: AnalysisOverlay): void
  /**
   * Shows the map's tooltip for an actor, as pointing at it does (for keyboard focus in the Actors
   * list or the search); null hides it. Returns the tooltip's element id while it shows the actor
   * (for `aria-describedby`), else null (unknown or not shown).
   */
  showActorTooltip(actorId: string | null): string | null
  /** The graph on screen (null before setGraph). */
  graphIndex(): GraphIndex | null
  destroy(): void
}
