import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { comparePaths, parseGraphText, validateGraph } from '../../../src/model/parse'
import { ACTOR_KINDS, STANCES } from '../../../src/model/schema'

const base = () => ({
  schemaVersion: 1,
  title: 'Test',
  sources: [{ id: 's1', title: 'Source one', url: 'https://example.org/a' }],
  actors: [
    { id: 'IRN', label: 'Iran', kind: 'state' },
    { id: 'AZE', label: 'Azerbaijan', kind: 'state' },
  ],
  relations: [
    {
      id: 'r1',
      source: 'IRN',
      target: 'AZE',
      type: 'diplomatic',
      stance: 'cooperative',
      start: 1991,
      summary: 'Recognition',
      evidence: [{ source: 's1', quote: 'recognised' }],
    },
  ],
})
type Doc = ReturnType<typeof base> & Record<string, unknown>
const mutate = (f: (d: Doc) => void): string => {
  const d = base() as Doc
  f(d)
  return JSON.stringify(d)
}

// [name, file text, expected path, expected message fragment]
const INVALID: [string, string, string, string][] = [
  ['empty file', '', '(file)', 'the file is empty'],
  ['syntax error with position', '{\n  "title": "x",\n  "actors": [}\n', '(file)', 'line 3, column 14'],
  ['truncated file', '{"schemaVersion": 1, "title": "x", "act', '(file)', 'but the file ends there'],
  ['an HTML error page', '<!doctype html><h1>404</h1>', '(file)', 'looks like an HTML page'],
  ['a list instead of an object', '[1,2]', '(file)', 'not a list'],
  ['wrong schemaVersion', mutate((d) => (d.schemaVersion = 2)), 'schemaVersion', 'schemaVersion must be 1'],
  ['missing title', mutate((d) => delete (d as Partial<Doc>).title), 'title', 'title is required'],
  ['empty title', mutate((d) => (d.title = '  ')), 'title', 'title must not be empty'],
  ['actors not a list', mutate((d) => (d.actors = {} as never)), 'actors', 'actors must be a list'],
  [
    'missing relations',
    mutate((d) => delete (d as Partial<Doc>).relations),
    'relations',
    'relations is required',
  ],
  ['bad actor kind', mutate((d) => (d.actors[0]!.kind = 'country')), 'actors[0].kind', 'kind must be one of'],
  [
    'empty actor label',
    mutate((d) => (d.actors[1]!.label = '')),
    'actors[1].label',
    'label must not be empty',
  ],
  [
    'label of the wrong type',
    mutate((d) => ((d.actors[1] as Record<string, unknown>).label = 5)),
    'actors[1].label',
    'label must be a string',
  ],
  [
    'duplicate actor id',
    mutate((d) => (d.actors[1]!.id = 'IRN')),
    'actors[1].id',
    'duplicate id "IRN" (already used by actors[0])',
  ],
  [
    'dangling target',
    mutate((d) => (d.relations[0]!.target = 'ARM')),
    'relations[0].target',
    'no actor has the id "ARM"',
  ],
  [
    'dangling source',
    mutate((d) => (d.relations[0]!.source = 'X')),
    'relations[0].source',
    'no actor has the id "X"',
  ],
  [
    'self relation',
    mutate((d) => (d.relations[0]!.target = 'IRN')),
    'relations[0].target',
    'cannot link actor "IRN" to itself',
  ],
  [
    'unknown relation type',
    mutate((d) => (d.relations[0]!.type = 'cultural')),
    'relations[0].type',
    'no relation type has the id "cultural"',
  ],
  [
    'bad stance',
    mutate((d) => (d.relations[0]!.stance = 'friendly')),
    'relations[0].stance',
    'stance must be one of',
  ],
  ['non-integer year', mutate((d) => (d.relations[0]!.start = 1991.5)), 'relations[0].start', 'whole number'],
  [
    'year as a string',
    mutate((d) => ((d.relations[0] as Record<string, unknown>).start = '1991')),
    'relations[0].start',
    'whole number',
  ],
  [
    'year out of range',
    mutate((d) => (d.relations[0]!.start = 99999)),
    'relations[0].start',
    'between -3000 and 3000',
  ],
  [
    'end before start',
    mutate((d) => ((d.relations[0] as Record<string, unknown>).end = 1980)),
    'relations[0].end',
    'end (1980) is before start (1991)',
  ],
  [
    'end without start',
    mutate((d) => {
      delete (d.relations[0] as Record<string, unknown>).start
      ;(d.relations[0] as Record<string, unknown>).end = 2000
    }),
    'relations[0].start',
    'needs a start year',
  ],
  [
    'duplicate relation id',
    mutate((d) => d.relations.push({ ...d.relations[0]! })),
    'relations[1].id',
    'duplicate id "r1"',
  ],
  [
    'evidence from an unknown source',
    mutate((d) => (d.relations[0]!.evidence[0]!.source = 'nope')),
    'relations[0].evidence[0].source',
    'no source has the id "nope"',
  ],
  [
    'empty quote',
    mutate((d) => (d.relations[0]!.evidence[0]!.quote = '')),
    'relations[0].evidence[0].quote',
    'quote must not be empty',
  ],
  [
    'javascript: url',
    mutate((d) => (d.sources[0]!.url = 'javascript:alert(1)')),
    'sources[0].url',
    'http or https',
  ],
  [
    'bad published date',
    mutate((d) => ((d.sources[0] as Record<string, unknown>).published = '2021/10/05')),
    'sources[0].published',
    '"YYYY", "YYYY-MM" or "YYYY-MM-DD"',
  ],
  [
    'bad colour',
    mutate((d) => (d.relationTypes = [{ id: 'military', label: 'Military', color: 'red' }] as never)),
    'relationTypes[0].color',
    'hex colour',
  ],
  [
    'duplicate relation type',
    mutate(
      (d) =>
        (d.relationTypes = [
          { id: 'm', label: 'M', color: '#000' },
          { id: 'm', label: 'N', color: '#111' },
        ] as never),
    ),
    'relationTypes[1].id',
    'duplicate id "m"',
  ],
  [
    'declared types replace the defaults',
    mutate((d) => (d.relationTypes = [{ id: 'trade', label: 'Trade', color: '#000' }] as never)),
    'relations[0].type',
    'no relation type has the id "diplomatic"',
  ],
  [
    'missing summary',
    mutate((d) => delete (d.relations[0] as Record<string, unknown>).summary),
    'relations[0].summary',
    'summary is required',
  ],
  [
    'evidence not a list',
    mutate((d) => ((d.relations[0] as Record<string, unknown>).evidence = 'q')),
    'relations[0].evidence',
    'evidence must be a list',
  ],
  [
    'directed not a boolean',
    mutate((d) => ((d.relations[0] as Record<string, unknown>).directed = 'yes')),
    'relations[0].directed',
    'directed must be true or false',
  ],
  [
    'source text not a string',
    mutate((d) => ((d.sources[0] as Record<string, unknown>).text = 12)),
    'sources[0].text',
    'text must be a string',
  ],
  [
    'anchor end before start',
    mutate(
      (d) =>
        ((d.relations[0]!.evidence[0] as Record<string, unknown>).anchor = {
          start: 9,
          end: 2,
          prefix: '',
          suffix: '',
        }),
    ),
    'relations[0].evidence[0].anchor.end',
    'end (2) is before start (9)',
  ],
  [
    'negative anchor offset',
    mutate(
      (d) =>
        ((d.relations[0]!.evidence[0] as Record<string, unknown>).anchor = {
          start: -1,
          end: 2,
          prefix: '',
          suffix: '',
        }),
    ),
    'relations[0].evidence[0].anchor.start',
    'start must not be negative',
  ],
  [
    'anchor without its context',
    mutate((d) => ((d.relations[0]!.evidence[0] as Record<string, unknown>).anchor = { start: 0, end: 2 })),
    'relations[0].evidence[0].anchor.prefix',
    'prefix is required',
  ],
  [
    'page zero',
    mutate((d) => ((d.relations[0]!.evidence[0] as Record<string, unknown>).page = 0)),
    'relations[0].evidence[0].page',
    'page must be 1 or more',
  ],
]

