/**
 * XML text → DOM document with @xmldom/xmldom, which works the same in a Web Worker (no DOMParser
 * there), in the page and in Node. Entity declarations are refused before parsing: they serve no
 * purpose in GEXF or GraphML and are the vehicle of "billion laughs" expansion and external-entity
 * (XXE) reads. xmldom itself neither fetches nor expands custom entities; this makes it explicit.
 */
import { DOMParser } from '@xmldom/xmldom'
import type { Problem } from '../../model/types'

export type XmlDocument = ReturnType<DOMParser['parseFromString']>
export type XmlElement = NonNullable<XmlDocument['documentElement']>

/** The Document class of this xmldom copy, for the graphology parsers' `instanceof` check. */
export const XmlDocumentClass = new DOMParser().parseFromString('<t/>', 'application/xml').constructor

export { DOMParser as XmlDOMParser }

export function parseXml(
  text: string,
): { ok: true; doc: XmlDocument; root: XmlElement } | { ok: false; error: Problem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (/<!ENTITY/i.test(body)) {
    return {
      ok: false,
      error: {
        path: '(file)',
        message:
          'the file declares XML entities (<!ENTITY …>), which are not accepted: they can make a small file expand without limit or read other files',
      },
    }
  }
  if (/^\s*<!doctype\s+html|^\s*<html[\s>]/i.test(body)) {
    return { ok: false, error: { path: '(file)', message: 'this looks like an HTML page, not a graph file' } }
  }
  const problems: string[] = []
  let doc: XmlDocument
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message)
      },
    }).parseFromString(body, 'application/xml')
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const locator = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator
    const where =
      locator?.lineNumber !== undefined
        ? ` (line ${locator.lineNumber}, column ${locator.columnNumber ?? 1})`
        : ''
    return {
      ok: false,
      error: { path: '(file)', message: `not well-formed XML: ${cleanXmlMessage(message)}${where}` },
    }
  }
  const root = doc.documentElement
  if (!root)
    return { ok: false, error: { path: '(file)', message: 'not well-formed XML: there is no root element' } }
  if (problems.length > 0) {
    return {
      ok: false,
      error: { path: '(file)', message: `not well-formed XML: ${cleanXmlMessage(problems[0]!)}` },
    }
  }
  return { ok: true, doc, root }
}

/** xmldom appends a locator such as `\n@#[line:3,col:5]`; turn it into words. */
function cleanXmlMessage(message: string): string {
  const m = /@#\[line:(\d+),col:(\d+)\]/.exec(message)
  const text = message
    .replace(/\s*@#\[line:\d+,col:\d+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return m ? `${text} (line ${m[1]}, column ${m[2]})` : text
}

/** Child elements with this local name (any namespace prefix), direct children only. */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && localName(n as XmlElement) === name) out.push(n as XmlElement)
  }
  return out
}

export const localName = (e: XmlElement): string => (e.localName ?? e.nodeName).toLowerCase()

/** Every descendant element with this local name, in document order. */
export function descendants(parent: XmlElement | XmlDocument, name: string): XmlElement[] {
  const out: XmlElement[] = []
  const list = parent.getElementsByTagName('*')
  for (let i = 0; i < list.length; i++) {
    const e = list.item(i)
    if (e && localName(e) === name) out.push(e)
  }
  return out
}

export const attr = (e: XmlElement, name: string): string | undefined => {
  const v = e.getAttribute(name)
  return v === null || v === '' ? undefined : v
}

/**
 * Checks that the graph parsers would otherwise throw on, reported with paths: node ids present and
 * unique, edge endpoints present and naming a node, edge ids unique. Edges without an id are given
 * one on the DOM (returned) so each edge element can be found again in the parsed graph.
 */
export function checkXmlGraph(
  nodes: readonly XmlElement[],
  edges: readonly XmlElement[],
): { errors: Problem[]; edgeKeys: string[]; givenEdgeIds: (string | undefined)[] } {
  const errors: Problem[] = []
  const nodeIds = new Map<string, number>()
  nodes.forEach((n, i) => {
    const id = n.getAttribute('id')
    if (id === null || id.trim() === '') errors.push({ path: `nodes[${i}].id`, message: 'id is required' })
    else if (nodeIds.has(id)) {
      errors.push({
        path: `nodes[${i}].id`,
        message: `duplicate id "${id}" (already used by nodes[${nodeIds.get(id)}])`,
      })
    } else nodeIds.set(id, i)
  })
  const edgeIds = new Map<string, number>()
  const givenEdgeIds: (string | undefined)[] = []
  edges.forEach((e, j) => {
    for (const side of ['source', 'target'] as const) {
      const v = e.getAttribute(side)
      if (v === null || v === '') errors.push({ path: `edges[${j}].${side}`, message: `${side} is required` })
      else if (!nodeIds.has(v))
        errors.push({ path: `edges[${j}].${side}`, message: `no node has the id "${v}"` })
    }
    const id = attr(e, 'id')
    givenEdgeIds.push(id)
    if (id === undefined) return
    if (edgeIds.has(id)) {
      errors.push({
        path: `edges[${j}].id`,
        message: `duplicate id "${id}" (already used by edges[${edgeIds.get(id)}])`,
      })
    } else edgeIds.set(id, j)
  })
  const edgeKeys: string[] = []
  if (errors.length === 0) {
    edges.forEach((e, j) => {
      let key = givenEdgeIds[j]
      if (key === undefined) {
        key = `edge-${j}`
        for (let n = 2; edgeIds.has(key); n++) key = `edge-${j}-${n}`
        edgeIds.set(key, j)
        e.setAttribute('id', key)
      }
      edgeKeys.push(key)
    })
  }
  return { errors, edgeKeys, givenEdgeIds }
}
