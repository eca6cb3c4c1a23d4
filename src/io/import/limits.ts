/** The size limit for opened files, kept apart so the page can check it without loading the importers. */
import type { Problem } from '../../model/types'
import type { TableMapping } from './tables/mapping'
import type { ImportResult } from './types'

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

const MB = 1024 * 1024
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < MB) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / MB).toFixed(1)} MB`
}

/** The problem for a file over the limit; names the file, its size and the limit. */
export function tooLargeProblem(name: string, size: number, limit = MAX_IMPORT_BYTES): Problem {
  return {
    path: '(file)',
    message: `"${name}" is ${formatBytes(size)}, more than the ${formatBytes(limit)} a graph file may have`,
  }
}

/** What the worker (or the in-thread fallback) is asked to open. */
export interface ImportJob {
  readonly file: Blob
  readonly name: string
  /** Companion files, e.g. the actors table of a CSV relations table. */
  readonly extras: readonly { readonly file: Blob; readonly name: string }[]
  /** A column mapping: the file is a table read with it (import/tables/). */
  readonly mapping?: TableMapping
}

/** The refusal for a file over the limit, or null when every file is within it. Reads nothing. */
export function checkSizes(job: ImportJob, limit = MAX_IMPORT_BYTES): ImportResult | null {
  const refuse = (path: string, p: Problem): ImportResult => ({
    ok: false,
    errors: [{ path, message: p.message }],
    warnings: [],
    notes: [],
    format: 'unknown',
    name: job.name,
  })
  if (job.file.size > limit) return refuse('(file)', tooLargeProblem(job.name, job.file.size, limit))
  for (const e of job.extras) {
    if (e.file.size > limit) return refuse(`${e.name}: (file)`, tooLargeProblem(e.name, e.file.size, limit))
  }
  return null
}
