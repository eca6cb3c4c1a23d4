/**
 * A table as real exports write it → named columns and data rows, with every guess written down.
 *
 * 1. Separator: tab, comma or semicolon, whichever splits the first 50 records into the most rows of
 *    one common width (quotes respected, so a comma inside a quoted cell does not count).
 * 2. Width: the most common number of cells per record.
 * 3. Preamble: records before the first one of that width with at least half its cells filled are
 *    skipped (SIPRI puts a title and the date of the export there).
 * 4. Header: that record is the header unless one of its cells is a number or a date over a column of
 *    numbers or dates (GDELT's raw files have no header), or the mapping says whether there is one.
 * 5. Names: blank header cells become "column 4"; a repeated name gets " (2)", " (3)"…
 *
 * Rows are numbered as a spreadsheet numbers them: the first record of the file is row 1. Records of
 * another width are problems with their row; quoted cells may hold line breaks (RFC 4180).
 */
import Papa from 'papaparse'
import type { Problem } from '../../../model/types'
import { yearOfDate } from './values'

export type Separator = ',' | '\t' | ';'

export interface RawTable {
  readonly separator: Separator
  /** Column names, unique. */
  readonly names: readonly string[]
  /** The header row as written (empty for a headerless file). */
  readonly written: readonly string[]
  readonly hasHeader: boolean
  /** Spreadsheet row number of the header (0 when there is none). */
  readonly headerRow: number
  readonly rows: readonly { readonly n: number; readonly cells: readonly string[] }[]
  /** What was guessed, as sentences for the import notes. */
  readonly guesses: readonly string[]
  readonly errors: readonly Problem[]
}

export interface ReadOptions {
  /** true / false when known (a preset or a saved mapping); undefined to detect. */
  readonly header?: boolean
  /** Names for a headerless file, in order. */
  readonly columnNames?: readonly string[]
  /** Stop after this many data rows (a preview). */
  readonly maxRows?: number
  readonly separator?: Separator
  /** Called every 10,000 records with the number read so far and the fraction of the text. */
  readonly onRows?: (rows: number, fraction: number) => void
  /**
   * Given the column names, returns a function that is handed each data row instead of keeping it
   * (`rows` is then empty): a million-row table is never held as cells.
   */
  readonly rowHandler?: (names: readonly string[]) => (n: number, cells: readonly string[]) => void
}

/** Records examined to find the separator, the width, the preamble and the header. */
const STRUCTURE_RECORDS = 5000

const SEPARATORS: readonly Separator[] = ['\t', ',', ';']
const SEPARATOR_NAME: Record<Separator, string> = { '\t': 'tab', ',': 'comma', ';': 'semicolon' }

function widthScore(sample: string, d: Separator): { score: number; width: number } {
  const parsed = Papa.parse<string[]>(sample, { delimiter: d, preview: 50, skipEmptyLines: true })
  const counts = new Map<number, number>()
  for (const r of parsed.data) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
  let width = 1
  let best = 0
  for (const [w, c] of counts) {
    if (w > 1 && (c > best || (c === best && w > width))) {
      width = w
      best = c
    }
  }
  return { score: best, width }
}

