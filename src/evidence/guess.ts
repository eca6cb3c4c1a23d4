/**
 * Guessing a relation from a passage, to prefill the "New relation" form (every guess is there to
 * confirm or change): the actors it mentions, a type and a stance from a cue lexicon in the spirit
 * of the CAMEO and PETRARCH verb dictionaries, and a year. Pure.
 */
import type { Graph, Source, Stance } from '../model/types'
import { DEFAULT_LEXICON, readCues, tokens, type CueLexicon } from './cues'

/** The default cue lexicon (cues.ts), by its old name. */
export const CUE_LEXICON = DEFAULT_LEXICON

/**
 * Demonyms and capital cities of the states the bundled network names, as a documented table (a
 * mention of "Iranian" or "Tehran" is a mention of Iran). Keys are labels, lower case.
 */
export const NAME_TABLE: Readonly<Record<string, readonly string[]>> = {
  iran: ['iranian', 'tehran', 'persian'],
  azerbaijan: ['azerbaijani', 'azeri', 'baku'],
  armenia: ['armenian', 'yerevan'],
  turkey: ['turkish', 'ankara', 'türkiye'],
  israel: ['israeli', 'jerusalem'],
  'united states': ['american', 'washington', 'U.S.', 'US', 'USA'],
  russia: ['russian', 'moscow', 'kremlin'],
  china: ['chinese', 'beijing'],
  france: ['french', 'paris'],
  georgia: ['georgian', 'tbilisi'],
  pakistan: ['pakistani', 'islamabad'],
  'saudi arabia': ['saudi', 'riyadh'],
  'european union': ['EU', 'brussels', 'europe', 'european'],
  'the west': ['western', 'westerners'],
  'sunni jihadist fighters': ['jihadist', 'jihadists', 'sunni jihadists'],
  'pan-turkic separatists': ['separatist', 'separatists', 'pan-turkish separatists'],
  hezbollah: ['hizbullah'],
  houthis: ['houthi'],
}

/**
 * Leaders named for their state ("Erdogan said…" is Turkey speaking), as the bundled texts use
 * them: a documented table, merged into the names above.
 */
export const LEADERS: Readonly<Record<string, readonly string[]>> = {
  iran: ['khamenei', 'raisi', 'rouhani'],
  azerbaijan: ['aliyev'],
  turkey: ['erdogan'],
  'united states': ['biden', 'trump', 'obama'],
  russia: ['putin'],
  israel: ['netanyahu', 'bennett'],
  armenia: ['pashinyan'],
}
for (const [k, v] of Object.entries(LEADERS))
  (NAME_TABLE as Record<string, readonly string[]>)[k] = [...(NAME_TABLE[k] ?? []), ...v]

/** Lower case, accents removed, apostrophes unified. */
export const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase()

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface Mention {
  readonly actor: string
  /** Where in the folded passage (for order only). */
  readonly at: number
  readonly text: string
}

/** The network's actors mentioned in a passage: labels, aliases, demonyms, capitals, possessives. */
export function findMentions(graph: Pick<Graph, 'actors'>, passage: string): Mention[] {
  const hay = fold(passage)
  const out: Mention[] = []
  for (const a of graph.actors) {
    const given = [a.label, ...(a.aliases ?? []), ...(NAME_TABLE[fold(a.label)] ?? [])]
    let best: Mention | null = null
    for (const name of new Set(given)) {
      // Acronyms ("US", "EU", "UAE") match in capitals only: "us" is a pronoun.
      const acronym = name.length <= 4 && name === name.toUpperCase() && /\p{Lu}/u.test(name)
      const n = acronym ? name : fold(name)
      if (n.length < 2) continue
      // Whole words only; "Iran's" and "Irans" count, "Iranian" only through the table.
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?:'s|s)?(?![\\p{L}\\p{N}])`, 'u')
      const m = re.exec(acronym ? passage.replace(/[’‘]/g, "'") : hay)
      if (m !== null && (best === null || m.index < best.at)) best = { actor: a.id, at: m.index, text: m[0] }
    }
    if (best !== null) out.push(best)
  }
  return out.sort((x, y) => x.at - y.at)
}

export interface Guess {
  from?: string
  to?: string
  type?: string
  stance?: Stance
  start?: number
  approximate?: boolean
  /** "'troops', 'exercises' → military; 'threat' → hostile" */
  reason: string
}

/** The year a source describes: `asOf`, else the year it was published. */
export const sourceYear = (s: Pick<Source, 'asOf' | 'published'>): number | undefined =>
  s.asOf ?? (s.published !== undefined ? Number(s.published.slice(0, 4)) : undefined)

/** The guess for a passage: first two actors mentioned, the type and stance with the most cues, a year. */
export function guessRelation(
  graph: Pick<Graph, 'actors' | 'relationTypes'>,
  passage: string,
  source?: Pick<Source, 'asOf' | 'published'>,
  lexicon: CueLexicon = DEFAULT_LEXICON,
): Guess {
  const mentions = findMentions(graph, passage)
  const reasons: string[] = []
  const out: Guess = { reason: '' }
  if (mentions[0]) out.from = mentions[0].actor
  if (mentions[1]) out.to = mentions[1].actor
  const read = readCues(
    tokens(fold(passage), passage),
    lexicon,
    new Set(graph.relationTypes.map((t) => t.id)),
  )
  if (read.type !== null) {
    out.type = read.type.id
    reasons.push(`${read.type.words.map((w) => `'${w}'`).join(', ')} → ${read.type.id}`)
  }
  if (read.stance !== null) {
    out.stance = read.stance.id
    reasons.push(`${read.stance.words.map((w) => `'${w}'`).join(', ')} → ${read.stance.id}`)
  }
  const year = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/.exec(passage)
  if (year !== null) out.start = Number(year[1])
  else if (source !== undefined && sourceYear(source) !== undefined) {
    out.start = sourceYear(source)
    out.approximate = true
  }
  out.reason = reasons.join('; ')
  return out
}
