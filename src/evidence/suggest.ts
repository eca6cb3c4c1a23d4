/**
 * Ties suggested from a document: one candidate per sentence and pair of actors mentioned in it,
 * with a type and a stance from the cue lexicon (guess.ts), a year, the sentence as its quotation
 * and the reason. Pure: the gazetteer and the NLP library's entities are handed in, so this runs
 * the same in a worker, in the tests and in `npm run suggest:eval`.
 *
 * Mentions come from (1) the network's labels and aliases with demonyms and capitals (guess.ts),
 * (2) the gazetteer's countries that the network does not have, proposed as new actors, (3) the
 * organisations and people the NLP library finds, proposed as new actors. A sentence whose subject
 * is a pronoun or "the country" carries the previous sentence's actor when that is unambiguous.
 */
import type { Graph, Source, Stance } from '../model/types'
import { DEFAULT_LEXICON, allStems, readCues, tokens, type CueLexicon, type CueReading } from './cues'
import { NAME_TABLE, findMentions, fold, sourceYear } from './guess'
import { isHeading, rankPairs } from './rank'

export interface Span {
  readonly start: number
  readonly end: number
}

const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Jr|Sr|vs|etc|e\.g|i\.e|No|Inc|Ltd|Co)|\b[A-Z])\.$/

/** Sentences of a text, as offsets: cut after . ! ? (and closing quotes) before a capital, and at paragraph breaks. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = []
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++
    while (b > a && /\s/.test(text[b - 1]!)) b--
    if (b > a) out.push({ start: a, end: b })
  }
  let start = 0
  const re = /[.!?]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\d])|\n\s*\n/gu
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length
    if (m[0][0] !== '\n' && ABBREVIATIONS.test(text.slice(Math.max(start, m.index - 6), m.index + 1)))
      continue
    push(start, m[0][0] === '\n' ? m.index : end)
    start = end
  }
  push(start, text.length)
  return out
}

/** A country of the gazetteer: its names (English) and its code. */
export interface GazetteerEntry {
  readonly code: string
  readonly names: readonly string[]
}

/** A name the NLP library found, with its place in the text. */
export interface Entity {
  readonly text: string
  readonly start: number
  readonly end: number
}

export interface Suggestion {
  /** Actor ids, or null for a new actor proposed by name. */
  readonly source: string | null
  readonly target: string | null
  readonly sourceText: string
  readonly targetText: string
  readonly type: string
  readonly stance: Stance
  readonly year: number | null
  readonly approximate: boolean
  readonly quote: string
  readonly start: number
  readonly end: number
  readonly reason: string
}

export interface SuggestOptions {
  readonly gazetteer?: readonly GazetteerEntry[]
  /** Organisations and people found in the whole text (offsets into it). */
  readonly entities?: readonly Entity[]
  /** Keys (suggestionKey) never offered again. */
  readonly rejected?: ReadonlySet<string>
  /**
   * The NLP library, asked for one sentence's organisations and people (offsets into the
   * sentence); called only for sentences that need it (`needsNlp`).
   */
  readonly nlp?: (sentence: string) => readonly Entity[]
  /** The cue lexicon; the documented default when absent. */
  readonly lexicon?: CueLexicon
}

/** The key a rejection is remembered by: the sentence and the pair, order ignored. */
export const suggestionKey = (s: Pick<Suggestion, 'start' | 'end' | 'sourceText' | 'targetText'>) => {
  const [a, b] = [fold(s.sourceText), fold(s.targetText)].sort()
  return `${s.start}:${s.end}:${a}|${b}`
}

/** At most this many actors per sentence make pairs (a list of ten names is not ten ties each). */
export const MAX_MENTIONS = 8

const PRONOUN_SUBJECT =
  /^(?:it|its|they|their|he|she|his|her|the country|the state|the government|the regime|the republic)\b/i
const GENERIC =
  /^(?:president|minister|leader|government|army|military|the|a|an|foreign|prime|supreme|state|official|officials)$/i

interface Found {
  readonly key: string
  readonly actor: string | null
  readonly name: string
  /** Where the mention starts and ends in the (folded) sentence; a carried-over subject is at -1. */
  readonly at: number
  readonly end: number
}

/**
 * The gazetteer's countries the network lacks, found in a folded sentence by one regular expression
 * over all their names (longest first), each country once, at its first mention.
 */
