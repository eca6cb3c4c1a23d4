/**
 * Actor search: labels and aliases, case- and diacritics-insensitive, tolerant of one typo per word.
 *
 * Matching and ranking are uFuzzy's (@leeoniya/ufuzzy) in its SingleError mode: each word of the
 * query may differ from a word of the name by one insertion, deletion, substitution or
 * transposition ("Azerbajan", "Hezbolah"), and results are sorted by its documented counters
 * (characters matched, fewest insertions, word boundaries). Names and queries are folded first:
 * Unicode decomposition with the marks dropped, then lower case ("Türkiye" → "turkiye").
 * Queries in other scripts (which uFuzzy's Latin patterns do not cover) match as plain substrings.
 * Pure: no DOM, no React; one searcher per graph.
 */
import uFuzzy from '@leeoniya/ufuzzy'
import type { GraphIndex } from '../model/graphIndex'

/** Results listed at most. */
export const SEARCH_LIMIT = 25

export interface SearchHit {
  readonly actor: number
  /** True when the current filters hide the actor; such hits come after the shown ones. */
  readonly hidden: boolean
  /** The alias that matched, when the label did not. */
  readonly alias?: string
}

export interface SearchResult {
  readonly hits: readonly SearchHit[]
  /** Matching actors in all (shown and hidden). */
  readonly total: number
}

export interface ActorSearch {
  search(query: string, actorShown: Uint8Array | null, limit?: number): SearchResult
}

/** Case and diacritics folded: "Türkiye" → "turkiye", "İzmir" → "izmir". */
export function fold(s: string): string {
  return uFuzzy
    .latinize(s.normalize('NFD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/ı/g, 'i')
}

const LATIN_ONLY = /^[\x20-\x7e]*$/

export function createActorSearch(index: GraphIndex): ActorSearch {
  const { actors } = index.graph
  // One entry per label and alias, in label order, so unranked matches (a very short query over a
  // very large graph, where uFuzzy skips ranking) still come out alphabetically.
  const haystack: string[] = []
  const owner: number[] = []
  const aliasOf: (string | undefined)[] = []
  for (const a of index.byLabel) {
    const actor = actors[a]!
    haystack.push(fold(actor.label))
    owner.push(a)
    aliasOf.push(undefined)
    for (const alias of actor.aliases ?? []) {
      haystack.push(fold(alias))
      owner.push(a)
      aliasOf.push(alias)
    }
  }
  const uf = new uFuzzy({ intraMode: 1 })
  return {
    search(query, actorShown, limit = SEARCH_LIMIT) {
      const needle = fold(query).trim()
      if (needle === '') return { hits: [], total: 0 }
      let order: number[]
      if (LATIN_ONLY.test(needle)) {
        const [idxs, info, sorted] = uf.search(haystack, needle, 0)
        order =
          idxs === null ? [] : sorted !== null && info !== null ? sorted.map((i) => info.idx[i]!) : [...idxs]
        // Exact substrings rank first whatever uFuzzy thinks of them (a typo-free match is the
        // likelier intent), then uFuzzy's order.
        const exact = order.filter((i) => haystack[i]!.startsWith(needle))
        order = [...exact, ...order.filter((i) => !haystack[i]!.startsWith(needle))]
      } else {
        order = []
        for (let i = 0; i < haystack.length; i++) if (haystack[i]!.includes(needle)) order.push(i)
      }
      const seen = new Set<number>()
      const shown: SearchHit[] = []
      const hidden: SearchHit[] = []
      for (const i of order) {
        const a = owner[i]!
        if (seen.has(a)) continue
        seen.add(a)
        const isHidden = actorShown !== null && actorShown[a] !== 1
        const alias = aliasOf[i]
        const hit: SearchHit = { actor: a, hidden: isHidden, ...(alias !== undefined ? { alias } : {}) }
        if (isHidden) {
          if (hidden.length < limit) hidden.push(hit)
        } else if (shown.length < limit) shown.push(hit)
      }
      return { hits: [...shown, ...hidden].slice(0, limit), total: seen.size }
    },
  }
}

/** "25 of 112 matches", "3 matches", "1 match", "No match" */
export function matchesText(listed: number, total: number): string {
  if (total === 0) return 'No match'
  if (listed < total) return `${listed} of ${total} matches`
  return total === 1 ? '1 match' : `${total} matches`
}
