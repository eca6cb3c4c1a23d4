/**
 * Opening the field's standard tables (arms-transfer registers, event data, dyad-years): bytes and a
 * column mapping → format v1 graph. Runs in the import worker (../../importWorker.ts).
 */
import type { ImportResult, ProgressCallback } from '../types'
import { convertTable } from './convert'
import { codeTableFrom } from './codes'
import { decodeTable } from './encoding'
import { readRawTable } from './read'
import type { TableMapping } from './mapping'

export function importTableBytes(
  bytes: Uint8Array,
  fileName: string,
  mapping: TableMapping,
  onProgress?: ProgressCallback,
  /** The codes table, when the mapping names codes from a second table. */
  codesFile?: { readonly name: string; readonly bytes: Uint8Array },
): ImportResult {
  const fail = (path: string, message: string): ImportResult => ({
    ok: false,
    errors: [{ path, message }],
    warnings: [],
    notes: [],
    format: 'table',
    name: fileName,
  })
  const decoded = decodeTable(bytes)
  if (!decoded.ok) return fail('(file)', decoded.message)
  let codeTable: Map<string, string> | undefined
  if (mapping.codes === 'table') {
    if (!codesFile)
      return fail('(file)', 'the mapping names codes from a second table, but no codes table was given')
    const d = decodeTable(codesFile.bytes)
    if (!d.ok) return fail(`${codesFile.name}: (file)`, d.message)
    const t = readRawTable(d.text)
    if (t.errors.length > 0) return fail(`${codesFile.name}: ${t.errors[0]!.path}`, t.errors[0]!.message)
    if (t.names.length < 2)
      return fail(`${codesFile.name}: (file)`, 'a codes table needs two columns: the code, then the name')
    codeTable = codeTableFrom(t.rows)
  }
  try {
    const r = convertTable(decoded.text, {
      fileName,
      mapping,
      notes: [
        `The file was read as ${decoded.encoding}`,
        ...(codeTable && codesFile ? [`${codeTable.size} codes were named from ${codesFile.name}`] : []),
      ],
      ...(codeTable ? { codeTable } : {}),
      ...(onProgress ? { onProgress } : {}),
    })
    onProgress?.({ stage: 'done', fraction: 1 })
    return r.ok
      ? { ok: true, graph: r.graph, warnings: r.warnings, notes: r.notes, format: 'table', name: fileName }
      : { ok: false, errors: r.errors, warnings: r.warnings, notes: r.notes, format: 'table', name: fileName }
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          path: '(file)',
          message: `the table could not be read: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
      warnings: [],
      notes: [],
      format: 'table',
      name: fileName,
    }
  }
}
