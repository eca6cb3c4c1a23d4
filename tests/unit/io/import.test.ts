// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importBytes, importText, detectFormat, decodeUtf8, MAX_IMPORT_BYTES } from '../../../src/io/import'
import { DEFAULT_RELATION_TYPES } from '../../../src/model/schema'

const dir = new URL('../../fixtures/formats/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8')

describe('good fixtures of every format', () => {
  it.each([
    ['alliances.d3.json', 'd3'],
    ['alliances-by-index.d3.json', 'd3'],
    ['alliances.gexf', 'gexf'],
    ['alliances.graphml', 'graphml'],
  ])('%s opens as %s with 8 actors and 10 relations', (name, format) => {
    const r = importText(read(name), name)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.format).toBe(format)
    expect(r.graph.actors).toHaveLength(8)
    expect(r.graph.relations).toHaveLength(10)
  })

  it('relations.csv with actors.csv', () => {
    const r = importText(read('relations.csv'), 'relations.csv', [
      { name: 'actors.csv', text: read('actors.csv') },
    ])
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.format).toBe('csv')
    expect(r.graph.actors).toHaveLength(8)
    expect(r.graph.relations).toHaveLength(10)
    expect(r.graph.actors.find((a) => a.id === 'csto')?.label).toBe('Collective Security Treaty Organization')
  })
})

describe('detection', () => {
  it.each([
    ['{"nodes": []}', 'x.txt', 'v1'],
    ['<?xml version="1.0"?><gexf version="1.3">', 'x.xml', 'gexf'],
    ['<graphml>', 'graph.data', 'graphml'],
    ['<!DOCTYPE html><p>', 'graph.json', 'html'],
    ['  <html lang="en">', 'graph.gexf', 'html'],
    ['source,target\na,b', 'table.dat', 'csv'],
    ['source,target\na,b', 'table.csv', 'csv'],
    ['just words', 'notes.md', 'unknown'],
  ])('%j named %s is %s', (text, name, format) => {
    expect(detectFormat(text, name)).toBe(format)
  })

  it('names an HTML page rather than reporting a JSON syntax error', () => {
    const r = importText('<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>', 'graph.json')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors).toEqual([{ path: '(file)', message: expect.stringContaining('HTML page') }])
  })

  it('reports an unrecognised format by name', () => {
    const r = importText('just words', 'notes.md')
    if (r.ok) throw new Error('should fail')
    expect(r.errors[0]!.message).toContain('"notes.md" was not recognised')
  })
})

describe('byte decoding', () => {
  it('drops a byte-order mark and refuses invalid UTF-8 and UTF-16', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}' })
    expect(decodeUtf8(new Uint8Array([0xc3, 0x28]))).toMatchObject({ ok: false })
    const r = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('UTF-16')
  })

  it('refuses a companion file that is not UTF-8, naming it', () => {
    const r = importBytes(new TextEncoder().encode(read('relations.csv')), 'relations.csv', [
      { name: 'actors.csv', bytes: new Uint8Array([0x61, 0xff]) },
    ])
    if (r.ok) throw new Error('should fail')
    expect(r.errors[0]).toEqual({ path: 'actors.csv: (file)', message: 'the file is not UTF-8 text' })
  })

  it('exports the size limit', () => expect(MAX_IMPORT_BYTES).toBe(64 * 1024 * 1024))
})

describe('d3 JSON', () => {
  it('resolves links by index, generates summaries, and says so', () => {
    const r = importText(read('alliances-by-index.d3.json'), 'alliances-by-index.d3.json')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.relations[0]).toMatchObject({
      source: 'Turkey',
      target: 'Azerbaijan',
      type: 'related',
      stance: 'neutral',
      summary: 'Turkey – Azerbaijan',
    })
    expect(r.notes).toContain('Links given by index: source and target are positions in the nodes list')
    expect(r.notes).toContain('Stance was missing on 10 relations; assumed neutral')
    expect(r.graph.title).toBe('alliances-by-index')
  })

  it('takes numeric ids by id when they match, and years from dates', () => {
    const r = importText(
      JSON.stringify({
        nodes: [{ id: 1 }, { id: 2 }],
        links: [{ source: 1, target: 2, start: '2016-04-02', end: 2020, directed: 'yes', stance: 'Hostile' }],
      }),
      'n.json',
    )
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.relations[0]).toMatchObject({ source: '1', target: '2', start: 2016, end: 2020 })
    expect(r.graph.relations[0]).toMatchObject({ directed: true, stance: 'hostile', summary: '1 → 2' })
  })

  it('declares undeclared types with distinct colours, avoiding the defaults', () => {
    const r = importText(
      JSON.stringify({
        nodes: [{ id: 'a' }, { id: 'b' }],
        links: ['alliance', 'trade', 'war', 'military'].map((type) => ({ source: 'a', target: 'b', type })),
      }),
      'n.json',
    )
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const colours = r.graph.relationTypes.map((t) => t.color.toUpperCase())
    expect(new Set(colours).size).toBe(4)
    expect(r.graph.relationTypes.find((t) => t.id === 'military')?.color).toBe(
      DEFAULT_RELATION_TYPES[0].color,
    )
    expect(r.notes).toContain(
      '3 relation types were not declared (alliance, trade, war) and were given generated colours',
    )
  })
})

