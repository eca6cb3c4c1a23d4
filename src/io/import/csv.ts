/**
 * CSV tables → format v1, parsed with papaparse (RFC 4180 quoting; the delimiter is detected, so
 * semicolon- and tab-separated exports work too).
 *
 * A relations table has the columns `source` and `target` (actor ids) and optionally `id`, `type`,
 * `stance`, `start`, `end`, `approximate`, `directed`, `summary`, `weight`, `quote`, `note`, `source_title`,
 * `source_url`, `source_author`, `source_publisher`, `source_published`. Headers are
 * case-insensitive; spaces count as underscores. Rows that share an `id` are one relation with one
 * quotation per row. An optional actors table has `id` and optionally `label`, `kind`,
 * `description`, `aliases` (separated by `|`, as in every format); without it, actors are made from the ids used.
 *
 * Rows are counted like a spreadsheet's: the header is row 1. A cell that starts with an apostrophe
 * followed by = + - @ (the guard CSV export puts against formula injection) loses the apostrophe.
 *
 * Over 300 lines because this app's own tables have many optional columns (relation, evidence and
 * source fields, an optional actors table), each read and checked with its row and column.
 */
import Papa from 'papaparse'
import type { Problem } from '../../model/types'
import { Draft, listOf, plural, textValue, titleFromFileName, type Locator } from './draft'
import type { ConvertResult, ExtraFile, ProgressCallback } from './types'

export const RELATION_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'stance',
  'start',
  'end',
  'approximate',
  'directed',
  'summary',
  'weight',
  'quote',
  'note',
  'source_title',
  'source_url',
  'source_author',
  'source_publisher',
  'source_published',
] as const
export const ACTOR_COLUMNS = ['id', 'label', 'kind', 'description', 'aliases'] as const

const ALIASES: Record<string, string> = {
  from: 'source',
  to: 'target',
  relation: 'type',
  relation_type: 'type',
  name: 'label',
}

/** Undoes the export's formula-injection guard: `'=SUM(1)` → `=SUM(1)`. */
export const unguardCell = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

export interface Table {
  readonly name: string
  /** Normalised column name → column index. */
  readonly columns: ReadonlyMap<string, number>
  /** Column index → header as written. */
  readonly headers: readonly string[]
  /** Data rows with their spreadsheet row numbers (the header is row 1). */
  readonly rows: readonly { readonly n: number; readonly cells: readonly string[] }[]
}

const normalise = (h: string) => {
  const k = h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return Object.prototype.hasOwnProperty.call(ALIASES, k) ? ALIASES[k]! : k
}

const KNOWN_COLUMNS = new Set<string>([...RELATION_COLUMNS, ...ACTOR_COLUMNS, ...Object.keys(ALIASES)])

/**
 * The delimiter that splits the header line into the most known column names; '' (let papaparse
 * guess from the data) when none does. More reliable than guessing from data whose text may be full
 * of commas or semicolons.
 */
function headerDelimiter(body: string): string {
  const first = body.slice(0, 4096).split(/\r?\n/, 1)[0] ?? ''
  let best = ''
  let bestScore = 0
  for (const d of [',', ';', '\t', '|']) {
    const score = first
      .split(d)
      .map((h) => normalise(h.replace(/^"|"$/g, '')))
      .filter((h) => KNOWN_COLUMNS.has(h)).length
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** Parses one CSV text into a table, or the problems that stop it (unclosed quotes, ragged rows). */
export function readTable(text: string, name: string, prefix: string): { table?: Table; errors: Problem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const errors: Problem[] = []
  if (body.trim() === '') return { errors: [{ path: prefix || '(file)', message: 'the file is empty' }] }
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    delimiter: /\.tsv$/i.test(name) ? '\t' : headerDelimiter(body),
    delimitersToGuess: [',', ';', '\t', '|'],
  })
  for (const e of parsed.errors) {
    if (e.type === 'Delimiter') continue
    const at = e.row === undefined ? prefix || '(file)' : `${prefix}row ${e.row + 1}`
    errors.push({
      path: at,
      message:
        e.code === 'MissingQuotes'
          ? 'a quoted value is not closed (a " is missing)'
          : e.code === 'InvalidQuotes'
            ? 'a quoted value has text after its closing quote'
            : e.message,
    })
  }
  const data = parsed.data
  const headerRow = data[0] ?? []
  const headers = headerRow.map((h) => h.trim())
  const columns = new Map<string, number>()
  headers.forEach((h, i) => {
    const k = normalise(h)
    if (k === '') return
    if (columns.has(k)) {
      errors.push({ path: `${prefix}row 1, column "${h}"`, message: `the column "${h}" appears twice` })
    } else columns.set(k, i)
  })
  const rows: { n: number; cells: string[] }[] = []
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!
    if (cells.every((c) => c.trim() === '')) continue
    if (cells.length !== headers.length) {
      errors.push({
        path: `${prefix}row ${i + 1}`,
        message: `the row has ${plural(cells.length, 'value')} but the header has ${plural(headers.length, 'column')}`,
      })
      continue
    }
    rows.push({ n: i + 1, cells: cells.map(unguardCell) })
  }
  return { table: { name, columns, headers, rows }, errors }
}

