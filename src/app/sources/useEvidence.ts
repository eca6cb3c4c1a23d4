/**
 * The evidence check of the network on screen, computed once per graph: on the main thread when
 * its source texts are small (the bundled dataset's 32,000 characters take about a millisecond),
 * in a Web Worker when they are large, so opening a network with long texts never blocks the page.
 */
import { useEffect, useState } from 'react'
import { checkEvidence, type EvidenceReport } from '../../evidence/check'
import type { Graph } from '../../model/types'
import type { CheckedRelations } from '../../model/support'
import { useExplorerContext } from '../context'

/** Total source text (characters) above which the check runs in a worker. */
export const WORKER_THRESHOLD = 300_000

const done = new WeakMap<Graph, EvidenceReport>()
const pending = new WeakMap<Graph, Promise<EvidenceReport>>()

const textSize = (g: Graph) => g.sources.reduce((n, s) => n + (s.text?.length ?? 0), 0)

let worker: Worker | null = null
let next = 0
const waiting = new Map<number, { ok: (r: EvidenceReport) => void; fail: (e: Error) => void }>()

function inWorker(g: Graph): Promise<EvidenceReport> {
  if (typeof Worker === 'undefined') return Promise.resolve(checkEvidence(g))
  if (worker === null) {
    worker = new Worker(new URL('./evidence.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<{ id: number; report?: EvidenceReport; error?: string }>) => {
      const w = waiting.get(e.data.id)
      waiting.delete(e.data.id)
      if (e.data.report !== undefined) w?.ok(e.data.report)
      else w?.fail(new Error(e.data.error ?? 'the evidence check failed'))
    }
  }
  const id = ++next
  return new Promise((ok, fail) => {
    waiting.set(id, { ok, fail })
    worker!.postMessage({ id, graph: { sources: g.sources, relations: g.relations } })
  })
}

/** The report now, when it is known or cheap; otherwise null (and the worker is started). */
export function evidenceReport(g: Graph): EvidenceReport | null {
  const known = done.get(g)
  if (known !== undefined) return known
  if (textSize(g) < WORKER_THRESHOLD) {
    const r = checkEvidence(g)
    done.set(g, r)
    return r
  }
  return null
}

function evidenceLater(g: Graph): Promise<EvidenceReport> {
  let p = pending.get(g)
  if (p === undefined) {
    p = inWorker(g).then((r) => {
      done.set(g, r)
      return r
    })
    pending.set(g, p)
  }
  return p
}

/** The relations of a report with a quotation that needs review or was not found. */
export function checkedRelations(graph: Graph, report: EvidenceReport): CheckedRelations {
  const questioned = new Set<string>()
  for (const q of report.quotes)
    if (q.state === 'review' || q.state === 'notFound') questioned.add(q.relation)
  return { graph, questioned }
}

export function useEvidenceReport(): EvidenceReport | null {
  const { index, store } = useExplorerContext()
  const g = index.graph
  const [state, setState] = useState<{ g: Graph; r: EvidenceReport | null }>(() => ({
    g,
    r: evidenceReport(g),
  }))
  const now = state.g === g ? state.r : evidenceReport(g)
  // The verdict goes into the store, for the map's marks and the evidence filters.
  useEffect(() => {
    if (now !== null) store.getState().setChecked(checkedRelations(g, now))
  }, [store, g, now])
  useEffect(() => {
    if (evidenceReport(g) !== null) return
    let live = true
    void evidenceLater(g).then((r) => live && setState({ g, r }))
    return () => {
      live = false
    }
  }, [g])
  return now
}
