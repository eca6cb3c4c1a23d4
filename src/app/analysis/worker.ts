/// <reference lib="webworker" />
/** The analysis worker: wires the host to the worker's message port. */
import { createAnalysisHost } from './host'
import type { ToHost } from './protocol'

declare const self: DedicatedWorkerGlobalScope

// A message to ourselves yields to the event loop (so newer requests are read between slices)
// without setTimeout's 4 ms clamp.
const channel = new MessageChannel()
const queue: (() => void)[] = []
channel.port1.onmessage = () => queue.shift()?.()

const host = createAnalysisHost(
  (reply) => self.postMessage(reply),
  (fn) => {
    queue.push(fn)
    channel.port2.postMessage(0)
  },
)
self.onmessage = (e: MessageEvent<ToHost>) => host.handle(e.data)
