/**
 * The command-line route for tables of any size: DuckDB reads the files into a table named `events`
 * and runs the aggregation SQL (src/io/import/tables/sql.ts); the ties become a graph through the
 * same code as in the browser (graphFromTies). Used by scripts/aggregate.ts and by the test that
 * checks the browser's aggregation against DuckDB's.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { openSync, readSync, closeSync } from 'node:fs'
import { basename } from 'node:path'
import type { Tie, EvidenceRow } from '../src/io/import/tables/aggregate'
import { compareTies, EVIDENCE_ROWS } from '../src/io/import/tables/aggregate'
import { decodeTable } from '../src/io/import/tables/encoding'
import type { TableMapping } from '../src/io/import/tables/mapping'
import { readRawTable } from '../src/io/import/tables/read'
import { aggregationSql, lit, rowCountsSql } from '../src/io/import/tables/sql'

export interface Loaded {
  /** Added to DuckDB's row numbers to give spreadsheet rows (single CSV file); 0 otherwise. */
  readonly rowOffset: number
  readonly notes: string[]
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
  const firstData = raw.rows[0]?.n ?? raw.headerRow + 1
  const encoding =
    decoded.encoding === 'Windows-1252'
      ? 'latin-1'
      : decoded.encoding.startsWith('UTF-16')
        ? 'utf-16'
        : 'utf-8'
  await con.run(
    `CREATE TABLE events AS SELECT * FROM read_csv(${list}, delim = ${lit(raw.separator)}, quote = '"', escape = '"', header = false, skip = ${firstData - 1}, all_varchar = true, encoding = ${lit(encoding)}, null_padding = false, auto_detect = false, columns = {${raw.names.map((n) => `${lit(n)}: 'VARCHAR'`).join(', ')}})`,
  )
  return {
    rowOffset: files.length === 1 ? firstData - 1 : 0,
    notes: [`The file was read as ${decoded.encoding}`, ...raw.guesses],
  }
}

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v))
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v))

/** Runs the aggregation SQL on `events` and returns the ties, rows numbered as spreadsheet rows. */
export async function tiesFromEvents(
  con: DuckDBConnection,
  m: TableMapping,
  rowOffset: number,
): Promise<Tie[]> {
  const reader = await con.runAndReadAll(aggregationSql(m))
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
