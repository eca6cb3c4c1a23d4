/**
 * What the sources UI shows: the "Sources" panel, the "Evidence check" list, the reader (which
 * source, which quotation) and the "Add source" form. A vanilla store of its own, created per
 * Explorer and handed down through SourcesContext, so the panels that do not use it never change.
 */
import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'

export interface ReaderTarget {
  readonly source: string
  /** The quotation asked for: its relation and its place in the relation's evidence. */
  readonly relation?: string
  readonly index?: number
  /** Bumped on every request, so asking twice for the same passage scrolls to it again. */
  readonly nonce: number
}

export interface SourcesUiState {
  readonly panel: boolean
  readonly check: boolean
  readonly add: boolean
  readonly reader: ReaderTarget | null
  openReader(t: Omit<ReaderTarget, 'nonce'>): void
  closeReader(): void
  set(p: Partial<Pick<SourcesUiState, 'panel' | 'check' | 'add'>>): void
}

export type SourcesUi = StoreApi<SourcesUiState>

export function createSourcesUi(): SourcesUi {
  let nonce = 0
  return createStore<SourcesUiState>()((set) => ({
    panel: false,
    check: false,
    add: false,
    reader: null,
    openReader: (t) => set({ reader: { ...t, nonce: ++nonce } }),
    closeReader: () => set({ reader: null }),
    set: (p) => set(p),
  }))
}

export const SourcesContext = createContext<SourcesUi | null>(null)

// Panels rendered without the sources UI (component tests) read this one, which never changes.
const idle = createSourcesUi()

export function useSourcesUi<T>(selector: (s: SourcesUiState) => T): T {
  return useStore(useContext(SourcesContext) ?? idle, selector)
}
export function useHasSourcesUi(): boolean {
  return useContext(SourcesContext) !== null
}
