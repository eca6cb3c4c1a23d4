import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { createEngineSlot } from './context'
import { GraphLoadError } from '../io/loadGraph'
import { createPersistence } from '../io/persist'
import { buildIndex } from '../model/graphIndex'
import { createSession } from '../session/session'
import { createLazyEditing, createLazyLive, createLazyNetworks, editingLoaded } from '../session/lazy'
import { saveLastNetwork } from '../io/lastNetwork'
import { preloadEditMode } from './lazyParts'
import { createExplorerStore } from '../state/store'
import { decodeUrl } from '../state/url'
import { bindUrl } from '../state/urlSync'
import { Explorer } from './Explorer'
import { bootQuery, BUNDLED_URL, networkKey } from './queries'
import { markOnce } from '../shared/marks'

export { BUNDLED_URL }

/** Resolves ?graph= against the page, so relative and absolute URLs both work from any sub-path. */
function graphUrl(param: string | null): string | null {
  if (param === null || param === '') return null
  return new URL(param, document.baseURI).href
}

function clearUrl() {
  window.history.replaceState(null, '', window.location.pathname + window.location.hash)
}

export function App() {
  const initial = useMemo(() => decodeUrl(window.location.search), [])
  const [store] = useState(() =>
    createExplorerStore({
      filter: initial.filter,
      selection: initial.selection,
      focus: initial.focus,
      path: initial.path,
    }),
  )
  const [engine] = useState(createEngineSlot)
  const [persist] = useState(() => createPersistence())
  const [session] = useState(() =>
    createSession({ explorer: store, persist, engine: () => engine.get(), clearUrl }),
  )
  const [networks] = useState(() => createLazyNetworks())
  const [editing] = useState(() =>
    createLazyEditing({
      current: () => session.state.getState().dataset?.graph ?? null,
      show: (graph) => session.showEdited(graph),
      explorer: store,
      preload: preloadEditMode,
      backend: {
        async adopt(net, _editor, title) {
          const id = await networks.create(net, title)
          await saveLastNetwork(id)
          session.adoptKey(networkKey(id))
          return id
        },
        attach: (id, net, editor, status) => networks.attach(id, net, editor, status),
      },
    }),
  )
  const [live] = useState(() =>
    createLazyLive({
      editing,
      explorer: store,
      networks,
      base: () => window.location.href.split('#')[0]!.split('?')[0]!,
    }),
  )
  useEffect(() => () => live.destroy(), [live])
  const query = useQuery(bootQuery(graphUrl(initial.graph), persist, networks))
  useEffect(() => bindUrl(store), [store])
  useEffect(() => () => session.destroy(), [session])
  useEffect(
    () =>
      session.onReplace(() => {
        // Another dataset on screen: the edited network stays in the list; a reload opens what is on screen.
        editing.reset()
        live.stop()
        void saveLastNetwork(null)
      }),
    [session, editing, live],
  )
  useEffect(() => {
    if (query.data && session.state.getState().dataset === null) {
      session.boot(query.data.dataset, query.data.view, initial.given)
      const n = query.data.network
      if (n !== null) {
        // The stored network was read with the editing module, so it is here now.
        const editor = editingLoaded()!.createEditor(n.net)
        if (n.history !== null) editor.restore(n.history)
        editing.openNetwork(n.id, n.net, editor)
      } else if (initial.graph !== null) void saveLastNetwork(null)
    }
  }, [query.data, session, editing, initial.given, initial.graph])
  const dataset = useStore(session.state, (s) => s.dataset)
  const index = useMemo(() => {
    if (dataset === null) return null
    const built = buildIndex(dataset.graph)
    markOnce('indexed')
    return built
  }, [dataset])

  if (query.isPending || (query.isSuccess && index === null)) {
    return (
      <div className="loading" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>Loading {initial.graph ?? 'the bundled dataset'}…</p>
      </div>
    )
  }
  if (query.isError || index === null) {
    const err = query.error
    const file = err instanceof GraphLoadError ? err.file : (initial.graph ?? 'the graph file')
    const reason = err instanceof GraphLoadError ? err.reason : String(err?.message ?? 'unknown error')
    const back = new URL(window.location.href)
    back.search = ''
    return (
      <div className="load-error">
        <div role="alert">
          <h1>Could not open {file}</h1>
          <p>{reason}</p>
        </div>
        <p>
          <a href={back.pathname}>Open the bundled dataset instead</a>
        </p>
      </div>
    )
  }
  return (
    <Explorer
      index={index}
      store={store}
      engine={engine}
      session={session}
      editing={editing}
      networks={networks}
      live={live}
    />
  )
}
