// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  exportFileName,
  guardCell,
  slug,
  subgraphFromView,
  toActorsCsv,
  toCsv,
  toV1Json,
} from '../../../src/io/export'
import { toGexf } from '../../../src/io/export/gexf'
import { toGraphml } from '../../../src/io/export/graphml'
import { importText } from '../../../src/io/import'
import { DEFAULT_FILTER, computeView } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { parseGraphText } from '../../../src/model/parse'
import type { Graph } from '../../../src/model/types'
import { tinyGraph } from '../helpers'

const dataset = (): Graph => {
  const r = parseGraphText(readFileSync('data/iran-azerbaijan.json', 'utf8'))
  if (!r.ok) throw new Error('the bundled dataset should be valid')
  return r.graph
}

describe('subgraphFromView', () => {
  const g: Graph = {
    ...tinyGraph([
      { source: 'a', target: 'b', start: 2000, end: 2005, evidence: [{ source: 's', quote: 'q1' }] },
      { source: 'b', target: 'c', start: 2010, evidence: [{ source: 't', quote: 'q2' }] },
      { source: 'c', target: 'd', type: 'economic', evidence: [] },
    ]),
    sources: [
      { id: 's', title: 'S' },
      { id: 't', title: 'T' },
      { id: 'u', title: 'U' },
    ],
  }
  const index = buildIndex(g)

  it('keeps shown actors and relations, the sources they quote, and every relation type', () => {
    const view = computeView(index, { ...DEFAULT_FILTER, yearWindow: [2009, 2012] })
    const sub = subgraphFromView(g, index, view)
    expect(sub.actors.map((a) => a.id)).toEqual(['b', 'c', 'd'])
    expect(sub.relations.map((r) => r.id)).toEqual(['r1', 'r2'])
    expect(sub.sources.map((s) => s.id)).toEqual(['t'])
    expect(sub.relationTypes).toEqual(g.relationTypes)
    const again = importText(toV1Json(sub), 'sub.json')
    expect(again.ok).toBe(true)
  })

  it('keeps unconnected actors when they are shown', () => {
    const view = computeView(index, { ...DEFAULT_FILTER, hiddenTypes: ['military'], showUnconnected: true })
    const sub = subgraphFromView(g, index, view)
    expect(sub.actors).toHaveLength(5)
    expect(sub.relations.map((r) => r.id)).toEqual(['r2'])
    expect(sub.sources).toEqual([])
  })
})

describe('toV1Json', () => {
  it('re-opens the bundled dataset unchanged, pretty-printed', () => {
    const g = dataset()
    const text = toV1Json(g)
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,\n {2}"title": /)
    const r = importText(text, 'out.json')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.format).toBe('v1')
    expect(r.graph).toEqual(g)
    expect(r.warnings).toEqual([])
  })
})

describe('toCsv', () => {
  it('quotes per RFC 4180 and guards formula cells', () => {
    const g = tinyGraph([
      { summary: 'a, "quoted"\nline', evidence: [{ source: 's', quote: '=HYPERLINK("x")' }] },
      { summary: "'=already", start: -500, end: -400, evidence: [{ source: 's', quote: '@cmd' }] },
    ])
    const csv = toCsv(g)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'id,source,target,type,stance,start,end,approximate,directed,summary,weight,quote,note,source_title,source_url,source_author,source_publisher,source_published',
    )
    expect(csv).toContain('"a, ""quoted""\nline"')
    expect(csv).toContain(`'=HYPERLINK`)
    expect(csv).toContain(`'-500,'-400,,,''=already,,'@cmd`)
    expect(csv.endsWith('\r\n')).toBe(true)
    const back = importText(csv, 'x.csv', [{ name: 'actors.csv', text: toActorsCsv(g) }])
    if (!back.ok) throw new Error(JSON.stringify(back.errors))
    expect(back.graph.relations.map((r) => [r.summary, r.start, r.end, r.evidence?.[0]?.quote])).toEqual([
      ['a, "quoted"\nline', undefined, undefined, '=HYPERLINK("x")'],
      ["'=already", -500, -400, '@cmd'],
    ])
  })

  it("carries each relation's weight, as the JSON export does, and reads it back", () => {
    const g = tinyGraph([
      { weight: 46, evidence: [{ source: 's', quote: 'one' }] },
      { weight: 2.5, evidence: [{ source: 's', quote: 'two' }] },
      { evidence: [{ source: 's', quote: 'three' }] },
    ])
    const csv = toCsv(g)
    const header = csv.split('\r\n')[0]!.split(',')
    const at = header.indexOf('weight')
    expect(at).toBeGreaterThan(0)
    expect(
      csv
        .split('\r\n')
        .slice(1, 4)
        .map((l) => l.split(',')[at]),
    ).toEqual(['46', '2.5', ''])
    const back = importText(csv, 'x.csv', [{ name: 'actors.csv', text: toActorsCsv(g) }])
    if (!back.ok) throw new Error(JSON.stringify(back.errors))
    expect(back.graph.relations.map((r) => r.weight)).toEqual([46, 2.5, undefined])
    const bad = importText('source,target,weight\na,b,many\n', 'w.csv')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors[0]!.path).toBe('row 2, column "weight"')
  })

  it('guards only cells a spreadsheet would evaluate', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', 'a=1', "'x", "'=x"].map(guardCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      'a=1',
      "'x",
      "''=x",
    ])
  })

  it('round-trips the bundled dataset through the relations and actors tables', () => {
    const g = dataset()
    const r = importText(toCsv(g), 'iran-azerbaijan.csv', [{ name: 'actors.csv', text: toActorsCsv(g) }])
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const key = (x: Graph) =>
      x.relations.map((rel) => [
        rel.id,
        rel.source,
        rel.target,
        rel.type,
        rel.stance,
        rel.start,
        rel.end ?? undefined,
        rel.directed,
        rel.summary,
        rel.evidence?.map((e) => e.quote),
      ])
    expect(key(r.graph)).toEqual(key(g))
    expect(r.graph.actors).toEqual(g.actors)
    expect(r.graph.sources.map((s) => s.title).sort()).toEqual(
      g.sources
        .filter((s) => g.relations.some((rel) => rel.evidence?.some((e) => e.source === s.id)))
        .map((s) => s.title)
        .sort(),
    )
  })
})

