/**
 * A graph → CSV tables that the CSV importer reads back: the relations table (one row per quotation;
 * rows of one relation share its id) and the actors table. RFC 4180: comma-separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote, a line break or edge spaces. Cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) get a leading
 * apostrophe; the importer removes it again.
 */
import { ACTOR_COLUMNS, RELATION_COLUMNS } from '../import/csv'
import type { Graph, Source } from '../../model/types'

/** Prefixes an apostrophe to cells a spreadsheet would treat as a formula. */
export const guardCell = (s: string): string => (/^'*[=+\-@\t\r]/.test(s) ? `'${s}` : s)

const quoteCell = (s: string): string => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

const line = (cells: readonly string[]) => cells.map((c) => quoteCell(guardCell(c))).join(',')

const text = (v: string | number | boolean | null | undefined): string =>
  v === undefined || v === null ? '' : String(v)

export function toCsv(graph: Graph): string {
  const sources = new Map<string, Source>(graph.sources.map((s) => [s.id, s]))
  const out = [line(RELATION_COLUMNS)]
  for (const r of graph.relations) {
    const base = [
      r.id,
      r.source,
      r.target,
      r.type,
      r.stance,
      text(r.start),
      text(r.end),
      text(r.approximate),
      text(r.directed),
      r.summary,
      text(r.weight),
    ]
    const evidence = r.evidence ?? []
    if (evidence.length === 0) out.push(line([...base, '', '', '', '', '', '', '']))
    for (const e of evidence) {
      const s = sources.get(e.source)
      out.push(
        line([
          ...base,
          e.quote,
          text(e.note),
          text(s?.title),
          text(s?.url),
          text(s?.author),
          text(s?.publisher),
          text(s?.published),
        ]),
      )
    }
  }
  return `${out.join('\r\n')}\r\n`
}

/** The actors table: id, label, kind, description, aliases (separated by "|"). */
export function toActorsCsv(graph: Graph): string {
  const out = [line(ACTOR_COLUMNS)]
  for (const a of graph.actors) {
    out.push(line([a.id, a.label, a.kind, text(a.description), (a.aliases ?? []).join('|')]))
  }
  return `${out.join('\r\n')}\r\n`
}