describe('parseGraphText: invalid files', () => {
  it('has at least 25 cases', () => expect(INVALID.length).toBeGreaterThanOrEqual(25))
  it.each(INVALID)('%s', (_name, text, path, fragment) => {
    const r = parseGraphText(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const hit = r.errors.find((e) => e.path === path && e.message.includes(fragment))
    expect(hit, JSON.stringify(r.errors, null, 1)).toBeDefined()
  })
})

describe('parseGraphText: valid files', () => {
  it('accepts a minimal file and fills in the default relation types', () => {
    const r = parseGraphText(JSON.stringify(base()))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.graph.relationTypes.map((t) => t.label)).toEqual(['Military', 'Economic', 'Diplomatic'])
    expect(r.warnings).toEqual([])
  })
  it('tolerates a byte-order mark', () => {
    expect(parseGraphText('\uFEFF' + JSON.stringify(base())).ok).toBe(true)
  })
  it('ignores unknown fields with a warning', () => {
    const r = parseGraphText(mutate((d) => ((d.actors[0] as Record<string, unknown>).flag = 'x')))
    expect(r.ok).toBe(true)
    expect(r.warnings).toEqual([{ path: 'actors[0].flag', message: 'unknown field "flag" is ignored' }])
  })
  it('accepts a source text, an anchor and a page, and files without them stay valid', () => {
    const d = base() as Doc
    ;(d.sources[0] as Record<string, unknown>).text = 'Iran recognised Azerbaijan.'
    ;(d.relations[0]!.evidence[0] as Record<string, unknown>).anchor = {
      start: 5,
      end: 15,
      prefix: 'Iran ',
      suffix: ' Azerbaijan.',
    }
    ;(d.relations[0]!.evidence[0] as Record<string, unknown>).page = 2
    const r = parseGraphText(JSON.stringify(d))
    expect(r.ok && r.warnings).toEqual([])
    if (!r.ok) return
    expect(r.graph.sources[0]!.text).toBe('Iran recognised Azerbaijan.')
    expect(r.graph.relations[0]!.evidence![0]!.anchor).toEqual({
      start: 5,
      end: 15,
      prefix: 'Iran ',
      suffix: ' Azerbaijan.',
    })
    expect(parseGraphText(JSON.stringify(base())).ok).toBe(true)
  })

  it('accepts null as an ongoing end', () => {
    expect(parseGraphText(mutate((d) => ((d.relations[0] as Record<string, unknown>).end = null))).ok).toBe(
      true,
    )
  })
  it('reports every problem, not only the first', () => {
    const r = parseGraphText(
      mutate((d) => {
        d.relations[0]!.target = 'ARM'
        d.actors[0]!.kind = 'x'
        d.sources[0]!.url = 'ftp://x'
      }),
    )
    expect(r.ok ? 0 : r.errors.length).toBe(3)
  })
  it('keys such as __proto__ and constructor do no harm', () => {
    const text =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"bad": 1}}, ' +
      JSON.stringify(base()).slice(1).replace('"kind":"state"', '"kind":"state","__proto__":{"x":1}')
    const r = parseGraphText(text)
    expect(r.ok).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(r.warnings.map((w) => w.path)).toContain('__proto__')
  })
  it('survives deep nesting in an unknown field', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000)
    const r = parseGraphText(
      JSON.stringify(base()).replace('"title":"Test"', `"title":"Test","extra":${deep}`),
    )
    expect(r.ok).toBe(true)
  })
})