/** The `weight` cell: a number when it reads as one, else the text (the validator names the row). */
function weightOf(cell: string | undefined): { extra?: { weight: unknown } } {
  const t = cell?.trim() ?? ''
  if (t === '') return {}
  const n = Number(t)
  return { extra: { weight: Number.isFinite(n) ? n : t } }
}

const isRelationsTable = (t: Table) => t.columns.has('source') || t.columns.has('target')
const isActorsTable = (t: Table) => !isRelationsTable(t) && t.columns.has('id')

export function convertCsv(
  text: string,
  fileName: string,
  extraFiles: readonly ExtraFile[] = [],
  onProgress?: ProgressCallback,
): ConvertResult {
  const files = [{ name: fileName, text }, ...extraFiles]
  const several = files.length > 1
  const tables: Table[] = []
  const errors: Problem[] = []
  for (const f of files) {
    const prefix = several ? `${f.name}: ` : ''
    const { table, errors: e } = readTable(f.text, f.name, prefix)
    errors.push(...e)
    if (table) tables.push(table)
  }
  if (errors.length > 0) return { ok: false, errors, warnings: [], notes: [] }
  const relationTables = tables.filter(isRelationsTable)
  const actorTables = tables.filter(isActorsTable)
  const prefixOf = (t: Table) => (several ? `${t.name}: ` : '')
  for (const t of tables) {
    if (!relationTables.includes(t) && !actorTables.includes(t)) {
      errors.push({
        path: `${prefixOf(t)}row 1`,
        message: `not a relations table (columns "source" and "target") nor an actors table (column "id"); the columns are: ${listOf(
          t.headers.map((h) => `"${h}"`),
          12,
        )}`,
      })
    }
  }
  if (relationTables.length === 0 && errors.length === 0) {
    errors.push({
      path: '(file)',
      message: 'no relations table: one CSV file needs the columns "source" and "target"',
    })
  }
  if (relationTables.length > 1)
    errors.push({ path: '(file)', message: 'more than one relations table was given' })
  if (actorTables.length > 1) errors.push({ path: '(file)', message: 'more than one actors table was given' })
  const rel = relationTables[0]
  if (rel) {
    for (const c of ['source', 'target']) {
      if (!rel.columns.has(c)) {
        errors.push({
          path: `${prefixOf(rel)}row 1`,
          message: `the column "${c}" is missing (the columns are: ${listOf(
            rel.headers.map((h) => `"${h}"`),
            12,
          )})`,
        })
      }
    }
  }
  if (errors.length > 0 || !rel) return { ok: false, errors, warnings: [], notes: [] }
  return buildFromTables(rel, actorTables[0], prefixOf, titleFromFileName(rel.name), onProgress)
}

