/**
 * The engine's layout: in a Web Worker where the platform has workers (browsers); elsewhere (jsdom
 * unit tests, a worker that fails) the same simulation on the main thread, loaded on demand. Both
 * behave alike; see workerLayout.ts.
 */
import type { Layout } from './layout'
import { createWorkerLayout } from './workerLayout'

export function createLayout(actorCount: number, seed = 1): Layout {
  return createWorkerLayout(actorCount, seed)
}
