/**
 * The command-line route for tables of any size: DuckDB reads the files into a table named `events`
 * and runs the aggregation SQL (src/io/import/tables/sql.ts); the ties become a graph through the
 * same code as in the browser (graphFromTies). Used by scripts/aggregate.ts and by the test that
 * checks the browser's aggregation against DuckDB's.
 *
 * A CSV file DuckDB's strict reader refuses (a record split by an unquoted line break, a row of
 * another width, a broken quote), and any Windows-1252 file (DuckDB reads Latin-1, which differs from
 * Windows-1252 in 27 characters such as ’ “ ” €), first goes through a repair pass: streamed through
 * the browser's own record repair (createRecordRepair in read.ts) into a clean UTF-8 copy that holds
 * each record's spreadsheet row, which DuckDB then reads. So both routes rejoin, skip and refuse the
 * same rows, and number them alike.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import Papa from 'papaparse'
import { closeSync, createReadStream, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Readable } from 'node:stream'
import type { Problem } from '../src/model/types'
import type { Tie, EvidenceRow } from '../src/io/import/tables/aggregate'
import { compareTies, EVIDENCE_ROWS } from '../src/io/import/tables/aggregate'
import { decodeTable, decodeWindows1252 } from '../src/io/import/tables/encoding'
import type { TableMapping } from '../src/io/import/tables/mapping'
import {
  createRecordRepair,
  mostlyUnreadable,
  quoteProblems,
  readRawTable,
  refusal,
  repairNotes,
  type RawTable,
  type Repairs,
} from '../src/io/import/tables/read'
import { aggregationSql, lit, rowCountsSql } from '../src/io/import/tables/sql'
import { mappingColumnProblems } from '../src/io/import/tables/convert'

export interface Loaded {
  /** Added to DuckDB's row numbers to give spreadsheet rows (single CSV file); 0 otherwise. */
  readonly rowOffset: number
  /** The column of `events` that holds each row's number, after a repair pass. */
  readonly rowColumn?: string
  readonly notes: string[]
  /** Set when the table is refused: most of its rows could not be read (the browser's report). */
  readonly problems?: Problem[]
}

function head(file: string, n = 256 * 1024): Uint8Array {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(n)
    const got = readSync(fd, buf, 0, n, 0)
    return new Uint8Array(buf.subarray(0, got))
  } finally {
    closeSync(fd)
  }
}

/** Loads CSV (or Parquet) files into the table `events`, all columns as text. */
export async function loadEvents(
  con: DuckDBConnection,
  files: readonly string[],
  m: TableMapping,
): Promise<Loaded> {
  const list = `[${files.map(lit).join(', ')}]`
  await con.run('DROP TABLE IF EXISTS events')
  if (files.every((f) => /\.parquet$/i.test(f))) {
    await con.run(`CREATE TABLE events AS SELECT * FROM read_parquet(${list})`)
    return {
      rowOffset: 0,
      notes: [`${files.length} Parquet file${files.length === 1 ? '' : 's'} read by DuckDB`],
    }
  }
  // The structure (separator, preamble, header) is found by the same reader as in the browser.
  const bytes = head(files[0]!)
  const decoded = decodeTable(bytes)
  if (!decoded.ok) throw new Error(`${files[0]}: ${decoded.message}`)
  const text =
    bytes.length === 256 * 1024 ? decoded.text.slice(0, decoded.text.lastIndexOf('\n')) : decoded.text
  const raw = readRawTable(text, {
    maxRows: 5,
    ...(m.header !== undefined ? { header: m.header } : {}),
    ...(m.columnNames ? { columnNames: m.columnNames } : {}),
  })
  const firstData = raw.firstDataRow || raw.dataStart + 1
  const encoding =
    decoded.encoding === 'Windows-1252'
      ? 'latin-1'
      : decoded.encoding.startsWith('UTF-16')
        ? 'utf-16'
        : 'utf-8'
  const notes = [`The file was read as ${decoded.encoding}`, ...raw.guesses]
  if (decoded.encoding !== 'Windows-1252') {
    try {
      await con.run(
        `CREATE TABLE events AS SELECT * FROM read_csv(${list}, delim = ${lit(raw.separator)}, quote = '"', escape = '"', header = false, skip = ${firstData - 1}, all_varchar = true, encoding = ${lit(encoding)}, null_padding = false, auto_detect = false, columns = {${raw.names.map((n) => `${lit(n)}: 'VARCHAR'`).join(', ')}})`,
      )
      return { rowOffset: files.length === 1 ? firstData - 1 : 0, notes }
    } catch {
      // Not strictly regular: the repair pass below reads it as the browser does.
    }
  }
  return repairAndLoad(con, files, raw, decoded.encoding, notes, m)
}

const DECODER_LABEL: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-8 with byte-order mark': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'Windows-1252': 'windows-1252',
}

/** The file's text, decoded as it streams (a TextDecoder drops a byte-order mark as decodeTable does). */
async function* decodedChunks(file: string, label: string): AsyncGenerator<string> {
  const decoder = label === 'windows-1252' ? undefined : new TextDecoder(label)
  for await (const buf of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = new Uint8Array(buf as Buffer)
    const text = decoder ? decoder.decode(bytes, { stream: true }) : decodeWindows1252(bytes)
    if (text !== '') yield text
  }
  const tail = decoder?.decode() ?? ''
  if (tail !== '') yield tail
}

