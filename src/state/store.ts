/**
 * The explorer's view state: a vanilla zustand store (no React), so the engine, the URL binding
 * and the panels share one source of truth. Per-frame state (positions, hover, zoom) never goes
 * through here; the engine keeps it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import { DEFAULT_FILTER, type FilterState, type UndatedMode } from '../model/filter'
import type { Stance } from '../model/types'
import type { CheckedRelations } from '../model/support'
import { type YearWindow } from '../model/years'
import { DEFAULT_ANALYSIS_UI, sameAnalysisUi, type AnalysisUi } from './analysisUi'

export type Selection =
  { readonly kind: 'actor'; readonly id: string } | { readonly kind: 'relation'; readonly id: string } | null

export type FocusMode = 'hide' | 'dim'
/** Focus on a neighbourhood: the actor, the depth in steps (1–3) and what becomes of the rest. */
export interface Focus {
  readonly id: string
  readonly depth: 1 | 2 | 3
  readonly mode: FocusMode
}
/** The path being traced ("Path to…"): its two ends, and the path drawn (actor ids) once known. */
export interface PathQuery {
  readonly from: string
  readonly to: string | null
  readonly drawn: readonly string[] | null
}

export interface ExplorerState {
  readonly filter: FilterState
  readonly selection: Selection
  readonly layoutPaused: boolean
  readonly playing: boolean
  /** Bumped by the engine when pins change, so panels showing "Unpin" re-read them. */
  readonly pinsVersion: number
  toggleType(id: string, shown: boolean): void
  toggleStance(stance: Stance, shown: boolean): void
  setYearWindow(w: YearWindow | null): void
  setShowUnconnected(on: boolean): void
  setUndated(mode: UndatedMode): void
  resetFilters(): void
  select(selection: Selection): void
  setLayoutPaused(paused: boolean): void
  setPlaying(playing: boolean): void
  bumpPins(): void
  readonly focus: Focus | null
  readonly path: PathQuery | null
  setFocus(focus: Focus | null): void
  setPath(path: PathQuery | null): void
  setMinSources(n: number): void
  setHideContested(on: boolean): void
  setOnlyUnsupported(on: boolean): void
  setOnlyQuestioned(on: boolean): void
  /** The evidence check's verdict on the network on screen (the app sets it when the check answers). */
  readonly checked: CheckedRelations | null
  setChecked(checked: CheckedRelations | null): void
  // Balance and year comparison (issue 14)
  readonly analysis: AnalysisUi
  setAnalysis(patch: Partial<AnalysisUi>): void
}

export type ExplorerStore = StoreApi<ExplorerState>

const sameSelection = (a: Selection, b: Selection) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id)
const sameWindow = (a: YearWindow | null, b: YearWindow | null) =>
  a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1])

export function createExplorerStore(
  init: Partial<Pick<ExplorerState, 'filter' | 'selection' | 'focus' | 'path'>> = {},
): ExplorerStore {
  return createStore<ExplorerState>()((set, get) => {
    const setFilter = (patch: Partial<FilterState>) => set({ filter: { ...get().filter, ...patch } })
    return {
      filter: init.filter ?? DEFAULT_FILTER,
      selection: init.selection ?? null,
      layoutPaused: false,
      playing: false,
      pinsVersion: 0,
      toggleType(id, shown) {
        const hidden = get().filter.hiddenTypes
        if (shown === !hidden.includes(id)) return
        setFilter({ hiddenTypes: shown ? hidden.filter((t) => t !== id) : [...hidden, id] })
      },
      toggleStance(stance, shown) {
        const hidden = get().filter.hiddenStances
        if (shown === !hidden.includes(stance)) return
        setFilter({ hiddenStances: shown ? hidden.filter((s) => s !== stance) : [...hidden, stance] })
      },
      setYearWindow(w) {
        if (sameWindow(get().filter.yearWindow, w)) return
        setFilter({ yearWindow: w })
      },
      setShowUnconnected(on) {
        if (get().filter.showUnconnected !== on) setFilter({ showUnconnected: on })
      },
      setUndated(mode) {
        if (get().filter.undated !== mode) setFilter({ undated: mode })
      },
      resetFilters() {
        set({ filter: DEFAULT_FILTER, playing: false })
      },
      select(selection) {
        if (!sameSelection(get().selection, selection)) set({ selection })
      },
      setLayoutPaused(layoutPaused) {
        set({ layoutPaused })
      },
      setPlaying(playing) {
        set({ playing })
      },
      bumpPins() {
        set({ pinsVersion: get().pinsVersion + 1 })
      },
      focus: init.focus ?? null,
      path: init.path ?? null,
      setFocus(focus) {
        const cur = get().focus
        const same =
          cur === focus ||
          (cur !== null &&
            focus !== null &&
            cur.id === focus.id &&
            cur.depth === focus.depth &&
            cur.mode === focus.mode)
        if (!same) set({ focus })
      },
      setPath(path) {
        const cur = get().path
        const sameDrawn = (a: readonly string[] | null, b: readonly string[] | null) =>
          a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]))
        const same =
          cur === path ||
          (cur !== null &&
            path !== null &&
            cur.from === path.from &&
            cur.to === path.to &&
            sameDrawn(cur.drawn, path.drawn))
        if (!same) set({ path })
      },
      setMinSources(n) {
        if (get().filter.minSources !== n) setFilter({ minSources: n })
      },
      setHideContested(on) {
        if (get().filter.hideContested !== on) setFilter({ hideContested: on })
      },
      setOnlyUnsupported(on) {
        if ((get().filter.onlyUnsupported === true) !== on) setFilter({ onlyUnsupported: on })
      },
      setOnlyQuestioned(on) {
        if ((get().filter.onlyQuestioned === true) !== on) setFilter({ onlyQuestioned: on })
      },
      checked: null,
      setChecked(checked) {
        const cur = get().checked
        const same =
          cur === checked ||
          (cur !== null &&
            checked !== null &&
            cur.graph === checked.graph &&
            cur.questioned.size === checked.questioned.size &&
            [...checked.questioned].every((id) => cur.questioned.has(id)))
        if (!same) set({ checked })
      },
      // Balance and year comparison (issue 14)
      analysis: DEFAULT_ANALYSIS_UI,
      setAnalysis(patch) {
        const next = { ...get().analysis, ...patch }
        if (!sameAnalysisUi(get().analysis, next)) set({ analysis: next })
      },
    }
  })
}