export function detectSeparator(text: string): Separator {
  const sample = text.slice(0, 65536)
  let best: Separator = ','
  let bestScore = -1
  for (const d of SEPARATORS) {
    const { score } = widthScore(sample, d)
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
const looksLikeData = (cell: string) => {
  const t = cell.trim()
  return NUMBER.test(t) || yearOfDate(t) !== undefined
}

/** Blank names → "column N"; repeats → "name (2)". */
export function uniqueNames(written: readonly string[]): {
  names: string[]
  blank: number
  repeated: string[]
} {
  const seen = new Map<string, number>()
  const names: string[] = []
  let blank = 0
  const repeated: string[] = []
  written.forEach((w, i) => {
    let name = w.replace(/^\uFEFF/, '').trim()
    if (name === '') {
      name = `column ${i + 1}`
      blank++
    }
    const key = name.toLowerCase()
    const k = seen.get(key) ?? 0
    seen.set(key, k + 1)
    if (k > 0) {
      repeated.push(name)
      let m = k + 1
      while (seen.has(`${key} (${m})`)) m++
      name = `${name} (${m})`
      seen.set(name.toLowerCase(), 1)
    }
    names.push(name)
  })
  return { names, blank, repeated }
}

export function readRawTable(text: string, opts: ReadOptions = {}): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const errors: Problem[] = []
  const guesses: string[] = []
  const separator = opts.separator ?? detectSeparator(body)
  if (opts.separator === undefined) guesses.push(`Cells are separated by ${SEPARATOR_NAME[separator]}s`)
  const empty: RawTable = {
    separator,
    names: [],
    written: [],
    hasHeader: false,
    headerRow: 0,
    rows: [],
    guesses,
    errors,
  }
  if (body.trim() === '') return { ...empty, errors: [{ path: '(file)', message: 'the file is empty' }] }

  // Pass 1: the first records, for the structure.
  const records: string[][] = []
  Papa.parse<string[]>(body, {
    delimiter: separator,
    skipEmptyLines: false,
    preview: STRUCTURE_RECORDS,
    step: (r) => {
      records.push(r.data)
    },
  })
  const isBlank = (r: readonly string[]) => r.every((c) => c.trim() === '')
  const counts = new Map<number, number>()
  for (const r of records) if (!isBlank(r)) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
  let width = 0
  let best = 0
  for (const [w, c] of counts) {
    if (c > best || (c === best && w > width)) {
      width = w
      best = c
    }
  }
  let first = records.findIndex(
    (r) => r.length === width && r.filter((c) => c.trim() !== '').length * 2 >= width,
  )
  if (first < 0) first = 0
  const preamble = records.slice(0, first).filter((r) => !isBlank(r)).length
  if (preamble > 0) {
    guesses.push(
      `${preamble === 1 ? '1 line' : `${preamble} lines`} before the table (row${first === 1 ? '' : 's'} 1${first > 1 ? `–${first}` : ''}) were read as a preamble and skipped`,
    )
  }
  const candidate = records[first] ?? []
  const below = records.slice(first + 1, first + 21).filter((r) => r.length === width)
  // A header names its columns: a cell that is a number or a date, over a column of numbers or dates,
  // is data, not a name.
  const dataInFirstRow = candidate.some(
    (c, j) =>
      c.trim() !== '' &&
      looksLikeData(c) &&
      below.length > 0 &&
      below.filter((r) => looksLikeData(r[j] ?? '')).length * 2 >= below.length,
  )
  let hasHeader: boolean
  if (opts.header !== undefined) hasHeader = opts.header
  else {
    hasHeader = !dataInFirstRow
    if (!hasHeader)
      guesses.push('The first row holds numbers or dates, so the file was read as having no header')
  }
  let written: string[] = []
  let names: string[]
  if (hasHeader) {
    written = candidate.map((c) => c.trim())
    const u = uniqueNames(written)
    names = u.names
    if (u.blank > 0)
      guesses.push(
        `${u.blank === 1 ? '1 column has' : `${u.blank} columns have`} no name and ${u.blank === 1 ? 'was' : 'were'} named by position ("column N")`,
      )
    if (u.repeated.length > 0)
      guesses.push(
        `Repeated column names were numbered: ${[...new Set(u.repeated)].map((r) => `"${r}"`).join(', ')}`,
      )
  } else {
    const given = opts.columnNames ?? []
    names = uniqueNames(Array.from({ length: width }, (_, i) => given[i] ?? '')).names
    if (given.length > 0 && given.length !== width) {
      guesses.push(
        `The file has ${width} columns where ${given.length} were expected; the names were given in order`,
      )
    }
  }
  // Pass 2: every record, handed over one by one.
  const rows: { n: number; cells: readonly string[] }[] = []
  const start = hasHeader ? first + 1 : first
  const maxRows = opts.maxRows ?? Infinity
  let i = -1
  let kept = 0
  const onRow = opts.rowHandler?.(names)
  Papa.parse<string[]>(body, {
    delimiter: separator,
    skipEmptyLines: false,
    step: (r, parser) => {
      i++
      for (const e of r.errors) {
        if (e.type === 'Delimiter') continue
        errors.push({
          path: `row ${i + 1}`,
          message:
            e.code === 'MissingQuotes'
              ? 'a quoted value is not closed (a " is missing)'
              : e.code === 'InvalidQuotes'
                ? 'a quoted value has text after its closing quote'
                : e.message,
        })
      }
      if (opts.onRows && i > 0 && i % 10_000 === 0) opts.onRows(i, r.meta.cursor / body.length)
      if (i < start) return
      const cells = r.data
      if (isBlank(cells)) return
      if (cells.length !== names.length) {
        errors.push({
          path: `row ${i + 1}`,
          message: `the row has ${cells.length} value${cells.length === 1 ? '' : 's'} but the table has ${names.length} column${names.length === 1 ? '' : 's'}`,
        })
        return
      }
      kept++
      if (onRow) onRow(i + 1, cells)
      else rows.push({ n: i + 1, cells })
      if (kept >= maxRows) parser.abort()
    },
  })
  opts.onRows?.(i + 1, 1)
  return { separator, names, written, hasHeader, headerRow: hasHeader ? first + 1 : 0, rows, guesses, errors }
}
