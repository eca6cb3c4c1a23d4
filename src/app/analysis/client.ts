/**
 * The main thread's side of the analysis worker: one client per loaded graph. `run` returns a
 * promise of the result and reports progress; a newer run of the same kind supersedes an older one,
 * whose promise then rejects with `Superseded` (callers ignore it). The same request asked twice
 * (the panel and the test hook) shares one computation, and the last result of each kind is kept.
 * Without Worker (jsdom), or when
 * the worker fails, the same host runs on the main thread in slices.
 */
import type { GraphIndex } from '../../model/graphIndex'
import { createAnalysisHost } from './host'
import type { AnalysisRequest, AnalysisResults, FromHost, ToHost } from './protocol'

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request')
    this.name = 'Superseded'
  }
}

interface Pending {
  readonly kind: AnalysisRequest['kind']
  readonly key: string
  readonly promise: Promise<unknown>
  readonly listeners: ((fraction: number) => void)[]
  readonly request: AnalysisRequest
  readonly resolve: (v: never) => void
  readonly reject: (e: Error) => void
}

export interface AnalysisClient {
  run<K extends AnalysisRequest['kind']>(
    request: Extract<AnalysisRequest, { kind: K }>,
    onProgress?: (fraction: number) => void,
  ): Promise<AnalysisResults[K]>
  destroy(): void
}

export function createAnalysisClient(index: GraphIndex): AnalysisClient {
  const pending = new Map<number, Pending>()
  let nextId = 1
  let destroyed = false
  let send: (m: ToHost) => void
  const last = new Map<string, { key: string; result: unknown }>()

  const receive = (reply: FromHost) => {
    const p = pending.get(reply.id)
    if (p === undefined) return
    if (reply.type === 'progress') for (const f of p.listeners) f(reply.fraction)
    else {
      pending.delete(reply.id)
      if (reply.type === 'done') {
        last.set(p.kind, { key: p.key, result: reply.result })
        p.resolve(reply.result as never)
      } else p.reject(new Error(reply.message))
    }
  }

  const inThread = () => {
    const host = createAnalysisHost(
      (r) => receive(r),
      (fn) => setTimeout(fn, 0),
    )
    host.handle({ type: 'graph', graph: index.graph })
    return (m: ToHost) => host.handle(m)
  }

  let worker: Worker | null = null
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'analysis' })
      worker.onmessage = (e: MessageEvent<FromHost>) => receive(e.data)
      worker.onerror = () => {
        // Hand over to the main thread and rerun what was in flight.
        worker?.terminate()
        worker = null
        send = inThread()
        for (const [id, p] of pending) send({ type: 'run', id, request: p.request })
      }
      worker.postMessage({ type: 'graph', graph: index.graph } satisfies ToHost)
      send = (m) => worker?.postMessage(m)
    } catch {
      worker = null
      send = inThread()
    }
  } else {
    send = inThread()
  }

  return {
    run(request, onProgress) {
      if (destroyed) return Promise.reject(new Error('analysis: the client was closed'))
      const key = JSON.stringify(request)
      const done = last.get(request.kind)
      if (done !== undefined && done.key === key) return Promise.resolve(done.result as never)
      for (const [id, p] of pending) {
        if (p.kind !== request.kind) continue
        if (p.key === key) {
          if (onProgress) p.listeners.push(onProgress)
          return p.promise as never
        }
        pending.delete(id)
        p.reject(new Superseded())
      }
      const id = nextId++
      let resolve!: (v: never) => void
      let reject!: (e: Error) => void
      const promise = new Promise<never>((res, rej) => {
        resolve = res
        reject = rej
      })
      pending.set(id, {
        kind: request.kind,
        key,
        promise,
        listeners: onProgress ? [onProgress] : [],
        request,
        resolve,
        reject,
      })
      send({ type: 'run', id, request })
      return promise
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      worker?.terminate()
      worker = null
      for (const p of pending.values()) p.reject(new Superseded())
      pending.clear()
    },
  }
}

let current: { index: GraphIndex; client: AnalysisClient } | null = null

/** The client of the graph on screen; opening another graph closes the previous one's worker. */
export function analysisClientFor(index: GraphIndex): AnalysisClient {
  if (current !== null && current.index === index) return current.client
  current?.client.destroy()
  current = { index, client: createAnalysisClient(index) }
  return current.client
}