const csvCell = (c: string) => `"${c.replace(/"/g, '""')}"`

/**
 * Streams each file through the record repair into one clean CSV (row number first, every cell
 * quoted, UTF-8), then loads it as `events`. Rows are spreadsheet rows for one file; for several,
 * they are numbered on through the files as DuckDB numbers them.
 */
async function repairAndLoad(
  con: DuckDBConnection,
  files: readonly string[],
  raw: RawTable,
  encoding: string,
  notes: string[],
  m: TableMapping,
): Promise<Loaded> {
  let rowColumn = '__row'
  while (raw.names.includes(rowColumn)) rowColumn = `_${rowColumn}`
  const dir = mkdtempSync(join(tmpdir(), 'aggregate-'))
  const clean = join(dir, 'events.csv')
  const fd = openSync(clean, 'w')
  const problems: Problem[] = []
  try {
    let out: string[] = []
    let pending = 0
    const write = (line: string) => {
      out.push(line)
      pending += line.length
      if (pending > 1 << 20) {
        writeSync(fd, out.join(''))
        out = []
        pending = 0
      }
    }
    let numbered = 0
    for (const file of files) {
      const repairs = await repairFile(file, raw, DECODER_LABEL[encoding] ?? 'utf-8', (n, cells) => {
        const row = files.length === 1 ? n : ++numbered
        write(`${row},${cells.map(csvCell).join(',')}\n`)
      })
      const prefix = files.length === 1 ? '' : `${basename(file)}: `
      if (mostlyUnreadable(repairs)) {
        for (const p of [...repairs.skipped, refusal(repairs)])
          problems.push({ path: `${prefix}${p.path}`, message: p.message })
      } else notes.push(...repairNotes(repairs).map((n) => `${prefix}${n}`))
    }
    writeSync(fd, out.join(''))
  } finally {
    closeSync(fd)
  }
  try {
    // As in the browser: the mapping's own problems (roles naming no column) come first.
    if (problems.length > 0)
      return { rowOffset: 0, notes, problems: [...mappingColumnProblems(m, raw.names), ...problems] }
    const columns = [`${lit(rowColumn)}: 'BIGINT'`, ...raw.names.map((n) => `${lit(n)}: 'VARCHAR'`)]
    await con.run(
      `CREATE TABLE events AS SELECT * FROM read_csv(${lit(clean)}, delim = ',', quote = '"', escape = '"', header = false, encoding = 'utf-8', null_padding = false, auto_detect = false, columns = {${columns.join(', ')}})`,
    )
    return { rowOffset: 0, rowColumn, notes }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One file's records, from its data start, through the browser's record repair. */
function repairFile(
  file: string,
  raw: RawTable,
  label: string,
  keep: (n: number, cells: readonly string[]) => void,
): Promise<Repairs> {
  let linebreak = '\n'
  const repair = createRecordRepair(raw.names.length, () => linebreak, keep)
  let i = -1
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(decodedChunks(file, label)) as unknown as File, {
      delimiter: raw.separator,
      skipEmptyLines: false,
      step: (r) => {
        i++
        if (i < raw.dataStart) return
        linebreak = r.meta.linebreak || linebreak
        repair.push(i + 1, r.data, quoteProblems(r.errors))
      },
      complete: () => resolve(repair.end()),
      error: (e: Error) => reject(e),
    })
  })
}

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v))
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v))

/** Runs the aggregation SQL on `events` and returns the ties, rows numbered as spreadsheet rows. */
export async function tiesFromEvents(
  con: DuckDBConnection,
  m: TableMapping,
  loaded: Pick<Loaded, 'rowOffset' | 'rowColumn'>,
): Promise<Tie[]> {
  const { rowOffset, rowColumn } = loaded
  const reader = await con.runAndReadAll(aggregationSql(m, rowColumn))
  const ties: Tie[] = []
  for (const r of reader.getRowObjects()) {
    const evidence: EvidenceRow[] = []
    for (let k = 1; k <= EVIDENCE_ROWS; k++) {
      const n = num(r[`ev${k}_row`])
      if (n === undefined) continue
      const url = str(r[`ev${k}_url`])
      const sourceName = str(r[`ev${k}_source`])
      evidence.push({
        n: n + rowOffset,
        quote: str(r[`ev${k}_quote`]) ?? '',
        ...(url !== undefined ? { url } : {}),
        ...(sourceName !== undefined ? { sourceName } : {}),
      })
    }
    const start = num(r.start_year)
    const end = num(r.end_year)
    ties.push({
      source: String(r.source),
      target: String(r.target),
      type: String(r.type),
      stance: String(r.stance),
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
      rows: Number(r.row_count),
      weight: Number(r.weight),
      evidence,
    })
  }
  return ties.sort(compareTies)
}

export async function rowCounts(con: DuckDBConnection, m: TableMapping) {
  const r = (await con.runAndReadAll(rowCountsSql(m))).getRowObjects()[0]!
  return {
    rowsRead: Number(r.rows_read),
    withoutSource: Number(r.without_source ?? 0),
    withoutTarget: Number(r.without_target ?? 0),
    sameActor: Number(r.same_actor ?? 0),
  }
}

export async function connect(): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:')
  return db.connect()
}

export const displayName = (files: readonly string[]) =>
  files.length === 1 ? basename(files[0]!) : `${basename(files[0]!)} and ${files.length - 1} more`
