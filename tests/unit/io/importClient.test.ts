/**
 * openFile in jsdom: no Worker there, so it runs on this thread; a stand-in Worker checks the
 * message protocol and the fallback when a worker cannot start.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportProgress } from '../../../src/io/import'
import { MAX_IMPORT_BYTES, openFile } from '../../../src/io/importClient'
import { runImport } from '../../../src/io/importCore'
import type { WorkerRequest, WorkerResponse } from '../../../src/io/importWorker'

const fixture = (name: string) => readFileSync(`tests/fixtures/formats/${name}`)
const file = (bytes: BlobPart, name: string) => new File([bytes], name)

afterEach(() => vi.unstubAllGlobals())

describe('openFile on this thread', () => {
  it('opens each format and reports the stages in order', async () => {
    expect(typeof Worker).toBe('undefined')
    const stages: ImportProgress[] = []
    const r = await openFile(file(fixture('alliances.gexf'), 'alliances.gexf'), {
      onProgress: (p) => stages.push(p),
    })
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect([r.format, r.name, r.graph.actors.length, r.graph.relations.length]).toEqual([
      'gexf',
      'alliances.gexf',
      8,
      10,
    ])
    const order = [...new Set(stages.map((s) => s.stage))]
    expect(order).toEqual(['reading', 'parsing', 'validating', 'done'])
    for (const s of stages) expect(s.fraction).toBeGreaterThanOrEqual(0)
    for (const s of stages) expect(s.fraction).toBeLessThanOrEqual(1)
    const json = await openFile(file(fixture('alliances.d3.json'), 'alliances.d3.json'), {
      onProgress: (p) => stages.push(p),
    })
    expect(json.ok && json.format).toBe('d3')
    expect(stages.some((s) => s.stage === 'validating')).toBe(true)
  })

  it('opens a CSV relations table with its actors table', async () => {
    const r = await openFile(file(fixture('relations.csv'), 'relations.csv'), {
      companions: [file(fixture('actors.csv'), 'actors.csv')],
    })
    expect(r.ok && r.graph.actors.find((a) => a.id === 'csto')?.kind).toBe('organisation')
  })

  it('refuses a file over the limit before reading it, naming file, size and limit', async () => {
    const big = file('{}', 'huge.json')
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 5 * 1024 * 1024 })
    const read = vi.fn(() => {
      throw new Error('read')
    })
    Object.assign(big, { stream: read, arrayBuffer: read, text: read, slice: read })
    const reader = vi.spyOn(FileReader.prototype, 'readAsArrayBuffer')
    const r = await openFile(big)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.errors).toEqual([
        { path: '(file)', message: '"huge.json" is 69.0 MB, more than the 64.0 MB a graph file may have' },
      ])
    expect(read).not.toHaveBeenCalled()
    expect(reader).not.toHaveBeenCalled()
  })

  it('reports bytes that are not UTF-8 instead of garbage', async () => {
    const r = await openFile(file(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), 'g.json'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors).toEqual([{ path: '(file)', message: 'the file is not UTF-8 text' }])
  })

  it('returns every problem of an invalid file', async () => {
    const r = await openFile(file(readFileSync('tests/fixtures/invalid-refs.json'), 'invalid-refs.json'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0)
  })
})

/** A Worker stand-in that runs the real import job and speaks the worker protocol. */
class FakeWorker {
  static created = 0
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  onmessageerror: (() => void) | null = null
  terminated = false
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.created++
  }
  postMessage(request: WorkerRequest) {
    const send = (data: WorkerResponse) =>
      queueMicrotask(() => this.onmessage?.({ data } as MessageEvent<WorkerResponse>))
    void runImport(request.job, (progress) => send({ id: request.id, type: 'progress', progress })).then(
      (result) => send({ id: request.id, type: 'result', result }),
    )
  }
  terminate() {
    this.terminated = true
  }
}

describe('openFile with a worker', () => {
  it('starts a module worker from importWorker.ts and relays its progress and result', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const before = FakeWorker.created
    const stages: string[] = []
    const r = await openFile(file(fixture('alliances.graphml'), 'alliances.graphml'), {
      onProgress: (p) => stages.push(p.stage),
    })
    expect(FakeWorker.created).toBe(before + 1)
    expect(r.ok && r.graph.relations.length).toBe(10)
    expect(stages[0]).toBe('reading')
    expect(stages.at(-1)).toBe('done')
  })

  it('falls back to this thread when the worker cannot start or fails to load', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('blocked by policy')
        }
      },
    )
    const a = await openFile(file(fixture('alliances.d3.json'), 'a.json'))
    expect(a.ok).toBe(true)
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        override postMessage() {
          queueMicrotask(() => this.onerror?.(new ErrorEvent('error', { message: 'failed to load' })))
        }
      },
    )
    const b = await openFile(file(fixture('alliances.d3.json'), 'b.json'))
    expect(b.ok).toBe(true)
  })

  it('ends the worker when aborted', async () => {
    const workers: FakeWorker[] = []
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        constructor(url: URL, options: WorkerOptions) {
          super(url, options)
          workers.push(this)
        }
        override postMessage() {}
      },
    )
    const controller = new AbortController()
    const pending = openFile(file('{}', 'slow.json'), { signal: controller.signal })
    controller.abort()
    const r = await pending
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]!.message).toBe('opening the file was cancelled')
    expect(workers.map((w) => w.terminated)).toEqual([true])
  })
})

describe('the worker module', () => {
  it('answers a request with progress messages and one result', async () => {
    const posted: WorkerResponse[] = []
    const post = vi.spyOn(window, 'postMessage').mockImplementation((m: unknown) => {
      posted.push(m as WorkerResponse)
    })
    await import('../../../src/io/importWorker')
    const handler = (self as unknown as { onmessage: (e: MessageEvent<WorkerRequest>) => void }).onmessage
    const job = { file: file(fixture('relations.csv'), 'relations.csv'), name: 'relations.csv', extras: [] }
    handler({ data: { id: 7, job } } as unknown as MessageEvent<WorkerRequest>)
    await vi.waitFor(() => expect(posted.some((m) => m.type === 'result')).toBe(true))
    post.mockRestore()
    expect(posted.every((m) => m.id === 7)).toBe(true)
    expect(posted.filter((m) => m.type === 'result')).toHaveLength(1)
    const last = posted.at(-1)!
    expect(last.type === 'result' && last.result.ok && last.result.graph.relations.length).toBe(10)
    expect(
      posted.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.progress.stage),
    ).toContain('reading')
  })
})