describe('GEXF and GraphML', () => {
  it('takes GEXF dynamic years and joins spells into one span', () => {
    const r = importText(read('alliances.gexf'), 'alliances.gexf')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const war = r.graph.relations.find((x) => x.id === 'azerbaijan-armenia-war')!
    expect([war.start, war.end]).toEqual([1988, 2023])
    const arms = r.graph.relations.find((x) => x.id === 'israel-azerbaijan-arms')!
    expect(arms).toMatchObject({ start: 2012, directed: true, type: 'military', stance: 'cooperative' })
    expect(arms.end).toBeUndefined()
    expect(r.graph.title).toBe('Alliances around the South Caucasus (GEXF)')
    expect(r.graph.sources).toHaveLength(1)
  })

  it('reads GraphML keys, key defaults and per-edge direction', () => {
    const r = importText(read('alliances.graphml'), 'alliances.graphml')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.title).toBe('Alliances around the South Caucasus (GraphML)')
    const neutral = r.graph.relations.find((x) => x.id === 'russia-azerbaijan-declaration')!
    expect(neutral).toMatchObject({ stance: 'neutral', start: 2022, type: 'diplomatic' })
    expect(r.graph.relations.filter((x) => x.directed === true).map((x) => x.id)).toEqual([
      'israel-azerbaijan-arms',
      'armenia-csto',
    ])
    expect(r.graph.actors.find((a) => a.id === 'csto')?.kind).toBe('organisation')
  })

  it('gives edges without ids generated ones', () => {
    const r = importText(
      '<graphml><graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="b" target="a"/></graph></graphml>',
      'g.graphml',
    )
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.relations.map((x) => [x.id, x.directed])).toEqual([
      ['edge-0', true],
      ['edge-1', true],
    ])
  })
})

describe('CSV', () => {
  it('accepts the tables in either order and semicolon separators', () => {
    const rel = read('relations.csv')
    const r = importText(read('actors.csv'), 'actors.csv', [{ name: 'relations.csv', text: rel }])
    expect(r.ok && r.graph.relations.length).toBe(10)
    const semi = importText('Source;Target;Summary\na;b;one, two\n', 's.csv')
    if (!semi.ok) throw new Error(JSON.stringify(semi.errors))
    expect(semi.graph.relations[0]!.summary).toBe('one, two')
    expect(semi.notes.join(' ')).toContain('No actors table')
  })

  it('addresses problems by row and column as written', () => {
    const r = importText('Source,Target,Type,Start,END\na,b,x,2001,1999\n', 't.csv')
    if (r.ok) throw new Error('should fail')
    expect(r.errors).toContainEqual({
      path: 'row 2, column "END"',
      message: 'end (1999) is before start (2001)',
    })
  })

  it('requires relations to name actors of the actors table', () => {
    const r = importText('source,target\na,zz\n', 'r.csv', [
      { name: 'actors.csv', text: 'id,label\na,A\nb,B\n' },
    ])
    if (r.ok) throw new Error('should fail')
    expect(r.errors).toContainEqual({
      path: 'r.csv: row 2, column "target"',
      message: 'no actor has the id "zz"',
    })
  })

  it('joins rows that share an id into one relation with several quotations', () => {
    const r = importText(
      'id,source,target,type,quote,source_title\nr1,a,b,military,first,One\nr1,a,b,military,second,Two\n',
      'r.csv',
    )
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.relations).toHaveLength(1)
    expect(r.graph.relations[0]!.evidence!.map((e) => e.quote)).toEqual(['first', 'second'])
    expect(r.graph.sources.map((s) => s.title)).toEqual(['One', 'Two'])
  })
})

