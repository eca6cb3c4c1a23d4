/// <reference lib="webworker" />
/** The evidence check off the main thread, for networks whose source texts are large. */
import { checkEvidence } from '../../evidence/check'
import type { Graph } from '../../model/types'

self.onmessage = (e: MessageEvent<{ id: number; graph: Pick<Graph, 'sources' | 'relations'> }>) => {
  const { id, graph } = e.data
  try {
    ;(self as unknown as Worker).postMessage({ id, report: checkEvidence(graph) })
  } catch (err) {
    ;(self as unknown as Worker).postMessage({ id, error: String((err as Error)?.message ?? err) })
  }
}
