import { useEffect, useRef } from 'react'
import { createEngine } from '../engine/engine'
import { focusNeighbourhood, focusText } from '../analysis/neighbourhood'
import { installHook } from '../engine/hook'
import { analysisHookSource } from './analysis/hookSource'
import { drawnStatusText } from '../model/comparedView'
import { DARK, LIGHT } from '../model/encoding'
import { useExplorer, useExplorerContext, useView } from './context'
import { ErrorBoundary } from './ErrorBoundary'
import { FocusControls } from './FocusControls'
import { windowLabel } from './YearSlider'
import { EvidenceLine } from './sources/Lines'

/** The canvas and its controls. The engine draws; this component only wires it to React. */
/**
 * "Showing N of M actors and N of M relations (U undated)" (while comparing years, "Comparing A with
 * B — showing …"), and during Play " · 2019", the year of the step.
 */
export function StatusLine() {
  const view = useView()
  const { index } = useExplorerContext()
  const playing = useExplorer((s) => s.playing)
  const w = useExplorer((s) => s.filter.yearWindow)
  const compared = useExplorer((s) => s.analysis.compare)
  const focus = useExplorer((s) => s.focus)
  const n = focusNeighbourhood(view, focus)
  const focused = focus === null ? undefined : index.actorIndex.get(focus.id)
  const extra = [
    view.contestedPairs > 0 ? `${view.contestedPairs} contested` : '',
    n !== null && focus !== null && focused !== undefined
      ? focusText(index.graph.actors[focused]!.label, focus.depth, n)
      : '',
  ].filter((t) => t !== '')
  // The counts stay alone in the status element (its text is the sentence tests and readers know);
  // contested pairs and the focus follow on their own live line.
  return (
    <div className="status-block">
      <p className="status" role="status">
        {drawnStatusText(view, compared)}
        {playing && w !== null ? ` · ${windowLabel(w)}` : ''}
      </p>
      {extra.length > 0 ? (
        <p className="status-extra" aria-live="polite">
          {extra.join(' · ')}
        </p>
      ) : null}
      <EvidenceLine />
    </div>
  )
}

export function GraphView() {
  const ctx = useExplorerContext()
  const { index, store, engine, session, views, editing } = ctx
  const canvas = useRef<HTMLCanvasElement>(null)
  const view = useView()
  const paused = useExplorer((s) => s.layoutPaused)
  const setPaused = useExplorer((s) => s.setLayoutPaused)
  const resetFilters = useExplorer((s) => s.resetFilters)

  useEffect(() => {
    const el = canvas.current
    if (el === null) return
    const e = createEngine(el, store, {
      onPinsChanged: () => store.getState().bumpPins(),
      onTransformChanged: () => session?.viewChanged(),
      views,
      ...(editing
        ? {
            edit: {
              active: () => editing.state.getState().editing,
              onConnect: (from: string, to: string) => editing.openDialog({ kind: 'newRelation', from, to }),
              onBackgroundDoubleClick: (at: { x: number; y: number }) =>
                editing.openDialog({ kind: 'newActor', at }),
            },
          }
        : {}),
    })
    engine.set(e)
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)')
    const applyTheme = () => e.setPalette(dark?.matches ? DARK : LIGHT)
    applyTheme()
    dark?.addEventListener('change', applyTheme)
    const uninstallHook = installHook({
      engine: e,
      store,
      analysis: analysisHookSource(e.graphIndex, store),
      ...(editing ? { network: () => editing.graph() } : {}),
      suggestions: async (sourceId: string) => {
        // The suggester loads on first use, with the sources UI.
        const { suggestFor } = await import('./sources/suggestClient')
        return (
          await suggestFor(editing?.graph() ?? e.graphIndex()!.graph, sourceId, editing?.net() ?? null)
        ).map(({ source, target, sourceText, targetText, type, stance, year, quote, start, end }) => ({
          source,
          target,
          sourceText,
          targetText,
          type,
          stance,
          year,
          quote,
          start,
          end,
        }))
      },
    })
    return () => {
      dark?.removeEventListener('change', applyTheme)
      uninstallHook()
      engine.set(null)
      e.destroy()
    }
  }, [store, engine, session, views, editing])

  const shownGeneration = useRef<number | null>(null)
  useEffect(() => {
    const e = engine.get()
    if (e === null) return
    const generation = session?.generation() ?? 0
    if (shownGeneration.current === generation && e.graphIndex() !== null) {
      // The same network, edited: the layout goes on, new actors appear where they were made.
      e.updateGraph(index, editing?.takePlacements())
      return
    }
    shownGeneration.current = generation
    e.setGraph(index)
    session?.attach(e)
  }, [index, engine, session, editing])

  const empty = view.shownActors.length === 0
  return (
    <div className="graph-area">
      <div className="graph-bar">
        <StatusLine />
        <div className="toolbar" role="toolbar" aria-label="Graph view">
          <button
            type="button"
            onClick={() => engine.get()?.zoomBy(1.4)}
            aria-label="Zoom in"
            title="Zoom in"
          >
            +
          </button>
          <button
            type="button"
            onClick={() => engine.get()?.zoomBy(1 / 1.4)}
            aria-label="Zoom out"
            title="Zoom out"
          >
            −
          </button>
          <button type="button" onClick={() => engine.get()?.fitView()}>
            Fit to view
          </button>
          <button type="button" onClick={() => setPaused(!paused)}>
            {paused ? 'Resume layout' : 'Pause layout'}
          </button>
          <button type="button" onClick={() => engine.get()?.resetLayout()}>
            Reset layout
          </button>
        </div>
      </div>
      <div className="canvas-wrap">
        <ErrorBoundary name="focus">
          <FocusControls />
        </ErrorBoundary>
        <canvas
          ref={canvas}
          className="graph-canvas"
          role="img"
          aria-label={`Network of ${index.graph.title}: ${view.shownActors.length} actors and ${view.shownRelations.length} relations shown. Use the Actors list to explore it by keyboard.`}
        />
        {empty ? (
          <div className="empty" role="note">
            <p>Nothing matches these filters.</p>
            <button type="button" onClick={resetFilters}>
              Reset filters
            </button>
          </div>
        ) : null}
      </div>
    </div>
  )
}
