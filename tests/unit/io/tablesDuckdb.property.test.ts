/**
 * The browser's aggregation (tiesFromText) and the DuckDB command's (the SQL of sql.ts run by
 * scripts/aggregate-lib.ts) give the same ties on random tables, and aggregation never loses a row:
 * the weights (row counts) add up to the rows that have both ends.
 */
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuckDBConnection } from '@duckdb/node-api'
import { connect, loadEvents, tiesFromEvents } from '../../../scripts/aggregate-lib'
import type { Tie } from '../../../src/io/import/tables/aggregate'
import { tiesFromText } from '../../../src/io/import/tables/convert'
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
        const duck = await tiesFromEvents(con, mapping, loaded.rowOffset)
        expect(duck.map(key)).toEqual(browser.ties.map(key))
      }),
      { numRuns: 60 },
    )
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
    const duck = await tiesFromEvents(con, mapping, loaded.rowOffset)
    // By hand: 1990 alone (row 2); 1992–1993 (rows 3 and 4).
    expect(duck.map((t) => [t.start, t.end, t.rows, t.evidence.map((e) => e.n)])).toEqual([
      [1990, 1990, 1, [2]],
      [1992, 1993, 2, [3, 4]],
    ])
    expect(tiesFromText(text, mapping).ties).toEqual(duck)
  })
})
