/**
 * `npm run bench:tables`: the table rows of the bench (issue 15). Generates, with a seeded generator,
 * a SIPRI-style register of 30,000 rows and an ACLED-style event table of 1,000,000 rows (under the
 * 64 MB file limit), then times opening each with the importer the import worker runs
 * (importTableBytes: decode, read, map, aggregate, validate) and aggregating the event table with the
 * DuckDB command's code. Targets: the register under 5 s, the event table under 30 s.
 *
 *   BENCH_TABLE_ROWS=1000000   rows of the event table
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MAX_IMPORT_BYTES } from '../src/io/import/limits'
import { importTableBytes } from '../src/io/import/tables'
import { PRESETS } from '../src/io/import/tables/mapping'
import { connect, loadEvents, tiesFromEvents } from '../scripts/aggregate-lib'

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'results', 'tables')
mkdirSync(OUT, { recursive: true })

/** Park–Miller LCG, seeded: the same tables on every run. */
function lcg(seed: number) {
  let s = seed
  return () => (s = (s * 48271) % 2147483647) / 2147483647
}

const COUNTRIES = Array.from(
  { length: 60 },
  (_, i) => `Country ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`,
)

function sipri(rows: number): string {
  const r = lcg(7)
  const lines = [
    'SIPRI Arms Transfers Database',
    'Information generated: 30 November 2026',
    '',
    '"Recipient","Supplier","Year of order","","Number ordered","","Weapon designation","Weapon description","Number delivered","","Year(s) of delivery","status","Comments","SIPRI TIV per unit","SIPRI TIV for total order","SIPRI TIV of delivered weapons"',
  ]
  for (let i = 0; i < rows; i++) {
    const a = COUNTRIES[Math.floor(r() * 40)]!
    let b = COUNTRIES[Math.floor(r() * 40)]!
    if (b === a) b = COUNTRIES[59]!
    const year = 1950 + Math.floor(r() * 74)
    const span = Math.floor(r() * 4)
    const delivered = Array.from({ length: span }, (_, k) => year + k + 1).join('; ')
    lines.push(
      `"${b}","${a}","${year}","","${1 + Math.floor(r() * 20)}","","W-${i % 500}","weapon","${span}","","${delivered}","","Deal ${i}, as reported","1","2","3"`,
    )
  }
  return `${lines.join('\n')}\n`
}

function acled(rows: number): string {
  const r = lcg(11)
  const types = [
    'Battles',
    'Violence against civilians',
    'Explosions/Remote violence',
    'Protests',
    'Riots',
    'Strategic developments',
  ]
  const lines = ['event_date,event_type,actor1,actor2,notes,source']
  for (let i = 0; i < rows; i++) {
    const a = COUNTRIES[Math.floor(r() * 60)]!
    const b = r() < 0.1 ? '' : COUNTRIES[Math.floor(r() * 60)]!
    const d = `${1997 + Math.floor(r() * 27)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
    lines.push(`${d},${types[Math.floor(r() * 6)]},${a},${b},E${i},S${i % 97}`)
  }
  return `${lines.join('\n')}\n`
}

const seconds = (ms: number) => (ms / 1000).toFixed(2)

function open(name: string, text: string, mapping: (typeof PRESETS)[keyof typeof PRESETS]) {
  const file = join(OUT, name)
  writeFileSync(file, text)
  const bytes = new Uint8Array(Buffer.from(text))
  let peak = process.memoryUsage().heapUsed
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const result = importTableBytes(bytes, name, mapping, () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed)
  })
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = (cpu.user + cpu.system) / 1000
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors.slice(0, 3))}`)
  return {
    file,
    bytes: statSync(file).size,
    ms,
    cpuMs,
    relations: result.graph.relations.length,
    actors: result.graph.actors.length,
    peakHeapMB: peak / 2 ** 20,
  }
}

const rowsBig = Number(process.env.BENCH_TABLE_ROWS ?? 1_000_000)
const rows: { row: string; value: string; target: string; met: boolean }[] = []

const reg = open('sipri-30000.csv', sipri(30_000), PRESETS.sipri)
rows.push({
  row: `SIPRI register, 30,000 rows (${(reg.bytes / 2 ** 20).toFixed(1)} MB): open in the importer`,
  value: `${seconds(reg.ms)} s wall (${seconds(reg.cpuMs)} s CPU) → ${reg.relations} relations`,
  target: '< 5 s',
  met: reg.ms < 5000,
})

const ev = open(`acled-${rowsBig}.csv`, acled(rowsBig), PRESETS.acled)
rows.push({
  row: `ACLED-style table, ${rowsBig.toLocaleString('en')} rows (${(ev.bytes / 2 ** 20).toFixed(1)} MB, limit ${MAX_IMPORT_BYTES / 2 ** 20} MB): open in the importer`,
  value: `${seconds(ev.ms)} s wall (${seconds(ev.cpuMs)} s CPU) → ${ev.relations} relations; peak JS heap ${ev.peakHeapMB.toFixed(0)} MB`,
  target: '< 30 s, file within 64 MB',
  met: ev.ms < 30_000 && ev.bytes <= MAX_IMPORT_BYTES,
})

const con = await connect()
const t0 = performance.now()
const loaded = await loadEvents(con, [ev.file], PRESETS.acled)
const ties = await tiesFromEvents(con, PRESETS.acled, loaded)
const duckMs = performance.now() - t0
rows.push({
  row: `the same table with DuckDB (npm run aggregate)`,
  value: `${seconds(duckMs)} s → ${ties.length} ties`,
  target: '(no target)',
  met: ties.length === ev.relations,
})

console.log(
  `\nload average during the run: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${cpus().length} cores`,
)
console.log('\n| row | measured | target | met |\n| --- | --- | --- | --- |')
for (const r of rows) console.log(`| ${r.row} | ${r.value} | ${r.target} | ${r.met ? 'yes' : 'NO'} |`)
writeFileSync(join(OUT, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2))
