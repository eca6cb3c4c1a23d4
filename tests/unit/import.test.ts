// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importBytes, importText, detectFormat, decodeUtf8, MAX_IMPORT_BYTES } from '../../src/io/import'
import { DEFAULT_RELATION_TYPES } from '../../src/model/schema'

const dir = new URL('../fixtures/formats/', import.meta.url)
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
