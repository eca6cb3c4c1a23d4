/**
 * The worker layout's main-thread side against the real worker-side host, connected in-process by a
 * fake Worker that delivers messages asynchronously and honours transfers (a transferred buffer is
 * detached on the sender's side, as in a browser).
 */
import { describe, expect, it } from 'vitest'
import { createForceLayout } from '../../../src/sim/forceLayout'
import { createLayoutHost } from '../../../src/sim/layoutHost'
import type { Layout } from '../../../src/sim/layout'
import type { Command, Report } from '../../../src/sim/protocol'
import { createWorkerLayout, type WorkerLike } from '../../../src/sim/workerLayout'

const tick = () => new Promise<void>((r) => setTimeout(r, 0))

/** Detaches transferred buffers like postMessage does; returns the clone the receiver gets. */
function transfer<T>(message: T, list: Transferable[]): T {
  return structuredClone(message, { transfer: list })
}

interface Fake extends WorkerLike {
  commands: Command[]
  terminated: boolean
}

function connectedWorker(opts: { failOn?: Command['type'] } = {}): () => Fake {
  return () => {
    const fake: Fake = {
      commands: [],
      terminated: false,
      onmessage: null,
      onerror: null,
      postMessage(message, list) {
        if (fake.terminated) return
        const cmd = transfer(message, list)
        fake.commands.push(cmd)
        setTimeout(() => {
          if (fake.terminated) return
          if (opts.failOn === cmd.type) {
            fake.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent)
            return
          }
          host.handle(cmd)
        }, 0)
      },
      terminate() {
        fake.terminated = true
        host.destroy()
      },
    }
    const host = createLayoutHost(
      (report: Report, list) => {
        const r = transfer(report, list)
        setTimeout(() => {
          if (!fake.terminated) fake.onmessage?.({ data: r } as MessageEvent<Report>)
        }, 0)
      },
      (fn) => setTimeout(fn, 0),
    )
    return fake
  }
}

/** A path a–b–c–d plus e attached to b. */
function activate(layout: Layout) {
  const actors = Uint32Array.from([0, 1, 2, 3, 4])
  const links = { src: Uint32Array.from([0, 1, 2, 1]), tgt: Uint32Array.from([1, 2, 3, 4]) }
  layout.setActive(actors, links, new Float32Array(5).fill(6))
}

