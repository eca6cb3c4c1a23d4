/**
 * "Export analysis": the per-year series, the census with the camps and frustrated ties, and the
 * comparison list, as one CSV table in long form (section, subject, measure, value). Pure and
 * deterministic: rows in a fixed order, numbers printed the same way, so two exports of the same
 * analysis are byte-identical. RFC 4180 (CRLF line ends, quoted when needed); cells a spreadsheet
 * would run as a formula get a leading apostrophe, as in the graph CSV export.
 */
import type { BalanceAnalysis } from './balance'
import type { Comparison } from './compare'
import type { SeriesPoint } from './series'

export const ANALYSIS_COLUMNS = ['section', 'subject', 'measure', 'value'] as const

const guardCell = (s: string): string => (/^'*[=+\-@\t\r]/.test(s) ? `'${s}` : s)
const quoteCell = (s: string): string => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const line = (cells: readonly string[]) => cells.map((c) => quoteCell(guardCell(c))).join(',')

/** Ratios with 6 decimals; absent values as an empty cell. */
const num = (v: number | null): string => (v === null ? '' : Number.isInteger(v) ? String(v) : v.toFixed(6))

export interface AnalysisExport {
  readonly series: readonly SeriesPoint[] | null
  readonly balance: BalanceAnalysis | null
  readonly comparison: Comparison | null
}

export function analysisCsv({ series, balance, comparison }: AnalysisExport): string {
  const rows: string[][] = [[...ANALYSIS_COLUMNS]]
  for (const p of series ?? []) {
    const y = String(p.year)
    rows.push(['series', y, 'signed_ties', num(p.signedTies)])
    rows.push(['series', y, 'triangles', num(p.triangles)])
    rows.push(['series', y, 'balanced_triangles', num(p.balanced)])
    rows.push(['series', y, 'balance_ratio', num(p.strong)])
    rows.push(['series', y, 'weak_balance_ratio', num(p.weak)])
  }
  if (balance !== null) {
    const b = balance
    const census: [string, number | null][] = [
      ['signed_actors', b.signedActors],
      ['signed_ties', b.signedTies],
      ['contested_pairs', b.contested],
      ['unsigned_pairs', b.unsigned],
      ['triangles', b.triangles],
      ['triangles_+++', b.census['+++']],
      ['triangles_++-', b.census['++-']],
      ['triangles_+--', b.census['+--']],
      ['triangles_---', b.census['---']],
      ['balance_ratio', b.strong],
      ['weak_balance_ratio', b.weak],
      ['frustration_index', b.frustration.value],
      ['frustration_lower_bound', b.frustration.lower],
    ]
    for (const [measure, value] of census) rows.push(['census', '', measure, num(value)])
    rows.push(['census', '', 'frustration_exact', b.frustration.exact ? 'yes' : 'no'])
    b.camps.forEach((camp, i) => {
      for (const id of camp) rows.push(['camp', id, 'camp', String(i + 1)])
    })
    for (const [x, y] of b.frustratedTies) rows.push(['frustrated', `${x}|${y}`, 'frustrated', 'yes'])
  }
  if (comparison !== null) {
    const a = String(comparison.yearA)
    const bYear = String(comparison.yearB)
    for (const t of comparison.ties) {
      rows.push(['comparison', t.key, `state_${a}`, t.stateA])
      rows.push(['comparison', t.key, `state_${bYear}`, t.stateB])
      rows.push(['comparison', t.key, 'change', t.flipped ? 'changed (flipped)' : t.change])
    }
  }
  return rows.map(line).join('\r\n') + '\r\n'
}
