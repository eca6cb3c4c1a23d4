/**
 * The browser's aggregation (tiesFromText) and the DuckDB command's (the SQL of sql.ts run by
 * scripts/aggregate-lib.ts) give the same ties on random tables, and aggregation never loses a row:
 * the weights (row counts) add up to the rows that have both ends. The same holds on tables with
 * records split by unquoted line breaks and with broken rows: both routes rejoin, skip and refuse
 * the same rows, with the same notes.
 */
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDBConnection } from '@duckdb/node-api'
import { connect, loadEvents, tiesFromEvents } from '../../../scripts/aggregate-lib'
import { toV1Json } from '../../../src/io/export/v1Json'
import { importTableBytes } from '../../../src/io/import/tables'
import type { Tie } from '../../../src/io/import/tables/aggregate'
import { tiesFromText } from '../../../src/io/import/tables/convert'
import { repairNotes } from '../../../src/io/import/tables/read'
import { PRESETS, type TableMapping } from '../../../src/io/import/tables/mapping'
import type { StanceRule, TypeRule } from '../../../src/io/import/tables/rules'

const ACTORS = ['Iran', 'Azerbaijan', 'Türkiye', 'NA', '', '?']
const KINDS = [
  'Battles',
  'Protests',
  'Strategic developments',
  'Riots',
  'trade',
  '043',
  '190',
  '1',
  '4',
  '',
  '-9',
]
const DATES = fc.oneof(
  fc.integer({ min: 1990, max: 1996 }).map(String),
  fc.integer({ min: 1990, max: 1996 }).map((y) => `${y}0514`),
  fc.integer({ min: 1990, max: 1996 }).map((y) => `${y}-06-01`),
  fc.integer({ min: 1990, max: 1996 }).map((y) => `28 December ${y}`),
  fc.constantFrom('9-May-90', '9-May-93', '9-May-49', '9-May-50'),
  fc
    .tuple(fc.integer({ min: 1990, max: 1996 }), fc.integer({ min: 0, max: 3 }))
    .map(([y, k]) => `${y}; ${y + k}`),
  fc.constantFrom('', 'NA', '?'),
)
const ROW = fc.record({
  a: fc.constantFrom(...ACTORS),
  b: fc.constantFrom(...ACTORS),
  date: DATES,
  kind: fc.constantFrom(...KINDS),
  w: fc.oneof(fc.integer({ min: 0, max: 50 }).map(String), fc.constantFrom('', 'NA', '2.5')),
  note: fc.oneof(
    fc.constantFrom('', 'clash, "heavy"', 'talks;\nmore'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
  ),
})
const MAPPING = fc.record({
  typeRule: fc.constantFrom<TypeRule>('column', 'fixed', 'acled', 'cameo'),
  stanceRule: fc.constantFrom<StanceRule>('column', 'fixed', 'acled', 'cameo', 'quadclass'),
  both: fc.boolean(),
  weight: fc.boolean(),
  quote: fc.boolean(),
})

const cell = (v: string) => (/[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v)

let con: DuckDBConnection
let dir: string
beforeAll(async () => {
  con = await connect()
  dir = mkdtempSync(join(tmpdir(), 'tables-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const key = (t: Tie) => ({ ...t, evidence: t.evidence.map((e) => ({ ...e })) })

describe('browser aggregation = DuckDB aggregation', { timeout: 120_000 }, () => {
  it('on random tables and mappings', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(ROW, { minLength: 1, maxLength: 80 }), MAPPING, async (rows, mm) => {
        const text = `a,b,date,kind,w,note\n${rows.map((r) => [r.a, r.b, r.date, r.kind, r.w, r.note].map(cell).join(',')).join('\n')}\n`
        const mapping: TableMapping = {
          ...PRESETS['dyad-year'],
          preset: undefined,
          header: true,
          codes: 'none',
          roles: {
            source: 'a',
            target: 'b',
            date: 'date',
            type: 'kind',
            stance: 'kind',
            ...(mm.weight ? { weight: 'w' } : {}),
            ...(mm.quote ? { quote: 'note' } : {}),
          },
          typeRule: mm.typeRule,
          stanceRule: mm.stanceRule,
          defaultType: 'related',
          defaultStance: 'neutral',
          bothDirectionsOneTie: mm.both,
          directed: !mm.both,
        }
        const browser = tiesFromText(text, mapping)
        expect(browser.errors).toEqual([])
        // Never loses a row: every row with both ends is in exactly one tie.
        const withEnds =
          browser.stats.rowsRead -
          browser.stats.withoutSource -
          browser.stats.withoutTarget -
          browser.stats.sameActor
        expect(browser.ties.reduce((n, t) => n + t.rows, 0)).toBe(withEnds)
        expect(browser.stats.rowsRead).toBe(rows.length)
        const file = join(dir, `t${run++}.csv`)
        writeFileSync(file, text)
        expect(readFileSync(file, 'utf8')).toBe(text)
        const loaded = await loadEvents(con, [file], mapping)
        const duck = await tiesFromEvents(con, mapping, loaded)
        expect(duck.map(key)).toEqual(browser.ties.map(key))
      }),
      { numRuns: 60 },
    )
  })
})

/** How a generated record is written: whole, split by unquoted line breaks in its note, or broken. */
const SHAPE = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'whole' as const }) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 2 })
      .map((at) => ({ kind: 'split' as const, at })),
  },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'extra' as const }, { kind: 'short' as const }) },
)