describe('validator properties', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = parseGraphText(text)
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof validateGraph(v).ok).toBe('boolean')
      }),
      { numRuns: 300 },
    )
  })

  const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '')
  const graphArb = fc
    .record({
      title: text,
      actorIds: fc.uniqueArray(text, { minLength: 2, maxLength: 8 }),
      sourceIds: fc.uniqueArray(text, { minLength: 1, maxLength: 3 }),
    })
    .chain(({ title, actorIds, sourceIds }) =>
      fc.record({
        schemaVersion: fc.constant(1 as const),
        title: fc.constant(title),
        sources: fc.constant(sourceIds.map((id) => ({ id, title: `T ${id}` }))),
        actors: fc.tuple(
          ...actorIds.map((id) =>
            fc.record({ id: fc.constant(id), label: text, kind: fc.constantFrom(...ACTOR_KINDS) }),
          ),
        ),
        relations: fc
          .array(
            fc.record({
              pair: fc.uniqueArray(fc.constantFrom(...actorIds), { minLength: 2, maxLength: 2 }),
              type: fc.constantFrom('military', 'economic', 'diplomatic'),
              stance: fc.constantFrom(...STANCES),
              years: fc.option(
                fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.option(fc.integer({ min: 0, max: 50 }))),
              ),
              summary: text,
              quotes: fc.array(fc.record({ source: fc.constantFrom(...sourceIds), quote: text }), {
                maxLength: 2,
              }),
            }),
            { maxLength: 20 },
          )
          .map((rs) =>
            rs.map((r, i) => ({
              id: `r${i}`,
              source: r.pair[0]!,
              target: r.pair[1]!,
              type: r.type,
              stance: r.stance,
              ...(r.years === null
                ? {}
                : {
                    start: r.years[0],
                    ...(r.years[1] === null ? {} : { end: Math.min(3000, r.years[0] + r.years[1]) }),
                  }),
              summary: r.summary,
              evidence: r.quotes,
            })),
          ),
      }),
    )

  it('accepts every graph generated from the schema, unchanged', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const r = parseGraphText(JSON.stringify(g))
        expect(r.ok, r.ok ? '' : JSON.stringify(r.errors)).toBe(true)
        if (r.ok) {
          expect(r.graph.actors).toEqual(g.actors)
          expect(r.graph.relations).toEqual(g.relations)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('problem order', () => {
  it('lists problems in reading order, numbers compared as numbers', () => {
    const paths = ['relations[10].target', 'actors[2].id', 'relations[9].type', 'relations[100].id', 'title']
    expect([...paths].sort(comparePaths)).toEqual([
      'actors[2].id',
      'relations[9].type',
      'relations[10].target',
      'relations[100].id',
      'title',
    ])
  })

  it('reports the problems of a large file in relation order', () => {
    const actors = [{ id: 'a', label: 'A', kind: 'state' }]
    const relations = Array.from({ length: 120 }, (_, i) => ({
      id: `r${i}`,
      source: 'a',
      target: `missing${i}`,
      type: 'military',
      stance: 'hostile',
      summary: 's',
    }))
    const r = validateGraph({ schemaVersion: 1, title: 't', sources: [], actors, relations })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toHaveLength(120)
    expect(r.errors.map((e) => e.path)).toEqual(relations.map((_, i) => `relations[${i}].target`))
  })
})
