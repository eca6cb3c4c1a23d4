// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { needsNlp, splitSentences, suggestTies, suggestionKey } from '../../../src/evidence/suggest'

const graph = {
  actors: [
    { id: 'iran', label: 'Iran', kind: 'state' as const },
    { id: 'azerbaijan', label: 'Azerbaijan', kind: 'state' as const },
    { id: 'turkey', label: 'Turkey', kind: 'state' as const },
  ],
  relationTypes: [
    { id: 'military', label: 'Military', color: '#D55E00' },
    { id: 'diplomatic', label: 'Diplomatic', color: '#009E73' },
  ],
}
const cut = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end))

describe('splitSentences', () => {
  it('cuts after . ! ? before a capital, and at paragraph breaks', () => {
    expect(cut('Iran warned Baku. Turkey replied! Was it a threat? Yes.\n\nA new paragraph')).toEqual([
      'Iran warned Baku.',
      'Turkey replied!',
      'Was it a threat?',
      'Yes.',
      'A new paragraph',
    ])
  })
  it('does not cut after abbreviations, initials or inside numbers', () => {
    expect(cut('Mr. Aliyev met Dr. Raisi in Tehran. The U.S. objected to the 2.5 billion deal.')).toEqual([
      'Mr. Aliyev met Dr. Raisi in Tehran.',
      'The U.S. objected to the 2.5 billion deal.',
    ])
  })
  it('keeps a closing quote with its sentence', () => {
    expect(cut('He said “we are ready.” Then he left.')).toEqual(['He said “we are ready.”', 'Then he left.'])
  })
})

describe('suggestTies', () => {
  const text =
    'In 2021 Iran held military exercises near its northern border. It accused Baku of hosting Israeli drones.\n\n' +
    'Turkey and Azerbaijan signed an alliance. Georgia stayed quiet and Georgia and Turkey held talks.'
  const all = suggestTies(
    graph,
    { text, asOf: 2023 },
    {
      gazetteer: [
        { code: 'GE', names: ['Georgia'] },
        { code: 'IR', names: ['Iran', 'Islamic Republic of Iran'] },
      ],
      entities: [{ text: 'Turkish Airlines', start: 0, end: 0 }],
    },
  )
  it('gives one candidate per sentence and pair, with type, stance, year and reason; a pronoun subject carries the previous actor', () => {
    // "It" is Iran, the one actor of the sentence before; the year is the paragraph's.
    const it = all.filter((s) => s.quote.startsWith('It accused'))
    expect(it).toHaveLength(1)
    expect(it[0]).toMatchObject({
      source: 'iran',
      target: 'azerbaijan',
      type: 'military',
      stance: 'hostile',
      year: 2021,
      approximate: false,
      reason: "'drones' → military; 'accused' → hostile",
    })
    expect(text.slice(it[0]!.start, it[0]!.end)).toBe(it[0]!.quote)
    // A sentence with one actor makes no pair.
    expect(all.some((s) => s.quote.startsWith('In 2021'))).toBe(false)
  })
  it('proposes gazetteer countries the network lacks as new actors, by name', () => {
    const g = all.find((s) => s.quote.includes('Georgia and Turkey'))!
    expect(g).toMatchObject({ source: null, sourceText: 'Georgia', target: 'turkey', type: 'diplomatic' })
    // A country the network has (Iran) is never proposed again.
    expect(all.some((s) => s.sourceText === 'Iran' && s.source === null)).toBe(false)
  })
  it('takes the source’s year, marked approximate, when the paragraph has none', () => {
    const t = all.find((s) => s.quote.startsWith('Turkey and Azerbaijan'))!
    expect(t).toMatchObject({ year: 2023, approximate: true, stance: 'cooperative' })
  })
  it('never offers a rejected suggestion again', () => {
    const t = all.find((s) => s.quote.startsWith('Turkey and Azerbaijan'))!
    const again = suggestTies(graph, { text, asOf: 2023 }, { rejected: new Set([suggestionKey(t)]) })
    expect(again.some((s) => s.start === t.start && s.source === 'turkey' && s.target === 'azerbaijan')).toBe(
      false,
    )
    expect(again.length).toBeGreaterThan(0)
  })
})

describe('the NLP library, asked only where it is needed', () => {
  it('needsNlp: a capitalised word after the first that no mention covers, in a sentence that could pair it', () => {
    const at = (s: string, name: string) => ({ at: s.indexOf(name), end: s.indexOf(name) + name.length })
    const s1 = 'Iran accused Hezbollah of nothing.'
    expect(needsNlp(s1, [at(s1, 'Iran')])).toBe(true)
    // Every capitalised word is explained by a mention, a month, a title or the sentence's start.
    const s2 = 'In October, President Raisi of Iran met Turkey.'
    expect(needsNlp(s2, [at(s2, 'Raisi'), at(s2, 'Iran'), at(s2, 'Turkey')])).toBe(false)
    // One unexplained name alone (one run, no other mention) could not make a pair.
    expect(needsNlp('They met Saied Reza Ameli there.', [])).toBe(false)
    // A heading is never read.
    expect(needsNlp('Background of the Conflict and Hezbollah', [])).toBe(false)
  })
  it('suggestTies calls it per sentence that needs it and proposes what it finds, offsets into the sentence', () => {
    const text = 'Iran and Turkey held talks. Iran armed Hezbollah against Israel.'
    const asked: string[] = []
    const out = suggestTies(
      { actors: graph.actors, relationTypes: graph.relationTypes },
      { text },
      {
        nlp: (s) => {
          asked.push(s)
          const i = s.indexOf('Hezbollah')
          return i < 0 ? [] : [{ text: 'Hezbollah', start: i, end: i + 9 }]
        },
      },
    )
    expect(asked).toEqual(['Iran armed Hezbollah against Israel.'])
    expect(out.some((s) => s.source === 'iran' && s.target === null && s.targetText === 'Hezbollah')).toBe(
      true,
    )
  })
})
