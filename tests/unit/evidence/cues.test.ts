// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_LEXICON,
  readCues,
  tokens,
  validateLexicon,
  type CueLexicon,
} from '../../../src/evidence/cues'
import { fold } from '../../../src/evidence/guess'

const types = new Set(['diplomatic', 'military', 'economic'])
const read = (s: string, lexicon: CueLexicon = DEFAULT_LEXICON) =>
  readCues(tokens(fold(s), s), lexicon, types)

describe('readCues: each cue rule', () => {
  it('1. the type with the most cue words wins; a tie goes to the type listed first', () => {
    expect(read('Troops, drones and missiles crossed the border during the talks.').type).toEqual({
      id: 'military',
      words: ['troops', 'drones', 'missiles'],
    })
    // One diplomatic cue ("recognize") and one military ("troops"): diplomatic is listed first.
    expect(read('Iran was first to recognize Azerbaijan and now masses troops.').type?.id).toBe('diplomatic')
    // Only types the network has.
    expect(readCues(tokens('troops and drones'), DEFAULT_LEXICON, new Set(['economic'])).type).toBeNull()
  })
  it('2. stance cues add their group’s weight', () => {
    expect(read('Azerbaijan and Israel are allies and partners.').stance).toEqual({
      id: 'cooperative',
      words: ['allies', 'partners'],
    })
    expect(read('Iran accused Baku of hosting a threat.').stance?.id).toBe('hostile')
    const heavy = { ...DEFAULT_LEXICON, weights: { cooperative: 1, hostile: 3 } }
    expect(read('A partner and an ally, yet a threat.', heavy).stance?.id).toBe('hostile')
  })
  it('3. a negation among the three words before a cue turns it around', () => {
    expect(read('The US would not oppose a new government.').stance).toEqual({
      id: 'cooperative',
      words: ['not … oppose'],
    })
    expect(read('Turkey no longer supports the plan.').stance).toEqual({
      id: 'hostile',
      words: ['no … supports'],
    })
    // Farther than three words: no effect.
    expect(read('Nothing in the long and winding report is hostile.').stance?.id).toBe('hostile')
  })
  it('4. after "but" or "however" cues count twice', () => {
    expect(read('They signed an agreement with Baku, but the threat remains.').stance?.id).toBe('hostile')
    expect(read('There was a threat, but the alliance holds.').stance?.id).toBe('cooperative')
  })
  it('5. a capitalised word inside a sentence is a name, not a cue', () => {
    expect(read('Azerbaijan went to the conference in Warsaw.').stance).toBeNull()
    expect(read('War broke out.').stance?.id).toBe('hostile')
  })
  it('6. a tie goes to cooperative', () => {
    expect(read('Despite tensions, the alliance endured.').stance?.id).toBe('cooperative')
  })
})

describe('validateLexicon', () => {
  it('accepts the default and fills negation, contrast and weights when absent', () => {
    expect(validateLexicon(DEFAULT_LEXICON)).toEqual({ ok: true, lexicon: DEFAULT_LEXICON })
    const r = validateLexicon({
      type: { military: ['tank'] },
      stance: { cooperative: ['pact'], hostile: ['feud'] },
    })
    expect(r.ok && r.lexicon.negation).toEqual(DEFAULT_LEXICON.negation)
  })
  it('names the list and the word that is wrong', () => {
    expect(validateLexicon(null)).toEqual({ ok: false, errors: ['the lexicon must be an object'] })
    const r = validateLexicon({
      type: { military: ['Tanks', 7] },
      stance: { cooperative: ['pact'], hostile: ['pact'] },
      weights: { cooperative: 0, hostile: 1 },
    })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.errors).toEqual([
      'type.military: "Tanks" is not a lower-case word',
      'type.military: "7" is not a lower-case word',
      'stance: "pact" is both cooperative and hostile',
      'weights.cooperative: expected a number above 0 and at most 10',
    ])
    expect(validateLexicon({ type: {}, stance: {} }).ok).toBe(false)
  })
})
