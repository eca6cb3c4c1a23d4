/// <reference lib="webworker" />
/**
 * "Suggest ties" off the main thread: compromise's organisations and people, the gazetteer
 * (i18n-iso-countries, English names) and the suggester, for one source text.
 */
import nlp from 'compromise'
import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'
import { suggestTies, type Entity, type GazetteerEntry } from '../../evidence/suggest'
import type { SuggestRequest } from './suggestClient'

countries.registerLocale(en)
const gazetteer: GazetteerEntry[] = Object.entries(
  countries.getNames('en', { select: 'all' }) as Record<string, string[]>,
).map(([code, names]) => ({ code, names }))

export function entitiesOf(text: string): Entity[] {
  const doc = nlp(text)
  const out: Entity[] = []
  for (const list of [doc.organizations(), doc.people()])
    for (const e of list.json({ offset: true }) as {
      text: string
      offset: { start: number; length: number }
    }[])
      out.push({ text: e.text, start: e.offset.start, end: e.offset.start + e.offset.length })
  return out
}

self.onmessage = (e: MessageEvent<SuggestRequest>) => {
  const { id, graph, source, rejected } = e.data
  try {
    const suggestions = suggestTies(graph, source, {
      gazetteer,
      entities: entitiesOf(source.text ?? ''),
      rejected: new Set(rejected),
    })
    ;(self as unknown as Worker).postMessage({ id, suggestions })
  } catch (err) {
    ;(self as unknown as Worker).postMessage({ id, error: String((err as Error)?.message ?? err) })
  }
}
