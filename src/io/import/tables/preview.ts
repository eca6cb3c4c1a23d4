/**
 * The first rows of a table, for the "Map columns" dialog: decoded, structure detected, roles guessed.
 * Reads only the first bytes of the file, so it is quick on the page's thread; the whole file is read
 * in the import worker once the mapping is chosen.
 */
import { decodeTable, type TableEncoding } from './encoding'
import { guessMapping, headerKey, type TableMapping } from './mapping'
import { readRawTable } from './read'

/** Bytes read for the preview. */
export const PREVIEW_BYTES = 256 * 1024
export const PREVIEW_ROWS = 8

export interface TablePreview {
  readonly encoding: TableEncoding
  readonly names: readonly string[]
  readonly written: readonly string[]
  readonly hasHeader: boolean
  readonly rows: readonly (readonly string[])[]
  readonly guesses: readonly string[]
  readonly mapping: TableMapping
  readonly why: string
  /** For remembering the mapping: the header as written, or the width. */
  readonly key: string
  /** True when the table uses this app's own column names (source, target…): no mapping needed. */
  readonly ownColumns: boolean
}

export type PreviewResult =
  { readonly ok: true; readonly preview: TablePreview } | { readonly ok: false; readonly message: string }

/** Cuts a partial last line, which a byte slice may end in. */
const wholeLines = (text: string, cut: boolean) =>
  cut ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text

export function previewTable(
  bytes: Uint8Array,
  truncated: boolean,
  header?: boolean,
  columnNames?: readonly string[],
): PreviewResult {
  const d = decodeTable(bytes)
  if (!d.ok) return { ok: false, message: d.message }
  const raw = readRawTable(wholeLines(d.text, truncated), {
    maxRows: PREVIEW_ROWS,
    ...(header !== undefined ? { header } : {}),
    ...(columnNames ? { columnNames } : {}),
  })
  if (raw.names.length === 0) return { ok: false, message: raw.errors[0]?.message ?? 'the file is empty' }
  const rows = raw.rows.map((r) => r.cells)
  const { mapping, why } = guessMapping(raw.names, raw.hasHeader, rows)
  const lower = raw.written.map((w) => w.trim().toLowerCase())
  const ownColumns =
    raw.hasHeader &&
    (lower.includes('source') || lower.includes('from')) &&
    (lower.includes('target') || lower.includes('to'))
  return {
    ok: true,
    preview: {
      encoding: d.encoding,
      names: raw.names,
      written: raw.written,
      hasHeader: raw.hasHeader,
      rows,
      guesses: raw.guesses,
      mapping,
      why,
      key: headerKey(raw.written, raw.names.length),
      ownColumns,
    },
  }
}