function buildFromTables(
  rel: Table,
  actorsTable: Table | undefined,
  prefixOf: (t: Table) => string,
  title: string,
  onProgress?: ProgressCallback,
): ConvertResult {
  onProgress?.({ stage: 'parsing', fraction: 0.5 })
  const draft = new Draft(onProgress)
  draft.title = title
  draft.notes.push(`A CSV file has no title; the file name "${title}" is used`)
  const errors: Problem[] = []
  const cell = (t: Table, row: readonly string[], column: string): string | undefined => {
    const i = t.columns.get(column)
    return i === undefined ? undefined : row[i]
  }
  const place = (t: Table, n: number, column?: string) => {
    const i = column === undefined ? undefined : t.columns.get(column)
    return `${prefixOf(t)}row ${n}${i === undefined ? '' : `, column "${t.headers[i]}"`}`
  }
  const ignored = (t: Table, known: readonly string[]) =>
    [...t.columns.keys()].filter((k) => !known.includes(k)).map((k) => t.headers[t.columns.get(k)!]!)

  // Actors
  const actorIds = new Set<string>()
  if (actorsTable) {
    for (const { n, cells } of actorsTable.rows) {
      const id = textValue(cell(actorsTable, cells, 'id'))
      const value = draft.addActor(
        {
          id: typeof id === 'string' ? id.trim() : id,
          label: cell(actorsTable, cells, 'label'),
          kind: cell(actorsTable, cells, 'kind'),
          description: cell(actorsTable, cells, 'description'),
          aliases: cell(actorsTable, cells, 'aliases'),
        },
        (rest) => place(actorsTable, n, rest.length > 0 ? String(rest[0]) : undefined),
      )
      if (typeof value.id === 'string') actorIds.add(value.id)
    }
    const extra = ignored(actorsTable, ACTOR_COLUMNS)
    if (extra.length > 0) draft.notes.push(`Actors table columns ignored: ${listOf(extra)}`)
  }

  // Relations
  let createdActors = 0
  const byId = new Map<
    string,
    { record: Record<string, unknown>; firstRow: number; evidenceRows: number[] }
  >()
  for (const { n, cells } of rel.rows) {
    const get = (c: string) => cell(rel, cells, c)
    const source = get('source')?.trim() ?? ''
    const target = get('target')?.trim() ?? ''
    for (const [c, v] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (v === '') errors.push({ path: place(rel, n, c), message: `${c} is required` })
      else if (!actorsTable && !actorIds.has(v)) {
        actorIds.add(v)
        createdActors++
        draft.addActor({ id: v, label: v, kind: 'other' }, () => place(rel, n, c))
      }
    }
    const givenId = textValue(get('id'))
    const typeText = textValue(get('type'))
    const type = typeof typeText === 'string' ? typeText.trim() : typeText
    const evidence =
      textValue(get('quote')) === undefined
        ? undefined
        : draft.evidence(
            {
              quote: get('quote'),
              note: get('note'),
              title: get('source_title'),
              url: get('source_url'),
              author: get('source_author'),
              publisher: get('source_publisher'),
              published: get('source_published')?.trim(),
            },
            (rest) => place(rel, n, rest.length > 0 ? `source_${String(rest[0])}` : undefined),
          )
    if (typeof givenId === 'string') {
      const earlier = byId.get(givenId.trim())
      if (earlier) {
        const r = earlier.record
        const same = r.source === source && r.target === target && (type === undefined || type === r.type)
        if (!same) {
          errors.push({
            path: place(rel, n, 'id'),
            message: `the id "${givenId.trim()}" is already used by row ${earlier.firstRow} for a different relation (rows that share an id must have the same source, target and type)`,
          })
        } else if (evidence) {
          r.evidence = [...((r.evidence as unknown[] | undefined) ?? []), evidence]
          earlier.evidenceRows.push(n)
        }
        continue
      }
    }
    const evidenceRows = evidence ? [n] : []
    const at: Locator = (rest) => {
      if (rest[0] === 'evidence' && typeof rest[1] === 'number') {
        const row = evidenceRows[rest[1]] ?? n
        return place(
          rel,
          row,
          rest[2] === 'source' ? 'source_title' : rest[2] === undefined ? 'quote' : String(rest[2]),
        )
      }
      return place(rel, n, rest.length > 0 ? String(rest[0]) : undefined)
    }
    const record = draft.addRelation(
      {
        id: givenId,
        idBase: `row-${n}`,
        source,
        target,
        type,
        stance: get('stance'),
        summary: get('summary'),
        directed: get('directed'),
        start: get('start'),
        end: get('end'),
        approximate: get('approximate'),
        evidence: evidence ? [evidence] : [],
        ...weightOf(get('weight')),
      },
      at,
    )
    byId.set(record.id as string, { record, firstRow: n, evidenceRows })
  }
  if (!actorsTable && createdActors > 0) {
    draft.notes.push(
      `No actors table: ${plural(createdActors, 'actor was', 'actors were')} made from the source and target columns, labelled by their ids, kind "other"`,
    )
  }
  const extra = ignored(rel, RELATION_COLUMNS)
  if (extra.length > 0) draft.notes.push(`Relations table columns ignored: ${listOf(extra)}`)
  return draft.finish(errors)
}
