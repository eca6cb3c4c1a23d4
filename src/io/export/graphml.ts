/**
 * A network → GraphML. graphology-graphml only reads GraphML, so this writes it: one typed `<key>`
 * per attribute (export/attributes.ts names), `edgedefault="undirected"` with `directed="true"` on
 * directed ties, years as `start` and `end` integers. Text is escaped as XML character data.
 */
import type { Graph as Network } from '../../model/types'
import { actorBag, CREATOR, lookups, relationBag, type Bag } from './attributes'

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
// Characters XML 1.0 cannot carry at all are dropped rather than written as an invalid file.
// eslint-disable-next-line no-control-regex
const xmlText = (s: string) => esc(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))

type KeyType = 'string' | 'int' | 'double' | 'boolean'
const typeOf = (v: string | number | boolean): KeyType =>
  typeof v === 'boolean'
    ? 'boolean'
    : typeof v === 'number'
      ? Number.isInteger(v)
        ? 'int'
        : 'double'
      : 'string'

export function toGraphml(net: Network): string {
  const { types, sources } = lookups(net)
  const nodes = net.actors.map((a) => ({ id: a.id, bag: actorBag(a) }))
  const edges = net.relations.map((r) => ({ r, bag: relationBag(r, types, sources) }))
  const keys = new Map<string, { for: 'node' | 'edge'; name: string; type: KeyType }>()
  const declare = (scope: 'node' | 'edge', bag: Bag) => {
    for (const [name, v] of Object.entries(bag)) {
      const id = `${scope === 'node' ? 'n' : 'e'}_${name}`
      const known = keys.get(id)
      const t = typeOf(v)
      // A column holding whole and fractional numbers is a double; anything mixed with text is text.
      if (known === undefined) keys.set(id, { for: scope, name, type: t })
      else if (known.type !== t)
        known.type =
          known.type !== 'string' && t !== 'string' && t !== 'boolean' && known.type !== 'boolean'
            ? 'double'
            : 'string'
    }
  }
  for (const n of nodes) declare('node', n.bag)
  for (const e of edges) declare('edge', e.bag)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>',
    '  <key id="g_creator" for="graph" attr.name="creator" attr.type="string"/>',
    '  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>',
  ]
  for (const [id, k] of keys)
    out.push(`  <key id="${esc(id)}" for="${k.for}" attr.name="${esc(k.name)}" attr.type="${k.type}"/>`)
  out.push('  <graph id="G" edgedefault="undirected">')
  out.push(`    <data key="g_title">${xmlText(net.title)}</data>`)
  out.push(`    <data key="g_creator">${CREATOR}</data>`)
  if (net.description !== undefined && net.description !== '')
    out.push(`    <data key="g_description">${xmlText(net.description)}</data>`)
  const data = (scope: string, bag: Bag) =>
    Object.entries(bag).map(
      ([k, v]) => `      <data key="${esc(`${scope}_${k}`)}">${xmlText(String(v))}</data>`,
    )
  for (const n of nodes) out.push(`    <node id="${esc(n.id)}">`, ...data('n', n.bag), '    </node>')
  for (const { r, bag } of edges) {
    const dir = r.directed === true ? ' directed="true"' : ''
    out.push(
      `    <edge id="${esc(r.id)}" source="${esc(r.source)}" target="${esc(r.target)}"${dir}>`,
      ...data('e', bag),
      '    </edge>',
    )
  }
  out.push('  </graph>', '</graphml>', '')
  return out.join('\n')
}
