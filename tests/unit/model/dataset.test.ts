// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkQuotes } from '../../../src/model/evidence'
import { parseGraphText } from '../../../src/model/parse'
import { graphJsonSchema } from '../../../src/model/jsonSchema'

const root = new URL('../../../', import.meta.url)
const read = (p: string) => readFileSync(new URL(p, root), 'utf8')

describe('the bundled dataset', () => {
  const result = parseGraphText(read('data/iran-azerbaijan.json'))
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  const g = result.graph

  it('validates with no error and no warning', () => {
    expect(result.warnings).toEqual([])
  })

  it('quotes every source verbatim', () => {
    const texts = new Map(g.sources.map((s) => [s.id, read(`data/sources/${s.id}.txt`)]))
    expect(texts.size).toBe(2)
    expect(checkQuotes(g, texts)).toEqual([])
  })

  it('ships the source texts unchanged beside it', () => {
    expect(readdirSync(new URL('data/sources/', root)).sort()).toEqual(
      g.sources.map((s) => `${s.id}.txt`).sort(),
    )
  })

  it('backs every relation with at least one quotation, and explains inferred years', () => {
    for (const r of g.relations) {
      expect(r.evidence?.length, r.id).toBeGreaterThan(0)
      if (r.approximate)
        expect(
          r.evidence!.some((e) => (e.note ?? '').length > 10),
          r.id,
        ).toBe(true)
    }
  })

  it('covers the expected breadth', () => {
    expect(g.actors.length).toBeGreaterThanOrEqual(25)
    expect(g.relations.length).toBeGreaterThanOrEqual(60)
    for (const t of ['military', 'economic', 'diplomatic'])
      expect(
        g.relations.some((r) => r.type === t),
        t,
      ).toBe(true)
    for (const s of ['cooperative', 'hostile'])
      expect(g.relations.filter((r) => r.stance === s).length, s).toBeGreaterThan(10)
    const ids = new Set(g.actors.map((a) => a.id))
    for (const id of [
      'iran',
      'azerbaijan',
      'armenia',
      'turkey',
      'israel',
      'united-states',
      'russia',
      'hezbollah',
    ])
      expect(ids.has(id), id).toBe(true)
    const used = new Set(g.relations.flatMap((r) => [r.source, r.target]))
    expect([...ids].filter((id) => !used.has(id))).toEqual([])
  })
})

describe('public/graph.schema.json', () => {
  it('is generated from the validator’s schema (run `npm run schema` after changing it)', () => {
    expect(JSON.parse(read('public/graph.schema.json'))).toEqual(graphJsonSchema())
  })
})

describe('the bundled dataset embeds its source texts and anchors every quotation', () => {
  const result = parseGraphText(read('data/iran-azerbaijan.json'))
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  const g = result.graph

  it('carries each source text exactly as data/sources/ has it', () => {
    for (const s of g.sources) expect(s.text, s.id).toBe(read(`data/sources/${s.id}.txt`))
  })

  it('gives every quotation an anchor whose slice of the text is the quote', () => {
    let n = 0
    for (const r of g.relations)
      for (const e of r.evidence ?? []) {
        const text = g.sources.find((s) => s.id === e.source)!.text!
        expect(e.anchor, r.id).toBeDefined()
        expect(text.slice(e.anchor!.start, e.anchor!.end), r.id).toBe(e.quote)
        expect(e.anchor!.prefix).toBe(text.slice(Math.max(0, e.anchor!.start - 32), e.anchor!.start))
        expect(e.anchor!.suffix).toBe(text.slice(e.anchor!.end, e.anchor!.end + 32))
        n++
      }
    expect(n).toBe(137)
  })
})
