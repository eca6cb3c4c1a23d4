import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { createDrawnViewCache } from '../model/comparedView'
import type { GraphIndex } from '../model/graphIndex'
import type { Session } from '../session/session'
import type { Editing } from '../session/editing'
import type { NetworkStore } from '../io/networks'
import type { Live } from '../session/live'
import type { ExplorerStore } from '../state/store'
import { DatasetBar } from './DatasetBar'
import { ActorsList } from './ActorsList'
import {
  ExplorerContext,
  useExplorer,
  useExplorerContext,
  type EngineSlot,
  type ExplorerContextValue,
} from './context'
import { DetailsPanel } from './DetailsPanel'
import { ErrorBoundary } from './ErrorBoundary'
import { FilterPanel } from './FilterPanel'
import { GraphView } from './GraphView'
import { Legend } from './Legend'
import { YearSlider } from './YearSlider'
import { useFocusKeys } from './FocusControls'
import { SearchBox } from './SearchBox'
// Balance and year comparison (issue 14): the panels and the chart load on first use.
import { AnalysisToggles } from './analysis/Toggles'
import { bindAnalysisUrl } from '../state/analysisUrl'
const AnalysisPanels = lazy(() => import('./analysis/panels').then((m) => ({ default: m.AnalysisPanels })))
const SeriesChart = lazy(() => import('./analysis/panels').then((m) => ({ default: m.SeriesChart })))
import { OpenFilesContext, useTableOpen, type OpenFiles } from './tableOpen'
import { EditToggle, StorageAlert } from './edit/EditToggle'
import { useEditMode } from './edit/useEditMode'
import { createSourcesUi, SourcesContext, useSourcesUi } from './sources/ui'
import { SourcesToggle } from './sources/Lines'
import { useViewOnly } from './live/viewOnly'
// Editing, the sources UI and working live load on first use (README, "Design": lazy chunks).
import {
  LazyAddSourceDialog,
  LazyEditDialogs,
  LazyEditToolbar,
  LazyHistoryPanel,
  LazyJoinFromLink,
  LazyLiveBar,
  LazyLiveHistory,
  LazyPathPanel,
  LazyPeerOutlines,
  LazyReader,
  LazySourcesPanels,
  LazyTypesEditor,
  ShareLiveButton,
} from './lazyParts'
import { loadEditing } from '../session/lazy'
// The import progress and reports load when there is something to tell.
const Notices = lazy(() => import('./Notices').then((m) => ({ default: m.Notices })))
// The table (TanStack Table and Virtual) loads on first use, with the editing module (it edits cells).
const TableView = lazy(() =>
  Promise.all([import('./grid/TableView'), loadEditing()]).then(([m]) => ({ default: m.TableView })),
)

type Drawer = 'none' | 'filters' | 'details'

/** The explorer for one loaded graph: filters left, graph centre, details right. */
export function Explorer({
  index,
  store,
  engine,
  session,
  editing,
  networks,
  live,
}: {
  index: GraphIndex
  store: ExplorerStore
  engine: EngineSlot
  session?: Session
  editing?: Editing
  networks?: NetworkStore
  live?: Live
}) {
  const [views] = useState(createDrawnViewCache)
  const [sourcesUi] = useState(createSourcesUi)
  const ctx = useMemo<ExplorerContextValue>(
    () => ({
      index,
      store,
      engine,
      views,
      ...(session ? { session } : {}),
      ...(editing ? { editing } : {}),
      ...(networks ? { networks } : {}),
      ...(live ? { live } : {}),
    }),
    [index, store, engine, views, session, editing, networks, live],
  )
  return (
    <ExplorerContext.Provider value={ctx}>
      <SourcesContext.Provider value={sourcesUi}>
        <Layout title={index.graph.title} />
      </SourcesContext.Provider>
    </ExplorerContext.Provider>
  )
}

