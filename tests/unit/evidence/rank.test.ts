// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { RANK_WEIGHTS, isHeading, rankPairs, type RankedMention } from '../../../src/evidence/rank'
import { fold } from '../../../src/evidence/guess'

/** Mentions of the given names in a sentence, as the suggester finds them (known actors). */
function mentionsOf(sentence: string, names: string[], unknown: string[] = []) {
  const hay = fold(sentence)
  const ms: (RankedMention & { name: string })[] = names.map((n) => {
    const at = hay.indexOf(fold(n))
    if (at < 0) throw new Error(`${n} is not in the sentence`)
    return { name: n, actor: unknown.includes(n) ? null : n, at, end: at + n.length }
  })
  return { hay, ms: ms.sort((a, b) => a.at - b.at) }
}
const pairs = (
  sentence: string,
  names: string[],
  opts = { known: true, cue: true },
  unknown: string[] = [],
) => {
  const { hay, ms } = mentionsOf(sentence, names, unknown)
  return rankPairs(hay, ms, opts).map((p) => `${p.a.name}–${p.b.name}`)
}

describe('rankPairs: each ranking rule', () => {
  it('1. a heading states no tie, nor does a hyphenated pair', () => {
    expect(isHeading('Background of the Iran-Azerbaijan conflict')).toBe(true)
    expect(pairs('Iran and Azerbaijan in the news', ['Iran', 'Azerbaijan'])).toEqual([])
    expect(
      pairs('The Iran-Azerbaijan conflict worries Russia.', ['Iran', 'Azerbaijan', 'Russia']),
    ).not.toContain('Iran–Azerbaijan')
  })
  it('2. members of one list score below a pair across the verb; "between" pairs them again', () => {
    const s = 'Azerbaijan cooperates with NATO, the EU and Israel.'
    const ranked = pairs(s, ['Azerbaijan', 'NATO', 'EU', 'Israel'])
    // The subject with each member of the list first; list members among themselves after.
    expect(ranked.slice(0, 3).every((p) => p.startsWith('Azerbaijan–'))).toBe(true)
    expect(pairs('Talks between Baku and Yerevan stalled.', ['Baku', 'Yerevan'])).toEqual(['Baku–Yerevan'])
    const { hay, ms } = mentionsOf('Russia, China and Iran met.', ['Russia', 'China', 'Iran'])
    const sameList = rankPairs(hay, ms, { known: true, cue: false })
    const { hay: h2, ms: m2 } = mentionsOf('Talks between Russia, China and Iran.', [
      'Russia',
      'China',
      'Iran',
    ])
    const between = rankPairs(h2, m2, { known: true, cue: false })
    expect(between[0]!.score - sameList[0]!.score).toBeCloseTo(-RANK_WEIGHTS.sameList)
  })
  it('2. the main clause’s subject comes after an opening adverbial', () => {
    const s = 'After the war in Armenia, Iran warned Turkey about Israel.'
    const { hay, ms } = mentionsOf(s, ['Armenia', 'Iran', 'Turkey', 'Israel'])
    const ranked = rankPairs(hay, ms, { known: true, cue: true })
    const names = ranked.map((p) => `${p.a.name}–${p.b.name}`)
    // Iran with Israel (not adjacent, but the subject) before Armenia with Turkey (neither).
    expect(names.indexOf('Iran–Israel')).toBeGreaterThanOrEqual(0)
    expect(names.indexOf('Iran–Israel')).toBeLessThan(Math.max(names.indexOf('Armenia–Turkey'), names.length))
    // Armenia (in the opener) with Israel: not adjacent, not the subject, far apart: not kept.
    expect(names).not.toContain('Armenia–Israel')
    // The opener's comma does not make "Armenia, Iran" a list.
    expect(names[0]).toBe('Armenia–Iran')
  })
  it('2. a proposed new actor comes after the known pairs when the network has actors, not otherwise', () => {
    const s = 'Iran accused Azerbaijan and Hezbollah of plotting.'
    const known = pairs(s, ['Iran', 'Azerbaijan', 'Hezbollah'], { known: true, cue: true }, ['Hezbollah'])
    expect(known[0]).toBe('Iran–Azerbaijan')
    expect(known).not.toContain('Azerbaijan–Hezbollah')
    const empty = pairs(s, ['Iran', 'Azerbaijan', 'Hezbollah'], { known: false, cue: true }, ['Hezbollah'])
    expect(empty).toContain('Iran–Hezbollah')
  })
  it('3. at most `keep` pairs per sentence, best first, none below the threshold', () => {
    const s = 'Iran, Russia, China, Turkey, Israel and the US all watch Armenia.'
    const names = ['Iran', 'Russia', 'China', 'Turkey', 'Israel', 'US', 'Armenia']
    const { hay, ms } = mentionsOf(s, names)
    const ranked = rankPairs(hay, ms, { known: true, cue: false })
    expect(ranked.length).toBeLessThanOrEqual(RANK_WEIGHTS.keep)
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score)
    expect(ranked.every((p) => p.score >= RANK_WEIGHTS.threshold)).toBe(true)
  })
})
