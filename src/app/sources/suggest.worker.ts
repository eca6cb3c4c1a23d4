/// <reference lib="webworker" />
/**
 * "Suggest ties" off the main thread: compromise's organisations and people, the gazetteer
 * (i18n-iso-countries, English names) and the suggester, for one source text.
 */
import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'
import { entitiesOf } from '../../evidence/nlp'
import { suggestTies, type GazetteerEntry } from '../../evidence/suggest'
import type { SuggestRequest } from './suggestClient'

countries.registerLocale(en)
const gazetteer: GazetteerEntry[] = Object.entries(
  countries.getNames('en', { select: 'all' }) as Record<string, string[]>,
).map(([code, names]) => ({ code, names }))

self.onmessage = (e: MessageEvent<SuggestRequest>) => {
  const { id, graph, source, rejected } = e.data
  try {
    const suggestions = suggestTies(graph, source, {
      gazetteer,
      nlp: entitiesOf,
      rejected: new Set(rejected),
    })
    ;(self as unknown as Worker).postMessage({ id, suggestions })
  } catch (err) {
    ;(self as unknown as Worker).postMessage({ id, error: String((err as Error)?.message ?? err) })
  }
}
