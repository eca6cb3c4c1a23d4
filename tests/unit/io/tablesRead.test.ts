import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeTable } from '../../../src/io/import/tables/encoding'
import { createRecordRepair, readRawTable, repairNotes } from '../../../src/io/import/tables/read'
import { isMissing, listItems, yearOfDate, yearsOfCell } from '../../../src/io/import/tables/values'

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/tables/${name}`))
const text = (name: string) => {
  const d = decodeTable(fixture(name))
  if (!d.ok) throw new Error(d.message)
  return d.text
}

describe('encoding detection says which encoding was used', () => {
  it.each([
    ['encoding-utf8-bom.csv', 'UTF-8 with byte-order mark'],
    ['encoding-utf16le-bom.csv', 'UTF-16LE'],
    ['encoding-utf16be-nobom.csv', 'UTF-16BE'],
    ['encoding-windows-1252.csv', 'Windows-1252'],
    ['preamble.csv', 'UTF-8'],
  ])('%s → %s', (name, encoding) => {
    const d = decodeTable(fixture(name))
    if (!d.ok) throw new Error(d.message)
    expect(d.encoding).toBe(encoding)
    // Every fixture of this set holds "Türkiye" in its first data row: decoded right, it reads so.
    expect(d.text).toContain('Türkiye,Azerbaijan')
  })

  it('refuses bytes that are text in none of them, naming the byte', () => {
    const d = decodeTable(fixture('encoding-unknown.csv'))
    expect(d.ok).toBe(false)
    if (d.ok) return
    // "Country A,Country B\nAzerbaijan,Iran" is 35 bytes; the 0x81 is byte 36.
    expect(d.message).toContain('encoding was not recognised')
  })

  it('a Windows-1252 byte that is not UTF-8 decodes to its character', () => {
    const d = decodeTable(new Uint8Array([0x43, 0x61, 0x66, 0xe9])) // "Café" in Windows-1252
    expect(d).toEqual({ ok: true, text: 'Café', encoding: 'Windows-1252' })
  })
})

describe('reading: separators, preamble, header, names', () => {
  it('semicolons and tabs are found, commas inside quotes do not count', () => {
    const semi = readRawTable(text('separator-semicolon.csv'))
    expect(semi.separator).toBe(';')
    expect(semi.names).toEqual(['Country A', 'Country B', 'Date', 'Note'])
    expect(semi.rows.map((r) => r.cells[3])).toEqual(['Drones, delivered', 'Exercise; on the border'])
    expect(readRawTable(text('separator-tab.tsv')).separator).toBe('\t')
    expect(readRawTable(text('sipri-register.csv')).separator).toBe(',')
  })

  it('a preamble before the header is skipped and said', () => {
    const t = readRawTable(text('preamble.csv'))
    // Lines 1–2 are text, line 3 blank, the header is row 4, data rows 5 and 6.
    expect(t.headerRow).toBe(4)
    expect(t.rows.map((r) => r.n)).toEqual([5, 6])
    expect(t.guesses.join(' ')).toContain('2 lines before the table (rows 1–3) were read as a preamble')
    const sipri = readRawTable(text('sipri-register.csv'))
    expect(sipri.headerRow).toBe(4)
    expect(sipri.rows).toHaveLength(5)
  })

  it('a first row of data is not a header', () => {
    const t = readRawTable(text('headerless.csv'))
    expect(t.hasHeader).toBe(false)
    expect(t.names).toEqual(['column 1', 'column 2', 'column 3', 'column 4'])
    expect(t.rows.map((r) => r.n)).toEqual([1, 2, 3])
    expect(t.guesses).toContain(
      'The first row holds numbers or dates, so the file was read as having no header',
    )
    const gdelt = readRawTable(text('gdelt1-events.tsv'))
    expect(gdelt.hasHeader).toBe(false)
    expect(gdelt.names).toHaveLength(58)
    expect(readRawTable(text('preamble.csv')).hasHeader).toBe(true)
  })

  it('blank and repeated column names get names of their own', () => {
    const t = readRawTable(text('column-names-blank-repeated.csv'))
    expect(t.names).toEqual(['Country', 'Country (2)', 'column 3', 'Date'])
    expect(t.guesses.join(' ')).toContain('1 column has no name')
    expect(t.guesses.join(' ')).toContain('"Country"')
  })

  it('quoted cells keep their line breaks, and rows keep their place in the file', () => {
    const t = readRawTable(text('quoted-line-breaks.csv'))
    expect(t.rows.map((r) => r.cells[3])).toEqual([
      'Drones delivered;\nfirst batch in October',
      'Exercise\r\non the border',
      'Talks',
    ])
    expect(t.rows.map((r) => r.n)).toEqual([2, 3, 4])
  })

  it('a table whose rows are mostly unreadable is refused: its bad rows are the problems', () => {
    const t = readRawTable(text('ragged-rows.csv'))
    // Rows 3 and 4 of the 3 data rows have 2 and 4 values where the header has 3.
    expect(t.errors).toEqual([
      { path: 'row 3', message: 'the row has 2 values but the table has 3 columns' },
      { path: 'row 4', message: 'the row has 4 values but the table has 3 columns' },
      {
        path: '(file)',
        message: '2 of 3 rows could not be read; a table opens when most of its rows can be',
      },
    ])
  })
})

describe('repairing real exports: split records rejoined, broken rows skipped', () => {
  it('a SIPRI-like Windows-1252 register with a preamble and records split by unquoted line breaks', () => {
    const d = decodeTable(fixture('sipri-split-records.csv'))
    if (!d.ok) throw new Error(d.message)
    expect(d.encoding).toBe('Windows-1252')
    const t = readRawTable(d.text)
    expect(t.errors).toEqual([])
    expect(t.headerRow).toBe(4)
    expect(t.names).toHaveLength(16)
    // By hand: rows 6–7 are one record (13 + 4 values, the comment split once), rows 9–11 another
    // (13 + 1 + 4 values, the comment split twice); rows 5, 8, 12 and 13 are whole.
    expect(t.rows.map((r) => r.n)).toEqual([5, 6, 8, 9, 12, 13])
    expect(t.rows.every((r) => r.cells.length === 16)).toBe(true)
    const comments = t.rows.map((r) => r.cells[12])
    expect(comments[1]).toBe('Part of a $1.6 bn deal\r\nsigned in 2016')
    expect(comments[3]).toBe('Incl. ground stations\r\nand training\r\nTürkiye’s first export of the type')
    // The cells after the split are in their own columns: the three TIV values.
    expect(t.rows[1]!.cells.slice(13)).toEqual(['1', '4', '4'])
    expect(t.rows[3]!.cells.slice(0, 3)).toEqual(['Azerbaijan', 'Türkiye', '2020'])
    expect(t.repairs.rejoined).toEqual([6, 9])
    expect(t.repairs.skipped).toEqual([])
    expect(repairNotes(t.repairs)).toEqual([
      '2 records had an unquoted line break inside a cell and were rejoined: rows 6, 9',
    ])
  })

  it('rows that cannot be repaired are skipped with their row and reason; the rest is read', () => {
    const t = readRawTable(text('broken-rows.csv'))
    expect(t.errors).toEqual([])
    expect(t.rows.map((r) => r.n)).toEqual([2, 4, 6, 7, 8, 9, 12])
    expect(t.repairs.rejoined).toEqual([])
    expect(t.repairs.skipped).toEqual([
      { path: 'row 3', message: 'the row has 5 values but the table has 4 columns' },
      // A short row followed by a whole one: nothing completes it.
      { path: 'row 5', message: 'the row has 2 values but the table has 4 columns' },
      // 3 + 3 values, the split cell counted once, make 5, not 4: not one record.
      { path: 'row 10', message: 'the row has 3 values but the table has 4 columns' },
      { path: 'row 11', message: 'the row has 3 values but the table has 4 columns' },
      {
        path: 'row 13',
        message:
          'a quoted value has text after its closing quote; a quoted value is not closed (a " is missing)',
      },
    ])
    expect(repairNotes(t.repairs)).toEqual([
      '5 rows could not be read and were skipped: row 3 (the row has 5 values but the table has 4 columns), row 5 (the row has 2 values but the table has 4 columns), row 10 (the row has 3 values but the table has 4 columns), row 11 (the row has 3 values but the table has 4 columns), row 13 (a quoted value has text after its closing quote; a quoted value is not closed (a " is missing))',
    ])
  })

  it('the rule, record by record', () => {
    const run = (width: number, records: string[][]) => {
      const kept: [number, readonly string[]][] = []
      const r = createRecordRepair(
        width,
        () => '\n',
        (n, cells) => kept.push([n, cells]),
      )
      records.forEach((cells, i) => r.push(i + 1, cells, []))
      return { kept, repairs: r.end() }
    }
    // Two short rows that make the width: one record, the break inside the cell where it fell.
    expect(
      run(3, [
        ['a', 'b'],
        ['c', 'd'],
      ]).kept,
    ).toEqual([[1, ['a', 'b\nc', 'd']]])
    // A blank line inside the split cell stays in it.
    expect(run(3, [['a', 'b'], [''], ['c', 'd']]).kept).toEqual([[1, ['a', 'b\n\nc', 'd']]])
    // Too many values together: the first is skipped, the second may still start a record.
    const over = run(4, [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h'],
    ])
    expect(over.kept).toEqual([[2, ['d', 'e', 'f\ng', 'h']]])
    expect(over.repairs.rejoined).toEqual([2])
    expect(over.repairs.skipped.map((p) => p.path)).toEqual(['row 1'])
    const mixed = run(4, [
      ['a', 'b', 'c'],
      ['x', 'y', 'z'],
      ['1', '2', '3', '4'],
    ])
    expect(mixed.kept).toEqual([[3, ['1', '2', '3', '4']]])
    expect(mixed.repairs.skipped.map((p) => p.path)).toEqual(['row 1', 'row 2'])
    // A short row at the end of the file is skipped.
    expect(run(2, [['a', 'b'], ['c']]).repairs.skipped).toEqual([
      { path: 'row 2', message: 'the row has 1 value but the table has 2 columns' },
    ])
    // An unclosed quote counts every line it swallowed as unreadable.
    const r = createRecordRepair(
      2,
      () => '\n',
      () => {},
    )
    r.push(1, ['a', 'b'], [])
    r.push(2, ['c', 'd\ne,f\ng,h'], ['a quoted value is not closed (a " is missing)'])
    expect(r.end()).toMatchObject({ readable: 1, unreadable: 3 })
  })
})

describe('cell values', () => {
  it('the date forms give their year', () => {
    expect(yearOfDate('20160514')).toBe(2016)
    expect(yearOfDate('2018-06-01')).toBe(2018)
    expect(yearOfDate('2018-06')).toBe(2018)
    expect(yearOfDate('28 December 2022')).toBe(2022)
    expect(yearOfDate('December 28, 2022')).toBe(2022)
    expect(yearOfDate('9-May-20')).toBe(2020)
    expect(yearOfDate('9-May-79')).toBe(1979)
    expect(yearOfDate('2019')).toBe(2019)
    for (const bad of ['2016-13-01', '20161401', '9-Foo-20', 'yesterday', '16', ''])
      expect(yearOfDate(bad)).toBeUndefined()
  })
  it('missing markers', () => {
    for (const m of ['', ' ', 'NA', 'na', '-9', '?', undefined]) expect(isMissing(m)).toBe(true)
    for (const v of ['0', '-90', 'N/A?', 'Namibia']) expect(isMissing(v)).toBe(false)
  })
  it('list cells stand for their first to their last item', () => {
    expect(listItems('1979; 1980')).toEqual(['1979', '1980'])
    expect(listItems(' ; NA; 1983 ')).toEqual(['1983'])
    expect(yearsOfCell('1983; 1984; 1985')).toEqual({ first: 1983, last: 1985 })
    expect(yearsOfCell('1990')).toEqual({ first: 1990, last: 1990 })
    expect(yearsOfCell('?')).toBeUndefined()
    expect(yearsOfCell('1990; soon')).toBe('bad')
  })
})
