/**
 * GraphML → format v1, through graphology-graphml (keys, defaults, typed values) on an xmldom
 * document. Data keys are matched by their `attr.name` (keys without one by their id). An edge is
 * directed when it says `directed="true"`, or the graph says `edgedefault="directed"` and the edge
 * does not say `directed="false"`. Paths: `nodes[i]` / `edges[j]` count elements from 0.
 */
import Graph from 'graphology'
import createGraphmlParser from 'graphology-graphml/common/parser.js'
import { draftFromBags, type EdgeBag, type NodeBag } from './bags'
import { Draft, textValue, titleFromFileName } from './draft'
import { CREATOR } from '../export/attributes'
import type { ConvertResult, ProgressCallback } from './types'
import { XmlDOMParser, XmlDocumentClass, attr, checkXmlGraph, descendants, localName, parseXml } from './xml'

const parseGraphml = createGraphmlParser(XmlDOMParser, XmlDocumentClass)
const KNOWN_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string']

const fail = (message: string): ConvertResult => ({
  ok: false,
  errors: [{ path: '(file)', message }],
  warnings: [],
  notes: [],
})

export function convertGraphml(text: string, fileName: string, onProgress?: ProgressCallback): ConvertResult {
  const xml = parseXml(text)
  if (!xml.ok) return fail(xml.error.message)
  if (localName(xml.root) !== 'graphml') {
    return fail(`this XML file is not GraphML: its root element is <${xml.root.nodeName}>, not <graphml>`)
  }
  const graphEl = descendants(xml.root, 'graph')[0]
  if (!graphEl) return fail('the GraphML file has no <graph> element')
  // Keys without a name or with a type the parser does not know would be lost or make it fail.
  let yedLabels = false
  const keys = descendants(xml.root, 'key')
  const named = new Set(keys.map((k) => attr(k, 'attr.name')?.toLowerCase()))
  for (const key of keys) {
    // yEd keeps node and edge labels in its graphics data; their text is the label.
    const yfiles = attr(key, 'yfiles.type')
    if ((yfiles === 'nodegraphics' || yfiles === 'edgegraphics') && !named.has('label')) {
      key.setAttribute('attr.name', 'label')
      yedLabels = true
    }
    if (attr(key, 'attr.name') === undefined)
      key.setAttribute('attr.name', key.getAttribute('id') ?? 'unnamed')
    const type = attr(key, 'attr.type')
    if (type !== undefined && !KNOWN_TYPES.includes(type)) key.setAttribute('attr.type', 'string')
  }
  const nodes = descendants(graphEl, 'node')
  const edges = descendants(graphEl, 'edge')
  if (yedLabels) {
    for (const e of [...nodes, ...edges]) {
      for (const d of descendants(e, 'data')) {
        // yEd's graphics markup: keep only the label text, not the layout around it.
        const label = descendants(d, 'nodelabel')[0] ?? descendants(d, 'edgelabel')[0]
        if (label) {
          const text = (label.textContent ?? '').trim()
          while (d.firstChild) d.removeChild(d.firstChild)
          if (text !== '') d.appendChild(xml.doc.createTextNode(text))
        }
      }
    }
  }
  const checked = checkXmlGraph(nodes, edges)
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors, warnings: [], notes: [] }

  let graph: Graph
  try {
    graph = parseGraphml(Graph, xml.doc, { addMissingNodes: false })
  } catch (e) {
    return fail(`could not read the GraphML file: ${e instanceof Error ? e.message : String(e)}`)
  }

  onProgress?.({ stage: 'parsing', fraction: 0.5 })
  const draft = new Draft(onProgress)
  const meta = graph.getAttributes()
  const title = textValue(meta.title ?? meta.name)
  draft.title = typeof title === 'string' ? title : titleFromFileName(fileName)
  if (typeof title !== 'string')
    draft.notes.push(`The file has no title; the file name "${draft.title as string}" is used`)
  const description = textValue(meta.description)
  if (typeof description === 'string') draft.description = description

  const directedDefault = (attr(graphEl, 'edgedefault') ?? 'undirected').toLowerCase() === 'directed'
  const nodeBags: NodeBag[] = nodes.map((n, i) => {
    const id = n.getAttribute('id')!
    return { id, attrs: graph.getNodeAttributes(id), at: `nodes[${i}]` }
  })
  const edgeBags: EdgeBag[] = edges.map((e, j) => {
    const d = attr(e, 'directed')?.toLowerCase()
    return {
      id: checked.givenEdgeIds[j],
      source: e.getAttribute('source')!,
      target: e.getAttribute('target')!,
      directed: d === 'true' ? true : d === 'false' ? false : directedDefault,
      attrs: graph.getEdgeAttributes(checked.edgeKeys[j]!),
      at: `edges[${j}]`,
    }
  })
  return draftFromBags(
    draft,
    nodeBags,
    edgeBags,
    { node: 'Node', edge: 'Edge' },
    { ours: meta.creator === CREATOR },
  )
}
