/**
 * Messages between the main thread (workerLayout.ts) and the layout worker (layoutHost.ts).
 *
 * Every command the main thread sends is counted; every report from the worker carries `ack`, the
 * number of commands it has handled. The main thread uses it to ignore positions computed before a
 * reset and to keep `status()` truthful while a command that heats the simulation is in flight.
 * Position buffers travel as transferables (ping-pong): the worker fills a free buffer and transfers
 * it; the main thread hands the one it replaces back with a `buffer` command.
 */
export interface SimLinks {
  readonly src: Uint32Array
  readonly tgt: Uint32Array
}

export type Command =
  | { readonly type: 'init'; readonly actorCount: number; readonly seed: number }
  | {
      readonly type: 'setActive'
      readonly actors: Uint32Array
      readonly links: SimLinks
      readonly radius: Float32Array
      readonly reheat?: boolean
    }
  | { readonly type: 'warmUp'; readonly ms: number }
  | { readonly type: 'start' }
  | { readonly type: 'stop' }
  | { readonly type: 'reheat'; readonly alpha: number | undefined }
  | { readonly type: 'pin'; readonly actor: number; readonly x: number; readonly y: number }
  | { readonly type: 'release'; readonly actor: number }
  | { readonly type: 'dragging'; readonly on: boolean }
  | { readonly type: 'reset' }
  | {
      readonly type: 'place'
      readonly positions: Float32Array
      readonly moving: Uint8Array | null
      readonly alpha: number
    }
  /** A position buffer coming back to the worker for reuse. */
  | { readonly type: 'buffer'; readonly buffer: Float32Array }

export interface Report {
  readonly type: 'frame'
  /** Number of commands handled when this report was made. */
  readonly ack: number
  /** Positions of every actor (x, y), or null for a status-only report. */
  readonly positions: Float32Array | null
  readonly running: boolean
  readonly alpha: number
  readonly ticks: number
}

/** Commands after which the simulation runs again (status() says running until the worker has them). */
export const HEATING: ReadonlySet<Command['type']> = new Set([
  'setActive',
  'warmUp',
  'start',
  'reheat',
  'release',
  'dragging',
  'reset',
  'place',
])
