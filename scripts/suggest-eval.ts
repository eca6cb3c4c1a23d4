/**
 * `npm run suggest:eval`: how good the suggested ties are on the two bundled sources (issue 20 §6).
 * A measurement, not a test. The suggester gets the bundled actors and relation types (or, in the
 * second setting, no actor at all), the gazetteer and the NLP library's names, and never the
 * bundled relations; its output is then compared with those relations:
 *
 * - a relation is *found* when a suggestion names its two actors (either order) in a sentence that
 *   overlaps one of its quotations; pair recall = found / relations with a quotation in these texts;
 * - of the relations found, the type right and the stance right (the best of its matching suggestions);
 * - precision = the share of suggestions whose pair the dataset relates with a quotation overlapping
 *   that sentence;
 * - mentions: for every quotation, each of its relation's two actors is a mention to find in the
 *   sentences the quotation overlaps; found when the suggester's mention finder (with pronoun
 *   carry-over) names that actor there.
 *
 * From an empty network a proposed name stands for a bundled actor when it is one of its label,
 * aliases or the documented demonyms and capitals (fold: case and accents ignored).
 */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import { entitiesOf } from '../src/evidence/nlp'
import { parseGraphText } from '../src/model/parse'
import { NAME_TABLE, fold } from '../src/evidence/guess'
import { splitSentences, suggestTies, type GazetteerEntry, type Suggestion } from '../src/evidence/suggest'
import type { Graph } from '../src/model/types'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const parsed = parseGraphText(readFileSync(join(root, 'data/iran-azerbaijan.json'), 'utf8'))
if (!parsed.ok) throw new Error('the bundled dataset does not validate')
const g = parsed.graph

