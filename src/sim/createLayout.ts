/**
 * Picks the layout: in a Web Worker when the platform has workers (browsers), else on the main
 * thread (jsdom unit tests, exotic embeds). Both behave alike; see workerLayout.ts.
 */
import { createForceLayout } from './forceLayout'
import type { Layout } from './layout'
import { createWorkerLayout } from './workerLayout'

export function createLayout(actorCount: number, seed = 1): Layout {
  return typeof Worker === 'function'
    ? createWorkerLayout(actorCount, seed)
    : createForceLayout(actorCount, seed)
}
