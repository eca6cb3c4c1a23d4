// @vitest-environment node
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  approximate,
  CONTEXT,
  locate,
  makeAnchor,
  occurrences,
  snapToWords,
} from '../../../src/evidence/anchor'
import { checkEvidence } from '../../../src/evidence/check'

const TEXT =
  'Iran and Azerbaijan share a long border.\n\nTehran accused Baku of hosting Israeli drones. ' +
  'Baku denied it. Tehran accused Baku of hosting Israeli drones, again, in 2022.'

describe('makeAnchor', () => {
  it('keeps the offsets and up to 32 characters of context either side', () => {
    const start = TEXT.indexOf('accused')
    const a = makeAnchor(TEXT, start, start + 'accused'.length)
    expect(TEXT.slice(a.start, a.end)).toBe('accused')
    expect(a.prefix).toBe(TEXT.slice(start - CONTEXT, start))
    expect(a.prefix.length).toBe(32)
    expect(a.suffix).toBe(' Baku of hosting Israeli drones.')
    expect(a.suffix.length).toBe(32)
  })
  it('clips the context at the ends of the text', () => {
    const a = makeAnchor(TEXT, 0, 4)
    expect(a.prefix).toBe('')
    const b = makeAnchor(TEXT, TEXT.length - 5, TEXT.length)
    expect(b.suffix).toBe('')
  })
  it('counts UTF-16 code units, as JavaScript strings index them', () => {
    const t = 'Flag 🇦🇿 then Baku.'
    const start = t.indexOf('Baku')
    expect(start).toBe(15) // the flag is two astral characters, four code units
    expect(makeAnchor(t, start, start + 4)).toMatchObject({ start: 15, end: 19 })
  })
  it('refuses a range outside the text', () => {
    expect(() => makeAnchor('abc', 2, 9)).toThrow(/not a range of a text of 3 characters/)
  })
})

describe('locate', () => {
  const quote = 'Tehran accused Baku of hosting Israeli drones'
  const first = TEXT.indexOf(quote)
  const second = TEXT.indexOf(quote, first + 1)

  it('is exact when the anchor points at the quote', () => {
    const a = makeAnchor(TEXT, second, second + quote.length)
    expect(locate(TEXT, quote, a)).toEqual({ state: 'exact', anchor: a })
  })
  it('is exact without an anchor when the quote occurs once, and anchors it there', () => {
    const r = locate(TEXT, 'Baku denied it.')
    expect(r.state).toBe('exact')
    if (r.state === 'exact') expect(TEXT.slice(r.anchor.start, r.anchor.end)).toBe('Baku denied it.')
  })
  it('repairs a moved quote, choosing the occurrence its context names', () => {
    const old = makeAnchor(TEXT, second, second + quote.length)
    const edited = 'A new first paragraph.\n\n' + TEXT
    const r = locate(edited, quote, old)
    expect(r.state).toBe('moved')
    if (r.state !== 'moved') return
    expect(r.anchor.start).toBe(second + 24) // the second occurrence, not the first
    expect(edited.slice(r.anchor.start, r.anchor.end)).toBe(quote)
    expect(r.from).toBe(second)
  })
  it('never repairs an approximate match: it needs review, with the nearest passage', () => {
    const altered = 'Tehran accused Baku of hosting Israeli aircraft'
    const r = locate(TEXT, altered, makeAnchor(TEXT, first, first + quote.length))
    expect(r.state).toBe('review')
    if (r.state !== 'review') return
    expect(TEXT.slice(r.nearest.start, r.nearest.end)).toMatch(/^Tehran accused Baku of hosting Israeli/)
    expect(r.distance).toBeGreaterThan(0)
    expect(r.distance).toBeLessThanOrEqual(Math.floor(altered.length / 4))
  })
  it('reports a quote that is nowhere as not found', () => {
    expect(locate(TEXT, 'Armenia signed a treaty with France in 1999').state).toBe('notFound')
  })
  it('finds an approximate match with a changed word far into a long text', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(20000)
    const text = filler + TEXT + filler
    const near = approximate(text, 'Baku denies it.')
    expect(near).not.toBeNull()
    expect(text.slice(near!.anchor.start, near!.anchor.end)).toBe('Baku denied it.')
  })
  it('lists every occurrence', () => {
    expect(occurrences(TEXT, quote)).toEqual([first, second])
    expect(occurrences(TEXT, '')).toEqual([])
  })
})

