/**
 * The aggregation of ./aggregate.ts as one standard SQL query over a table named `events` (CTEs,
 * CASE, window functions; no dialect functions), so that it runs unchanged in DuckDB (the
 * `npm run aggregate` command) or in a warehouse that already holds the data. Every value rule of
 * ./values.ts and ./rules.ts is written out as CASE expressions. One difference, documented: in a list
 * cell the last item is read by its last four characters (the year, as SIPRI writes its lists).
 *
 * Output: one row per tie, ordered by source, target, type, stance, start year: `source`, `target`,
 * `type`, `stance`, `start_year`, `end_year`, `row_count`, `weight`, and for k = 1..5 `evN_row`,
 * `evN_quote`, `evN_url`, `evN_source` (the first five rows of the tie, by row number).
 */
import { EVIDENCE_ROWS } from './aggregate'
import { ROLES, type Role, type TableMapping } from './mapping'
import { ACLED_TYPES, CAMEO_ROOTS } from './rules'

/** A string literal: quotes doubled. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`
/** A quoted identifier: double quotes doubled. */
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`

/** The cell as trimmed text, NULL when it is a missing marker (empty, NA, -9, ?). */
const present = (col: string) =>
  `CASE WHEN UPPER(TRIM(CAST(${ident(col)} AS VARCHAR))) IN ('', 'NA', '-9', '?') THEN NULL ELSE TRIM(CAST(${ident(col)} AS VARCHAR)) END`

/** The first item of a list cell (text before the first ";"). */
const firstItem = (x: string) =>
  `(CASE WHEN POSITION(';' IN ${x}) > 0 THEN TRIM(SUBSTRING(${x} FROM 1 FOR POSITION(';' IN ${x}) - 1)) ELSE ${x} END)`

/** The last item of a list cell: its last four characters (a year). */
const lastItem = (x: string) =>
  `(CASE WHEN POSITION(';' IN ${x}) > 0 THEN SUBSTRING(${x} FROM CHAR_LENGTH(${x}) - 3) ELSE ${x} END)`

/** The year of a date in one of the forms of ./values.ts. */
export const yearOf = (t: string) =>
  `(CASE WHEN ${t} IS NULL THEN NULL` +
  ` WHEN CHAR_LENGTH(${t}) = 4 THEN CAST(${t} AS INTEGER)` +
  ` WHEN CHAR_LENGTH(${t}) = 8 AND POSITION('-' IN ${t}) = 0 AND POSITION(' ' IN ${t}) = 0 THEN CAST(SUBSTRING(${t} FROM 1 FOR 4) AS INTEGER)` +
  ` WHEN SUBSTRING(${t} FROM 5 FOR 1) = '-' THEN CAST(SUBSTRING(${t} FROM 1 FOR 4) AS INTEGER)` +
  ` WHEN ${t} LIKE '%-%-__' THEN CASE WHEN CAST(SUBSTRING(${t} FROM CHAR_LENGTH(${t}) - 1) AS INTEGER) < 50 THEN 2000 ELSE 1900 END + CAST(SUBSTRING(${t} FROM CHAR_LENGTH(${t}) - 1) AS INTEGER)` +
  ` ELSE CAST(SUBSTRING(${t} FROM CHAR_LENGTH(${t}) - 3) AS INTEGER) END)`

const cameoRoot = (c: string) =>
  `(CASE WHEN CHAR_LENGTH(${c}) = 1 THEN '0' || ${c} ELSE SUBSTRING(${c} FROM 1 FOR 2) END)`

function typeExpr(m: TableMapping): string {
  const d = lit(m.defaultType)
  if (m.typeRule === 'fixed' || m.roles.type === undefined) return d
  if (m.typeRule === 'column') return `COALESCE(tc, ${d})`
  if (m.typeRule === 'acled') {
    const whens = Object.entries(ACLED_TYPES)
      .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v.type)}`)
      .join(' ')
    return `CASE LOWER(tc) ${whens} ELSE ${d} END`
  }
  const whens = Object.entries(CAMEO_ROOTS)
    .filter(([, v]) => v.type !== undefined)
    .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v.type!)}`)
    .join(' ')
  return `CASE ${cameoRoot('tc')} ${whens} ELSE ${d} END`
}

function stanceExpr(m: TableMapping): string {
  const d = lit(m.defaultStance)
  if (m.stanceRule === 'fixed' || m.roles.stance === undefined) return d
  let pairs: [string, string][]
  let subject = 'LOWER(sc)'
  if (m.stanceRule === 'column') {
    pairs = [
      ['cooperative', 'cooperative'],
      ['cooperation', 'cooperative'],
      ['hostile', 'hostile'],
      ['hostility', 'hostile'],
      ['neutral', 'neutral'],
    ]
  } else if (m.stanceRule === 'acled') {
    pairs = Object.entries(ACLED_TYPES).map(([k, v]) => [k, v.stance])
  } else if (m.stanceRule === 'quadclass') {
    subject = 'sc'
    pairs = [
      ['1', 'cooperative'],
      ['2', 'cooperative'],
      ['3', 'hostile'],
      ['4', 'hostile'],
    ]
  } else {
    subject = cameoRoot('sc')
    pairs = Object.entries(CAMEO_ROOTS).map(([k, v]) => [k, v.stance])
  }
  return `CASE ${subject} ${pairs.map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ')} ELSE ${d} END`
}

