/**
 * d3-style JSON `{ nodes, links }` → format v1.
 *
 * Nodes: `id` (else `name`, else `key`; numbers become text), `label` (else `name`, else the id),
 * `kind` (else `type`; unknown kinds become "other"), `description`, `aliases` (a list, or text
 * separated by `|`, as in every format); `group` is not kept.
 * Links (also `edges`): `source`/`target` by node id, or by node index as in the classic d3 examples
 * (used when the endpoints are whole numbers that are not all node ids); `type` (else `relation`, else
 * "related"), `stance` (neutral when missing), `start`/`end` (numbers or dates: the year is taken),
 * `directed`, `approximate`, `summary` (else `label`/`description`, else "A – B"), evidence as
 * `evidence: [{ quote, source, url, note }]` or flat `quote`, `source_title`, `source_url`, … fields.
 */
import type { Problem } from '../../model/types'
import {
  Draft,
  isRecord,
  listOf,
  own,
  pick,
  plural,
  textValue,
  titleFromFileName,
  type Locator,
  type PathPart,
} from './draft'
import type { ConvertResult, ProgressCallback } from './types'

const NODE_KEYS = ['id', 'name', 'key', 'label', 'title', 'kind', 'type', 'description', 'aliases', 'group']
const LINK_KEYS = [
  'id',
  'source',
  'target',
  'type',
  'relation',
  'stance',
  'start',
  'end',
  'directed',
  'approximate',
  'summary',
  'label',
  'description',
  'evidence',
  'quote',
  'note',
  'source_title',
  'source_url',
  'source_author',
  'source_publisher',
  'source_published',
]
/** d3 simulation state and display hints: dropped without comment. */
const SILENT_KEYS = new Set(['index', 'x', 'y', 'vx', 'vy', 'fx', 'fy', 'color', 'colour', 'size'])

export const looksLikeD3 = (doc: unknown): boolean =>
  isRecord(doc) &&
  own(doc, 'schemaVersion') === undefined &&
  own(doc, 'actors') === undefined &&
  own(doc, 'relations') === undefined &&
  own(doc, 'nodes') !== undefined

const sub = (base: string, rest: readonly PathPart[]) =>
  rest.reduce<string>((p, part) => (typeof part === 'number' ? `${p}[${part}]` : `${p}.${part}`), base)

/** Endpoint as given: a string or number, or the id of a node object (after a d3 simulation ran). */
function endpoint(v: unknown): unknown {
  if (isRecord(v)) return own(v, 'id') ?? own(v, 'index')
  return v
}

