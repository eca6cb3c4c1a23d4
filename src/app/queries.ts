import { queryOptions } from '@tanstack/react-query'
import { loadGraphFromUrl } from '../io/loadGraph'
import type { Persistence, SavedView } from '../io/persist'
import { validateGraph } from '../model/parse'
import { makeDataset, type Dataset } from '../session/session'
import bundledUrl from '../../data/iran-azerbaijan.json?url'

export const BUNDLED_URL = bundledUrl

/** One query per graph URL: the loaded graph lives in the query cache, view state in the store. */
export const graphQuery = (url: string) =>
  queryOptions({
    queryKey: ['graph', url],
    queryFn: ({ signal }) => loadGraphFromUrl(url, undefined, signal),
    staleTime: Infinity,
    retry: false,
  })

export async function loadBundled(signal?: AbortSignal): Promise<Dataset> {
  const url = new URL(BUNDLED_URL, document.baseURI).href
  const g = await loadGraphFromUrl(url, 'the bundled dataset', signal)
  return makeDataset(g.graph, g.warnings, g.name, 'bundled')
}

/**
 * What the app opens first. The URL wins: with ?graph= that file; otherwise the dataset the user
 * last opened (kept in the browser, checked again before use); otherwise the bundled one. The view
 * kept for that dataset comes along, to fill in what the URL does not say.
 */
export const bootQuery = (url: string | null, persist: Persistence) =>
  queryOptions({
    queryKey: ['boot', url],
    queryFn: async ({ signal }): Promise<{ dataset: Dataset; view: SavedView | null }> => {
      let dataset: Dataset | null = null
      if (url !== null) {
        const g = await loadGraphFromUrl(url, undefined, signal)
        dataset = makeDataset(g.graph, g.warnings, g.name, 'url')
      } else {
        const saved = await persist.loadDataset()
        if (saved !== null) {
          const checked = validateGraph(saved.graph)
          if (checked.ok) dataset = makeDataset(checked.graph, checked.warnings, saved.name, saved.origin)
        }
      }
      dataset ??= await loadBundled(signal)
      return { dataset, view: await persist.loadView(dataset.key) }
    },
    staleTime: Infinity,
    retry: false,
  })
