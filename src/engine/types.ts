/** The engine's public interface: what the app, the session and the automation hook call. */
import type { GraphIndex } from '../model/graphIndex'
import type { LayoutStatus } from '../sim/layout'
import type { Scene } from '../render/renderer'
import type { Palette } from '../model/encoding'
import type { Pin, Transform } from '../shared/types'
import type { HookLabel, HookNode } from './placement'
import type { AnalysisOverlay } from './sceneData'

export type { HookLabel, HookNode }

export interface Engine {
  setGraph(index: GraphIndex): void
  fitView(): void
  zoomBy(factor: number): void
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
  /** The graph on screen (null before setGraph). */
  graphIndex(): GraphIndex | null
  destroy(): void
}