/**
 * The note written unquoted and broken at the given fractions of its text, strictly inside its
 * non-space characters (a line break there, as in SIPRI's comments); undefined when the note must be
 * quoted (a quote, a comma, a line break) or is too short to split.
 */
function splitNote(note: string, at: readonly number[]): string[] | undefined {
  if (/[",\r\n]/.test(note)) return undefined
  const lo = note.length - note.trimStart().length
  const hi = note.trimEnd().length
  if (hi - lo < 2) return undefined
  const cuts = [...new Set(at.map((f) => lo + 1 + Math.floor(f * (hi - lo - 1))))].sort((x, y) => x - y)
  const pieces: string[] = []
  let from = 0
  for (const c of cuts) {
    pieces.push(note.slice(from, c))
    from = c
  }
  pieces.push(note.slice(from))
  return pieces
}

function mappingOf(mm: {
  typeRule: TypeRule
  stanceRule: StanceRule
  both: boolean
  weight: boolean
  quote: boolean
}) {
  const mapping: TableMapping = {
    ...PRESETS['dyad-year'],
    preset: undefined,
    header: true,
    codes: 'none',
    roles: {
      source: 'a',
      target: 'b',
      date: 'date',
      type: 'kind',
      stance: 'kind',
      ...(mm.weight ? { weight: 'w' } : {}),
      ...(mm.quote ? { quote: 'note' } : {}),
    },
    typeRule: mm.typeRule,
    stanceRule: mm.stanceRule,
    defaultType: 'related',
    defaultStance: 'neutral',
    bothDirectionsOneTie: mm.both,
    directed: !mm.both,
  }
  return mapping
}

describe('browser = DuckDB on tables with split and broken rows', { timeout: 180_000 }, () => {
  it('rejoins, skips and refuses the same rows, with the same ties and notes', async () => {
    let run = 0
    let repaired = 0
    let refused = 0
    let structured = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(ROW, SHAPE), { minLength: 1, maxLength: 60 }),
        MAPPING,
        async (records, mm) => {
          // The note is second, so a split leaves values on both sides of the break.
          const lines = ['a,note,b,date,kind,w']
          let row = 2
          let records_ = 0
          const split: number[] = []
          let broken = 0
          for (const [r, shape] of records) {
            const rest = [r.b, r.date, r.kind, r.w].map(cell)
            const pieces = shape.kind === 'split' ? splitNote(r.note, shape.at) : undefined
            if (pieces) {
              lines.push(`${cell(r.a)},${pieces.join('\n')},${rest.join(',')}`)
              split.push(row)
              row += pieces.length
              records_ += pieces.length
              continue
            }
            const cells = [cell(r.a), cell(r.note), ...rest]
            if (shape.kind === 'extra') cells.push('x')
            if (shape.kind === 'short') cells.pop()
            if (shape.kind === 'extra' || shape.kind === 'short') broken++
            lines.push(cells.join(','))
            row++
            records_++
          }
          const text = `${lines.join('\n')}\n`
          const mapping = mappingOf(mm)
          const browser = tiesFromText(text, mapping)
          const { repairs } = browser.raw
          // The width is the most common number of values per record: on a tiny table of broken
          // rows it is not the header's, and the generator's row count is no oracle.
          const asWritten = browser.raw.headerRow === 1 && browser.raw.names.length === 6
          if (asWritten) {
            structured++
            // Every record of the file is read or skipped, once.
            expect(repairs.readable + repairs.unreadable).toBe(records_)
          }
          if (asWritten && broken === 0) {
            // Only splits: each is found where it was made, nothing is skipped, no row is lost.
            expect(repairs.rejoined).toEqual(split)
            expect(repairs.skipped).toEqual([])
            expect(browser.stats.rowsRead).toBe(records.length)
          }
          const file = join(dir, `r${run++}.csv`)
          writeFileSync(file, text)
          const loaded = await loadEvents(con, [file], mapping)
          if (browser.errors.length > 0 && repairs.unreadable > repairs.readable) {
            refused++
            // Mostly unreadable: both refuse, with the same report.
            expect(loaded.problems).toEqual(browser.errors)
            return
          }
          expect(loaded.problems).toBeUndefined()
          if (browser.errors.length > 0) return // a cell value the rules refuse (a bad date): not this test's subject
          if (repairs.rejoined.length + repairs.skipped.length > 0) repaired++
          expect(loaded.notes).toEqual([
            'The file was read as UTF-8',
            ...browser.raw.guesses,
            ...repairNotes(repairs),
          ])
          const duck = await tiesFromEvents(con, mapping, loaded)
          expect(duck.map(key)).toEqual(browser.ties.map(key))
        },
      ),
      { numRuns: 60 },
    )
    // The property was exercised on both kinds of file.
    expect(repaired).toBeGreaterThan(10)
    expect(structured).toBeGreaterThan(40)
    expect(refused + repaired).toBeLessThanOrEqual(60)
  })
})

