import { queryOptions } from '@tanstack/react-query'
import { loadGraphFromUrl } from '../io/loadGraph'
import type { Persistence, SavedView } from '../io/persist'
import { loadLastNetwork } from '../io/lastNetwork'
import type { NetworkStore } from '../io/networks'
import { loadEditing } from '../session/lazy'
import type { SavedHistory } from '../document/editor'
import type { NetworkDoc } from '../document/network'
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
export interface BootNetwork {
  readonly id: string
  readonly net: NetworkDoc
  readonly history: SavedHistory | null
}

export const networkKey = (id: string) => `net:${id}`

export const bootQuery = (url: string | null, persist: Persistence, networks?: NetworkStore) =>
  queryOptions({
    queryKey: ['boot', url],
    queryFn: async ({
      signal,
    }): Promise<{ dataset: Dataset; view: SavedView | null; network: BootNetwork | null }> => {
      let dataset: Dataset | null = null
      let network: BootNetwork | null = null
      const last = url === null && networks !== undefined ? await loadLastNetwork() : null
      if (last !== null) {
        // The network the user last worked on, with its undo history.
        const loaded = await networks!.load(last).catch(() => null)
        if (loaded !== null) {
          const { readGraph } = await loadEditing()
          const { graph } = readGraph(loaded.net)
          dataset = { ...makeDataset(graph, [], graph.title, 'network'), key: networkKey(last) }
          network = { id: last, net: loaded.net, history: loaded.history }
        }
      }
      if (dataset !== null) {
        /* restored above */
      } else if (url !== null) {
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
      return { dataset, view: await persist.loadView(dataset.key), network }
    },
    staleTime: Infinity,
    retry: false,
  })
