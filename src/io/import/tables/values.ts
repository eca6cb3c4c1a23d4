/**
 * Cell values of event tables, one rule each (stated in docs/data-format.md, "Tables"):
 *
 * - missing: an empty cell, `NA`, `-9` or `?` (case-insensitive, after trimming);
 * - lists: a cell holding `;`-separated items (`1979; 1980`) stands for its first to its last item;
 * - dates → years: `2016`, `20160514`, `2018-06-01` (or `2018-06`), `28 December 2022` (or
 *   `December 28, 2022`), `9-May-20` (two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999).
 *
 * Anything else is not a date, and the caller reports it with its row and column.
 */
const MISSING = new Set(['', 'na', '-9', '?'])

export const isMissing = (cell: string | undefined): boolean => present(cell) === undefined

/** The trimmed cell, or undefined when it is a missing marker. */
export function present(cell: string | undefined): string | undefined {
  if (cell === undefined) return undefined
  const t = cell.trim()
  // The markers are at most two characters long: only short cells need the case-insensitive check.
  if (t.length > 2) return t
  return MISSING.has(t.toLowerCase()) ? undefined : t
}

/** The items of a list cell (`a; b`), trimmed, missing markers dropped. */
export function listItems(cell: string | undefined): string[] {
  if (cell === undefined) return []
  if (!cell.includes(';')) {
    const t = present(cell)
    return t === undefined ? [] : [t]
  }
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => !isMissing(s))
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

const monthOf = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (w.length < 3) return undefined
  const i = MONTHS.findIndex((m) => m.startsWith(w))
  return i < 0 ? undefined : i + 1
}

/** Two-digit years: 00–49 → 2000–2049, 50–99 → 1950–1999. */
export const pivotYear = (yy: number): number => (yy < 50 ? 2000 + yy : 1900 + yy)

/** The year of one date, or undefined when the text is not one of the date forms. */
const isDigits = (t: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

export function yearOfDate(text: string): number | undefined {
  const t = text.trim()
  // Fast paths for the common machine forms (millions of rows): 2016, 20160514, 2016-05-14.
  if (t.length === 4 && isDigits(t, 0, 4)) return Number(t)
  if (
    t.length === 10 &&
    t[4] === '-' &&
    t[7] === '-' &&
    isDigits(t, 0, 4) &&
    isDigits(t, 5, 7) &&
    isDigits(t, 8, 10)
  ) {
    return validMonth(t.slice(5, 7)) ? Number(t.slice(0, 4)) : undefined
  }
  let m = /^(\d{4})$/.exec(t)
  if (m) return Number(m[1])
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (m) return validMonth(m[2]) ? Number(m[1]) : undefined
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.]+Z?)?$/.exec(t)
  if (m) return validMonth(m[2]) ? Number(m[1]) : undefined
  m = /^(\d{1,2})[ -]([A-Za-z]+\.?)[ -](\d{4})$/.exec(t)
  if (m) return monthOf(m[2]!) ? Number(m[3]) : undefined
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(t)
  if (m) return monthOf(m[1]!) ? Number(m[3]) : undefined
  m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{2})$/.exec(t)
  if (m) return monthOf(m[2]!) ? pivotYear(Number(m[3])) : undefined
  return undefined
}

const validMonth = (mm: string | undefined) => {
  const n = Number(mm)
  return n >= 1 && n <= 12
}

/**
 * The years a cell stands for: a date, or a list of dates read from its first to its last item.
 * `undefined` when missing; `'bad'` when an item is not a date.
 */
export function yearsOfCell(cell: string | undefined): { first: number; last: number } | undefined | 'bad' {
  if (cell !== undefined && !cell.includes(';')) {
    const t = present(cell)
    if (t === undefined) return undefined
    const y = yearOfDate(t)
    return y === undefined ? 'bad' : { first: y, last: y }
  }
  const items = listItems(cell)
  if (items.length === 0) return undefined
  const first = yearOfDate(items[0]!)
  const last = yearOfDate(items[items.length - 1]!)
  if (first === undefined || last === undefined) return 'bad'
  return { first, last }
}
