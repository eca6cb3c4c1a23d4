/**
 * unknown text → validated Graph, or every problem found, each with a JSON path and a plain sentence.
 *
 * Three passes: JSON syntax (with line and column), shape (zod), then whole-document checks that a
 * schema cannot express: unique ids, references, year order, self-relations. The last pass runs on
 * the raw document even when the shape pass failed, so one run reports everything it can.
 */
import { DEFAULT_RELATION_TYPES, KNOWN_KEYS, graphFileSchema } from './schema'
import { locateJsonError } from './jsonError'
import type { Graph, ParseResult, Problem } from './types'

type Path = readonly (string | number | symbol)[]

/** `['relations', 12, 'target']` → `relations[12].target` */
export function formatPath(path: Path): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out === '' ? '(file)' : out
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(position, text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/** Parses JSON text; on a syntax error returns a problem naming line and column. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: Problem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, error: { path: '(file)', message: 'the file is empty' } }
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch {
    const { position, expected } = locateJsonError(body)
    const { line, column } = lineColumn(body, position)
    const snippet = body
      .slice(position, position + 16)
      .split(/\r?\n/)[0]!
      .trim()
    const found =
      position >= body.length ? 'but the file ends there' : `but found ${snippet || 'a line break'}`
    const looksHtml = /^\s*</.test(body)
    return {
      ok: false,
      error: {
        path: '(file)',
        message: looksHtml
          ? 'not valid JSON at line 1, column 1: this looks like an HTML page, not a graph file'
          : `not valid JSON at line ${line}, column ${column}: expected ${expected || 'valid JSON'} ${found}`,
      },
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const own = (o: Record<string, unknown>, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined

function valueAt(root: unknown, path: Path): unknown {
  let cur: unknown = root
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = own(cur as Record<string, unknown>, String(part))
  }
  return cur
}

const COLLECTIONS = ['relationTypes', 'sources', 'actors', 'relations'] as const

function unknownKeyWarnings(doc: Record<string, unknown>, warnings: Problem[]): void {
  const warn = (obj: unknown, known: readonly string[], path: string) => {
    if (!isRecord(obj)) return
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) {
        warnings.push({
          path: path === '' ? key : `${path}.${key}`,
          message: `unknown field "${key}" is ignored`,
        })
      }
    }
  }
  warn(doc, KNOWN_KEYS.root, '')
  for (const c of COLLECTIONS) {
    const list = own(doc, c)
    if (!Array.isArray(list)) continue
    list.forEach((item, i) => {
      warn(item, KNOWN_KEYS[c], `${c}[${i}]`)
      if (c === 'relations' && isRecord(item)) {
        const ev = own(item, 'evidence')
        if (Array.isArray(ev))
          ev.forEach((e, j) => warn(e, KNOWN_KEYS.evidence, `relations[${i}].evidence[${j}]`))
      }
    })
  }
}

/** Whole-document checks on the raw value: uniqueness, references, years, self-relations. */
function crossChecks(doc: Record<string, unknown>, errors: Problem[]): void {
  const ids = (c: (typeof COLLECTIONS)[number]): Set<string> => {
    const seen = new Map<string, number>()
    const list = own(doc, c)
    if (Array.isArray(list)) {
      list.forEach((item, i) => {
        const id = isRecord(item) ? own(item, 'id') : undefined
        if (typeof id !== 'string') return
        const first = seen.get(id)
        if (first !== undefined) {
          errors.push({
            path: `${c}[${i}].id`,
            message: `duplicate id "${id}" (already used by ${c}[${first}])`,
          })
        } else seen.set(id, i)
      })
    }
    return new Set(seen.keys())
  }
  const typeIds =
    own(doc, 'relationTypes') === undefined
      ? new Set(DEFAULT_RELATION_TYPES.map((t) => t.id))
      : ids('relationTypes')
  const sourceIds = ids('sources')
  const actorIds = ids('actors')
  ids('relations')
  const relations = own(doc, 'relations')
  if (!Array.isArray(relations)) return
  relations.forEach((r, i) => {
    if (!isRecord(r)) return
    const at = `relations[${i}]`
    const source = own(r, 'source')
    const target = own(r, 'target')
    for (const [key, value] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (typeof value === 'string' && value.trim() !== '' && !actorIds.has(value)) {
        errors.push({ path: `${at}.${key}`, message: `no actor has the id "${value}"` })
      }
    }
    if (typeof source === 'string' && source === target) {
      errors.push({ path: `${at}.target`, message: `a relation cannot link actor "${source}" to itself` })
    }
    const type = own(r, 'type')
    if (typeof type === 'string' && type.trim() !== '' && !typeIds.has(type)) {
      errors.push({
        path: `${at}.type`,
        message: `no relation type has the id "${type}" (known: ${[...typeIds].map((t) => `"${t}"`).join(', ')})`,
      })
    }
    const start = own(r, 'start')
    const end = own(r, 'end')
    if (typeof start === 'number' && typeof end === 'number' && end < start) {
      errors.push({ path: `${at}.end`, message: `end (${end}) is before start (${start})` })
    }
    if (typeof end === 'number' && start === undefined) {
      errors.push({ path: `${at}.start`, message: 'a relation with an end year needs a start year' })
    }
    const evidence = own(r, 'evidence')
    if (Array.isArray(evidence)) {
      evidence.forEach((e, j) => {
        const s = isRecord(e) ? own(e, 'source') : undefined
        if (typeof s === 'string' && s.trim() !== '' && !sourceIds.has(s)) {
          errors.push({ path: `${at}.evidence[${j}].source`, message: `no source has the id "${s}"` })
        }
        const anchor = isRecord(e) ? own(e, 'anchor') : undefined
        if (isRecord(anchor)) {
          const a = own(anchor, 'start')
          const b = own(anchor, 'end')
          if (typeof a === 'number' && typeof b === 'number' && b < a) {
            errors.push({
              path: `${at}.evidence[${j}].anchor.end`,
              message: `end (${b}) is before start (${a})`,
            })
          }
        }
      })
    }
  })
}

/** Paths in reading order: `relations[9]` before `relations[10]` (numbers compared as numbers). */
export function comparePaths(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(j)
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i
      let ej = j
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++
      const d =
        ei - i - (ej - j) || (a.slice(i, ei) < b.slice(j, ej) ? -1 : a.slice(i, ei) > b.slice(j, ej) ? 1 : 0)
      if (d !== 0) return d
      i = ei
      j = ej
      continue
    }
    if (ca !== cb) return ca - cb
    i++
    j++
  }
  return a.length - i - (b.length - j)
}
const isDigit = (c: number) => c >= 48 && c <= 57
const pathOrder = (a: Problem, b: Problem) => comparePaths(a.path, b.path)

