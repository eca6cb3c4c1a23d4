import { useEffect, useMemo, useState } from 'react'
import { useExplorerContext } from '../context'
import { analysisClientFor, Superseded } from './client'
import type { AnalysisRequest, AnalysisResults } from './protocol'

export type AnalysisState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: number }
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'error'; readonly message: string }

/**
 * Runs a request in the analysis worker whenever it changes (by value) and returns its state. The
 * state of a request is only ever shown for that request: a change resets it to "running" before
 * the next render, and a late reply for an older request is dropped.
 */
export function useAnalysis<K extends AnalysisRequest['kind']>(
  request: Extract<AnalysisRequest, { kind: K }> | null,
): AnalysisState<AnalysisResults[K]> {
  const { index } = useExplorerContext()
  const key = request === null ? null : JSON.stringify(request)
  // Keep the request object stable for the effect: a new object with the same value is the same request.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useMemo(() => request, [key])
  const [state, setState] = useState<{ key: string | null; value: AnalysisState<AnalysisResults[K]> }>({
    key: null,
    value: { status: 'idle' },
  })
  useEffect(() => {
    if (stable === null || key === null) return
    let live = true
    let shown = -1
    const client = analysisClientFor(index)
    client
      .run(stable, (fraction) => {
        // A re-render per 5 % at most.
        const pct = Math.floor(fraction * 20)
        if (!live || pct === shown) return
        shown = pct
        setState({ key, value: { status: 'running', progress: fraction } })
      })
      .then(
        (result) => {
          if (live) setState({ key, value: { status: 'done', result } })
        },
        (e: unknown) => {
          if (!live || e instanceof Superseded) return
          setState({ key, value: { status: 'error', message: e instanceof Error ? e.message : String(e) } })
        },
      )
    return () => {
      live = false
    }
  }, [index, stable, key])
  if (key === null) return { status: 'idle' }
  // A state recorded for another request is never shown as this one's.
  if (state.key !== key) return { status: 'running', progress: 0 }
  return state.value
}
