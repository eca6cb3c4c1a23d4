/**
 * Opening the field's standard tables (arms-transfer registers, event data, dyad-years): bytes and a
 * column mapping → format v1 graph. Runs in the import worker (../../importWorker.ts).
 */
import type { ImportResult, ProgressCallback } from '../types'
import { convertTable } from './convert'
import { decodeTable } from './encoding'
import type { TableMapping } from './mapping'

export function importTableBytes(
  bytes: Uint8Array,
  fileName: string,
  mapping: TableMapping,
  onProgress?: ProgressCallback,
): ImportResult {
  const decoded = decodeTable(bytes)
  if (!decoded.ok) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: decoded.message }],
      warnings: [],
      notes: [],
      format: 'table',
      name: fileName,
    }
  }
  try {
    const r = convertTable(decoded.text, {
      fileName,
      mapping,
      notes: [`The file was read as ${decoded.encoding}`],
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