export function convertD3(doc: unknown, fileName: string, onProgress?: ProgressCallback): ConvertResult {
  const draft = new Draft(onProgress)
  const errors: Problem[] = []
  if (!isRecord(doc)) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: 'a d3 graph must be an object' }],
      warnings: [],
      notes: [],
    }
  }
  const nodes = own(doc, 'nodes')
  const linksKey = own(doc, 'links') === undefined && own(doc, 'edges') !== undefined ? 'edges' : 'links'
  // A graph of nodes alone is a graph without links.
  const links = own(doc, linksKey) ?? []
  if (!Array.isArray(nodes)) errors.push({ path: 'nodes', message: 'nodes must be a list' })
  if (!Array.isArray(links)) errors.push({ path: linksKey, message: `${linksKey} must be a list` })
  if (!Array.isArray(nodes) || !Array.isArray(links)) return { ok: false, errors, warnings: [], notes: [] }

  const graphMeta = isRecord(own(doc, 'graph')) ? (own(doc, 'graph') as Record<string, unknown>) : {}
  const title = textValue(own(doc, 'title') ?? own(graphMeta, 'title') ?? own(graphMeta, 'name'))
  if (title === undefined) {
    draft.title = titleFromFileName(fileName)
    draft.notes.push(`The file has no title; the file name "${draft.title as string}" is used`)
  } else draft.title = title
  const description = textValue(own(doc, 'description') ?? own(graphMeta, 'description'))
  if (description !== undefined) draft.description = description

  // Nodes → actors
  const ids: unknown[] = []
  let generatedIds = 0
  let groups = 0
  const ignoredNode = new Set<string>()
  nodes.forEach((node, i) => {
    const at = `nodes[${i}]`
    if (!isRecord(node)) {
      errors.push({ path: at, message: 'a node must be an object such as {"id": "a"}' })
      ids.push(undefined)
      return
    }
    const idEntry = pick(node, ['id', 'name', 'key'])
    let id =
      idEntry === undefined ? undefined : typeof idEntry[1] === 'number' ? String(idEntry[1]) : idEntry[1]
    const idKey = idEntry?.[0] ?? 'id'
    if (id === undefined) {
      id = `node-${i}`
      generatedIds++
    }
    ids.push(id)
    const labelEntry = pick(node, ['label', 'name', 'title'])
    const kindEntry = pick(node, ['kind', 'type'])
    if (own(node, 'group') !== undefined) groups++
    for (const k of Object.keys(node)) if (!NODE_KEYS.includes(k) && !SILENT_KEYS.has(k)) ignoredNode.add(k)
    const fieldKey: Record<string, string> = {
      id: idKey,
      label: labelEntry?.[0] ?? 'label',
      kind: kindEntry?.[0] ?? 'kind',
    }
    draft.addActor(
      {
        id,
        label: labelEntry?.[1],
        kind: kindEntry?.[1],
        description: own(node, 'description'),
        aliases: own(node, 'aliases'),
      },
      (rest) => sub(at, rest.length > 0 ? [fieldKey[String(rest[0])] ?? rest[0]!, ...rest.slice(1)] : []),
    )
  })
  if (generatedIds > 0)
    draft.notes.push(
      `${plural(generatedIds, 'node', 'nodes')} had no id; ids "node-N" (N = position) were generated`,
    )
  if (groups > 0) draft.notes.push(`Node groups ("group") are not part of format v1 and were left out`)
  if (ignoredNode.size > 0) draft.notes.push(`Node fields ignored: ${listOf([...ignoredNode].sort())}`)

  // Links: by id or by index?
  const idSet = new Set(ids.filter((x): x is string => typeof x === 'string'))
  const endpoints = links.flatMap((l) =>
    isRecord(l) ? [endpoint(own(l, 'source')), endpoint(own(l, 'target'))] : [],
  )
  const allIds = endpoints.every(
    (e) => (typeof e === 'string' || typeof e === 'number') && idSet.has(String(e)),
  )
  // Whole numbers that are not all node ids are positions in the nodes list, as in the d3 examples.
  const byIndex =
    !allIds && endpoints.length > 0 && endpoints.every((e) => typeof e === 'number' && Number.isInteger(e))
  if (byIndex) draft.notes.push('Links given by index: source and target are positions in the nodes list')

  let weights = 0
  const ignoredLink = new Set<string>()
  links.forEach((link, j) => {
    const at = `${linksKey}[${j}]`
    if (!isRecord(link)) {
      errors.push({ path: at, message: 'a link must be an object such as {"source": "a", "target": "b"}' })
      return
    }
    const ends: unknown[] = []
    for (const side of ['source', 'target'] as const) {
      const raw = endpoint(own(link, side))
      if (raw === undefined || raw === null || raw === '') {
        errors.push({ path: `${at}.${side}`, message: `${side} is required` })
        ends.push(undefined)
      } else if (byIndex) {
        const index = raw as number
        if (index < 0 || index >= nodes.length) {
          errors.push({
            path: `${at}.${side}`,
            message: `${index} is neither a node id nor a node index (there are ${plural(nodes.length, 'node')})`,
          })
        }
        ends.push(ids[index])
      } else if (typeof raw === 'number' && !idSet.has(String(raw))) {
        errors.push({
          path: `${at}.${side}`,
          message: `${raw} is neither a node id nor a node index (there are ${plural(nodes.length, 'node')})`,
        })
        ends.push(undefined)
      } else if (typeof raw === 'string' || typeof raw === 'number') {
        ends.push(String(raw))
      } else {
        errors.push({ path: `${at}.${side}`, message: `${side} must be a node id or a node index` })
        ends.push(undefined)
      }
    }
    const typeEntry = pick(link, ['type', 'relation'])
    const summaryEntry = pick(link, ['summary', 'label', 'description'])
    const fieldKey: Record<string, string> = {
      type: typeEntry?.[0] ?? 'type',
      summary: summaryEntry?.[0] ?? 'summary',
    }
    const evidence: unknown[] = []
    const evidencePaths: string[] = []
    const listed = own(link, 'evidence')
    if (Array.isArray(listed)) {
      listed.forEach((e, k) => {
        const ep = `${at}.evidence[${k}]`
        if (!isRecord(e)) {
          evidence.push(e)
          evidencePaths.push(ep)
          return
        }
        const ev = draft.evidence(
          {
            quote: own(e, 'quote'),
            note: own(e, 'note'),
            title: own(e, 'source_title') ?? own(e, 'title') ?? own(e, 'source'),
            url: own(e, 'source_url') ?? own(e, 'url'),
            author: own(e, 'author'),
            publisher: own(e, 'publisher'),
            published: own(e, 'published'),
          },
          (rest) => sub(ep, rest.length > 0 && rest[0] === 'title' ? ['source'] : rest),
        )
        evidence.push(ev)
        evidencePaths.push(ep)
      })
    } else if (listed !== undefined && listed !== null) {
      errors.push({ path: `${at}.evidence`, message: 'evidence must be a list' })
    }
    if (own(link, 'quote') !== undefined) {
      const ev = draft.evidence(
        {
          quote: own(link, 'quote'),
          note: own(link, 'note'),
          title: own(link, 'source_title'),
          url: own(link, 'source_url'),
          author: own(link, 'source_author'),
          publisher: own(link, 'source_publisher'),
          published: own(link, 'source_published'),
        },
        (rest) => sub(at, rest.length > 0 ? [`source_${String(rest[0])}`] : []),
      )
      evidence.push(ev)
      evidencePaths.push(`${at}.quote`)
    }
    if (own(link, 'value') !== undefined || own(link, 'weight') !== undefined) weights++
    for (const k of Object.keys(link)) {
      if (!LINK_KEYS.includes(k) && !SILENT_KEYS.has(k) && k !== 'value' && k !== 'weight') ignoredLink.add(k)
    }
    const locate: Locator = (rest) => {
      if (rest[0] === 'evidence' && typeof rest[1] === 'number') {
        const ep = evidencePaths[rest[1]] ?? at
        return ep.endsWith('.quote') ? ep : sub(ep, rest.slice(2))
      }
      return sub(at, rest.length > 0 ? [fieldKey[String(rest[0])] ?? rest[0]!, ...rest.slice(1)] : [])
    }
    draft.addRelation(
      {
        id: own(link, 'id'),
        idBase: `link-${j}`,
        source: ends[0],
        target: ends[1],
        type: typeEntry?.[1],
        stance: own(link, 'stance'),
        summary: summaryEntry?.[1],
        directed: own(link, 'directed'),
        start: own(link, 'start'),
        end: own(link, 'end'),
        approximate: own(link, 'approximate'),
        evidence,
      },
      locate,
    )
  })
  if (weights > 0) draft.notes.push('Link values (weights) are not part of format v1 and were left out')
  if (ignoredLink.size > 0) draft.notes.push(`Link fields ignored: ${listOf([...ignoredLink].sort())}`)

  return draft.finish(errors)
}