/** The quotation of a row without a quote column: "name: value; …" over the mapped columns. */
function rowTextExpr(m: TableMapping): string {
  // In the order of the roles, each column once, as ./convert.ts writes it.
  const used = [...new Set(ROLES.map((r) => m.roles[r]).filter((c): c is string => c !== undefined))]
  const parts = used.map(
    (c) =>
      `CASE WHEN TRIM(COALESCE(CAST(${ident(c)} AS VARCHAR), '')) <> '' THEN ${lit(`; ${c}: `)} || TRIM(CAST(${ident(c)} AS VARCHAR)) ELSE '' END`,
  )
  return parts.length === 0 ? "''" : `SUBSTRING(${parts.join(' || ')} FROM 3)`
}

/**
 * The aggregation as SQL. Rows are numbered in table order, or by `rowColumn` when the table holds
 * each row's number (the command line's repair pass writes it: rejoined and skipped rows leave gaps).
 */
export function aggregationSql(m: TableMapping, rowColumn?: string): string {
  const col = (r: Role) => (m.roles[r] === undefined ? 'NULL' : present(m.roles[r]!))
  const weight =
    m.roles.weight === undefined ? '1' : `CASE WHEN wc IS NULL THEN 0 ELSE CAST(wc AS DOUBLE PRECISION) END`
  let first: string
  let last: string
  if (m.roles.date !== undefined) {
    first = yearOf(firstItem('dc'))
    last = yearOf(lastItem('dc'))
  } else {
    first = `CASE WHEN ys IS NOT NULL THEN ${yearOf(firstItem('ys'))} ELSE ${yearOf(firstItem('ye'))} END`
    last = `CASE WHEN ys IS NOT NULL THEN COALESCE(${yearOf(lastItem('ye'))}, ${yearOf(lastItem('ys'))}) ELSE ${yearOf(lastItem('ye'))} END`
  }
  const oneTie = m.bothDirectionsOneTie
  const group = 'source, target, type, stance'
  const ev = Array.from({ length: EVIDENCE_ROWS }, (_, i) => i + 1)
    .map(
      (k) =>
        `  MAX(CASE WHEN ev_rank = ${k} THEN n END) AS ev${k}_row,\n` +
        `  MAX(CASE WHEN ev_rank = ${k} THEN quote END) AS ev${k}_quote,\n` +
        `  MAX(CASE WHEN ev_rank = ${k} THEN url END) AS ev${k}_url,\n` +
        `  MAX(CASE WHEN ev_rank = ${k} THEN source_name END) AS ev${k}_source`,
    )
    .join(',\n')
  return `WITH cells AS (
  SELECT
    ${rowColumn === undefined ? 'ROW_NUMBER() OVER ()' : `CAST(${ident(rowColumn)} AS BIGINT)`} AS n,
    ${col('source')} AS src,
    ${col('target')} AS tgt,
    ${col('date')} AS dc,
    ${col('startYear')} AS ys,
    ${col('endYear')} AS ye,
    ${col('type')} AS tc,
    ${col('stance')} AS sc,
    ${col('weight')} AS wc,
    COALESCE(${col('quote')}, ${rowTextExpr(m)}) AS quote,
    ${col('sourceUrl')} AS url,
    ${col('sourceName')} AS source_name
  FROM events
),
valued AS (
  SELECT
    n,
    ${oneTie ? 'CASE WHEN tgt < src THEN tgt ELSE src END' : 'src'} AS source,
    ${oneTie ? 'CASE WHEN tgt < src THEN src ELSE tgt END' : 'tgt'} AS target,
    ${typeExpr(m)} AS type,
    ${stanceExpr(m)} AS stance,
    ${first} AS y1,
    ${last} AS y2,
    ${weight} AS w,
    quote,
    url,
    source_name
  FROM cells
  WHERE src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt
),
spans AS (
  SELECT *,
    CASE WHEN y1 <= y2 THEN y1 ELSE y2 END AS f,
    CASE WHEN y1 <= y2 THEN y2 ELSE y1 END AS l
  FROM valued
),
ordered AS (
  SELECT *,
    MAX(l) OVER (PARTITION BY ${group} ORDER BY f, n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM spans
  WHERE f IS NOT NULL
),
runs AS (
  SELECT *,
    SUM(CASE WHEN prev_end IS NULL OR f > prev_end + 1 THEN 1 ELSE 0 END)
      OVER (PARTITION BY ${group} ORDER BY f, n ROWS UNBOUNDED PRECEDING) AS run
  FROM ordered
  UNION ALL
  SELECT *, CAST(NULL AS INTEGER) AS prev_end, 0 AS run FROM spans WHERE f IS NULL
),
ranked AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY ${group}, run ORDER BY n) AS ev_rank FROM runs
)
SELECT
  source, target, type, stance,
  MIN(f) AS start_year,
  MAX(l) AS end_year,
  COUNT(*) AS row_count,
  SUM(w) AS weight,
${ev}
FROM ranked
GROUP BY ${group}, run
ORDER BY source, target, type, stance, start_year NULLS FIRST`
}

/** Counts for the import notes: rows read, rows without a source, rows without a target. */
export function rowCountsSql(m: TableMapping): string {
  const col = (r: Role) => (m.roles[r] === undefined ? 'NULL' : present(m.roles[r]!))
  return `SELECT
  COUNT(*) AS rows_read,
  SUM(CASE WHEN ${col('source')} IS NULL THEN 1 ELSE 0 END) AS without_source,
  SUM(CASE WHEN ${col('source')} IS NOT NULL AND ${col('target')} IS NULL THEN 1 ELSE 0 END) AS without_target,
  SUM(CASE WHEN ${col('source')} = ${col('target')} THEN 1 ELSE 0 END) AS same_actor
FROM events`
}
