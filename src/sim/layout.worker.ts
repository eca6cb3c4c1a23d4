/// <reference lib="webworker" />
/** The layout worker: wires the host to the worker's message port. */
import { createLayoutHost } from './layoutHost'
import type { Command } from './protocol'

declare const self: DedicatedWorkerGlobalScope

const channel = new MessageChannel()
const queue: (() => void)[] = []
channel.port1.onmessage = () => queue.shift()?.()

const host = createLayoutHost(
  (report, transfer) => self.postMessage(report, transfer),
  (fn) => {
    queue.push(fn)
    channel.port2.postMessage(0)
  },
)
self.onmessage = (e: MessageEvent<Command>) => host.handle(e.data)
