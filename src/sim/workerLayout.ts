/**
 * A Layout whose d3-force simulation runs in a module Web Worker (layout.worker.ts). The main
 * thread keeps only what drawing and hit-testing need: the latest positions, swapped in by step()
 * once per frame, and the pins, which it owns (a pinned actor is drawn where the pointer put it,
 * whatever the worker last reported). Buffers travel as transferables, ping-pong.
 *
 * When the worker cannot be started (no Worker: jsdom) or fails, the layout carries on on the main
 * thread with forceLayout.ts, loaded on demand (so d3-force stays out of the first-load bundle), and
 * replays what the worker was told. Until it has loaded, ready() says so and nothing moves.
 */
import type { HandedLinks, Layout, LayoutStatus } from './layout'
import { HEATING, type Command, type Report } from './protocol'
import { markOnce } from '../shared/marks'

/** The part of a Worker this module uses, so tests can pass an in-process fake. */
export interface WorkerLike {
  postMessage(message: Command, transfer: Transferable[]): void
  onmessage: ((e: MessageEvent<Report>) => void) | null
  onerror: ((e: ErrorEvent) => void) | null
  terminate(): void
}

export function spawnLayoutWorker(): WorkerLike {
  if (typeof Worker !== 'function') throw new NoWorkers()
  return new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
    name: 'layout',
  }) as unknown as WorkerLike
}

class NoWorkers extends Error {
  constructor() {
    super('Web Workers are not available here')
  }
}

