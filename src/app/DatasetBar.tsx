import { useRef, useState } from 'react'
import { useStore } from 'zustand'
import { exportFileName, slug } from '../io/export/fileName'
import { drawnStatusText } from '../model/comparedView'
import { statusText } from '../model/filter'
import type { ActorKind, Graph } from '../model/types'
import { unsupportedWarning } from '../model/support'
import type { LegendInfo } from '../render/exportImage'
import { download } from './download'
import { loadBundled } from './queries'
import { useExplorerContext, useView } from './context'
import { yearWindowText } from './format'
import { useOpenFiles } from './tableOpen'
import { LazyNetworksDialog } from './lazyParts'

/** Opening, exporting and going back: the dataset's own controls, in the top bar. */
export function DatasetBar() {
  const { session, networks, editing } = useExplorerContext()
  const [networksOpen, setNetworksOpen] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const dataset = useStore(session!.state, (s) => s.dataset)
  const busy = useStore(session!.state, (s) => s.importing !== null)
  const [backError, setBackError] = useState<string | null>(null)
  const openFiles = useOpenFiles(session)
  if (session === undefined) return null
  return (
    <div className="dataset-bar" role="toolbar" aria-label="Dataset">
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept=".json,.gexf,.graphml,.xml,.csv,.tsv,.txt,application/json,text/csv,application/xml"
        aria-label="Graph file"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [])
          e.target.value = ''
          openFiles(files)
        }}
      />
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        Open graph…
      </button>
      {networks !== undefined && editing !== undefined ? (
        <button type="button" aria-haspopup="dialog" onClick={() => setNetworksOpen(true)}>
          Networks
        </button>
      ) : null}
      {networksOpen ? <LazyNetworksDialog onClose={() => setNetworksOpen(false)} /> : null}
      <ExportMenu />
      {dataset !== null && dataset.origin !== 'bundled' ? (
        <button
          type="button"
          onClick={() => {
            setBackError(null)
            loadBundled().then(
              (d) => session.backTo(d),
              (e: unknown) => setBackError(e instanceof Error ? e.message : String(e)),
            )
          }}
        >
          Back to the bundled dataset
        </button>
      ) : null}
      {backError !== null ? <span role="alert">{backError}</span> : null}
    </div>
  )
}

function ExportMenu() {
  const { index, engine, store, editing } = useExplorerContext()
  const view = useView()
  const [error, setError] = useState<string | null>(null)
  const [warning, setWarning] = useState<string | null>(null)
  const details = useRef<HTMLDetailsElement>(null)
  const name = (ext: string) =>
    exportFileName(index.graph.title, store.getState().filter.yearWindow, ext, index.yearExtent)
  const legend = (): LegendInfo => {
    const w = store.getState().filter.yearWindow
    const compared = store.getState().analysis.compare
    const kinds = new Set<ActorKind>()
    for (const a of view.shownActors) kinds.add(index.graph.actors[a]!.kind)
    return {
      title: index.graph.title,
      subtitle: compared
        ? drawnStatusText(view, compared)
        : `${yearWindowText(w, index.yearExtent)} · ${statusText(view)}`,
      types: index.graph.relationTypes.map((t) => ({ label: t.label, color: t.color })),
      kinds: [...kinds].sort(),
      undated: view.undatedShown > 0,
    }
  }
  /** The relations an export holds: those in view, or (`whole`) the whole network. */
  const exported = (whole: boolean): Graph['relations'] => {
    if (whole) return (editing?.graph() ?? index.graph).relations
    return Array.from(view.shownRelations, (r) => index.graph.relations[r]!)
  }
  const run =
    (f: () => Promise<void> | void, whole = false) =>
    () => {
      setError(null)
      setWarning(null)
      if (details.current) details.current.open = false
      Promise.resolve()
        .then(f)
        .then(() =>
          setWarning(
            unsupportedWarning(whole ? (editing?.graph() ?? index.graph) : index.graph, exported(whole)),
          ),
        )
        .catch((e: unknown) => setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`))
    }
  const snap = () => {
    const s = engine.get()?.snapshot()
    if (!s) throw new Error('the graph is not drawn yet')
    return s
  }
  return (
    <span className="export-wrap">
      <details className="menu" ref={details}>
        <summary>Export</summary>
        <div className="menu-items">
          <button
            type="button"
            onClick={run(async () => {
              const { exportPng } = await import('../render/exportImage')
              download(await exportPng(snap(), legend(), window.devicePixelRatio || 1), name('png'))
            })}
          >
            Export PNG
          </button>
          <button
            type="button"
            onClick={run(async () => {
              const { exportPng } = await import('../render/exportImage')
              download(await exportPng(snap(), legend(), 2), name('png'))
            })}
          >
            Export PNG at 2×
          </button>
          <button
            type="button"
            onClick={run(async () => {
              const { exportSvg } = await import('../render/exportImage')
              download(new Blob([exportSvg(snap(), legend())], { type: 'image/svg+xml' }), name('svg'))
            })}
          >
            Export SVG
          </button>
          <button
            type="button"
            onClick={run(async () => {
              const { subgraphFromView, toV1Json } = await import('../io/export')
              const text = toV1Json(subgraphFromView(index.graph, index, view))
              download(new Blob([text], { type: 'application/json' }), name('json'))
            })}
          >
            Export JSON
          </button>
          <button
            type="button"
            onClick={run(async () => {
              const { subgraphFromView, toCsv, toActorsCsv } = await import('../io/export')
              const visible = subgraphFromView(index.graph, index, view)
              // Two tables, as the CSV importer reads them: relations, and actors with their labels and kinds.
              download(new Blob([toCsv(visible)], { type: 'text/csv' }), name('csv'))
              download(new Blob([toActorsCsv(visible)], { type: 'text/csv' }), name('actors.csv'))
            })}
          >
            Export CSV
          </button>
          <button
            type="button"
            title="The whole network, with years as GEXF dynamics and every quotation, for Gephi"
            onClick={run(async () => {
              const { toGexf } = await import('../io/export/gexf')
              const g = editing?.graph() ?? index.graph
              download(new Blob([toGexf(g)], { type: 'application/gexf+xml' }), `${slug(g.title)}.gexf`)
            }, true)}
          >
            Export GEXF
          </button>
          <button
            type="button"
            title="The whole network, with its years and every quotation, as GraphML"
            onClick={run(async () => {
              const { toGraphml } = await import('../io/export/graphml')
              const g = editing?.graph() ?? index.graph
              download(
                new Blob([toGraphml(g)], { type: 'application/graphml+xml' }),
                `${slug(g.title)}.graphml`,
              )
            }, true)}
          >
            Export GraphML
          </button>
        </div>
      </details>
      {error !== null ? <span role="alert">{error}</span> : null}
      {warning !== null ? (
        <span className="export-warning" role="status">
          {warning}{' '}
          <button type="button" className="link small" onClick={() => setWarning(null)}>
            Dismiss
          </button>
        </span>
      ) : null}
    </span>
  )
}
