/**
 * GEXF → format v1, through graphology-gexf (attribute models, defaults, types) on an xmldom
 * document. Dynamic graphs: an edge's `start`/`end` (or `startopen`/`endopen`) attributes, or its
 * `<spells>`, become the relation's years — the year of a date; several spells are joined into one
 * span from the first start to the last end. Edge `type="directed"` (or the graph's
 * `defaultedgetype`) makes a directed relation; the edge `kind` or a `type`/`relation` attribute is
 * the relation type. Paths: `nodes[i]` / `edges[j]` count `<node>` / `<edge>` elements from 0.
 */
import Graph from 'graphology'
import createGexfParser from 'graphology-gexf/common/parser.js'
import { draftFromBags, type EdgeBag, type NodeBag } from './bags'
import { Draft, plural, textValue, titleFromFileName, yearValue } from './draft'
import { CREATOR } from '../export/attributes'
import type { ConvertResult, ProgressCallback } from './types'
import {
  XmlDOMParser,
  XmlDocumentClass,
  attr,
  checkXmlGraph,
  childElements,
  descendants,
  localName,
  parseXml,
  type XmlElement,
} from './xml'

const parseGexf = createGexfParser(XmlDOMParser, XmlDocumentClass)

const fail = (message: string, path = '(file)'): ConvertResult => ({
  ok: false,
  errors: [{ path, message }],
  warnings: [],
  notes: [],
})

/** The years of one edge: from its own attributes or its spells. */
function edgeYears(edge: XmlElement): { start?: unknown; end?: unknown; spells: number } {
  const spells = childElements(edge, 'spells').flatMap((s) => childElements(s, 'spell'))
  if (spells.length === 0) {
    return {
      start: yearValue(attr(edge, 'start') ?? attr(edge, 'startopen')),
      end: yearValue(attr(edge, 'end') ?? attr(edge, 'endopen')),
      spells: 0,
    }
  }
  let start: number | undefined
  let end: number | undefined
  let open = false
  // A value that is not a year is kept, so the validator reports it rather than another spell hiding it.
  let badStart: unknown
  let badEnd: unknown
  for (const s of spells) {
    const a = yearValue(attr(s, 'start') ?? attr(s, 'startopen'))
    const b = yearValue(attr(s, 'end') ?? attr(s, 'endopen'))
    if (typeof a === 'number') start = start === undefined ? a : Math.min(start, a)
    else if (a !== undefined) badStart ??= a
    if (b === undefined) open = true
    else if (typeof b === 'number') end = end === undefined ? b : Math.max(end, b)
    else badEnd ??= b
  }
  return {
    start: badStart ?? start,
    end: badEnd ?? (open ? undefined : end),
    spells: spells.length,
  }
}

export function convertGexf(text: string, fileName: string, onProgress?: ProgressCallback): ConvertResult {
  const xml = parseXml(text)
  if (!xml.ok) return fail(xml.error.message)
  if (localName(xml.root) !== 'gexf') {
    return fail(`this XML file is not GEXF: its root element is <${xml.root.nodeName}>, not <gexf>`)
  }
  const graphEl = descendants(xml.root, 'graph')[0]
  if (!graphEl) return fail('the GEXF file has no <graph> element')
  const nodes = descendants(graphEl, 'node')
  const edges = descendants(graphEl, 'edge')
  const checked = checkXmlGraph(nodes, edges)
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors, warnings: [], notes: [] }

  let graph: Graph
  try {
    graph = parseGexf(Graph, xml.doc, { allowUndeclaredAttributes: true, addMissingNodes: false })
  } catch (e) {
    return fail(`could not read the GEXF file: ${e instanceof Error ? e.message : String(e)}`)
  }

  onProgress?.({ stage: 'parsing', fraction: 0.5 })
  const draft = new Draft(onProgress)
  const meta = graph.getAttributes()
  const title = textValue(meta.title)
  draft.title = typeof title === 'string' ? title : titleFromFileName(fileName)
  if (typeof title !== 'string')
    draft.notes.push(`The file has no title; the file name "${draft.title as string}" is used`)
  const description = textValue(meta.description)
  if (typeof description === 'string') draft.description = description

  const defaultType = (attr(graphEl, 'defaultedgetype') ?? 'undirected').toLowerCase()
  const nodeBags: NodeBag[] = nodes.map((n, i) => {
    const id = n.getAttribute('id')!
    return { id, attrs: graph.getNodeAttributes(id), at: `nodes[${i}]` }
  })
  let spelled = 0
  let dated = 0
  const edgeBags: EdgeBag[] = edges.map((e, j) => {
    const years = edgeYears(e)
    if (years.spells > 1) spelled++
    if (years.start !== undefined) dated++
    const type = (attr(e, 'type') ?? defaultType).toLowerCase()
    return {
      id: checked.givenEdgeIds[j],
      source: e.getAttribute('source')!,
      target: e.getAttribute('target')!,
      directed: type === 'directed',
      attrs: graph.getEdgeAttributes(checked.edgeKeys[j]!),
      start: years.start,
      end: years.end,
      at: `edges[${j}]`,
    }
  })
  if (dated > 0)
    draft.notes.push(`Years were taken from the dynamic start and end of ${plural(dated, 'edge')}`)
  if (spelled > 0) {
    draft.notes.push(
      `${plural(spelled, 'edge has', 'edges have')} several spells; each became one span from the first start to the last end`,
    )
  }
  return draftFromBags(
    draft,
    nodeBags,
    edgeBags,
    { node: 'Node', edge: 'Edge' },
    { ours: meta.creator === CREATOR },
  )
}
