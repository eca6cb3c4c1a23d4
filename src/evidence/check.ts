/**
 * The evidence check: every quotation of a network re-found in its source's text (anchor.ts), and
 * the ties with no quotation at all. Pure; the app runs it in a worker when the texts are large.
 */
import type { Graph } from '../model/types'
import { locate, type Anchor, type Location } from './anchor'

export type CheckState = Location['state'] | 'unchecked'

export interface CheckedQuote {
  readonly relation: string
  /** The quotation's place in the relation's evidence list. */
  readonly index: number
  readonly source: string
  readonly state: CheckState
  /** Where the quote is now: the stored anchor, found, or repaired (moved). */
  readonly anchor?: Anchor
  /** A moved quote's old start. */
  readonly from?: number | null
  /** The nearest passage of a quote that needs review, and its edit distance. */
  readonly nearest?: Anchor
  readonly distance?: number
}

export interface EvidenceCounts {
  readonly exact: number
  readonly moved: number
  readonly review: number
  readonly notFound: number
  readonly unchecked: number
  readonly unsupported: number
}

export interface EvidenceReport {
  readonly counts: EvidenceCounts
  /** One entry per quotation, in relation then evidence order. */
  readonly quotes: readonly CheckedQuote[]
  /** Ids of relations with no quotation. */
  readonly unsupported: readonly string[]
}

/** The texts of a network's sources that have one, by id. */
export function sourceTexts(graph: Pick<Graph, 'sources'>): Map<string, string> {
  const texts = new Map<string, string>()
  for (const s of graph.sources) if (s.text !== undefined) texts.set(s.id, s.text)
  return texts
}

/** Checks every quotation of the graph against its source's text. */
export function checkEvidence(
  graph: Pick<Graph, 'sources' | 'relations'>,
  texts: ReadonlyMap<string, string> = sourceTexts(graph),
): EvidenceReport {
  const counts = { exact: 0, moved: 0, review: 0, notFound: 0, unchecked: 0, unsupported: 0 }
  const quotes: CheckedQuote[] = []
  const unsupported: string[] = []
  for (const r of graph.relations) {
    const evidence = r.evidence ?? []
    if (evidence.length === 0) {
      counts.unsupported++
      unsupported.push(r.id)
    }
    evidence.forEach((e, index) => {
      const text = texts.get(e.source)
      const base = { relation: r.id, index, source: e.source }
      if (text === undefined) {
        counts.unchecked++
        quotes.push({ ...base, state: 'unchecked', ...(e.anchor ? { anchor: e.anchor } : {}) })
        return
      }
      const found = locate(text, e.quote, e.anchor)
      counts[found.state]++
      if (found.state === 'exact') quotes.push({ ...base, state: 'exact', anchor: found.anchor })
      else if (found.state === 'moved')
        quotes.push({ ...base, state: 'moved', anchor: found.anchor, from: found.from })
      else if (found.state === 'review')
        quotes.push({ ...base, state: 'review', nearest: found.nearest, distance: found.distance })
      else quotes.push({ ...base, state: 'notFound' })
    })
  }
  return { counts, quotes, unsupported }
}

/** "exact 130 · moved 2 · needs review 1 · not found 0 · unchecked 4" — the status line's words. */
export function countsText(c: EvidenceCounts): string {
  return `exact ${c.exact} · moved ${c.moved} · needs review: ${c.review} · not found: ${c.notFound} · unchecked ${c.unchecked}`
}

const countsCache = new WeakMap<object, EvidenceCounts>()
/** The counts of a graph's evidence check, computed once per graph object. */
export function evidenceCounts(graph: Pick<Graph, 'sources' | 'relations'>): EvidenceCounts {
  let c = countsCache.get(graph)
  if (c === undefined) {
    c = { ...checkEvidence(graph).counts }
    countsCache.set(graph, c)
  }
  return { ...c }
}
