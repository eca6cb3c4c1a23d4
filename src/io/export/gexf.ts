/**
 * A network → GEXF 1.3 with graphology-gexf's writer. Years become GEXF dynamics: each edge's
 * `start` and `end` (integer years, `timeformat="integer"`), so Gephi's timeline plays them;
 * undated ties have neither and are always present, ongoing ones have no end. Direction is each
 * edge's type; types, stances, summaries and evidence are attributes (export/attributes.ts).
 */
import Graph from 'graphology'
import writeGexf from 'graphology-gexf/common/writer.js'
import { XmlDOMParser, descendants } from '../import/xml'
import type { Graph as Network } from '../../model/types'
import { actorBag, CREATOR, lookups, relationBag } from './attributes'
import { XMLSerializer } from '@xmldom/xmldom'

export function toGexf(net: Network): string {
  const g = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true })
  g.replaceAttributes({
    creator: CREATOR,
    title: net.title,
    ...(net.description !== undefined && net.description !== '' ? { description: net.description } : {}),
  })
  for (const a of net.actors) g.addNode(a.id, actorBag(a))
  const { types, sources } = lookups(net)
  const years = new Map<string, { start?: number; end?: number }>()
  for (const r of net.relations) {
    const { start, end, ...bag } = relationBag(r, types, sources)
    years.set(r.id, {
      ...(typeof start === 'number' ? { start } : {}),
      ...(typeof end === 'number' ? { end } : {}),
    })
    if (r.directed === true) g.addDirectedEdgeWithKey(r.id, r.source, r.target, bag)
    else g.addUndirectedEdgeWithKey(r.id, r.source, r.target, bag)
  }
  const text = writeGexf(g, {
    version: '1.3',
    formatNode: (key: string, attributes: Record<string, unknown>) => {
      const { label, ...rest } = attributes
      return { label: String(label ?? key), attributes: rest }
    },
    formatEdge: (key: string, attributes: Record<string, unknown>) => {
      const color = typeof attributes.type_color === 'string' ? attributes.type_color : undefined
      return {
        label: String(attributes.summary ?? key),
        attributes,
        ...(color !== undefined ? { viz: { color } } : {}),
      }
    },
  })
  // The writer has no time model: the spans go onto the edges here.
  const doc = new XmlDOMParser().parseFromString(text, 'application/xml')
  const graphEl = descendants(doc, 'graph')[0]!
  graphEl.setAttribute('mode', 'dynamic')
  graphEl.setAttribute('timeformat', 'integer')
  for (const e of descendants(graphEl, 'edge')) {
    const y = years.get(e.getAttribute('id') ?? '')
    if (y?.start !== undefined) e.setAttribute('start', String(y.start))
    if (y?.end !== undefined) e.setAttribute('end', String(y.end))
  }
  return new XMLSerializer().serializeToString(doc)
}