async function until(cond: () => boolean, what: string, ms = 3000) {
  const t0 = Date.now()
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`)
    await tick()
  }
}

/** Steps like the engine does, once per "frame", until the layout settles. */
async function settle(layout: Layout) {
  await until(() => {
    layout.step(8)
    return layout.ready() && !layout.status().running
  }, 'the layout to settle')
}

describe('worker layout', () => {
  it('has no positions before the worker answers, then reports truthfully until it settles', async () => {
    let fake: Fake | null = null
    const spawn = connectedWorker()
    const layout = createWorkerLayout(5, 1, () => (fake = spawn()))
    activate(layout)
    layout.warmUp(30)
    expect(layout.ready()).toBe(false)
    expect(Number.isNaN(layout.positions[0]!)).toBe(true)
    // In flight: the warm-up has not been handled, so the layout is still running.
    expect(layout.status().running).toBe(true)
    await until(() => layout.step(8) && layout.ready(), 'first positions')
    expect(Array.from(layout.positions).every(Number.isFinite)).toBe(true)
    await settle(layout)
    expect(layout.status().ticks).toBeGreaterThan(0)
    expect(fake!.commands.map((c) => c.type).slice(0, 3)).toEqual(['init', 'setActive', 'warmUp'])
    layout.destroy()
    expect(fake!.terminated).toBe(true)
  })

  it('lays out exactly like the main-thread layout with the same seed', async () => {
    const layout = createWorkerLayout(5, 7, connectedWorker())
    activate(layout)
    layout.warmUp(2000)
    await settle(layout)
    const local = createForceLayout(5, 7)
    activate(local)
    while (local.step(50)) {
      /* to the end */
    }
    expect(layout.status().ticks).toBe(local.status().ticks)
    expect(Array.from(layout.positions)).toEqual(Array.from(local.positions))
    layout.destroy()
  })

  it('hands buffers back and forth without losing the current one', async () => {
    const layout = createWorkerLayout(5, 1, connectedWorker())
    activate(layout)
    layout.warmUp(0)
    const seen = new Set<ArrayBufferLike>()
    for (let i = 0; i < 40 && seen.size < 3; i++) {
      if (layout.step(8)) seen.add(layout.positions.buffer)
      layout.reheat(0.5)
      await tick()
    }
    // Ping-pong: a handful of buffers circulate, and the one on the main thread is never detached.
    expect(seen.size).toBeGreaterThanOrEqual(2)
    expect(layout.positions.length).toBe(10)
    layout.destroy()
  })

  it('keeps a pinned actor where the main thread put it while the worker moves the rest', async () => {
    const layout = createWorkerLayout(5, 1, connectedWorker())
    activate(layout)
    layout.warmUp(50)
    await settle(layout)
    layout.setDragging(true)
    expect(layout.status().running).toBe(true)
    layout.pin(1, 500, -300)
    // Drawn at the pin at once, before the worker has heard of it.
    expect([layout.positions[2], layout.positions[3]]).toEqual([500, -300])
    expect(layout.pinned[1]).toBe(1)
    const before = Array.from(layout.positions)
    for (let i = 0; i < 30; i++) {
      layout.step(8)
      expect([layout.positions[2], layout.positions[3]]).toEqual([500, -300])
      await tick()
    }
    // Neighbours follow the dragged actor.
    expect(Math.hypot(layout.positions[0]! - before[0]!, layout.positions[1]! - before[1]!)).toBeGreaterThan(
      1,
    )
    layout.setDragging(false)
    await settle(layout)
    expect([layout.positions[2], layout.positions[3]]).toEqual([500, -300])
    layout.release(1)
    expect(layout.pinned[1]).toBe(0)
    expect(layout.status().running).toBe(true) // a release reheats a little
    await settle(layout)
    layout.destroy()
  })

  it('stops and starts, and ignores positions computed before a reset', async () => {
    const layout = createWorkerLayout(5, 1, connectedWorker())
    activate(layout)
    layout.warmUp(0)
    await until(() => layout.step(8) && layout.ready(), 'first positions')
    layout.stop()
    expect(layout.status().running).toBe(false)
    layout.start()
    expect(layout.status().running).toBe(true)
    layout.pin(0, 1, 2)
    layout.reset()
    expect(layout.pinned[0]).toBe(0)
    expect(layout.ready()).toBe(false)
    expect(Number.isNaN(layout.positions[0]!)).toBe(true)
    layout.warmUp(20)
    await until(() => layout.step(8) && layout.ready(), 'positions after the reset')
    expect(layout.status().ticks).toBeGreaterThan(0)
    await settle(layout)
    layout.destroy()
  })

  it('falls back to the main thread when the worker fails, keeping pins and positions', async () => {
    const layout = createWorkerLayout(5, 1, connectedWorker({ failOn: 'reheat' }))
    activate(layout)
    layout.warmUp(20)
    await until(() => layout.step(8) && layout.ready(), 'first positions')
    layout.pin(2, 40, 40)
    const seen = Array.from(layout.positions)
    const warnings: unknown[] = []
    const warn = console.warn
    console.warn = (...args: unknown[]) => void warnings.push(args)
    try {
      layout.reheat(0.3)
      // The main-thread layout is loaded on demand; it takes over where the worker left off.
      await until(() => warnings.length > 0 && layout.status().ticks === 0, 'the fallback')
    } finally {
      console.warn = warn
    }
    expect(Array.from(layout.positions)).toEqual(seen.map((v) => Math.fround(v)))
    expect(layout.pinned[2]).toBe(1)
    expect(layout.ready()).toBe(true)
    while (layout.step(8)) {
      /* settle on the main thread */
    }
    expect(layout.status().ticks).toBeGreaterThan(0)
    expect([layout.positions[4], layout.positions[5]]).toEqual([40, 40])
    layout.destroy()
  })

  it('transfers handed-over links, and a fallback lays out with the ones `again` rebuilds', async () => {
    const make = () => ({ src: Uint32Array.from([0, 1, 2, 1]), tgt: Uint32Array.from([1, 2, 3, 4]) })
    let rebuilt = 0
    const handed = {
      ...make(),
      again: () => {
        rebuilt++
        return make()
      },
    }
    const layout = createWorkerLayout(5, 1, connectedWorker({ failOn: 'reheat' }))
    layout.setActive(Uint32Array.from([0, 1, 2, 3, 4]), handed, new Float32Array(5).fill(6))
    // Sent away as they are (detached here), not copied.
    expect(handed.src.length).toBe(0)
    expect(handed.tgt.length).toBe(0)
    layout.warmUp(20)
    await until(() => layout.step(8) && layout.ready(), 'first positions')
    const warn = console.warn
    console.warn = () => {}
    try {
      layout.reheat(0.3)
      await until(() => rebuilt > 0 && layout.status().ticks === 0, 'the fallback')
    } finally {
      console.warn = warn
    }
    layout.reheat(1)
    for (let k = 0; k < 400 && layout.step(8); k++) {
      /* settle on the main thread */
    }
    // The rebuilt links hold the path together: a and b end up nearer than a and d.
    const d = (i: number, j: number) =>
      Math.hypot(
        layout.positions[2 * i]! - layout.positions[2 * j]!,
        layout.positions[2 * i + 1]! - layout.positions[2 * j + 1]!,
      )
    expect(rebuilt).toBe(1)
    expect(d(0, 1)).toBeLessThan(d(0, 3))
    layout.destroy()
  })

  it('lays out on the main thread where there are no workers, silently', async () => {
    const warn = console.warn
    const warnings: unknown[] = []
    console.warn = (...args: unknown[]) => void warnings.push(args)
    try {
      const layout = createWorkerLayout(5, 1) // jsdom has no Worker
      activate(layout)
      layout.warmUp(50)
      expect(layout.status().running).toBe(true)
      await until(() => layout.ready(), 'the main-thread layout')
      expect(Array.from(layout.positions).every(Number.isFinite)).toBe(true)
      expect(layout.status().ticks).toBeGreaterThan(0)
      layout.destroy()
    } finally {
      console.warn = warn
    }
    expect(warnings).toEqual([])
  })
})
