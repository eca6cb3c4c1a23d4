/**
 * The cue lexicon: the words that make a type and a stance guess, in the spirit of the CAMEO and
 * PETRARCH verb dictionaries, and the rules that read them. The user can edit it (the "Cue
 * lexicon" dialog); `validateLexicon` is the boundary every edited or stored lexicon passes. Pure.
 *
 * A cue is a stem: a word counts when it starts with it ("accus" matches "accused", "accusing").
 * Rules, in order:
 * 1. Type: the relation type with the most cue words wins (only types the network has); a tie
 *    goes to the type listed first (diplomatic, in the default).
 * 2. Stance: every cooperative and hostile cue adds its group's weight.
 * 3. Negation: a stance cue with a negation word among the three words before it counts for the
 *    other stance ("would not oppose" is cooperative, "no longer supports" hostile).
 * 4. Contrast: after "but", "however"… the rest of the sentence is its point, so cues there count
 *    twice.
 * 5. A capitalised word in the middle of a sentence is a name, not a cue ("Warsaw" is no war).
 * 6. A tie goes to cooperative: in the bundled texts a sentence that both praises and warns
 *    mostly reports a tie that holds despite the warning.
 */
import type { Stance } from '../model/types'

export type StanceCue = 'cooperative' | 'hostile'

export interface CueLexicon {
  /** Cue stems by relation type id. */
  readonly type: Readonly<Record<string, readonly string[]>>
  /** Cue stems by stance. */
  readonly stance: Readonly<Record<StanceCue, readonly string[]>>
  /** Whole words that turn the stance cue after them around. */
  readonly negation: readonly string[]
  /** Whole words after which a sentence's cues count twice. */
  readonly contrast: readonly string[]
  /** What one cue of each stance weighs. */
  readonly weights: Readonly<Record<StanceCue, number>>
}

/** The documented default lexicon (README, "Sources and evidence"); tuned on the bundled texts. */
export const DEFAULT_LEXICON: CueLexicon = {
  type: {
    diplomatic: [
      'embassy',
      'recognis',
      'recogniz',
      'talks',
      'visit',
      'diplomat',
      'ambassador',
      'summit',
      'treaty',
      'relations',
      'cordial',
      'delegation',
      'conference',
      'negotiat',
      'rapprochement',
      'overture',
      'dispute',
      'meeting',
    ],
    military: [
      'troop',
      'drone',
      'arms',
      'weapon',
      'exercise',
      'military',
      'army',
      'missile',
      'soldier',
      'defence',
      'defense',
    ],
    economic: [
      'trade',
      'gas',
      'pipeline',
      'investment',
      'invest',
      'sanction',
      'oil',
      'economic',
      'export',
      'import',
    ],
  },
  stance: {
    cooperative: [
      'alliance',
      'allied',
      'ally',
      'allies',
      'support',
      'partner',
      'cooperat',
      'friend',
      'ties',
      'agreement',
      'deal',
      'aid',
      'backed',
      'backing',
      'proxy',
      'proxies',
      'recogni',
      'brotherly',
    ],
    hostile: [
      'threat',
      'accus',
      'tension',
      'war',
      'hostil',
      'rival',
      'attack',
      'conflict',
      'enem',
      'contain',
      'encircle',
      'sanction',
      'warn',
      'against',
      'weaken',
      'oppos',
      'condemn',
      'clash',
      'suspic',
    ],
  },
  negation: ['not', 'no', 'never', 'neither', 'nor', 'without', "n't", 'cannot', 'nothing'],
  contrast: ['but', 'however', 'yet', 'whereas', 'nevertheless', 'nonetheless'],
  weights: { cooperative: 1, hostile: 1 },
}

/** A word of a folded text, with its place. */
export interface Token {
  readonly word: string
  readonly at: number
  readonly end: number
  /** Capitalised in the middle of its sentence: a name ("Warsaw"), never a cue ("war"). */
  readonly name: boolean
}

/**
 * The words of a folded text ("n't" kept as a word of its own, so that negation sees it). With the
 * original text (same length: fold keeps one character per letter), capitalised words after the
 * first are marked as names.
 */
export function tokens(hay: string, original?: string): Token[] {
  const out: Token[] = []
  const re = /n't|\p{L}+/gu
  for (let m = re.exec(hay); m !== null; m = re.exec(hay)) {
    const c = original !== undefined && original.length === hay.length ? original[m.index]! : ''
    const name = out.length > 0 && !/[.!?]\s*$/u.test(hay.slice(0, m.index)) && /\p{Lu}/u.test(c)
    out.push({ word: m[0], at: m.index, end: m.index + m[0].length, name })
  }
  return out
}

const stemOf = (word: string, stems: readonly string[]) => stems.find((s) => word.startsWith(s))

