/**
 * Which pairs of a sentence's mentions are worth offering as ties, best first. A sentence that
 * names five actors rarely states ten ties: most of them are co-mentioned in a list, or one of
 * them is the scenery of a clause about the others. Pure; the weights are data with their reasons,
 * tuned on the bundled texts (`npm run suggest:eval`, bench/README.md), never on its relations.
 *
 * Rules:
 * 1. A heading (no closing punctuation) states no tie, and neither does a hyphenated pair
 *    ("the Iran-Azerbaijan conflict" names a topic).
 * 2. Scored: members of one list ("the US, Israel and Turkey", "both Moscow and Beijing") score
 *    down, unless the list follows "between" or "among" ("talks between Baku and Yerevan");
 *    mentions next to each other, a pair with the main clause's subject (the first mention
 *    after an opening adverbial such as "After the war,"), and a sentence with a cue word score up;
 *    words between the two score down; so does a proposed new actor when the network has actors
 *    (it is offered, but after the pairs of actors the analyst already has).
 * 3. At most `keep` pairs per sentence, and none below `threshold`.
 */

/** A mention, with its place in the folded sentence (a carried-over subject is at -1). */
export interface RankedMention {
  readonly actor: string | null
  readonly at: number
  readonly end: number
}

export const RANK_WEIGHTS = {
  /** Next to each other in the sentence's order of mentions. */
  adjacent: 1,
  /** One of the two is (in the list of) the main clause's subject. */
  subject: 1,
  /** The sentence has a type or stance cue word. */
  cue: 1,
  /** Members of one list (rule 2). */
  sameList: -1,
  /** Per word between the two mentions. */
  perWord: -0.05,
  /** A proposed new actor, when the network has actors. */
  newActor: -3,
  keep: 4,
  threshold: -1,
} as const

/** Words that join the names of one list. */
const LIST_GAP = /^(?:\s*(?:,|;|and|or|nor|&|as well as|along with)\s*)+(?:the\s+|both\s+)?$/u
/** A list after these words pairs its members. */
const BETWEEN = /\b(?:between|among|amongst)\s+(?:the\s+)?$/u
/** An opening adverbial: the main clause's subject comes after its comma. */
const OPENER =
  /^(?:after|since|while|although|though|because|when|as|if|despite|amid|with|using|in|on|for|to|by|following|during|before|unlike|like|given|considering|starting)\b[^,]*,/u

export const isHeading = (sentence: string) => !/[.!?:;"”’)\]]$/u.test(sentence.trimEnd())

export interface RankedPair<M> {
  readonly a: M
  readonly b: M
  readonly score: number
}

/**
 * The pairs to offer, best first (ties keep reading order). `hay` is the folded sentence the
 * mentions' offsets point into; `known` says whether the network has actors; `cue` whether the
 * sentence has a cue word.
 */
export function rankPairs<M extends RankedMention>(
  hay: string,
  mentions: readonly M[],
  opts: { known: boolean; cue: boolean },
  w: typeof RANK_WEIGHTS = RANK_WEIGHTS,
): RankedPair<M>[] {
  if (mentions.length < 2 || isHeading(hay)) return []
  const cut = OPENER.exec(hay)?.[0].length ?? 0
  // Lists: runs of mentions joined by list words (never across the opener's comma); each run's
  // first mention says if "between" precedes it.
  const list: number[] = []
  const between = new Map<number, boolean>()
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!
    const prev = mentions[i - 1]
    if (
      prev !== undefined &&
      prev.at >= 0 &&
      m.at >= prev.end &&
      !(prev.end <= cut && m.at >= cut) &&
      LIST_GAP.test(hay.slice(prev.end, m.at))
    )
      list.push(list[i - 1]!)
    else {
      list.push(i)
      between.set(i, m.at > 0 && BETWEEN.test(hay.slice(Math.max(0, m.at - 20), m.at)))
    }
  }
  const first = mentions.findIndex((m) => m.at >= cut)
  const subject = list[first < 0 ? 0 : first]!
  const out: RankedPair<M>[] = []
  for (let i = 0; i < mentions.length; i++)
    for (let j = i + 1; j < mentions.length; j++) {
      const a = mentions[i]!
      const b = mentions[j]!
      const gap = a.at >= 0 && b.at >= a.end ? hay.slice(a.end, b.at) : ''
      if (/^\s*[-‐–]\s*$/u.test(gap)) continue
      const words = gap.match(/\p{L}+/gu)?.length ?? 0
      const score =
        (j === i + 1 ? w.adjacent : 0) +
        (list[i] === subject || list[j] === subject ? w.subject : 0) +
        (opts.cue ? w.cue : 0) +
        (list[i] === list[j] && !between.get(list[i]!) ? w.sameList : 0) +
        words * w.perWord +
        (opts.known && (a.actor === null || b.actor === null) ? w.newActor : 0)
      if (score >= w.threshold) out.push({ a, b, score })
    }
  // A stable sort: equal scores keep reading order.
  return out.sort((x, y) => y.score - x.score).slice(0, w.keep)
}
