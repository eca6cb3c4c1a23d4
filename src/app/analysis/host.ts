/**
 * Runs analysis requests in slices: each job is a step generator from src/analysis/, advanced for
 * about 8 ms at a time, with a pause between slices in which newer messages are read. A new request
 * of a kind drops the older one of that kind (its result would be stale), so a filter or year
 * change cancels and restarts the computation. Used inside the worker, and on the main thread where
 * workers are missing (jsdom). No React, no DOM.
 */
import { balanceSteps } from '../../analysis/balance'
import { compareYears } from '../../analysis/compare'
import { seriesSteps } from '../../analysis/series'
import { buildIndex, type GraphIndex } from '../../model/graphIndex'
import { computeView } from '../../model/filter'
import type { AnalysisRequest, FromHost, ToHost } from './protocol'

const SLICE_MS = 8

interface Job {
  readonly id: number
  readonly kind: AnalysisRequest['kind']
  readonly steps: Generator<number, unknown>
}

function* compareSteps(index: GraphIndex, r: Extract<AnalysisRequest, { kind: 'compare' }>) {
  yield 0
  return compareYears(index, r.filter, r.a, r.b)
}

function stepsFor(index: GraphIndex, r: AnalysisRequest): Generator<number, unknown> {
  switch (r.kind) {
    case 'balance':
      return balanceSteps(index, computeView(index, r.filter).relationShown)
    case 'series':
      return seriesSteps(index, r.filter)
    case 'compare':
      return compareSteps(index, r)
  }
}

export interface AnalysisHost {
  handle(message: ToHost): void
}

export function createAnalysisHost(
  post: (reply: FromHost) => void,
  defer: (fn: () => void) => void,
  now: () => number = () => performance.now(),
): AnalysisHost {
  let index: GraphIndex | null = null
  const jobs: Job[] = []
  let scheduled = false

  const schedule = () => {
    if (scheduled || jobs.length === 0) return
    scheduled = true
    defer(slice)
  }

  function slice() {
    scheduled = false
    const job = jobs[0]
    if (job === undefined) return
    const until = now() + SLICE_MS
    let fraction: number
    try {
      for (;;) {
        const r = job.steps.next()
        if (r.done === true) {
          jobs.shift()
          post({ type: 'done', id: job.id, result: r.value as never })
          break
        }
        fraction = r.value
        if (now() >= until) {
          post({ type: 'progress', id: job.id, fraction })
          break
        }
      }
    } catch (e) {
      jobs.shift()
      post({ type: 'error', id: job.id, message: e instanceof Error ? e.message : String(e) })
    }
    schedule()
  }

  return {
    handle(message) {
      switch (message.type) {
        case 'graph':
          index = buildIndex(message.graph)
          jobs.length = 0
          return
        case 'cancel': {
          const i = jobs.findIndex((j) => j.id === message.id)
          if (i >= 0) jobs.splice(i, 1)
          return
        }
        case 'run': {
          if (index === null) {
            post({ type: 'error', id: message.id, message: 'analysis: no graph loaded yet' })
            return
          }
          const kind = message.request.kind
          const older = jobs.findIndex((j) => j.kind === kind)
          if (older >= 0) jobs.splice(older, 1)
          jobs.push({ id: message.id, kind, steps: stepsFor(index, message.request) })
          schedule()
        }
      }
    },
  }
}