countries.registerLocale(en)
const names = countries.getNames('en', { select: 'all' }) as Record<string, string[]>
const gazetteer: GazetteerEntry[] = Object.entries(names).map(([code, n]) => ({ code, names: n }))

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`)

/** The bundled actor a suggestion's end stands for: its id, or a proposed name that is one of its names. */
function actorOf(s: Suggestion, end: 'source' | 'target'): string | null {
  const id = s[end]
  if (id !== null) return id
  const name = fold(end === 'source' ? s.sourceText : s.targetText)
  for (const a of g.actors)
    if ([a.label, ...(a.aliases ?? []), ...(NAME_TABLE[fold(a.label)] ?? [])].some((n) => fold(n) === name))
      return a.id
  return null
}

function evaluate(label: string, network: Pick<Graph, 'actors' | 'relationTypes'>) {
  const t0 = performance.now()
  const all: { source: string; s: Suggestion }[] = []
  for (const src of g.sources)
    for (const s of suggestTies(network, src, { gazetteer, nlp: entitiesOf })) all.push({ source: src.id, s })
  const ms = performance.now() - t0
  const pairOf = (x: Suggestion) => [actorOf(x, 'source'), actorOf(x, 'target')] as const
  const samePair = (x: Suggestion, a: string, b: string) => {
    const [p, q] = pairOf(x)
    return (p === a && q === b) || (p === b && q === a)
  }
  let target = 0
  let found = 0
  let typeRight = 0
  let stanceRight = 0
  const misses: string[] = []
  for (const r of g.relations) {
    const quotes = (r.evidence ?? []).filter((e) => e.anchor !== undefined)
    if (quotes.length === 0) continue
    target++
    const hits = all.filter(
      ({ source, s }) =>
        samePair(s, r.source, r.target) && quotes.some((e) => e.source === source && overlaps(e.anchor!, s)),
    )
    if (hits.length === 0) {
      misses.push(`  ${r.id}: "${quotes[0]!.quote.slice(0, 90)}…"`)
      continue
    }
    found++
    if (hits.some(({ s }) => s.type === r.type)) typeRight++
    if (hits.some(({ s }) => s.stance === r.stance)) stanceRight++
  }
  let right = 0
  for (const { source, s } of all) {
    const [p, q] = pairOf(s)
    if (p === null || q === null) continue
    if (
      g.relations.some(
        (r) =>
          ((r.source === p && r.target === q) || (r.source === q && r.target === p)) &&
          (r.evidence ?? []).some(
            (e) => e.source === source && e.anchor !== undefined && overlaps(e.anchor, s),
          ),
      )
    )
      right++
  }
  console.log(`\n${label}`)
  console.log(`  suggestions: ${all.length} (in ${Math.round(ms)} ms with the NLP library)`)
  console.log(`  pair recall: ${found} of ${target} relations = ${pct(found, target)}`)
  console.log(
    `  type right (of found): ${pct(typeRight, found)}; stance right (of found): ${pct(stanceRight, found)}`,
  )
  console.log(`  precision: ${right} of ${all.length} suggestions = ${pct(right, all.length)}`)
  return { all, misses, found, target }
}

function mentionRecall() {
  let want = 0
  let got = 0
  const missed: string[] = []
  for (const src of g.sources) {
    const text = src.text ?? ''
    const sentences = splitSentences(text)
    // The suggester's own mentions per sentence: the actors its suggestions name there, plus single mentions.
    const sug = suggestTies(g, src, {})
    for (const r of g.relations)
      for (const e of r.evidence ?? []) {
        if (e.source !== src.id || e.anchor === undefined) continue
        const spans = sentences.filter((s) => overlaps(s, e.anchor!))
        for (const actor of [r.source, r.target]) {
          want++
          const inSuggestion = sug.some(
            (s) => spans.some((sp) => overlaps(sp, s)) && (s.source === actor || s.target === actor),
          )
          const a = g.actors.find((x) => x.id === actor)!
          const direct = spans.some((sp) =>
            [a.label, ...(a.aliases ?? []), ...(NAME_TABLE[fold(a.label)] ?? [])].some((n) =>
              fold(text.slice(sp.start, sp.end)).includes(fold(n)),
            ),
          )
          if (inSuggestion || direct) got++
          else missed.push(`  ${a.label} in "${e.quote.slice(0, 80)}…"`)
        }
      }
  }
  console.log(`\nmentions of bundled actors found: ${got} of ${want} = ${pct(got, want)}`)
  return missed
}

const withActors = evaluate(
  'With the bundled network’s actors (targets: recall ≥ 80 %, type and stance ≥ 70 %, precision ≥ 50 %)',
  g,
)
const missed = mentionRecall()
const empty = evaluate('From an empty network, gazetteer and NLP only (target: pair recall ≥ 50 %)', {
  actors: [],
  relationTypes: g.relationTypes,
})
console.log(
  `\nmisses with the bundled actors (${withActors.misses.length}):\n${withActors.misses.join('\n')}`,
)
console.log(`\nmentions missed (${missed.length}):\n${missed.slice(0, 40).join('\n')}`)
console.log(`\nmisses from an empty network: ${empty.misses.length}`)

// Speed: a 20,000-word document (the two texts repeated), suggestions with the NLP library.
let long = ''
const base = g.sources.map((s) => s.text ?? '').join('\n\n')
while (long.split(/\s+/).length < 20_000) long += base + '\n\n'
// Five runs (the first warms up the regular expressions and compromise's lexicon); the median.
const runs: number[] = []
for (let k = 0; k < 5; k++) {
  const t0 = performance.now()
  suggestTies(g, { text: long }, { gazetteer, nlp: entitiesOf })
  runs.push(performance.now() - t0)
}
const sorted = [...runs].sort((a, b) => a - b)
console.log(
  `\nspeed: ${long.split(/\s+/).length.toLocaleString('en')} words in a median ${Math.round(sorted[2]!)} ms ` +
    `(runs: ${runs.map((r) => Math.round(r)).join(', ')} ms; target 2 s; Node, main thread; load average ${loadavg()[0]!.toFixed(1)})`,
)
