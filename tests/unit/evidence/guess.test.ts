// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { CUE_LEXICON, findMentions, guessRelation } from '../../../src/evidence/guess'

const graph = {
  actors: [
    { id: 'iran', label: 'Iran', kind: 'state' as const, aliases: ['Islamic Republic of Iran'] },
    { id: 'azerbaijan', label: 'Azerbaijan', kind: 'state' as const },
    { id: 'turkey', label: 'Turkey', kind: 'state' as const, aliases: ['Türkiye'] },
    { id: 'united-states', label: 'United States', kind: 'state' as const, aliases: ['US'] },
  ],
  relationTypes: [
    { id: 'military', label: 'Military', color: '#D55E00' },
    { id: 'economic', label: 'Economic', color: '#0072B2' },
    { id: 'diplomatic', label: 'Diplomatic', color: '#009E73' },
  ],
}
const ids = (s: string) => findMentions(graph, s).map((m) => m.actor)

describe('findMentions', () => {
  it('finds labels and aliases ignoring case and accents', () => {
    expect(ids('TURKIYE and iran')).toEqual(['turkey', 'iran'])
  })
  it('finds demonyms and capital-city metonyms', () => {
    expect(ids('Iranian officials warned Baku')).toEqual(['iran', 'azerbaijan'])
    expect(ids('Ankara and Tehran')).toEqual(['turkey', 'iran'])
    expect(ids('the Turkish army')).toEqual(['turkey'])
  })
  it('finds possessives, and whole words only', () => {
    expect(ids("Azerbaijan's army faced Iran’s troops")).toEqual(['azerbaijan', 'iran'])
    expect(ids('Irania and Turkeys')).toEqual(['turkey'])
    expect(ids('the USSR collapsed; us and them')).toEqual([])
    expect(ids('the US and Iran')).toEqual(['united-states', 'iran'])
  })
})

describe('guessRelation: each cue rule', () => {
  const cases: [string, string, string | undefined][] = [
    ['Iran moved troops to the border with Azerbaijan.', 'military', undefined],
    ['Iran flew drones over Azerbaijan.', 'military', undefined],
    ['Turkey sold arms to Azerbaijan.', 'military', undefined],
    ['Iran held exercises near Azerbaijan.', 'military', undefined],
    ['Iran and Turkey expanded their trade.', 'economic', undefined],
    ['Azerbaijan sells gas to Turkey.', 'economic', undefined],
    ['A pipeline links Azerbaijan to Turkey.', 'economic', undefined],
    ['Turkey made an investment in Azerbaijan.', 'economic', undefined],
    ['The US imposed sanctions on Iran.', 'economic', undefined],
    ['Iran opened an embassy in Azerbaijan.', 'diplomatic', undefined],
    ['Iran recognised Azerbaijan.', 'diplomatic', undefined],
    ['Iran and Azerbaijan held talks.', 'diplomatic', undefined],
    ['The Turkish president made a visit to Azerbaijan.', 'diplomatic', undefined],
  ]
  it.each(cases)('%s → %s', (s, type) => expect(guessRelation(graph, s).type).toBe(type))
  it.each([
    ['Turkey and Azerbaijan formed an alliance.', 'cooperative'],
    ['Turkey gives support to Azerbaijan.', 'cooperative'],
    ['Azerbaijan is a partner of Turkey.', 'cooperative'],
    ['Iran sees Azerbaijan as a threat.', 'hostile'],
    ['Iran accused Azerbaijan of spying.', 'hostile'],
    ['Tensions rose between Iran and Azerbaijan.', 'hostile'],
    ['Iran warned of war with Azerbaijan.', 'hostile'],
  ])('%s → %s', (s, stance) => expect(guessRelation(graph, s).stance).toBe(stance))
  it('names its reason and the two actors, the year from the passage or, approximate, from the source', () => {
    const g = guessRelation(graph, 'In 2021 Tehran accused Baku of hosting troops, a threat.')
    expect(g).toMatchObject({
      from: 'iran',
      to: 'azerbaijan',
      type: 'military',
      stance: 'hostile',
      start: 2021,
    })
    expect(g.reason).toBe("'troops' → military; 'accused', 'threat' → hostile")
    expect(g.approximate).toBeUndefined()
    expect(guessRelation(graph, 'Iran and Turkey held talks.', { asOf: 2023 })).toMatchObject({
      start: 2023,
      approximate: true,
    })
    expect(guessRelation(graph, 'Iran and Turkey held talks.', { published: '2019-04' }).start).toBe(2019)
  })
  it('keeps the issue’s cue words in the lexicon', () => {
    for (const w of ['troop', 'drone', 'arms', 'exercise']) expect(CUE_LEXICON.type.military).toContain(w)
    for (const w of ['trade', 'gas', 'pipeline', 'investment', 'sanction'])
      expect(CUE_LEXICON.type.economic).toContain(w)
    for (const w of ['alliance', 'support', 'partner']) expect(CUE_LEXICON.stance.cooperative).toContain(w)
    for (const w of ['threat', 'accus', 'tension', 'war']) expect(CUE_LEXICON.stance.hostile).toContain(w)
  })
})
