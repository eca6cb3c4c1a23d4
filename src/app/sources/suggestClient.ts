/**
 * Suggestions for a source, computed in a worker (suggest.worker.ts), with the user's cue lexicon
 * (lexiconStore.ts), and the rejected ones, never offered again: remembered with the network
 * (document/suggester.ts) when one is open, else for this page only.
 */
import { suggestTies, suggestionKey, type Suggestion } from '../../evidence/suggest'
import type { CueLexicon } from '../../evidence/cues'
import { addRejection, rejectedIn } from '../../document/suggester'
import type { NetworkDoc } from '../../document/network'
import type { Graph, Source } from '../../model/types'
import { loadLexicon } from './lexiconStore'

export interface SuggestRequest {
  readonly id: number
  readonly graph: Pick<Graph, 'actors' | 'relationTypes'>
  readonly source: Pick<Source, 'text' | 'asOf' | 'published'>
  readonly rejected: readonly string[]
  readonly lexicon: CueLexicon
}

/** Rejections made while no network is open (a file or the bundled dataset, not edited). */
const unsaved = new Map<string, Set<string>>()

export function rejectedFor(sourceId: string, net: NetworkDoc | null): string[] {
  const here = [...(unsaved.get(sourceId) ?? [])]
  return net === null ? here : [...new Set([...rejectedIn(net, sourceId), ...here])]
}

export function reject(sourceId: string, s: Suggestion, net: NetworkDoc | null): void {
  const key = suggestionKey(s)
  if (net !== null) addRejection(net, sourceId, key)
  else {
    const keys = unsaved.get(sourceId) ?? new Set<string>()
    keys.add(key)
    unsaved.set(sourceId, keys)
  }
}

let worker: Worker | null = null
let next = 0
const waiting = new Map<number, { ok: (s: Suggestion[]) => void; fail: (e: Error) => void }>()

export async function suggestFor(
  graph: Graph,
  sourceId: string,
  net: NetworkDoc | null,
): Promise<Suggestion[]> {
  const source = graph.sources.find((s) => s.id === sourceId)
  if (source === undefined) throw new Error(`no source has the id "${sourceId}"`)
  if (source.text === undefined) return []
  const req: Omit<SuggestRequest, 'id'> = {
    graph: { actors: graph.actors, relationTypes: graph.relationTypes },
    source: { text: source.text, asOf: source.asOf, published: source.published },
    rejected: rejectedFor(sourceId, net),
    lexicon: await loadLexicon(),
  }
  if (typeof Worker === 'undefined')
    return suggestTies(req.graph, req.source, { rejected: new Set(req.rejected), lexicon: req.lexicon })
  if (worker === null) {
    worker = new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<{ id: number; suggestions?: Suggestion[]; error?: string }>) => {
      const w = waiting.get(e.data.id)
      waiting.delete(e.data.id)
      if (e.data.suggestions !== undefined) w?.ok(e.data.suggestions)
      else w?.fail(new Error(e.data.error ?? 'the suggester failed'))
    }
  }
  const id = ++next
  return new Promise((ok, fail) => {
    waiting.set(id, { ok, fail })
    worker!.postMessage({ id, ...req })
  })
}