function Layout({ title }: { title: string }) {
  const [drawer, setDrawer] = useState<Drawer>('none')
  const { store, session, editing: editable, live } = useExplorerContext()
  // A viewer's link: no editing controls at all (the server refuses a viewer's writes anyway).
  const viewOnly = useViewOnly(live)
  const editing = viewOnly ? undefined : editable
  const [historyOpen, setHistoryOpen] = useState(false)
  const [tableOpen, setTableOpen] = useState(false)
  const editingOn = useEditMode()
  const table = useTableOpen(session)
  const dragging = useFileDrop(session, table.open)
  const select = useExplorer((s) => s.select)
  useFocusKeys(store)
  const balanceOpen = useExplorer((s) => s.analysis.balanceOpen)
  const comparing = useExplorer((s) => s.analysis.compare !== null)
  const tracing = useExplorer((s) => s.path !== null)
  const actorChosen = useExplorer((s) => s.selection?.kind === 'actor')
  useEffect(() => {
    if (actorChosen) void LazyPathPanel.preload()
  }, [actorChosen])
  useEffect(() => bindAnalysisUrl(store), [store])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      if (drawer !== 'none') setDrawer('none')
      else select(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [drawer, select])
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        // On a narrow screen a new selection opens the details drawer.
        if (
          s.selection !== prev.selection &&
          s.selection !== null &&
          window.matchMedia?.('(max-width: 899px)').matches
        ) {
          setDrawer('details')
        }
      }),
    [store],
  )
  const toggle = (d: Drawer) => setDrawer((cur) => (cur === d ? 'none' : d))
  const reading = useSourcesUi((s) => s.reader !== null)
  return (
    <OpenFilesContext.Provider value={table.open}>
      <div
        className={`explorer drawer-${drawer}${balanceOpen || comparing ? ' analysis-open' : ''}${editingOn ? ' edit-on' : ''}${reading ? ' reader-open' : ''}`}
      >
        <header className="topbar">
          <h1>
            Alliance Explorer <span className="dataset-title">{title}</span>
          </h1>
          <ErrorBoundary name="search">
            <SearchBox />
          </ErrorBoundary>
          {session ? <DatasetBar /> : null}
          {editing ? <EditToggle onHistory={() => setHistoryOpen((o) => !o)} /> : null}
          {live && editing ? <ShareLiveButton /> : null}
          <button
            type="button"
            className="table-toggle"
            aria-expanded={tableOpen}
            aria-controls="table-view"
            onClick={() => setTableOpen((o) => !o)}
          >
            Table
          </button>
          <AnalysisToggles onOpen={() => setDrawer('details')} />
          <SourcesToggle />
          <div className="drawer-toggles">
            <button
              type="button"
              aria-expanded={drawer === 'filters'}
              aria-controls="panel-left"
              onClick={() => toggle('filters')}
            >
              Filters and actors
            </button>
            <button
              type="button"
              aria-expanded={drawer === 'details'}
              aria-controls="panel-right"
              onClick={() => toggle('details')}
            >
              Details
            </button>
          </div>
        </header>
        <aside id="panel-left" className="panel panel-left" aria-label="Filters and actors">
          <ErrorBoundary name="filters">
            <FilterPanel />
          </ErrorBoundary>
          <ErrorBoundary name="legend">
            <Legend />
          </ErrorBoundary>
          {editing && editingOn ? (
            <ErrorBoundary name="relation types">
              <LazyTypesEditor />
            </ErrorBoundary>
          ) : null}
          <ErrorBoundary name="actors">
            <ActorsList onChoose={() => setDrawer('none')} />
          </ErrorBoundary>
        </aside>
        {session ? <LazyNotices session={session} /> : null}
        {editing ? <StorageAlert /> : null}
        {dragging ? (
          <div className="drop-overlay" aria-hidden="true">
            <p>Drop a graph file to open it</p>
          </div>
        ) : null}
        <main className="stage">
          {editing && editingOn ? (
            <LazyEditToolbar historyOpen={historyOpen} onHistory={() => setHistoryOpen((o) => !o)} />
          ) : null}
          {live ? <LazyLiveBar /> : null}
          <GraphView />
          {live ? <LazyPeerOutlines /> : null}
          <ErrorBoundary name="years">
            <YearSlider />
          </ErrorBoundary>
          {tableOpen ? (
            <ErrorBoundary name="table">
              <Suspense fallback={<p className="muted">Loading the table…</p>}>
                <div id="table-view">
                  <TableView onClose={() => setTableOpen(false)} />
                </div>
              </Suspense>
            </ErrorBoundary>
          ) : null}
          {balanceOpen ? (
            <ErrorBoundary name="balance series">
              <Suspense fallback={null}>
                <SeriesChart />
              </Suspense>
            </ErrorBoundary>
          ) : null}
        </main>
        <ErrorBoundary name="reader">
          <LazyReader />
        </ErrorBoundary>
        <aside id="panel-right" className="panel panel-right" aria-label="Selection details">
          <ErrorBoundary name="sources">
            <LazySourcesPanels />
          </ErrorBoundary>
          {editing && editingOn && historyOpen ? (
            <ErrorBoundary name="history">
              <LazyHistoryPanel />
              {live ? <LazyLiveHistory /> : null}
            </ErrorBoundary>
          ) : null}
          {tracing ? (
            <ErrorBoundary name="path">
              <Suspense fallback={null}>
                <LazyPathPanel />
              </Suspense>
            </ErrorBoundary>
          ) : null}
          {balanceOpen || comparing ? (
            <ErrorBoundary name="balance">
              <Suspense fallback={<p className="muted">Loading the analysis…</p>}>
                <AnalysisPanels />
              </Suspense>
            </ErrorBoundary>
          ) : null}
          <ErrorBoundary name="details">
            <DetailsPanel />
          </ErrorBoundary>
        </aside>
      </div>
      {table.dialog}
      {editing ? <LazyEditDialogs /> : null}
      {editing ? <LazyAddSourceDialog /> : null}
      {live ? <LazyJoinFromLink /> : null}
    </OpenFilesContext.Provider>
  )
}

function LazyNotices({ session }: { session: Session }) {
  const any = useStore(
    session.state,
    (s) => s.importing !== null || s.report !== null || s.notes !== null || s.storageError !== null,
  )
  if (!any) return null
  return (
    <Suspense fallback={null}>
      <Notices session={session} />
    </Suspense>
  )
}

/** Dropping files anywhere on the app opens them; while files are dragged over, an overlay says so. */
function useFileDrop(session: Session | undefined, openFiles: OpenFiles): boolean {
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    if (session === undefined) return
    let depth = 0
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth++
      setDragging(true)
    }
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth = 0
      setDragging(false)
      const files = Array.from(e.dataTransfer?.files ?? [])
      if (files.length > 0) openFiles(files)
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [session, openFiles])
  return dragging
}
