import { useEffect, useMemo, useState } from 'react'
import type { GraphIndex } from '../model/graphIndex'
import type { ExplorerStore } from '../state/store'
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

type Drawer = 'none' | 'filters' | 'details'

/** The explorer for one loaded graph: filters left, graph centre, details right. */
export function Explorer({
  index,
  store,
  engine,
}: {
  index: GraphIndex
  store: ExplorerStore
  engine: EngineSlot
}) {
  const ctx = useMemo<ExplorerContextValue>(() => ({ index, store, engine }), [index, store, engine])
  return (
    <ExplorerContext.Provider value={ctx}>
      <Layout title={index.graph.title} />
    </ExplorerContext.Provider>
  )
}

function Layout({ title }: { title: string }) {
  const [drawer, setDrawer] = useState<Drawer>('none')
  const { store } = useExplorerContext()
  const select = useExplorer((s) => s.select)
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
  return (
    <div className={`explorer drawer-${drawer}`}>
      <header className="topbar">
        <h1>
          Alliance Explorer <span className="dataset-title">{title}</span>
        </h1>
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
        <ErrorBoundary name="actors">
          <ActorsList onChoose={() => setDrawer('none')} />
        </ErrorBoundary>
      </aside>
      <main className="stage">
        <GraphView />
        <ErrorBoundary name="years">
          <YearSlider />
        </ErrorBoundary>
      </main>
      <aside id="panel-right" className="panel panel-right" aria-label="Selection details">
        <ErrorBoundary name="details">
          <DetailsPanel />
        </ErrorBoundary>
      </aside>
    </div>
  )
}