describe('DuckDB command on hand-made cases', () => {
  it('a year without a row splits the tie in both routes', async () => {
    const text = 'a,b,date\nIran,Azerbaijan,1990\nIran,Azerbaijan,1992\nIran,Azerbaijan,1993\n'
    const mapping: TableMapping = {
      ...PRESETS['dyad-year'],
      codes: 'none',
      roles: { source: 'a', target: 'b', date: 'date' },
    }
    const file = join(dir, 'gap.csv')
    writeFileSync(file, text)
    const loaded = await loadEvents(con, [file], mapping)
    const duck = await tiesFromEvents(con, mapping, loaded)
    // By hand: 1990 alone (row 2); 1992–1993 (rows 3 and 4).
    expect(duck.map((t) => [t.start, t.end, t.rows, t.evidence.map((e) => e.n)])).toEqual([
      [1990, 1990, 1, [2]],
      [1992, 1993, 2, [3, 4]],
    ])
    expect(tiesFromText(text, mapping).ties).toEqual(duck)
  })
})

describe('npm run aggregate on the hand-made broken exports', { timeout: 60_000 }, () => {
  const aggregate = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/aggregate.ts', ...args], { encoding: 'utf8' })

  it('the SIPRI-like register with split records: the same network as the browser, the same notes', () => {
    const out = join(dir, 'sipri.json')
    const r = aggregate(['--preset', 'sipri', 'tests/fixtures/tables/sipri-split-records.csv', '-o', out])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const name = 'sipri-split-records.csv'
    const browser = importTableBytes(
      new Uint8Array(readFileSync(`tests/fixtures/tables/${name}`)),
      name,
      PRESETS.sipri,
    )
    if (!browser.ok) throw new Error(JSON.stringify(browser.errors))
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(toV1Json(browser.graph)))
    expect(browser.graph.relations).toHaveLength(5)
    expect(r.stdout).toContain(
      '- 2 records had an unquoted line break inside a cell and were rejoined: rows 6, 9',
    )
    expect(r.stdout).toContain('- The file was read as Windows-1252')
  })

  it('rows that cannot be repaired: skipped and listed in both; a mostly unreadable file refused in both', async () => {
    const mapping: TableMapping = {
      ...PRESETS['dyad-year'],
      codes: 'none',
      roles: { source: 'Country A', target: 'Country B', date: 'Date', quote: 'Note' },
    }
    const text = readFileSync('tests/fixtures/tables/broken-rows.csv', 'utf8')
    const browser = tiesFromText(text, mapping)
    expect(browser.errors).toEqual([])
    const loaded = await loadEvents(con, ['tests/fixtures/tables/broken-rows.csv'], mapping)
    expect(loaded.notes).toEqual([
      'The file was read as UTF-8',
      ...browser.raw.guesses,
      ...repairNotes(browser.raw.repairs),
    ])
    expect(loaded.notes.at(-1)).toMatch(/^5 rows could not be read and were skipped: row 3 /)
    expect((await tiesFromEvents(con, mapping, loaded)).map(key)).toEqual(browser.ties.map(key))

    const map = join(dir, 'ragged-map.json')
    writeFileSync(
      map,
      JSON.stringify({ ...mapping, roles: { source: 'Country A', target: 'Country B', date: 'Date' } }),
    )
    const refused = aggregate([
      '--map',
      map,
      'tests/fixtures/tables/ragged-rows.csv',
      '-o',
      join(dir, 'ragged.json'),
    ])
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim().split('\n')).toEqual([
      'row 3: the row has 2 values but the table has 3 columns',
      'row 4: the row has 4 values but the table has 3 columns',
      '(file): 2 of 3 rows could not be read; a table opens when most of its rows can be',
    ])
  })
})