describe('more shapes', () => {
  it('opens a d3 graph of nodes alone', () => {
    const r = importText(JSON.stringify({ nodes: [{ id: 'a' }, { id: 'b' }] }), 'n.json')
    expect(r.ok && [r.format, r.graph.actors.length, r.graph.relations.length]).toEqual(['d3', 2, 0])
  })

  it('takes node and edge labels from yEd GraphML graphics', () => {
    const yed = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry x="0" y="0"/><y:NodeLabel>Iran</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>
      Azerbaijan
    </y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>border drills</y:EdgeLabel></y:PolyLineEdge></data></edge>
  </graph>
</graphml>`
    const r = importText(yed, 'yed.graphml')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.actors.map((a) => a.label)).toEqual(['Iran', 'Azerbaijan'])
    expect(r.graph.relations[0]).toMatchObject({ summary: 'border drills', directed: true })
  })
})

describe('progress', () => {
  it.each(['alliances.d3.json', 'alliances.gexf', 'alliances.graphml', 'relations.csv'])(
    '%s reports parsing, validating and done with fractions in order',
    (name) => {
      const seen: string[] = []
      const r = importText(read(name), name, [], (p) => seen.push(`${p.stage} ${p.fraction}`))
      expect(r.ok).toBe(true)
      expect(seen[0]).toBe('parsing 0')
      expect(seen).toContain('validating 0')
      expect(seen.indexOf('validating 1')).toBeGreaterThan(seen.indexOf('validating 0'))
      expect(seen.at(-1)).toBe('done 1')
    },
  )

  it('relations.csv alone makes its actors from the ids', () => {
    const r = importText(read('relations.csv'), 'relations.csv')
    expect(r.ok && [r.graph.actors.length, r.graph.relations.length, r.graph.actors[0]!.kind]).toEqual([
      8,
      10,
      'other',
    ])
  })
})

describe('GEXF spells', () => {
  const gexf = (spells: string) =>
    `<gexf version="1.3"><graph mode="dynamic" timeformat="date"><nodes><node id="a"/><node id="b"/></nodes><edges><edge id="e" source="a" target="b"><spells>${spells}</spells></edge></edges></graph></gexf>`
  it('an open spell makes the relation ongoing', () => {
    const r = importText(
      gexf('<spell start="2001-01-01" end="2003-01-01"/><spell start="2010-05-05"/>'),
      'g.gexf',
    )
    expect(r.ok && [r.graph.relations[0]!.start, r.graph.relations[0]!.end]).toEqual([2001, undefined])
  })
  it('a bad spell is reported even when another spell is fine', () => {
    const r = importText(gexf('<spell start="sometime"/><spell start="2010"/>'), 'g.gexf')
    if (r.ok) throw new Error('should fail')
    expect(r.errors[0]!.path).toBe('edges[0].start')
  })
})

describe('markup that is not a graph', () => {
  it.each([
    ['<h1>404 Not Found</h1>', 'g.json', 'html'],
    ['<title>Error</title>', 'g.csv', 'html'],
    ['<?xml version="1.0"?><svg/>', 'g.json', 'unknown'],
  ])('%s named %s is %s', (text, name, format) => expect(detectFormat(text, name)).toBe(format))
})

describe('problem addresses', () => {
  it('re-addresses items named inside messages', () => {
    const r = importText('id,label\na,A\na,B\n', 'actors.csv', [
      { name: 'r.csv', text: 'source,target\na,a\n' },
    ])
    if (r.ok) throw new Error('should fail')
    expect(r.errors).toContainEqual({
      path: 'actors.csv: row 3, column "id"',
      message: 'duplicate id "a" (already used by actors.csv: row 2)',
    })
  })

  it('reports only the d3 link index that is out of range', () => {
    const r = importText(read('../hostile/d3-index-out-of-range.json'), 'd.json')
    if (r.ok) throw new Error('should fail')
    expect(r.errors).toEqual([
      { path: 'links[1].target', message: '7 is neither a node id nor a node index (there are 3 nodes)' },
    ])
  })
})
