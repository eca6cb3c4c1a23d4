import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Engine } from '../engine/engine'
import type { View, ViewCache } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import type { Session } from '../session/session'
import type { ExplorerState, ExplorerStore } from '../state/store'

export interface ExplorerContextValue {
  readonly store: ExplorerStore
  readonly index: GraphIndex
  /** Filled in by GraphView once the canvas exists; panels call it for imperative actions (unpin, zoom). */
  readonly engine: EngineSlot
  /** This Explorer's view cache: the engine and the panels share one computation per filter. */
  readonly views: ViewCache
  /** The dataset session (opening files, keeping the view); absent in component tests. */
  readonly session?: Session
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

/** The shown subgraph; recomputed only when the filter changes (the cache is shared with the engine). */
export function useView(): View {
  const { index, views } = useExplorerContext()
  const filter = useExplorer((s) => s.filter)
  return views(index, filter)
}
