/**
 * Opening a file the user picked or dropped: `openFile(file, { onProgress })` → ImportResult.
 *
 * Files over MAX_IMPORT_BYTES are refused before a byte is read. The work runs in a module Web
 * Worker; where Worker does not exist (jsdom) or the worker cannot start, it runs on this thread
 * instead, with the same result (the importers are then loaded on demand). The promise never rejects.
 */
import { MAX_IMPORT_BYTES, checkSizes, type ImportJob } from './import/limits'
import type { TableMapping } from './import/tables/mapping'
import type { ImportResult, ProgressCallback } from './import/types'
import type { NamedBlob } from './importCore'
import type { WorkerRequest, WorkerResponse } from './importWorker'

export { MAX_IMPORT_BYTES }
export type { NamedBlob }
export type { ImportFormat, ImportProgress, ImportResult, ImportStage } from './import/types'

export interface OpenOptions {
  readonly onProgress?: ProgressCallback
  /** Companion files opened together with the main one, e.g. `actors.csv` next to `relations.csv`. */
  readonly companions?: readonly NamedBlob[]
  /** Aborting ends the worker; the result is then a failure saying so. */
  readonly signal?: AbortSignal
  /** A column mapping: the file is read as a table with it (the "Map columns" dialog). */
  readonly mapping?: TableMapping
  /** For tests: run on this thread even when Worker exists. */
  readonly inThread?: boolean
}

let nextId = 1

function viaWorker(job: ImportJob, onProgress: ProgressCallback | undefined, signal?: AbortSignal) {
  return new Promise<ImportResult | 'no-worker'>((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })
    } catch {
      resolve('no-worker')
      return
    }
    const id = nextId++
    let settled = false
    const finish = (r: ImportResult | 'no-worker') => {
      if (settled) return
      settled = true
      worker.terminate()
      signal?.removeEventListener('abort', onAbort)
      resolve(r)
    }
    const onAbort = () =>
      finish({
        ok: false,
        errors: [{ path: '(file)', message: 'opening the file was cancelled' }],
        warnings: [],
        notes: [],
        format: 'unknown',
        name: job.name,
      })
    signal?.addEventListener('abort', onAbort)
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data
      if (m.id !== id) return
      if (m.type === 'progress') onProgress?.(m.progress)
      else finish(m.result)
    }
    // The worker script failed to load or crashed: do the work here instead.
    worker.onerror = (e) => {
      e.preventDefault()
      finish('no-worker')
    }
    worker.onmessageerror = () => finish('no-worker')
    const request: WorkerRequest = { id, job }
    worker.postMessage(request)
  })
}

export async function openFile(file: NamedBlob, options: OpenOptions = {}): Promise<ImportResult> {
  const job: ImportJob = {
    file,
    name: file.name,
    extras: (options.companions ?? []).map((f) => ({ file: f, name: f.name })),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  }
  const refused = checkSizes(job)
  if (refused) return refused
  if (options.signal?.aborted) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: 'opening the file was cancelled' }],
      warnings: [],
      notes: [],
      format: 'unknown',
      name: job.name,
    }
  }
  if (!options.inThread && typeof Worker !== 'undefined') {
    const r = await viaWorker(job, options.onProgress, options.signal)
    if (r !== 'no-worker') return r
  }
  // Loaded only when needed, so the page's bundle does not carry the importers.
  const { runImport } = await import('./importCore')
  return runImport(job, options.onProgress)
}
