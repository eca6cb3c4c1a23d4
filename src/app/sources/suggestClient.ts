/**
 * Suggestions for a source, computed in a worker (suggest.worker.ts), and the rejected ones,
 * remembered per source in this browser (localStorage) and never offered again.
 */
import { suggestTies, suggestionKey, type Suggestion } from '../../evidence/suggest'
import type { Graph, Source } from '../../model/types'

export interface SuggestRequest {
  readonly id: number
  readonly graph: Pick<Graph, 'actors' | 'relationTypes'>
  readonly source: Pick<Source, 'text' | 'asOf' | 'published'>
  readonly rejected: readonly string[]
}

const storeKey = (sourceId: string) => `alliance-explorer:rejected-suggestions:${sourceId}`

export function rejectedFor(sourceId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(storeKey(sourceId)) ?? '[]') as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export function reject(sourceId: string, s: Suggestion): void {
  const keys = new Set(rejectedFor(sourceId))
  keys.add(suggestionKey(s))
  try {
    localStorage.setItem(storeKey(sourceId), JSON.stringify([...keys]))
  } catch {
    // A full or refused storage: the rejection holds for this session only.
  }
}

let worker: Worker | null = null
let next = 0
const waiting = new Map<number, { ok: (s: Suggestion[]) => void; fail: (e: Error) => void }>()

export function suggestFor(graph: Graph, sourceId: string): Promise<Suggestion[]> {
  const source = graph.sources.find((s) => s.id === sourceId)
  if (source === undefined) return Promise.reject(new Error(`no source has the id "${sourceId}"`))
  if (source.text === undefined) return Promise.resolve([])
  const req: Omit<SuggestRequest, 'id'> = {
    graph: { actors: graph.actors, relationTypes: graph.relationTypes },
    source: { text: source.text, asOf: source.asOf, published: source.published },
    rejected: rejectedFor(sourceId),
  }
  if (typeof Worker === 'undefined')
    return Promise.resolve(suggestTies(req.graph, req.source, { rejected: new Set(req.rejected) }))
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