/** Validates an already-parsed JSON value. */
export function validateGraph(value: unknown): ParseResult {
  const errors: Problem[] = []
  const warnings: Problem[] = []
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`
    return {
      ok: false,
      errors: [
        {
          path: '(file)',
          message: `a graph file must be a JSON object with actors and relations, not ${what}`,
        },
      ],
      warnings,
    }
  }
  const result = graphFileSchema.safeParse(value)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const missing = issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined
      const field = String(issue.path[issue.path.length - 1] ?? 'value')
      errors.push({ path: formatPath(issue.path), message: missing ? `${field} is required` : issue.message })
    }
  }
  crossChecks(value, errors)
  unknownKeyWarnings(value, warnings)
  if (errors.length > 0 || !result.success) {
    // zod and the cross checks can both flag an empty id; keep one line per path and message.
    const seen = new Set<string>()
    const unique = errors.filter((p) => {
      const key = `${p.path}\u0000${p.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    return { ok: false, errors: unique.sort(pathOrder), warnings }
  }
  const data = result.data
  const graph: Graph = {
    schemaVersion: 1,
    title: data.title,
    description: data.description,
    relationTypes: data.relationTypes ?? DEFAULT_RELATION_TYPES.map((t) => ({ ...t })),
    sources: data.sources,
    actors: data.actors,
    relations: data.relations,
  }
  return { ok: true, graph, warnings }
}

/** Validates graph file text (UTF-8 JSON, a leading byte-order mark tolerated). */
export function parseGraphText(text: string): ParseResult {
  const json = parseJsonText(text)
  if (!json.ok) return { ok: false, errors: [json.error], warnings: [] }
  return validateGraph(json.value)
}
