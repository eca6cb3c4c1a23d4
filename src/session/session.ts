/**
 * The dataset session: which graph is open, opening another (file picker, drop, or the bundled
 * one), what the user must be told (progress, a problem report, import notes, storage errors), and
 * keeping the view in the browser. Plain TypeScript on a vanilla zustand store; React only renders it.
 *
 * The rule for a failed open: nothing of the current view changes — same graph, filters, year
 * window, selection and pins. Only a successful open replaces the graph and resets the view.
 *
 * It sits above the engine and the stores and drives both; of the engine it needs only the view
 * it keeps (zoom and pins), through the narrow ViewKeeper interface.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ImportProgress } from '../io/import'
import type { NamedBlob } from '../io/importClient'
import type { TableMapping } from '../io/import/tables/mapping'
import { datasetKey, type Persistence, type SavedView } from '../io/persist'
import { DEFAULT_FILTER, type FilterState } from '../model/filter'
import type { Graph, Problem } from '../model/types'
import type { Pin, Transform } from '../shared/types'
import type { ExplorerStore } from '../state/store'

/** What the session reads and puts back of the view on screen (the engine does this). */
export interface ViewKeeper {
  transform(): Transform
  setTransform(t: Transform): void
  pins(): Pin[]
  restorePins(pins: readonly Pin[]): void
}

export type Origin = 'bundled' | 'url' | 'file' | 'network'

export interface Dataset {
  readonly graph: Graph
  readonly warnings: readonly Problem[]
  readonly name: string
  readonly origin: Origin
  readonly key: string
}

export interface Report {
  readonly name: string
  readonly errors: readonly Problem[]
  readonly warnings: readonly Problem[]
}

export interface SessionState {
  readonly dataset: Dataset | null
  readonly importing: { readonly name: string; readonly progress: ImportProgress } | null
  readonly report: Report | null
  readonly notes: { readonly name: string; readonly notes: readonly string[] } | null
  readonly storageError: string | null
}

export type SessionStore = StoreApi<SessionState>

export function makeDataset(
  graph: Graph,
  warnings: readonly Problem[],
  name: string,
  origin: Origin,
): Dataset {
  return { graph, warnings, name, origin, key: datasetKey(graph, name) }
}

export interface Session {
  readonly state: SessionStore
  /** The dataset the app booted with, and the view kept for it (filters fill in what the URL left). */
  boot(d: Dataset, saved: SavedView | null, urlGiven: ReadonlySet<string>): void
  /** `mapping`: read the main file as a table with this column mapping ("Map columns"). */
  open(files: readonly NamedBlob[], options?: { readonly mapping?: TableMapping }): Promise<boolean>
  /** Replaces the graph with one loaded elsewhere (the bundled one); forgets the stored dataset. */
  backTo(d: Dataset): Promise<void>
  /** The edited network's latest graph: replaces the graph on screen, keeping the whole view. */
  showEdited(graph: Graph): void
  /** The dataset became the user's own network: its view is kept under the network's key from now on. */
  adoptKey(key: string): void
  /** Counts the datasets put on screen (boot, open, back): the same number means the same network, edited. */
  generation(): number
  /** Called when another dataset replaces the one on screen (editing starts afresh from it). */
  onReplace(listener: () => void): () => void
  dismissReport(): void
  dismissNotes(): void
  dismissStorageError(): void
  /** GraphView calls this right after engine.setGraph: puts back kept pins and zoom. */
  attach(engine: ViewKeeper): void
  /** Something worth keeping changed (zoom, pins); saved after a short pause. */
  viewChanged(): void
  destroy(): void
}

const SAVE_DELAY_MS = 400

/** Picks the main file of a multi-file open: the relations table before an actors table. */
export function mainFirst(files: readonly NamedBlob[]): NamedBlob[] {
  const rank = (f: NamedBlob) => (/actor|node/i.test(f.name) && files.length > 1 ? 1 : 0)
  return [...files].sort((a, b) => rank(a) - rank(b))
}