function gazetteerFinder(gazetteer: readonly GazetteerEntry[], known: ReadonlySet<string>) {
  const byName = new Map<string, string>()
  for (const c of gazetteer) {
    if (c.names.some((n) => known.has(fold(n)))) continue
    const name = c.names[c.names.length > 1 && c.names[1]!.length < c.names[0]!.length ? 1 : 0]!
    for (const n of [...c.names, ...(NAME_TABLE[fold(c.names[0]!)] ?? [])])
      if (!byName.has(fold(n))) byName.set(fold(n), name)
  }
  if (byName.size === 0) return (): Found[] => []
  const alternation = [...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${alternation})(?:'s|s)?(?![\\p{L}\\p{N}])`, 'gu')
  return (hay: string): Found[] => {
    const out = new Map<string, Found>()
    for (const m of hay.matchAll(re)) {
      const name = byName.get(m[1]!)!
      const key = `n:${fold(name)}`
      if (!out.has(key)) out.set(key, { key, actor: null, name, at: m.index, end: m.index + m[0].length })
    }
    return [...out.values()]
  }
}

/** Capitalised words that are not names: sentence openers, months, days and titles. */
const NOT_NAMES = new Set(
  (
    'the a an in on at for to of and but however after since while although though as with this that these ' +
    'those it its they their he she his her we our there here when if by from despite amid because yet so ' +
    'meanwhile moreover furthermore ultimately indeed instead also both neither either not no all some many ' +
    'january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday president minister prime supreme leader foreign general ' +
    'director secretary senator ambassador chairman king prince queen mr mrs ms dr'
  ).split(' '),
)

/**
 * Whether the NLP library should read a sentence: it is not a heading, it has a capitalised word
 * after the first (not a month or a title) that no mention covers, and the sentence would then name
 * at least two actors.
 */
export function needsNlp(sentence: string, found: readonly { at: number; end: number }[]): boolean {
  // A heading offers no tie (rank.ts), so its names need no reading.
  if (isHeading(sentence)) return false
  // Unexplained names, counted as runs: "Saied Reza Ameli" or "Council of Europe" is one.
  let unexplained = 0
  let lastEnd = -1
  for (const m of sentence.matchAll(/\p{Lu}[\p{L}'’-]*/gu)) {
    const at = m.index
    // The first word is capitalised anyway.
    if (at === 0 || /^["“‘(]+$/u.test(sentence.slice(0, at))) continue
    if (found.some((f) => f.at <= at && at < f.end)) continue
    if (NOT_NAMES.has(fold(m[0]).replace(/'s$/, ''))) continue
    if (
      lastEnd < 0 ||
      !/^(?:\s+|\s+(?:of|the|for|and|bin|al|de|van|von)\s+)$/u.test(sentence.slice(lastEnd, at))
    )
      unexplained++
    lastEnd = at + m[0].length
  }
  return unexplained > 0 && found.length + unexplained >= 2
}

const quoteWords = (words: readonly string[]) => words.map((w) => `'${w}'`).join(', ')

/** Suggestions for one source text, in reading order. */
export function suggestTies(
  graph: Pick<Graph, 'actors' | 'relationTypes'>,
  source: Pick<Source, 'text' | 'asOf' | 'published'>,
  opts: SuggestOptions = {},
): Suggestion[] {
  const text = source.text ?? ''
  const types = new Set(graph.relationTypes.map((t) => t.id))
  const lexicon = opts.lexicon ?? DEFAULT_LEXICON
  const stems = allStems(lexicon)
  const fallbackType = types.has('diplomatic') ? 'diplomatic' : (graph.relationTypes[0]?.id ?? 'diplomatic')
  // Names the network already covers: a gazetteer country or an NLP name that is one of them is not new.
  const known = new Set<string>()
  for (const a of graph.actors)
    for (const n of [a.label, ...(a.aliases ?? []), ...(NAME_TABLE[fold(a.label)] ?? [])]) known.add(fold(n))
  const countries = gazetteerFinder(opts.gazetteer ?? [], known)
  const entities = [...(opts.entities ?? [])].sort((a, b) => a.start - b.start)
  const sentences = splitSentences(text)
  const paragraphs = text.split(/\n\s*\n/)
  let paraStart = 0
  const paraOf: Span[] = paragraphs.map((p) => {
    const s = { start: paraStart, end: paraStart + p.length }
    paraStart += p.length + (text.slice(paraStart + p.length).match(/^\n\s*\n/)?.[0].length ?? 0)
    return s
  })
  const out: Suggestion[] = []
  const fallbackYear = sourceYear(source) ?? null
  let previous: Found[] = []
  let e = 0
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end)
    const hay = fold(sentence)
    const found: Found[] = []
    for (const m of findMentions(graph, sentence))
      found.push({
        key: `a:${m.actor}`,
        actor: m.actor,
        name: graph.actors.find((a) => a.id === m.actor)!.label,
        at: m.at,
        end: m.at + m.text.length,
      })
    found.push(...countries(hay))
    while (e < entities.length && entities[e]!.start < s.start) e++
    const named: Entity[] = []
    for (let k = e; k < entities.length && entities[k]!.start < s.end; k++)
      named.push({ ...entities[k]!, start: entities[k]!.start - s.start, end: entities[k]!.end - s.start })
    // The NLP library reads only a sentence that has a capitalised word no mention explains, and
    // that would then name two actors: most of a long text is never parsed.
    if (opts.nlp !== undefined && needsNlp(sentence, found)) named.push(...opts.nlp(sentence))
    for (const ent of named) {
      const name = ent.text
        .replace(/[\s,.;:’'")(-]+$/u, '')
        .replace(/^[\s"“(]+/u, '')
        .replace(/'s$/, '')
      const f = fold(name)
      if (f.length < 3 || GENERIC.test(f)) continue
      // A name that holds a known actor's name ("Israeli military", "Iranian army") is that actor.
      const words = f.split(/[\s-]+/)
      if (words.some((w) => known.has(w)) || known.has(f)) continue
      if (found.some((x) => fold(x.name) === f)) continue
      found.push({
        key: `n:${f}`,
        actor: null,
        name,
        at: ent.start,
        end: ent.end,
      })
    }
    // A pronoun subject carries the previous sentence's one actor.
    if (
      PRONOUN_SUBJECT.test(sentence) &&
      previous.length === 1 &&
      !found.some((f) => f.key === previous[0]!.key)
    )
      found.unshift({ ...previous[0]!, at: -1, end: -1 })
    const unique = [...new Map(found.map((f) => [f.key, f])).values()]
      .sort((a, b) => a.at - b.at)
      .slice(0, MAX_MENTIONS)
    previous = unique.filter((f) => f.at >= 0)
    if (unique.length < 2) continue
    const para = paraOf.find((p) => p.start <= s.start && s.start <= p.end) ?? s
    const words = tokens(hay, sentence)
    const hasCue = words.some((t) => stems.some((c) => t.word.startsWith(c)))
    const pairs = rankPairs(hay, unique, { known: graph.actors.length > 0, cue: hasCue })
    if (pairs.length === 0) continue
    const here = readCues(words, lexicon, types)
    let around: CueReading | null = null
    const paragraph = () =>
      (around ??= readCues(
        tokens(fold(text.slice(para.start, para.end)), text.slice(para.start, para.end)),
        lexicon,
        types,
      ))
    const y =
      /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/.exec(sentence) ??
      /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/.exec(text.slice(para.start, para.end))
    for (const { a, b } of pairs) {
      // The stance of the words that join the two (from the first to the second mention) comes
      // first: "Azerbaijan supported Turkey …, to counter Iran" is cooperative for the first pair.
      const span = words.filter((t) => t.at >= Math.max(0, a.at) && t.end <= b.end)
      const local = span.length < words.length ? readCues(span, lexicon, types).stance : null
      const type = here.type ?? null
      const stance = local ?? here.stance ?? paragraph().stance
      const reason = [
        type ? `${quoteWords(type.words)} → ${type.id}${here.type ? '' : ' (paragraph)'}` : '',
        stance
          ? `${quoteWords(stance.words)} → ${stance.id}${local || here.stance ? '' : ' (paragraph)'}`
          : '',
      ]
        .filter((x) => x !== '')
        .join('; ')
      const sug: Suggestion = {
        source: a.actor,
        target: b.actor,
        sourceText: a.name,
        targetText: b.name,
        type: type?.id ?? fallbackType,
        // No cue: cooperative, the commonest stance of ties stated in prose.
        stance: stance?.id ?? 'cooperative',
        year: y !== null ? Number(y[1]) : fallbackYear,
        approximate: y === null,
        quote: sentence,
        start: s.start,
        end: s.end,
        reason: reason || 'no cue word: type and stance are defaults',
      }
      if (opts.rejected?.has(suggestionKey(sug))) continue
      out.push(sug)
    }
  }
  return out
}