export interface CueReading {
  readonly type: { readonly id: string; readonly words: readonly string[] } | null
  readonly stance: { readonly id: Stance; readonly words: readonly string[] } | null
}

/**
 * The type and stance the cues of some words point to (rules 1–5 above). `words` are tokens of
 * one sentence or paragraph; `types` the relation type ids the network has.
 */
export function readCues(
  words: readonly Token[],
  lexicon: CueLexicon,
  types: ReadonlySet<string>,
): CueReading {
  let type: CueReading['type'] = null
  for (const [id, stems] of Object.entries(lexicon.type)) {
    if (!types.has(id)) continue
    const hits: string[] = []
    for (const t of words)
      if (stemOf(t.word, stems) !== undefined && !hits.includes(t.word)) hits.push(t.word)
    if (hits.length > 0 && (type === null || hits.length > type.words.length)) type = { id, words: hits }
  }
  const score = { cooperative: 0, hostile: 0 }
  const said = { cooperative: [] as string[], hostile: [] as string[] }
  let contrast = false
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.word
    if (lexicon.contrast.includes(w)) contrast = true
    if (words[i]!.name) continue
    for (const group of ['cooperative', 'hostile'] as const) {
      if (stemOf(w, lexicon.stance[group]) === undefined) continue
      const before = words.slice(Math.max(0, i - 3), i).find((t) => lexicon.negation.includes(t.word))
      const to = before === undefined ? group : group === 'hostile' ? 'cooperative' : 'hostile'
      const label = before === undefined ? w : `${before.word} … ${w}`
      score[to] += lexicon.weights[to] * (contrast ? 2 : 1)
      if (!said[to].includes(label)) said[to].push(label)
    }
  }
  const stance: CueReading['stance'] =
    score.cooperative + score.hostile === 0
      ? null
      : score.hostile > score.cooperative
        ? { id: 'hostile', words: said.hostile }
        : { id: 'cooperative', words: said.cooperative }
  return { type, stance }
}

/** Every stem of a lexicon, for "does this sentence have a cue at all". */
export const allStems = (lexicon: CueLexicon) => [
  ...Object.values(lexicon.type).flat(),
  ...lexicon.stance.cooperative,
  ...lexicon.stance.hostile,
]

export type LexiconCheck = { ok: true; lexicon: CueLexicon } | { ok: false; errors: string[] }

const STEM = /^[\p{Ll}\p{N}'’-]{2,40}$/u

/**
 * An edited or stored lexicon, checked: each list holds lower-case stems of 2 to 40 letters; the
 * stance groups and the weights are there; no stem is both cooperative and hostile. Errors name
 * the list and the word.
 */
export function validateLexicon(x: unknown): LexiconCheck {
  const errors: string[] = []
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  const list = (v: unknown, where: string): string[] => {
    if (!Array.isArray(v)) {
      errors.push(`${where}: expected a list of words`)
      return []
    }
    const out: string[] = []
    for (const w of v) {
      if (typeof w !== 'string' || !STEM.test(w))
        errors.push(`${where}: "${String(w)}" is not a lower-case word`)
      else if (!out.includes(w)) out.push(w)
    }
    return out
  }
  if (!isObj(x)) return { ok: false, errors: ['the lexicon must be an object'] }
  const type: Record<string, string[]> = {}
  if (!isObj(x.type)) errors.push('type: expected an object of relation types')
  else for (const [k, v] of Object.entries(x.type)) type[k] = list(v, `type.${k}`)
  const stance = { cooperative: [] as string[], hostile: [] as string[] }
  if (!isObj(x.stance)) errors.push('stance: expected "cooperative" and "hostile" lists')
  else {
    stance.cooperative = list(x.stance.cooperative, 'stance.cooperative')
    stance.hostile = list(x.stance.hostile, 'stance.hostile')
    for (const w of stance.cooperative)
      if (stance.hostile.includes(w)) errors.push(`stance: "${w}" is both cooperative and hostile`)
  }
  const negation = x.negation === undefined ? [...DEFAULT_LEXICON.negation] : list(x.negation, 'negation')
  const contrast = x.contrast === undefined ? [...DEFAULT_LEXICON.contrast] : list(x.contrast, 'contrast')
  const weights = { ...DEFAULT_LEXICON.weights }
  if (x.weights !== undefined) {
    if (!isObj(x.weights)) errors.push('weights: expected { cooperative, hostile }')
    else
      for (const k of ['cooperative', 'hostile'] as const) {
        const v = x.weights[k]
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 10)
          errors.push(`weights.${k}: expected a number above 0 and at most 10`)
        else weights[k] = v
      }
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, lexicon: { type, stance, negation, contrast, weights } }
}
