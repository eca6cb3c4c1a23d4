/**
 * The import worker: reads, decodes, converts and validates a file off the page's thread, so a large
 * or hostile file cannot freeze the app. Protocol: one request `{ id, job }` → any number of
 * `{ id, type: 'progress', progress }` → one `{ id, type: 'result', result }`.
 */
import { runImport, type ImportJob } from './importCore'
import type { ImportProgress, ImportResult } from './import'

export interface WorkerRequest {
  readonly id: number
  readonly job: ImportJob
}

export type WorkerResponse =
  | { readonly id: number; readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly id: number; readonly type: 'result'; readonly result: ImportResult }

interface WorkerScope {
  postMessage(message: WorkerResponse): void
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const { id, job } = event.data
  void runImport(job, (progress) => scope.postMessage({ id, type: 'progress', progress })).then((result) =>
    scope.postMessage({ id, type: 'result', result }),
  )
}
