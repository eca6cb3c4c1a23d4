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

type Finder = (passage: string) => Mention[]
const finders = new WeakMap<readonly unknown[], Finder>()

/**
 * The mention finder of a list of actors, compiled once (and kept per actors array): one regular
 * expression per name, whole words only; "Iran's" and "Irans" count, "Iranian" only through the
 * table; acronyms ("US", "EU", "UAE") match in capitals only, since "us" is a pronoun.
 */
export function mentionFinder(graph: Pick<Graph, 'actors'>): Finder {
  const kept = finders.get(graph.actors)
  if (kept !== undefined) return kept
  const names: { actor: string; re: RegExp; acronym: boolean }[] = []
  for (const a of graph.actors)
    for (const name of new Set([a.label, ...(a.aliases ?? []), ...(NAME_TABLE[fold(a.label)] ?? [])])) {
      const acronym = name.length <= 4 && name === name.toUpperCase() && /\p{Lu}/u.test(name)
      const n = acronym ? name : fold(name)
      if (n.length < 2) continue
      names.push({
        actor: a.id,
        acronym,
        re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?:'s|s)?(?![\\p{L}\\p{N}])`, 'u'),
      })
    }
  const find: Finder = (passage) => {
    const hay = fold(passage)
    const raw = passage.replace(/[’‘]/g, "'")
    const best = new Map<string, Mention>()
    for (const { actor, re, acronym } of names) {
      const m = re.exec(acronym ? raw : hay)
      if (m === null) continue
      const b = best.get(actor)
      if (b === undefined || m.index < b.at) best.set(actor, { actor, at: m.index, text: m[0] })
    }
    return [...best.values()].sort((x, y) => x.at - y.at)
  }
  finders.set(graph.actors, find)
  return find
}

/** The network's actors mentioned in a passage: labels, aliases, demonyms, capitals, possessives. */
export const findMentions = (graph: Pick<Graph, 'actors'>, passage: string): Mention[] =>
  mentionFinder(graph)(passage)

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
