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
 * 6. Repair: consecutive short records whose values, the split cell counted once, make exactly the
 *    table's width are one record broken by an unquoted line break (SIPRI's export leaves them in its
 *    comments); they are rejoined, the line break kept inside the cell where the split fell. Other
 *    records of another width, and records with a broken quote, are skipped with their row and reason.
 *    Only when most rows are unreadable is the file refused (the skipped rows are then its problems).
 *
 * Rows are numbered as a spreadsheet numbers them: the first record of the file is row 1 (a rejoined
 * record is the row of its first piece). Quoted cells may hold line breaks (RFC 4180).
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
  /** Index (from 0) of the first record after the header (or the preamble): where data begins. */
  readonly dataStart: number
  /** Row of the first record that is not blank from there, read or not (0 when there is none). */
  readonly firstDataRow: number
  /** Rows rejoined and rows skipped (`repairNotes` says them). */
  readonly repairs: Repairs
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
    dataStart: 0,
    firstDataRow: 0,
    repairs: { rejoined: [], skipped: [], readable: 0, unreadable: 0 },
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
  let linebreak = '\n'
  let firstDataRow = 0
  const repair = createRecordRepair(
    names.length,
    () => linebreak,
    (n, cells) => {
      kept++
      if (onRow) onRow(n, cells)
      else rows.push({ n, cells })
    },
  )
  Papa.parse<string[]>(body, {
    delimiter: separator,
    skipEmptyLines: false,
    step: (r, parser) => {
      i++
      if (opts.onRows && i > 0 && i % 10_000 === 0) opts.onRows(i, r.meta.cursor / body.length)
      if (i < start) return
      if (firstDataRow === 0 && !isBlank(r.data)) firstDataRow = i + 1
      linebreak = r.meta.linebreak || linebreak
      repair.push(i + 1, r.data, quoteProblems(r.errors))
      if (kept >= maxRows) parser.abort()
    },
  })
  const repairs = repair.end()
  opts.onRows?.(i + 1, 1)
  if (mostlyUnreadable(repairs)) errors.push(...repairs.skipped, refusal(repairs))
  return {
    separator,
    names,
    written,
    hasHeader,
    headerRow: hasHeader ? first + 1 : 0,
    rows,
    dataStart: start,
    firstDataRow,
    repairs,
    guesses,
    errors,
  }
}

/** Papaparse's quote errors of one record, as reasons (a wrong delimiter guess is not one). */
export function quoteProblems(errors: readonly Papa.ParseError[]): string[] {
  if (errors.length === 0) return []
  const reasons = errors
    .filter((e) => e.type !== 'Delimiter')
    .map((e) =>
      e.code === 'MissingQuotes'
        ? 'a quoted value is not closed (a " is missing)'
        : e.code === 'InvalidQuotes'
          ? 'a quoted value has text after its closing quote'
          : e.message,
    )
  return [...new Set(reasons)]
}

export interface Repairs {
  /** Rows (of the first piece) of the records rejoined after an unquoted line break split them. */
  readonly rejoined: number[]
  /** Rows skipped, `row 12`, with the reason. */
  readonly skipped: Problem[]
  /** Lines of the file read into records (a rejoined record counts each of its pieces). */
  readable: number
  /** Lines skipped (a record with an unclosed quote counts every line it swallowed). */
  unreadable: number
}

const values = (n: number) => `${n} value${n === 1 ? '' : 's'}`
const columns = (n: number) => `${n} column${n === 1 ? '' : 's'}`
const widthReason = (got: number, width: number) =>
  `the row has ${values(got)} but the table has ${columns(width)}`

/**
 * The repair rule (step 6 above) over records handed over one by one, in file order: `push` each
 * data record with its row number and its quote problems, then `end`. Kept records (whole or
 * rejoined) go to `keep`. Pure, so the command line's pass before DuckDB (scripts/aggregate-lib.ts)
 * runs exactly the browser's rule.
 */
export function createRecordRepair(
  width: number,
  linebreak: () => string,
  keep: (n: number, cells: readonly string[]) => void,
): { push(n: number, cells: readonly string[], problems: readonly string[]): void; end(): Repairs } {
  const repairs: Repairs = { rejoined: [], skipped: [], readable: 0, unreadable: 0 }
  /** The pieces so far of a record that may be split: row numbers, and the cells joined. */
  let pieces: { n: number; length: number; blank: boolean }[] = []
  let joined: string[] = []
  const skip = (n: number, message: string, lines = 1) => {
    repairs.skipped.push({ path: `row ${n}`, message })
    repairs.unreadable += lines
  }
  const flush = () => {
    for (const p of pieces) if (!p.blank) skip(p.n, widthReason(p.length, width))
    pieces = []
    joined = []
  }
  const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')
  return {
    push(n, cells, problems) {
      if (problems.length > 0) {
        flush()
        // An unclosed quote runs on to the end of the file: every line it took is lost.
        const lines = 1 + cells.reduce((k, c) => k + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0)
        skip(n, problems.join('; '), lines)
        return
      }
      const blank = isBlank(cells)
      // A blank line inside a split cell is part of it; elsewhere it is no record.
      if (blank && !(pieces.length > 0 && cells.length === 1)) {
        flush()
        return
      }
      if (cells.length === width && pieces.length === 0) {
        repairs.readable++
        keep(n, cells)
        return
      }
      if (cells.length >= width) {
        flush()
        if (cells.length === width) {
          repairs.readable++
          keep(n, cells)
        } else skip(n, widthReason(cells.length, width))
        return
      }
      if (pieces.length > 0 && joined.length + cells.length - 1 > width) flush()
      if (pieces.length === 0) joined = [...cells]
      else {
        joined[joined.length - 1] = `${joined[joined.length - 1]!}${linebreak()}${cells[0]!}`
        for (let k = 1; k < cells.length; k++) joined.push(cells[k]!)
      }
      pieces.push({ n, length: cells.length, blank })
      if (joined.length === width) {
        const firstRow = pieces[0]!.n
        repairs.rejoined.push(firstRow)
        repairs.readable += pieces.length
        keep(firstRow, joined)
        pieces = []
        joined = []
      }
    },
    end() {
      flush()
      return repairs
    },
  }
}

/** More lines skipped than read: the file is refused. */
export const mostlyUnreadable = (r: Repairs) => r.unreadable > 0 && r.unreadable > r.readable

export const refusal = (r: Repairs): Problem => ({
  path: '(file)',
  message: `${r.unreadable} of ${r.readable + r.unreadable} rows could not be read; a table opens when most of its rows can be`,
})

const LISTED = 20
const rowList = (items: readonly string[]) =>
  items.length > LISTED
    ? `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`
    : items.join(', ')

/** The import notes of the repairs: records rejoined, rows skipped. */
export function repairNotes(r: Repairs): string[] {
  const notes: string[] = []
  const k = r.rejoined.length
  if (k > 0) {
    notes.push(
      `${k === 1 ? '1 record' : `${k} records`} had an unquoted line break inside a cell and ${k === 1 ? 'was' : 'were'} rejoined: ${k === 1 ? 'row' : 'rows'} ${rowList(r.rejoined.map(String))}`,
    )
  }
  const s = r.skipped.length
  if (s > 0) {
    notes.push(
      `${s === 1 ? '1 row' : `${s} rows`} could not be read and ${s === 1 ? 'was' : 'were'} skipped: ${rowList(r.skipped.map((p) => `${p.path} (${p.message})`))}`,
    )
  }
  return notes
}
