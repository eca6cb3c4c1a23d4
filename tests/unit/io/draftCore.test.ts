import { describe, expect, it } from 'vitest'
import { importText } from '../../../src/io/import'

const ALIASES = 'Baku | Land of Fire ;still one|'
// One rule in every format: split at "|", trim, drop empty parts; ";" is an ordinary character.
const EXPECTED = ['Baku', 'Land of Fire ;still one']

describe('the importer core applies one aliases rule in every format', () => {
  it('CSV actors table', () => {
    const r = importText('source,target\naz,ir\n', 'rel.csv', [
      {
        name: 'actors.csv',
        text: `id,label,kind,aliases\naz,Azerbaijan,state,"${ALIASES}"\nir,Iran,state,\n`,
      },
    ])
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.actors.find((a) => a.id === 'az')?.aliases).toEqual(EXPECTED)
    expect(r.graph.actors.find((a) => a.id === 'ir')?.aliases).toBeUndefined()
  })

  it('d3 JSON (text aliases were passed through unsplit before)', () => {
    const doc = {
      nodes: [{ id: 'az', aliases: ALIASES }, { id: 'ir' }],
      links: [{ source: 'az', target: 'ir' }],
    }
    const r = importText(JSON.stringify(doc), 'g.json')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.actors[0]!.aliases).toEqual(EXPECTED)
  })

  it('GraphML (semicolons split there before)', () => {
    const xml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="a" for="node" attr.name="aliases" attr.type="string"/>
<graph edgedefault="undirected"><node id="az"><data key="a">${ALIASES}</data></node><node id="ir"/>
<edge source="az" target="ir"/></graph></graphml>`
    const r = importText(xml, 'g.graphml')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.graph.actors[0]!.aliases).toEqual(EXPECTED)
  })
})

describe('the importer core counts each default once and notes it once', () => {
  const csv = 'source,target,type,stance\na,b,,\nb,c,military,\nc,a,,hostile\n'
  it('CSV', () => {
    const r = importText(csv, 'rel.csv')
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    // By hand: rows 2 and 4 have no type, rows 2 and 3 no stance, no row has a summary.
    expect(r.notes).toContain('Type was missing on 2 relations; assumed "related"')
    expect(r.notes).toContain('Stance was missing on 2 relations; assumed neutral')
    expect(r.notes).toContain('Summary was missing on 3 relations; generated from the actor labels ("A – B")')
    expect(r.notes.filter((n) => n.startsWith('Type was missing'))).toHaveLength(1)
  })
  it('d3, with the same table as links', () => {
    const links = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c', type: 'military' },
      { source: 'c', target: 'a', stance: 'hostile' },
    ]
    const r = importText(
      JSON.stringify({
        nodes: [{ id: 'a', kind: 'country' }, { id: 'b', kind: 'tribe' }, { id: 'c' }],
        links,
      }),
      'g.json',
    )
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.notes).toContain('Type was missing on 2 relations; assumed "related"')
    expect(r.notes).toContain('Stance was missing on 2 relations; assumed neutral')
    expect(r.notes).toContain('Kind was missing on 1 actor; assumed "other"')
    expect(r.notes).toContain('Kinds that are not actor kinds in format v1 (tribe) became "other"')
    expect(r.graph.actors.map((a) => a.kind)).toEqual(['state', 'other', 'other'])
    expect(r.graph.relations[0]!.summary).toBe('a – b')
  })
})