describe('snapToWords', () => {
  it('widens a selection to whole words and trims surrounding space', () => {
    const s = TEXT.indexOf('cused Ba')
    const r = snapToWords(TEXT, s - 1, s + 'cused Ba'.length)
    expect(TEXT.slice(r.start, r.end)).toBe('accused Baku')
    const t = ' Baku denied it. '
    const r2 = snapToWords(t, 0, t.length)
    expect(t.slice(r2.start, r2.end)).toBe('Baku denied it.')
  })
  it('keeps a selection across paragraphs', () => {
    const s = TEXT.indexOf('border')
    const e = TEXT.indexOf('accused') + 3
    const r = snapToWords(TEXT, s + 2, e)
    expect(TEXT.slice(r.start, r.end)).toBe('border.\n\nTehran accused')
  })
})

describe('checkEvidence', () => {
  it('counts each state and the ties with no quotation', () => {
    const quote = 'Baku denied it.'
    const at = TEXT.indexOf(quote)
    const graph = {
      sources: [
        { id: 's', title: 'S', text: TEXT },
        { id: 'n', title: 'No text' },
      ],
      relations: [
        {
          id: 'r1',
          source: 'a',
          target: 'b',
          type: 't',
          stance: 'hostile' as const,
          summary: 'x',
          evidence: [
            { source: 's', quote, anchor: makeAnchor(TEXT, at, at + quote.length) },
            { source: 's', quote, anchor: makeAnchor(TEXT, 3, 3 + quote.length) },
            { source: 's', quote: 'Baku denies it.' },
            { source: 's', quote: 'nothing like this at all, anywhere' },
            { source: 'n', quote: 'unchecked words' },
          ],
        },
        { id: 'r2', source: 'a', target: 'b', type: 't', stance: 'hostile' as const, summary: 'y' },
      ],
    }
    const r = checkEvidence(graph)
    expect(r.counts).toEqual({ exact: 1, moved: 1, review: 1, notFound: 1, unchecked: 1, unsupported: 1 })
    expect(r.unsupported).toEqual(['r2'])
    expect(r.quotes[1]).toMatchObject({ state: 'moved', from: 3, anchor: { start: at } })
  })
})

describe('anchoring properties', () => {
  const textArb = fc.string({
    unit: fc.constantFrom('a', 'b', ' ', 'é', '\n', '🇦', 'Baku', 'Iran', '.'),
    minLength: 1,
    maxLength: 300,
  })

  it('a quote made from any selection is an exact substring of its source at its anchor', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, x, y) => {
        const a = x % (text.length + 1)
        const b = y % (text.length + 1)
        const sel = snapToWords(text, Math.min(a, b), Math.max(a, b))
        const quote = text.slice(sel.start, sel.end)
        const anchor = makeAnchor(text, sel.start, sel.end)
        expect(text.slice(anchor.start, anchor.end)).toBe(quote)
        if (quote !== '') expect(locate(text, quote, anchor)).toEqual({ state: 'exact', anchor })
      }),
    )
  })

  it('editing the text elsewhere moves anchors but never mismatches them', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), fc.nat(), textArb, (text, x, y, z, insert) => {
        const a = x % (text.length + 1)
        const b = y % (text.length + 1)
        const start = Math.min(a, b)
        const end = Math.max(a, b)
        fc.pre(end > start)
        const quote = text.slice(start, end)
        const anchor = makeAnchor(text, start, end)
        // An edit before the quote's start or after its end (never inside it).
        const cut = z % (text.length - (end - start) + 1)
        const at = cut <= start ? cut : end + (cut - start)
        const edited = text.slice(0, at) + insert + text.slice(at)
        const r = locate(edited, quote, anchor)
        expect(['exact', 'moved']).toContain(r.state)
        if (r.state === 'exact' || r.state === 'moved')
          expect(edited.slice(r.anchor.start, r.anchor.end)).toBe(quote)
      }),
    )
  })
})
