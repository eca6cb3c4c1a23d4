/**
 * Deterministic benchmark graphs in format v1 (docs/data-format.md).
 *
 * Structure: actors fall into communities of uneven size; each actor gets a Pareto-distributed
 * weight, and relation endpoints are drawn in proportion to it, so degrees are heavy-tailed (a few
 * hubs, many actors with one or two ties). Most relations stay inside a community, some cross.
 * Every relation has a type (military, economic, diplomatic), a stance (cooperative, hostile,
 * neutral), years over a 30-year span (some undated, some ongoing), a one-line summary and one
 * evidence quotation that names a generated source. Same seed and size → byte-identical file.
 *
 * `node bench/generate.mjs [1k|5k|20k …]` writes bench/graphs/<size>.json (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const SIZES = {
  '1k': { actors: 1_000, relations: 4_000 },
  '5k': { actors: 5_000, relations: 20_000 },
  '20k': { actors: 20_000, relations: 80_000 },
  '50k': { actors: 50_000, relations: 200_000 },
  '100k': { actors: 100_000, relations: 400_000 },
}

/** Bump when the output changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 1

export const FIRST_YEAR = 1995
export const LAST_YEAR = 2024 // 30 years

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = [
  'ka',
  'ro',
  'va',
  'lin',
  'dor',
  'mes',
  'ta',
  'ri',
  'zan',
  'bel',
  'or',
  'ki',
  'sul',
  'an',
  'tor',
  'le',
  'mar',
  'no',
  'is',
  'gal',
  've',
  'run',
  'sa',
  'tem',
  'ul',
  'dra',
  'po',
  'nes',
  'cor',
  'ia',
]
const SUFFIX = ['ia', 'stan', 'land', 'ora', 'ar', 'ene', 'ova', 'is']
const KINDS = [
  ['state', 0.45],
  ['organisation', 0.2],
  ['armed-group', 0.12],
  ['bloc', 0.05],
  ['person', 0.13],
  ['other', 0.05],
]
const TYPES = [
  ['military', 0.3],
  ['economic', 0.4],
  ['diplomatic', 0.3],
]
const STANCES = [
  ['cooperative', 0.55],
  ['hostile', 0.25],
  ['neutral', 0.2],
]
const VERBS = {
  military: {
    cooperative: ['holds joint exercises with', 'supplies arms to', 'signed a defence pact with'],
    hostile: ['clashed at the border with', 'shelled positions of', 'mobilised against'],
    neutral: ['observes the forces of', 'exchanged military attachés with'],
  },
  economic: {
    cooperative: ['signed a trade deal with', 'finances a pipeline with', 'invests in'],
    hostile: ['imposed sanctions on', 'blocked the exports of', 'froze the assets of'],
    neutral: ['trades modestly with', 'holds tariff talks with'],
  },
  diplomatic: {
    cooperative: ['recognised', 'opened an embassy in', 'mediates for'],
    hostile: ['expelled the envoys of', 'broke off relations with', 'condemned'],
    neutral: ['keeps a consulate in', 'abstained on a resolution about'],
  },
}

function pick(r, table) {
  let x = r()
  for (const [value, p] of table) {
    if ((x -= p) < 0) return value
  }
  return table[table.length - 1][0]
}

/** Index into a cumulative weight array by binary search. */
function draw(cum, x) {
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cum[mid] > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

export function generateGraph(size, seed = 20260101) {
  const spec = SIZES[size]
  if (spec === undefined) throw new Error(`unknown size "${size}" (use ${Object.keys(SIZES).join(', ')})`)
  const r = rng(seed + spec.actors)
  const n = spec.actors
  const m = spec.relations

  // Communities of uneven size: Pareto-ish sizes, normalised to n.
  const communityCount = Math.max(4, Math.round(Math.sqrt(n) / 1.5))
  const raw = Array.from({ length: communityCount }, () => 1 / Math.pow(1 - r(), 0.7))
  const total = raw.reduce((a, b) => a + b, 0)
  const community = new Int32Array(n)
  const members = Array.from({ length: communityCount }, () => [])
  {
    let a = 0
    for (let c = 0; c < communityCount && a < n; c++) {
      const count = c === communityCount - 1 ? n - a : Math.max(2, Math.round((raw[c] / total) * n))
      for (let k = 0; k < count && a < n; k++, a++) {
        community[a] = c
        members[c].push(a)
      }
    }
    for (; a < n; a++) {
      community[a] = communityCount - 1
      members[communityCount - 1].push(a)
    }
  }

  // Heavy-tailed activity: Pareto(α = 1.6) weights.
  const weight = Float64Array.from({ length: n }, () => Math.pow(1 - r(), -1 / 1.6))
  const cumAll = new Float64Array(n)
  let s = 0
  for (let i = 0; i < n; i++) cumAll[i] = s += weight[i]
  const cumBy = members.map((list) => {
    let t = 0
    return Float64Array.from(list, (a) => (t += weight[a]))
  })

  const usedLabels = new Set()
  const actors = []
  for (let i = 0; i < n; i++) {
    let label
    do {
      const parts = 2 + Math.floor(r() * 2)
      let w = ''
      for (let p = 0; p < parts; p++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)]
      label = w[0].toUpperCase() + w.slice(1) + SUFFIX[Math.floor(r() * SUFFIX.length)]
    } while (usedLabels.has(label) && usedLabels.size < n * 50)
    if (usedLabels.has(label)) label = `${label} ${i}`
    usedLabels.add(label)
    const actor = { id: `a${i}`, label, kind: pick(r, KINDS) }
    if (r() < 0.1) actor.description = `An actor of community ${community[i] + 1}.`
    actors.push(actor)
  }

  const sourceCount = Math.max(10, Math.round(n / 20))
  const sources = Array.from({ length: sourceCount }, (_, i) => {
    const year = FIRST_YEAR + Math.floor(r() * 30)
    const month = 1 + Math.floor(r() * 12)
    return {
      id: `s${i}`,
      title: `Regional security review no. ${i + 1}`,
      author: `Analyst ${String.fromCharCode(65 + (i % 26))}. ${SYLLABLES[i % SYLLABLES.length]}`,
      publisher: `Bench Institute ${1 + (i % 7)}`,
      published: `${year}-${String(month).padStart(2, '0')}`,
      url: `https://example.org/review/${i + 1}`,
    }
  })

  const relations = []
  for (let i = 0; i < m; i++) {
    const a = draw(cumAll, r() * cumAll[n - 1])
    let b
    do {
      if (r() < 0.85) {
        const c = community[a]
        const cum = cumBy[c]
        b = members[c][draw(cum, r() * cum[cum.length - 1])]
        if (members[c].length < 2) b = draw(cumAll, r() * cumAll[n - 1])
      } else {
        b = draw(cumAll, r() * cumAll[n - 1])
      }
    } while (b === a)
    const type = pick(r, TYPES)
    const stance = pick(r, STANCES)
    const verbs = VERBS[type][stance]
    const verb = verbs[Math.floor(r() * verbs.length)]
    const rel = { id: `r${i}`, source: `a${a}`, target: `a${b}`, type, stance }
    let when = ''
    if (r() >= 0.12) {
      const start = FIRST_YEAR + Math.floor(r() * 30)
      rel.start = start
      const e = r()
      if (e < 0.35) {
        when = ` since ${start}`
      } else {
        const end = Math.min(LAST_YEAR, start + Math.floor(-Math.log(1 - r()) * 4))
        rel.end = end
        when = end === start ? ` in ${start}` : ` from ${start} to ${end}`
      }
      if (r() < 0.1) rel.approximate = true
    }
    if (r() < 0.3) rel.directed = true
    rel.summary = `${actors[a].label} ${verb} ${actors[b].label}${when}.`
    const src = sources[Math.floor(r() * sourceCount)]
    rel.evidence = [
      {
        source: src.id,
        quote: `Officials confirmed that ${actors[a].label} ${verb} ${actors[b].label}${when}, according to the review.`,
      },
    ]
    relations.push(rel)
  }

  return {
    schemaVersion: 1,
    title: `Benchmark graph ${size} (${n} actors, ${m} relations)`,
    description: `Generated by bench/generate.mjs v${GENERATOR_VERSION}, seed ${seed}. Synthetic; not real events.`,
    sources,
    actors,
    relations,
  }
}

export const GRAPH_DIR = join(dirname(fileURLToPath(import.meta.url)), 'graphs')

/** Writes bench/graphs/<size>.json and returns its path. */
export function writeGraph(size) {
  mkdirSync(GRAPH_DIR, { recursive: true })
  const path = join(GRAPH_DIR, `${size}.json`)
  writeFileSync(path, JSON.stringify(generateGraph(size)))
  return path
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(SIZES)) {
    console.log(writeGraph(size))
  }
}
