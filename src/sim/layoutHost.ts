/**
 * The worker side of the layout: a d3-force layout (forceLayout.ts, the same code the main thread
 * falls back to) driven by commands, ticking on its own, publishing positions at most once per
 * display frame into transferable buffers handed back by the main thread. Kept free of worker
 * globals so unit tests can run it in-process.
 */
import { createForceLayout } from './forceLayout'
import type { Layout } from './layout'
import type { Command, Report } from './protocol'

/** Ticks run in slices of this length between looks at the message queue. */
const SLICE_MS = 12
/** At most one position report per this many milliseconds (about one display frame). */
const REPORT_EVERY_MS = 14

export interface LayoutHost {
  handle(cmd: Command): void
  destroy(): void
}

export function createLayoutHost(
  post: (report: Report, transfer: Transferable[]) => void,
  /** Runs `fn` soon, after pending messages (a MessageChannel in the worker). */
  defer: (fn: () => void) => void,
  now: () => number = () => performance.now(),
): LayoutHost {
  let layout: Layout | null = null
  let handled = 0
  let free: Float32Array[] = []
  let fresh = false // positions changed since the last report
  let reported = { running: false, alpha: 0, ticks: -1 }
  let lastReport = -Infinity
  let scheduled = false
  let destroyed = false

  const report = (force: boolean) => {
    if (layout === null) return
    const status = layout.status()
    const statusChanged = status.running !== reported.running
    const due = now() - lastReport >= REPORT_EVERY_MS
    let positions: Float32Array | null = null
    if (fresh && (due || force || statusChanged)) {
      const n = layout.positions.length
      while (free.length > 0 && free[free.length - 1]!.length !== n) free.pop()
      positions = free.pop() ?? null
    }
    if (positions === null && !statusChanged && !force) return
    if (positions !== null) {
      positions.set(layout.positions)
      fresh = false
      lastReport = now()
    }
    reported = { running: status.running, alpha: status.alpha, ticks: status.ticks }
    post(
      { type: 'frame', ack: handled, positions, ...reported },
      positions === null ? [] : [positions.buffer],
    )
  }

  const loop = () => {
    scheduled = false
    if (destroyed || layout === null) return
    const t0 = now()
    let moved = false
    // One slice of ticks (at least one tick when running), then report and yield to messages.
    while (layout.step(SLICE_MS * 2)) {
      moved = true
      if (now() - t0 >= SLICE_MS) break
    }
    if (moved) fresh = true
    report(false)
    if (moved || fresh) schedule()
  }
  const schedule = () => {
    if (scheduled || destroyed) return
    scheduled = true
    defer(loop)
  }

  return {
    handle(cmd) {
      if (destroyed) return
      if (cmd.type !== 'buffer') handled++
      switch (cmd.type) {
        case 'init':
          layout?.destroy()
          layout = createForceLayout(cmd.actorCount, cmd.seed)
          free = [new Float32Array(cmd.actorCount * 2), new Float32Array(cmd.actorCount * 2)]
          reported = { running: false, alpha: 0, ticks: -1 }
          break
        case 'buffer':
          free.push(cmd.buffer)
          break
        case 'setActive':
          layout?.setActive(cmd.actors, cmd.links, cmd.radius, cmd.reheat)
          fresh = true
          break
        case 'warmUp':
          // Ticks before the first report (a multilevel layout: its coarsest level first).
          layout?.warmUp(cmd.ms)
          fresh = true
          break
        case 'start':
          layout?.start()
          break
        case 'stop':
          layout?.stop()
          break
        case 'reheat':
          layout?.reheat(cmd.alpha)
          break
        case 'pin':
          layout?.pin(cmd.actor, cmd.x, cmd.y)
          break
        case 'release':
          layout?.release(cmd.actor)
          break
        case 'dragging':
          layout?.setDragging(cmd.on)
          break
        case 'reset':
          layout?.reset()
          fresh = true
          break
        case 'place':
          layout?.place?.(cmd.positions, cmd.moving, cmd.alpha)
          fresh = true
          break
      }
      if (cmd.type === 'buffer') {
        if (fresh) report(false)
      } else report(true)
      schedule()
    },
    destroy() {
      destroyed = true
      layout?.destroy()
      layout = null
    },
  }
}
