/** The engine's public interface: what the app, the session and the automation hook call. */
import type { GraphIndex } from '../model/graphIndex'
import type { LayoutStatus } from '../sim/layout'
import type { Scene } from '../render/renderer'
import type { Palette } from '../render/style'
import type { Pin, Transform } from '../shared/types'
import type { HookNode } from './placement'

export type { HookNode }

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
  transform(): Transform
  layout(): LayoutStatus
  destroy(): void
}
