/**
 * Opening a graph file of any supported format: bytes or text → format v1 graph, or every problem.
 *
 * The format is recognised by content first (an HTML page, `{`/`[` JSON, `<gexf>`, `<graphml>`), then
 * by the file name's extension. Nothing here throws: every failure, including an unexpected one, is
 * returned as a problem list. Pure and synchronous; the worker (../importWorker.ts) runs it off the
 * page's thread.
 */
import { parseJsonText, validateGraph } from '../../model/parse'
import type { Problem } from '../../model/types'
import { convertCsv } from './csv'
import { convertD3, looksLikeD3 } from './d3'
import { convertGexf } from './gexf'
import { convertGraphml } from './graphml'
import { MAX_IMPORT_BYTES, tooLargeProblem } from './limits'
import type { ConvertResult, ExtraFile, ImportFormat, ImportResult, ProgressCallback } from './types'

export type {
  ExtraFile,
  ImportFormat,
  ImportProgress,
  ImportResult,
  ImportStage,
  ProgressCallback,
} from './types'

export { MAX_IMPORT_BYTES, formatBytes, tooLargeProblem } from './limits'

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''

/** Which format a text is in, from its first characters and, failing those, its file name. */
export function detectFormat(text: string, fileName: string): ImportFormat | 'html' {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(head)) return 'html'
  const ext = extensionOf(fileName)
  if (head.startsWith('<')) {
    if (/<gexf[\s>]/i.test(head)) return 'gexf'
    if (/<graphml[\s>]/i.test(head)) return 'graphml'
    if (ext === 'gexf') return 'gexf'
    if (ext === 'graphml') return 'graphml'
    // Error pages often come without a doctype: any common HTML element gives them away.
    if (/<(?:html|head|body|title|h[1-6]|p|div|pre|center|script)[\s>]/i.test(head)) return 'html'
    return 'unknown'
  }
  if (head.startsWith('{') || head.startsWith('[')) return 'v1'
  if (ext === 'json') return 'v1'
  if (ext === 'gexf') return 'gexf'
  if (ext === 'graphml' || ext === 'xml') return 'graphml'
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv'
  const firstLine = head.split(/\r?\n/, 1)[0] ?? ''
  if (/[,;\t]/.test(firstLine) && /source/i.test(firstLine)) return 'csv'
  return 'unknown'
}

const withName = (r: ConvertResult, format: ImportFormat, name: string): ImportResult =>
  r.ok
    ? { ok: true, graph: r.graph, warnings: r.warnings, notes: r.notes, format, name }
    : { ok: false, errors: r.errors, warnings: r.warnings, notes: r.notes, format, name }

const failed = (format: ImportFormat, name: string, message: string): ImportResult => ({
  ok: false,
  errors: [{ path: '(file)', message }],
  warnings: [],
  notes: [],
  format,
  name,
})

function importJson(text: string, name: string, onProgress?: ProgressCallback): ImportResult {
  const json = parseJsonText(text)
  if (!json.ok) return { ok: false, errors: [json.error], warnings: [], notes: [], format: 'v1', name }
  onProgress?.({ stage: 'parsing', fraction: 0.5 })
  if (looksLikeD3(json.value)) return withName(convertD3(json.value, name, onProgress), 'd3', name)
  onProgress?.({ stage: 'parsing', fraction: 1 })
  onProgress?.({ stage: 'validating', fraction: 0 })
  const r = validateGraph(json.value)
  onProgress?.({ stage: 'validating', fraction: 1 })
  return r.ok
    ? { ok: true, graph: r.graph, warnings: r.warnings, notes: [], format: 'v1', name }
    : { ok: false, errors: r.errors, warnings: r.warnings, notes: [], format: 'v1', name }
}

/**
 * Text of a graph file → format v1 graph plus notes on what was assumed, or every problem found.
 * `extraFiles` carries companions, such as the actors table of a CSV relations table.
 */
export function importText(
  text: string,
  fileName: string,
  extraFiles: readonly ExtraFile[] = [],
  onProgress?: ProgressCallback,
): ImportResult {
  let format: ImportFormat = 'unknown'
  try {
    onProgress?.({ stage: 'parsing', fraction: 0 })
    const detected = detectFormat(text, fileName)
    let result: ImportResult
    if (detected === 'html') {
      result = failed(
        'unknown',
        fileName,
        'this is an HTML page (perhaps an error page from a web server), not a graph file',
      )
    } else {
      format = detected
      switch (detected) {
        case 'v1':
          result = importJson(text, fileName, onProgress)
          format = result.format
          break
        case 'gexf':
          result = withName(convertGexf(text, fileName, onProgress), 'gexf', fileName)
          break
        case 'graphml':
          result = withName(convertGraphml(text, fileName, onProgress), 'graphml', fileName)
          break
        case 'csv':
          result = withName(convertCsv(text, fileName, extraFiles, onProgress), 'csv', fileName)
          break
        default:
          result =
            text.replace(/^\uFEFF/, '').trim() === ''
              ? failed('unknown', fileName, 'the file is empty')
              : failed(
                  'unknown',
                  fileName,
                  `the format of "${fileName}" was not recognised: expected a graph file (.json), d3 JSON, GEXF, GraphML or CSV`,
                )
      }
    }
    onProgress?.({ stage: 'done', fraction: 1 })
    return result
  } catch (e) {
    // A converter bug or an engine limit (e.g. stack depth) must not take the app down.
    return failed(
      format,
      fileName,
      `the file could not be read: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
}

/** Bytes → text, refusing anything that is not UTF-8 (a leading byte-order mark is dropped). */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: Problem } {
  const notUtf8 = (why = '') => ({
    ok: false as const,
    error: { path: '(file)', message: `the file is not UTF-8 text${why}` },
  })
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return notUtf8(' (it is UTF-16; save it as UTF-8)')
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return notUtf8()
  }
  if (text.includes('\u0000')) return notUtf8(' (it contains NUL bytes, as binary files do)')
  return { ok: true, text }
}

/** Bytes of a graph file → the same result as importText; undecodable bytes are a problem. */
export function importBytes(
  bytes: Uint8Array,
  fileName: string,
  extraFiles: readonly { name: string; bytes: Uint8Array }[] = [],
  onProgress?: ProgressCallback,
): ImportResult {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      errors: [tooLargeProblem(fileName, bytes.byteLength)],
      warnings: [],
      notes: [],
      format: 'unknown',
      name: fileName,
    }
  }
  const main = decodeUtf8(bytes)
  if (!main.ok)
    return { ok: false, errors: [main.error], warnings: [], notes: [], format: 'unknown', name: fileName }
  const extras: ExtraFile[] = []
  for (const f of extraFiles) {
    const d = decodeUtf8(f.bytes)
    if (!d.ok) {
      return {
        ok: false,
        errors: [{ path: `${f.name}: (file)`, message: d.error.message }],
        warnings: [],
        notes: [],
        format: 'unknown',
        name: fileName,
      }
    }
    extras.push({ name: f.name, text: d.text })
  }
  return importText(main.text, fileName, extras, onProgress)
}
