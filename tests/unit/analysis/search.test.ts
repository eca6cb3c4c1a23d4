import { describe, expect, it } from 'vitest'
import { createActorSearch, fold, matchesText } from '../../../src/analysis/search'
import { buildIndex } from '../../../src/model/graphIndex'
import { graphOf } from './graphs'

const g = graphOf(
  ['az', 'tr', 'hz', 'ir', 'ar', 'is', 'us'],
  [
    { source: 'az', target: 'tr' },
    { source: 'hz', target: 'ir' },
  ],
  {
    az: 'Azerbaijan',
    tr: 'Türkiye',
    hz: 'Hezbollah',
    ir: 'Iran',
    ar: 'Armenia',
    is: 'Israel',
    us: 'United States',
  },
)
const withAliases = {
  ...g,
  actors: g.actors.map((a) => (a.id === 'us' ? { ...a, aliases: ['Washington', 'USA'] } : a)),
}
const index = buildIndex(withAliases)
const s = createActorSearch(index)
const shown = Uint8Array.from([1, 1, 1, 1, 0, 0, 0]) // az tr hz ir shown; ar is us hidden
const labels = (q: string) => s.search(q, shown).hits.map((h) => withAliases.actors[h.actor]!.label)

describe('actor search', () => {
  it('folds case and diacritics', () => {
    expect(fold('Türkiye')).toBe('turkiye')
    expect(fold('ŞANLIURFA')).toBe('sanliurfa')
    expect(labels('turkiye')).toEqual(['Türkiye'])
    expect(labels('TÜRK')).toEqual(['Türkiye'])
  })

  it('tolerates a typo per word', () => {
    expect(labels('Azerbajan')[0]).toBe('Azerbaijan')
    expect(labels('Hezbolah')).toEqual(['Hezbollah'])
    expect(labels('Isreal')).toEqual(['Israel'])
  })

  it('matches aliases and says which', () => {
    const r = s.search('washington', shown)
    expect(r.hits).toEqual([{ actor: index.actorIndex.get('us'), hidden: true, alias: 'Washington' }])
  })

  it('lists hidden actors after the shown ones and counts them all', () => {
    // "Iran" (shown) and "Israel" (hidden) contain "ra"; nothing else is within one typo of it.
    const r = s.search('ra', shown)
    expect(r.hits.map((h) => [withAliases.actors[h.actor]!.label, h.hidden])).toEqual([
      ['Iran', false],
      ['Israel', true],
    ])
    expect(r.total).toBe(2)
  })

  it('lists at most the limit and gives the total', () => {
    const many = graphOf(
      Array.from({ length: 40 }, (_, i) => `x${i}`),
      [],
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`x${i}`, `Station ${i}`])),
    )
    const r = createActorSearch(buildIndex(many)).search('station', null)
    expect(r.hits).toHaveLength(25)
    expect(r.total).toBe(40)
    expect(matchesText(r.hits.length, r.total)).toBe('25 of 40 matches')
  })

  it('returns nothing for an empty query and matches other scripts as substrings', () => {
    expect(s.search('   ', shown)).toEqual({ hits: [], total: 0 })
    const ru = graphOf(['m'], [], { m: 'Москва' })
    expect(createActorSearch(buildIndex(ru)).search('моск', null).total).toBe(1)
  })

  it('words its counts', () => {
    expect(matchesText(0, 0)).toBe('No match')
    expect(matchesText(1, 1)).toBe('1 match')
    expect(matchesText(3, 3)).toBe('3 matches')
  })
})
