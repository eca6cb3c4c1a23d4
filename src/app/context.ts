import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Engine } from '../engine/engine'
import type { DrawnViewCache } from '../model/comparedView'
import type { View } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import type { Editing } from '../session/editing'
import type { NetworkStore } from '../io/networks'
import type { Session } from '../session/session'
import type { Live } from '../session/live'
import type { ExplorerState, ExplorerStore } from '../state/store'

export interface ExplorerContextValue {
  readonly store: ExplorerStore
  readonly index: GraphIndex
  /** Filled in by GraphView once the canvas exists; panels call it for imperative actions (unpin, zoom). */
  readonly engine: EngineSlot
  /**
   * This Explorer's view cache: the engine and the panels share one computation per filter (and,
   * while two years are compared, per pair of years).
   */
  readonly views: DrawnViewCache
  /** The dataset session (opening files, keeping the view); absent in component tests. */
  readonly session?: Session
  /** Editing the network (Edit mode, operations, undo); absent in component tests that only explore. */
  readonly editing?: Editing
  /** The networks kept in this browser ("Networks"); absent in component tests. */
  readonly networks?: NetworkStore
  /** Working together through a collab server (issue 21); absent in component tests. */
  readonly live?: Live
}

/** Holds the engine once the canvas exists. Methods, not a ref: panels read it in event handlers. */
export interface EngineSlot {
  get(): Engine | null
  set(engine: Engine | null): void
}

export function createEngineSlot(): EngineSlot {
  let current: Engine | null = null
  return {
    get: () => current,
    set: (e) => {
      current = e
    },
  }
}

export const ExplorerContext = createContext<ExplorerContextValue | null>(null)

export function useExplorerContext(): ExplorerContextValue {
  const ctx = useContext(ExplorerContext)
  if (ctx === null) throw new Error('useExplorerContext: no ExplorerContext.Provider above this component.')
  return ctx
}

export function useExplorer<T>(selector: (s: ExplorerState) => T): T {
  return useStore(useExplorerContext().store, selector)
}

/**
 * The drawn subgraph: what the filter shows, or while comparing years what it shows in either year.
 * Recomputed only when the filter or the compared years change (the cache is shared with the engine).
 */
export function useView(): View {
  const { index, views } = useExplorerContext()
  const filter = useExplorer((s) => s.filter)
  const compared = useExplorer((s) => s.analysis.compare)
  const checked = useExplorer((s) => s.checked)
  return views(index, filter, compared, checked)
}