describe('exportFileName', () => {
  it.each([
    ['Iran–Azerbaijan relations', [2016, 2023], 'json', null, 'iran-azerbaijan-relations_2016-2023.json'],
    ['Iran–Azerbaijan relations', null, 'csv', null, 'iran-azerbaijan-relations_all-years.csv'],
    [
      'Iran–Azerbaijan relations',
      [1991, 2024],
      '.png',
      [1991, 2024],
      'iran-azerbaijan-relations_all-years.png',
    ],
    ['Çatalhöyük: «ancient» ties', [-7000, -7000], 'svg', null, 'catalhoyuk-ancient-ties_7000bce.svg'],
    ['<script>', [2001, 2002], 'json', [1990, 2020], 'script_2001-2002.json'],
    ['???', null, 'json', null, 'graph_all-years.json'],
    ['ایران و آذربایجان', [2020, 2020], 'csv', null, 'ایران-و-آذربایجان_2020.csv'],
    ['../../etc/passwd', null, 'json', null, 'etc-passwd_all-years.json'],
  ] as const)('%s %j %s → %s', (title, window, ext, extent, expected) => {
    expect(exportFileName(title, window, ext, extent)).toBe(expected)
  })

  it('keeps slugs short', () => expect(slug('word '.repeat(40)).length).toBeLessThanOrEqual(60))
})

describe('GEXF and GraphML of the bundled dataset', () => {
  it('GEXF: years as dynamics, direction per edge, the quotations with their sources', () => {
    const g = dataset()
    const xml = toGexf(g)
    expect(xml).toMatch(
      /<graph[^>]*mode="dynamic"[^>]*timeformat="integer"|<graph[^>]*timeformat="integer"[^>]*mode="dynamic"/,
    )
    const dated = g.relations.find((r) => r.start !== undefined && r.end != null)!
    expect(xml).toMatch(
      new RegExp(`<edge id="${dated.id}"[^>]*start="${dated.start}"[^>]*end="${dated.end}"`),
    )
    const r = importText(xml, 'back.gexf')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.actors.length).toBe(g.actors.length)
    expect(r.graph.relations.length).toBe(g.relations.length)
    const quotes = (x: Graph) =>
      x.relations.flatMap((rel) =>
        (rel.evidence ?? []).map(
          (e) => `${rel.id}|${x.sources.find((s) => s.id === e.source)?.title}|${e.quote}`,
        ),
      )
    expect(quotes(r.graph)).toEqual(quotes(g))
    expect(r.graph.relationTypes.map((t) => t.label).sort()).toEqual(
      [...new Set(g.relations.map((x) => g.relationTypes.find((t) => t.id === x.type)!.label))].sort(),
    )
  })

  it('GraphML: the same network back, markup in labels kept as text', () => {
    const g = dataset()
    const marked: Graph = {
      ...g,
      actors: g.actors.map((a, i) => (i === 0 ? { ...a, label: '<b>x</b> & "y"' } : a)),
    }
    const r = importText(toGraphml(marked), 'back.graphml')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.actors[0]!.label).toBe('<b>x</b> & "y"')
    expect(
      r.graph.relations.map((x) => [x.id, x.start, x.end ?? null, x.directed === true, x.evidence?.length]),
    ).toEqual(g.relations.map((x) => [x.id, x.start, x.end ?? null, x.directed === true, x.evidence?.length]))
  })
})