export function createWorkerLayout(
  actorCount: number,
  seed = 1,
  spawn: () => WorkerLike = spawnLayoutWorker,
): Layout {
  let current: Float32Array = new Float32Array(actorCount * 2).fill(NaN)
  let pending: Float32Array | null = null
  const pinned = new Uint8Array(actorCount)
  /** Pins by actor: x, y in world units. The main thread is the authority for pinned positions. */
  const pins = new Map<number, [number, number]>()
  let sent = 0
  /** Reports with a smaller ack predate the last reset and are ignored. */
  let validFrom = 0
  /** status() says running until the worker has handled command number `heatUntil`. */
  let heatUntil = 0
  let last: Report | null = null
  let hasPositions = false
  /** The initial disc is shown until the first laid-out positions arrive (seed()). */
  let seeded = false
  /** ready() waits for positions made after the last warm-up command (number `readyFrom`). */
  let readyFrom = 0
  let pendingAck = 0
  let running = true
  let listener: (() => void) | null = null
  let worker: WorkerLike | null = null
  let fallback: Layout | null = null
  let fallingBack = false
  let warmUpMs = 0
  // What the worker was told, replayed into the fallback if the worker fails.
  let activeArgs: [Uint32Array, HandedLinks, Float32Array] | null = null
  let dragging = false
  let destroyed = false

  const send = (cmd: Command, transfer: Transferable[] = []) => {
    if (worker === null) return
    sent++
    if (HEATING.has(cmd.type)) heatUntil = sent
    if (cmd.type === 'reset') validFrom = sent
    worker.postMessage(cmd, transfer)
  }
  const giveBack = (buffer: Float32Array) => {
    if (worker === null || buffer.length !== actorCount * 2) return
    worker.postMessage({ type: 'buffer', buffer }, [buffer.buffer])
  }
  const applyPins = (into: Float32Array) => {
    for (const [a, [x, y]] of pins) {
      into[2 * a] = x
      into[2 * a + 1] = y
    }
  }

  const onReport = (r: Report) => {
    if (r.ack < validFrom) {
      if (r.positions !== null) giveBack(r.positions)
      return
    }
    last = r
    if (r.positions !== null) {
      if (pending !== null) giveBack(pending)
      pending = r.positions
      pendingAck = r.ack
    }
    listener?.()
  }

  const toFallback = (why: unknown) => {
    if (fallingBack) return
    fallingBack = true
    if (!(why instanceof NoWorkers)) console.warn('Layout worker failed; laying out on the main thread.', why)
    worker?.terminate()
    worker = null
    void import('./forceLayout').then(({ createForceLayout }) => {
      if (destroyed) return
      fallback = replay(createForceLayout(actorCount, seed))
      listener?.()
    })
  }
  const replay = (f: Layout): Layout => {
    if (activeArgs !== null) {
      const [actors, links, radius] = activeArgs
      f.setActive(actors, links.again?.() ?? links, radius)
    }
    if (!hasPositions) f.warmUp(warmUpMs)
    for (let a = 0; a < actorCount; a++) {
      const x = current[2 * a]!
      const y = current[2 * a + 1]!
      if (!Number.isNaN(x + y)) f.pin(a, x, y) // keep the map where it was…
    }
    for (let a = 0; a < actorCount; a++) if (!pins.has(a)) f.release(a) // …but free the unpinned
    for (const [a, [x, y]] of pins) f.pin(a, x, y)
    f.setDragging(dragging)
    if (!running) f.stop()
    return f
  }

  try {
    worker = spawn()
    markOnce('worker')
    worker.onmessage = (e) => {
      markOnce('worker-answer')
      onReport(e.data)
    }
    worker.onerror = (e) => {
      e.preventDefault?.()
      toFallback(e.message)
    }
    send({ type: 'init', actorCount, seed })
  } catch (e) {
    toFallback(e)
  }

  const layout: Layout = {
    get positions() {
      return fallback?.positions ?? current
    },
    pinned,
    setActive(actors, links, radius, reheat = true) {
      activeArgs = [actors, links, radius]
      if (fallback !== null) return fallback.setActive(actors, links, radius, reheat)
      // Transferred, not cloned: a structured clone of these arrays costs the main thread tens of
      // milliseconds at 100,000 actors (measured). Links handed over (with `again`) go as they are,
      // the view's actors and sizes as copies; the replay above rebuilds what was sent away.
      const own = links.again !== undefined
      const copy = {
        actors: actors.slice(),
        links: own ? { src: links.src, tgt: links.tgt } : { src: links.src.slice(), tgt: links.tgt.slice() },
        radius: radius.slice(),
      }
      send({ type: 'setActive', ...copy, reheat }, [
        copy.actors.buffer,
        copy.links.src.buffer,
        copy.links.tgt.buffer,
        copy.radius.buffer,
      ])
    },
    step(budgetMs) {
      if (fallback !== null) return fallback.step(budgetMs)
      if (pending === null) return false
      if (seeded && !hasPositions && pendingAck < readyFrom) {
        // Positions from before the warm-up: the seed on screen shows the same starting disc.
        giveBack(pending)
        pending = null
        return false
      }
      const old = current
      current = pending
      pending = null
      applyPins(current)
      giveBack(old)
      if (pendingAck >= readyFrom) hasPositions = true
      return true
    },
    warmUp(ms) {
      warmUpMs = ms
      if (fallback !== null) return fallback.warmUp(ms)
      send({ type: 'warmUp', ms })
      readyFrom = sent
    },
    ready() {
      return fallback !== null || hasPositions || seeded
    },
    seed() {
      if (fallback !== null || hasPositions || activeArgs === null) return false
      seedPositions(activeArgs[0], current)
      applyPins(current)
      seeded = true
      return true
    },
    onUpdate(fn) {
      listener = fn
    },
    start() {
      running = true
      if (fallback !== null) return fallback.start()
      send({ type: 'start' })
    },
    stop() {
      running = false
      if (fallback !== null) return fallback.stop()
      send({ type: 'stop' })
    },
    place(positions, moving, alpha) {
      if (fallback !== null) return fallback.place?.(positions, moving, alpha)
      for (let i = 0; i < current.length; i++) if (!Number.isNaN(positions[i]!)) current[i] = positions[i]!
      applyPins(current)
      // Drawn at once from these positions; the worker's own follow.
      seeded = true
      send({ type: 'place', positions: positions.slice(), moving: moving?.slice() ?? null, alpha })
    },
    reheat(alpha) {
      if (fallback !== null) return fallback.reheat(alpha)
      send({ type: 'reheat', alpha })
    },
    pin(actor, x, y) {
      pinned[actor] = 1
      pins.set(actor, [x, y])
      if (fallback !== null) return fallback.pin(actor, x, y)
      current[2 * actor] = x
      current[2 * actor + 1] = y
      send({ type: 'pin', actor, x, y })
    },
    release(actor) {
      pinned[actor] = 0
      pins.delete(actor)
      if (fallback !== null) return fallback.release(actor)
      send({ type: 'release', actor })
    },
    setDragging(on) {
      dragging = on
      if (fallback !== null) return fallback.setDragging(on)
      send({ type: 'dragging', on })
    },
    reset() {
      pinned.fill(0)
      pins.clear()
      if (fallback !== null) return fallback.reset()
      hasPositions = false
      seeded = false
      current.fill(NaN)
      if (pending !== null) giveBack(pending)
      pending = null
      hasPositions = false
      last = null
      send({ type: 'reset' })
    },
    status(): LayoutStatus {
      if (fallback !== null) return fallback.status()
      // The main-thread layout is loading: it will run (or not) as told.
      if (fallingBack) return { running, alpha: last?.alpha ?? 1, ticks: last?.ticks ?? 0 }
      const acked = last?.ack ?? 0
      const heating = acked < heatUntil
      return {
        running: running && (heating || (last?.running ?? false)),
        alpha: last?.alpha ?? 1,
        ticks: last?.ticks ?? 0,
      }
    },
    destroy() {
      destroyed = true
      fallback?.destroy()
      worker?.terminate()
      worker = null
      listener = null
    },
  }
  return layout
}

/** d3-force's initial placement: node i of the simulation's node list on a phyllotaxis disc. */
const INITIAL_RADIUS = 10
const INITIAL_ANGLE = Math.PI * (3 - Math.sqrt(5))

/**
 * Puts each of `actors` that has no position where d3-force starts it (the i-th node of the list at
 * radius 10·√(0.5 + i), angle i·π(3 − √5)): the worker's simulation starts from the same disc.
 */
export function seedPositions(actors: Uint32Array, into: Float32Array): void {
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!
    if (!Number.isNaN(into[2 * a]! + into[2 * a + 1]!)) continue
    const r = INITIAL_RADIUS * Math.sqrt(0.5 + i)
    const angle = i * INITIAL_ANGLE
    into[2 * a] = r * Math.cos(angle)
    into[2 * a + 1] = r * Math.sin(angle)
  }
}