export function createSession(opts: {
  explorer: ExplorerStore
  persist: Persistence
  engine: () => ViewKeeper | null
  /** Drops graph and view parameters from the address bar (a file has no URL). */
  clearUrl: () => void
}): Session {
  const { explorer, persist } = opts
  const state = createStore<SessionState>()(() => ({
    dataset: null,
    importing: null,
    report: null,
    notes: null,
    storageError: null,
  }))
  let pendingView: SavedView | null = null
  let saveTimer: ReturnType<typeof setTimeout> | undefined
  let destroyed = false

  const reportStorage = (r: { ok: true } | { ok: false; message: string }) => {
    if (!r.ok) state.setState({ storageError: r.message })
  }

  const saveView = async () => {
    const d = state.getState().dataset
    const engine = opts.engine()
    if (d === null || engine === null || destroyed) return
    reportStorage(
      await persist.saveView({
        key: d.key,
        filter: explorer.getState().filter,
        transform: engine.transform(),
        pins: engine.pins(),
      }),
    )
  }
  const viewChanged = () => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => void saveView(), SAVE_DELAY_MS)
  }
  const unsubscribe = explorer.subscribe((s, prev) => {
    if (s.filter !== prev.filter || s.pinsVersion !== prev.pinsVersion) viewChanged()
  })

  const replaceListeners = new Set<() => void>()
  let generation = 0
  const replace = (d: Dataset) => {
    generation++
    for (const l of [...replaceListeners]) l()
    pendingView = null
    explorer.setState({ filter: DEFAULT_FILTER, selection: null, playing: false, focus: null, path: null })
    opts.clearUrl()
    state.setState({ dataset: d, report: null })
  }

  return {
    state,
    boot(d, saved, given) {
      pendingView = saved
      if (saved !== null) {
        const f = explorer.getState().filter
        const keys: (keyof FilterState)[] = [
          'hiddenTypes',
          'hiddenStances',
          'yearWindow',
          'showUnconnected',
          'minSources',
          'hideContested',
          'undated',
          'onlyUnsupported',
          'onlyQuestioned',
        ]
        const patch: Partial<Record<keyof FilterState, unknown>> = {}
        for (const k of keys) if (!given.has(k) && saved.filter[k] !== undefined) patch[k] = saved.filter[k]
        explorer.setState({ filter: { ...f, ...(patch as Partial<FilterState>) } })
      }
      state.setState({ dataset: d })
    },
    async open(files, options) {
      if (files.length === 0) return false
      // A mapped table comes first, as given (its companion is a codes table).
      const [main, ...companions] = options?.mapping ? files : mainFirst(files)
      const name = main!.name
      state.setState({ importing: { name, progress: { stage: 'reading', fraction: 0 } }, notes: null })
      // The importers (XML, CSV, graph libraries) load on first use, not with the page.
      const { openFile } = await import('../io/importClient')
      const result = await openFile(main!, {
        companions,
        ...(options?.mapping ? { mapping: options.mapping } : {}),
        onProgress: (progress) => state.setState({ importing: { name, progress } }),
      })
      state.setState({ importing: null })
      if (!result.ok) {
        state.setState({ report: { name, errors: result.errors, warnings: result.warnings } })
        return false
      }
      const d = makeDataset(result.graph, result.warnings, name, 'file')
      replace(d)
      state.setState({ notes: result.notes.length > 0 ? { name, notes: result.notes } : null })
      reportStorage(await persist.saveDataset({ graph: d.graph, name: d.name, origin: 'file', key: d.key }))
      return true
    },
    async backTo(d) {
      replace(d)
      state.setState({ notes: null })
      reportStorage(await persist.clearDataset())
    },
    showEdited(graph) {
      const d = state.getState().dataset
      if (d === null || d.graph === graph) return
      state.setState({ dataset: { ...d, graph, origin: d.origin } })
    },
    adoptKey(key) {
      const d = state.getState().dataset
      if (d === null || d.key === key) return
      // The origin stays as it was until the next open: no control comes or goes under the user's hands.
      state.setState({ dataset: { ...d, key } })
      viewChanged()
    },
    generation: () => generation,
    onReplace(listener) {
      replaceListeners.add(listener)
      return () => replaceListeners.delete(listener)
    },
    dismissReport: () => state.setState({ report: null }),
    dismissNotes: () => state.setState({ notes: null }),
    dismissStorageError: () => state.setState({ storageError: null }),
    attach(engine) {
      const d = state.getState().dataset
      const v = pendingView
      pendingView = null
      if (d === null || v === null || v.key !== d.key) return
      if (v.pins.length > 0) engine.restorePins(v.pins)
      if (v.transform !== null) engine.setTransform(v.transform)
    },
    viewChanged,
    destroy() {
      destroyed = true
      clearTimeout(saveTimer)
      unsubscribe()
    },
  }
}
