/**
 * `npm run aggregate -- --preset <sipri|acled|icews|gdelt1|gdelt2|dyad-year> [--map mapping.json]
 * <files…> -o graph.json [--codes codes.csv] [--print-sql]`: event tables of any size (CSV or Parquet, many GB) → a
 * format v1 graph, aggregated by DuckDB with the same rules as the browser. `--print-sql` prints the
 * aggregation as one standard SQL query over a table named `events` and stops.
 * Exit status: 0 written, 1 the table or mapping has problems, 2 usage.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { toV1Json } from '../src/io/export/v1Json'
import { graphFromTies } from '../src/io/import/tables/convert'
import {
  PRESET_IDS,
  PRESETS,
  checkMapping,
  type PresetId,
  type TableMapping,
} from '../src/io/import/tables/mapping'
import { codeTableFrom } from '../src/io/import/tables/codes'
import { decodeTable } from '../src/io/import/tables/encoding'
import { readRawTable } from '../src/io/import/tables/read'
import { aggregationSql } from '../src/io/import/tables/sql'
import { describeMapping } from '../src/io/import/tables/convert'
import { connect, displayName, loadEvents, rowCounts, tiesFromEvents } from './aggregate-lib'

const USAGE = `usage: npm run aggregate -- --preset <${PRESET_IDS.join('|')}> [--map mapping.json] <files…> -o graph.json [--codes codes.csv] [--print-sql]`

function fail(message: string, code = 2): never {
  console.error(message)
  process.exit(code)
}

const args = process.argv.slice(2)
let preset: PresetId | undefined
let mapFile: string | undefined
let out: string | undefined
let printSql = false
let codesFile: string | undefined
const files: string[] = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === '--preset') {
    const v = args[++i]
    if (!(PRESET_IDS as readonly string[]).includes(v ?? '')) fail(`unknown preset "${v ?? ''}"\n${USAGE}`)
    preset = v as PresetId
  } else if (a === '--map') mapFile = args[++i] ?? fail(USAGE)
  else if (a === '-o' || a === '--out') out = args[++i] ?? fail(USAGE)
  else if (a === '--print-sql') printSql = true
  else if (a === '--codes') codesFile = args[++i] ?? fail(USAGE)
  else if (a === '--help' || a === '-h') fail(USAGE, 0)
  else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`)
  else files.push(a)
}
if (preset === undefined && mapFile === undefined) fail(`give --preset or --map\n${USAGE}`)

let mapping: TableMapping = preset !== undefined ? PRESETS[preset] : PRESETS['dyad-year']
if (mapFile !== undefined) {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(mapFile, 'utf8'))
  } catch (e) {
    fail(`${mapFile}: not a readable JSON file (${(e as Error).message})`, 1)
  }
  const checked = checkMapping({ ...(preset !== undefined ? PRESETS[preset] : {}), ...(json as object) })
  if (!checked.ok) fail(`${mapFile}: ${checked.message}`, 1)
  mapping = checked.mapping
}

if (printSql) {
  console.log(`${aggregationSql(mapping)};`)
  process.exit(0)
}
if (files.length === 0) fail(`no input files\n${USAGE}`)
if (out === undefined) fail(`no output file (-o graph.json)\n${USAGE}`)

let codeTable: Map<string, string> | undefined
if (codesFile !== undefined) {
  const d = decodeTable(new Uint8Array(readFileSync(codesFile)))
  if (!d.ok) fail(`${codesFile}: ${d.message}`, 1)
  codeTable = codeTableFrom(readRawTable(d.text).rows)
  mapping = { ...mapping, codes: 'table' }
} else if (mapping.codes === 'table')
  fail('the mapping names codes from a second table: give it with --codes codes.csv')

const started = performance.now()
const con = await connect()
let loaded
try {
  loaded = await loadEvents(con, files, mapping)
} catch (e) {
  fail(`the table could not be read: ${(e as Error).message}`, 1)
}
if (loaded.problems) {
  const shown = loaded.problems.slice(0, 100)
  for (const e of shown) console.error(`${e.path}: ${e.message}`)
  if (loaded.problems.length > shown.length)
    console.error(`and ${loaded.problems.length - shown.length} more`)
  process.exit(1)
}
let ties
let counts
try {
  ties = await tiesFromEvents(con, mapping, loaded)
  counts = await rowCounts(con, mapping)
} catch (e) {
  fail(`the aggregation failed: ${(e as Error).message}`, 1)
}
const result = graphFromTies(ties, {
  fileName: displayName(files),
  ...(codeTable ? { codeTable } : {}),
  mapping,
  notes: [...loaded.notes, describeMapping(mapping)],
  stats: {
    ...counts,
    undated: ties.filter((t) => t.start === undefined).reduce((n, t) => n + t.rows, 0),
    typeDefaulted: 0,
    stanceDefaulted: 0,
    weightMissing: 0,
    unknownTypeValues: new Set(),
    unknownStanceValues: new Set(),
  },
})
if (!result.ok) {
  for (const e of result.errors.slice(0, 100)) console.error(`${e.path}: ${e.message}`)
  process.exit(1)
}
writeFileSync(out, toV1Json(result.graph))
for (const n of result.notes) console.log(`- ${n}`)
console.log(
  `${out}: ${result.graph.actors.length} actors, ${result.graph.relations.length} relations from ${counts.rowsRead} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
