import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { createEngineSlot } from './context'
import { GraphLoadError } from '../io/loadGraph'
import { buildIndex } from '../model/graphIndex'
import { createExplorerStore } from '../state/store'
import { decodeUrl } from '../state/url'
import { bindUrl } from '../state/urlSync'
import { Explorer } from './Explorer'
import { graphQuery } from './queries'
import bundledUrl from '../../data/iran-azerbaijan.json?url'

export const BUNDLED_URL = bundledUrl

/** Resolves ?graph= against the page, so relative and absolute URLs both work from any sub-path. */
function graphUrl(param: string | null): string {
  if (param === null || param === '') return new URL(BUNDLED_URL, document.baseURI).href
  return new URL(param, document.baseURI).href
}

export function App() {
  const initial = useMemo(() => decodeUrl(window.location.search), [])
  const [store] = useState(() =>
    createExplorerStore({ filter: initial.filter, selection: initial.selection }),
  )
  const [engine] = useState(createEngineSlot)
  const url = graphUrl(initial.graph)
  const query = useQuery(graphQuery(url))
  useEffect(() => bindUrl(store), [store])
  const index = useMemo(() => (query.data ? buildIndex(query.data.graph) : null), [query.data])

  if (query.isPending) {
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
  return <Explorer index={index} store={store} engine={engine} />
}
