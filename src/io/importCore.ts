/**
 * Reading and importing a file, the same in the import worker and, where there is no Worker (tests
 * in jsdom, very old browsers), on the page's thread: size check before reading, bytes read with
 * progress, strict UTF-8 decoding, then the importers. Never rejects: failures are results.
 */
import { importBytes } from './import'
import type { ImportResult, ProgressCallback } from './import'
import { checkSizes, type ImportJob } from './import/limits'

/** A Blob with the name the user knows it by (a File is one). */
export type NamedBlob = Blob & { readonly name: string }

export type { ImportJob }

const failure = (name: string, path: string, message: string): ImportResult => ({
  ok: false,
  errors: [{ path, message }],
  warnings: [],
  notes: [],
  format: 'unknown',
  name,
})

/** All bytes of a blob, reporting the fraction read so far. */
export async function readBytes(blob: Blob, onFraction?: (f: number) => void): Promise<Uint8Array> {
  const total = blob.size
  if (typeof blob.stream === 'function' && total > 0) {
    const out = new Uint8Array(total)
    const reader = blob.stream().getReader()
    let offset = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const chunk = value as Uint8Array
      out.set(chunk.subarray(0, Math.max(0, total - offset)), offset)
      offset += chunk.byteLength
      onFraction?.(Math.min(1, offset / total))
    }
    return offset === total ? out : out.subarray(0, Math.min(offset, total))
  }
  if (typeof blob.arrayBuffer === 'function') {
    const bytes = new Uint8Array(await blob.arrayBuffer())
    onFraction?.(1)
    return bytes
  }
  // jsdom's Blob has neither; FileReader it has.
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onFraction?.(e.loaded / e.total)
    }
    reader.onload = () => {
      onFraction?.(1)
      resolve(new Uint8Array(reader.result as ArrayBuffer))
    }
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.readAsArrayBuffer(blob)
  })
}

export async function runImport(job: ImportJob, onProgress?: ProgressCallback): Promise<ImportResult> {
  try {
    const refused = checkSizes(job)
    if (refused) return refused
    onProgress?.({ stage: 'reading', fraction: 0 })
    const total = job.file.size + job.extras.reduce((n, e) => n + e.file.size, 0)
    let done = 0
    const read = async (blob: Blob) => {
      const before = done
      const bytes = await readBytes(blob, (f) => {
        if (total > 0) onProgress?.({ stage: 'reading', fraction: (before + f * blob.size) / total })
      })
      done += blob.size
      return bytes
    }
    const main = await read(job.file)
    const extras: { name: string; bytes: Uint8Array }[] = []
    for (const e of job.extras) extras.push({ name: e.name, bytes: await read(e.file) })
    onProgress?.({ stage: 'reading', fraction: 1 })
    if (job.mapping) {
      const { importTableBytes } = await import('./import/tables')
      return importTableBytes(main, job.name, job.mapping, onProgress, extras[0])
    }
    return importBytes(main, job.name, extras, onProgress)
  } catch (e) {
    return failure(
      job.name,
      '(file)',
      `the file could not be read: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
}
