/**
 * The engine and its automation hook in jsdom: a recording stand-in for the 2D context (jsdom
 * draws nothing), a fixed canvas rectangle, and the main-thread layout (jsdom has no Worker).
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { createEngine, type Engine, type HookNode } from '../../../src/engine/engine'
import { installHook } from '../../../src/engine/hook'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import { createExplorerStore, type ExplorerStore } from '../../../src/state/store'
import { tinyGraph } from '../helpers'

const RECT = { left: 100, top: 50, width: 800, height: 600 }

function fakeContext(): CanvasRenderingContext2D {
  const target: Record<string, unknown> = {}
  return new Proxy(target, {
    get(t, key) {
      if (key in t) return t[key as string]
      if (key === 'measureText') return (s: string) => ({ width: s.length * 7 })
      if (key === 'getLineDash') return () => []
      return () => undefined
    },
    set(t, key, value) {
      t[key as string] = value
      return true
    },
  }) as unknown as CanvasRenderingContext2D
}

let canvas: HTMLCanvasElement
let engine: Engine
let store: ExplorerStore

beforeEach(async () => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private cb: () => void) {}
      // Like the real one: the first callback comes after observe() returns.
      observe() {
        queueMicrotask(() => this.cb())
      }
      disconnect() {}
    },
  )
  canvas = document.createElement('canvas')
  document.body.append(canvas)
  canvas.getContext = (() => fakeContext()) as unknown as HTMLCanvasElement['getContext']
  canvas.getBoundingClientRect = () =>
    ({
      ...RECT,
      x: RECT.left,
      y: RECT.top,
      right: RECT.left + RECT.width,
      bottom: RECT.top + RECT.height,
      toJSON: () => ({}),
    }) as DOMRect
  store = createExplorerStore({})
  engine = createEngine(canvas, store)
  await Promise.resolve()
})

afterEach(() => {
  engine.destroy()
  canvas.remove()
  vi.unstubAllGlobals()
})

const graph = tinyGraph(
  [
    { source: 'a', target: 'b', type: 'military' },
    { source: 'b', target: 'c', type: 'economic', start: 2000, end: 2001 },
    { source: 'c', target: 'd', type: 'diplomatic', stance: 'hostile' },
  ],
  ['a', 'b', 'c', 'd', 'e'],
)

/** Sets the graph and waits for the layout's first positions and the first fitted frame. */
async function load() {
  engine.setGraph(buildIndex(graph))
  await vi.waitFor(
    () => {
      const ns = engine.nodes()
      expect(ns.length).toBeGreaterThan(0)
      for (const n of ns) expect(n.x > RECT.left && n.x < RECT.left + RECT.width).toBe(true)
    },
    { timeout: 5000, interval: 20 },
  )
}

describe('automation hook', () => {
  it('labels() gives the boxes drawn in the last frame, in viewport CSS pixels', async () => {
    await load()
    await vi.waitFor(() => expect(engine.labels().length).toBe(4), { timeout: 5000, interval: 20 })
    const nodes = new Map(engine.nodes().map((n) => [n.id, n]))
    for (const l of engine.labels()) {
      const n = nodes.get(l.id)!
      expect(l.text).toBe(n.label)
      // the fake context measures 7 px a character; boxes are the text plus 4 px, 15 px high
      expect(l.width).toBe(7 * l.text.length + 4)
      expect(l.height).toBe(15)
      expect(l.x).toBeGreaterThanOrEqual(RECT.left)
      expect(l.y).toBeGreaterThanOrEqual(RECT.top)
      expect(l.x + l.width).toBeLessThanOrEqual(RECT.left + RECT.width)
      expect(l.y + l.height).toBeLessThanOrEqual(RECT.top + RECT.height)
      // next to its own node: the box is within a few radii of it
      expect(Math.abs(l.x + l.width / 2 - n.x)).toBeLessThan(80)
      expect(Math.abs(l.y + l.height / 2 - n.y)).toBeLessThan(80)
    }
  })

  it('nodes() lists the shown actors in viewport CSS pixels', async () => {
    await load()
    const nodes = engine.nodes()
    expect(nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(nodes.find((n) => n.id === 'a')).toMatchObject({ label: 'A', pinned: false })
    // Fit to view put every node inside the canvas rectangle, offset by its page position.
    for (const n of nodes) {
      expect(n.x).toBeGreaterThan(RECT.left)
      expect(n.x).toBeLessThan(RECT.left + RECT.width)
      expect(n.y).toBeGreaterThan(RECT.top)
      expect(n.y).toBeLessThan(RECT.top + RECT.height)
    }
    const t = engine.transform()
    expect(t.k).toBeGreaterThan(0)
  })

  it('nodes() follows the filter', async () => {
    await load()
    store.getState().toggleType('military', false)
    expect(
      engine
        .nodes()
        .map((n) => n.id)
        .sort(),
    ).toEqual(['b', 'c', 'd'])
    store.getState().setYearWindow([2005, 2010])
    expect(
      engine
        .nodes()
        .map((n) => n.id)
        .sort(),
    ).toEqual(['c', 'd'])
  })

  it('zooming changes transform() and the node coordinates consistently', async () => {
    await load()
    const before = engine.transform()
    const a0 = engine.nodes().find((n) => n.id === 'a')!
    engine.zoomBy(2)
    const after = engine.transform()
    expect(after.k).toBeCloseTo(before.k * 2, 6)
    // The canvas centre stays fixed, so a node's distance from it doubles.
    const cx = RECT.left + RECT.width / 2
    const cy = RECT.top + RECT.height / 2
    const a1 = engine.nodes().find((n) => n.id === 'a')!
    expect(a1.x - cx).toBeCloseTo(2 * (a0.x - cx), 3)
    expect(a1.y - cy).toBeCloseTo(2 * (a0.y - cy), 3)
  })

  it('reading the hook changes nothing', async () => {
    await load()
    const state = store.getState()
    const snapshot = JSON.stringify({ filter: state.filter, selection: state.selection })
    const first = { nodes: engine.nodes(), transform: engine.transform(), layout: engine.layout() }
    for (let i = 0; i < 5; i++) {
      expect(engine.nodes()).toEqual(first.nodes)
      expect(engine.transform()).toEqual(first.transform)
      expect(engine.layout()).toEqual(first.layout)
    }
    // What it returns is a copy: writing to it does not move the view.
    Object.assign(engine.transform(), { k: 99 })
    expect(engine.transform().k).not.toBe(99)
    expect(JSON.stringify({ filter: store.getState().filter, selection: store.getState().selection })).toBe(
      snapshot,
    )
  })

  it('layout() reports ticks and is not running while paused', async () => {
    await load()
    const status = engine.layout()
    expect(status.ticks).toBeGreaterThan(0)
    expect(status.alpha).toBeGreaterThanOrEqual(0)
    store.getState().setLayoutPaused(true)
    expect(engine.layout().running).toBe(false)
  })

  it('a dragged node is pinned where it is dropped; unpin releases it', async () => {
    await load()
    const a = engine.nodes().find((n) => n.id === 'a')!
    const mouse = (type: string, x: number, y: number, target: EventTarget) => {
      const ev = new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0 })
      // jsdom refuses vitest's window as `view` in the constructor; d3-drag listens on event.view.
      Object.defineProperty(ev, 'view', { value: window })
      target.dispatchEvent(ev)
    }
    mouse('mousedown', a.x, a.y, canvas)
    mouse('mousemove', a.x + 30, a.y + 20, window)
    mouse('mousemove', a.x + 60, a.y + 40, window)
    mouse('mouseup', a.x + 60, a.y + 40, window)
    expect(engine.isPinned('a')).toBe(true)
    const dropped = engine.nodes().find((n) => n.id === 'a')!
    expect(dropped.pinned).toBe(true)
    expect(dropped.x).toBeCloseTo(a.x + 60, 0)
    expect(dropped.y).toBeCloseTo(a.y + 40, 0)
    engine.unpin('a')
    expect(engine.isPinned('a')).toBe(false)
    expect(engine.nodes().every((n) => !n.pinned)).toBe(true)
    // d3-drag swallows the click that ends a drag until the next task.
    await new Promise((r) => setTimeout(r, 0))
  })

  it('a click selects the actor under the pointer; a click on the background clears', async () => {
    await load()
    const c = engine.nodes().find((n) => n.id === 'c')!
    canvas.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: c.x, clientY: c.y }))
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'c' })
    canvas.dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: RECT.left + 2, clientY: RECT.top + 2 }),
    )
    expect(store.getState().selection).toBeNull()
  })

  it('window.__explorer answers from the engine, read-only, and goes away with it', async () => {
    await load()
    const uninstall = installHook({ engine, store })
    const hook = window.__explorer!
    // Every call on the hook is documented in the README's table, and every documented call exists.
    const readme = readFileSync('README.md', 'utf8')
    const section = readme.slice(readme.indexOf('## Automation hook'), readme.indexOf('## Design'))
    const documented = [...section.matchAll(/^\| `(\w+)\(/gm)].map((m) => m[1]).sort()
    expect(Object.keys(hook).sort()).toEqual(documented)
    expect(documented).toEqual(expect.arrayContaining(['layout', 'nodes', 'transform']))
    expectTypeOf(hook.nodes).returns.toEqualTypeOf<HookNode[]>()
    expectTypeOf(hook.transform).parameters.toEqualTypeOf<[]>()
    expect(Object.isFrozen(hook)).toBe(true)
    expect(hook.nodes()).toEqual(engine.nodes())
    expect(hook.labels()).toEqual(engine.labels())
    expect(hook.transform()).toEqual(engine.transform())
    expect(hook.layout()).toEqual(engine.layout())
    // A newer hook (another engine) is not removed by the older one's uninstall.
    const uninstallSecond = installHook({ engine, store })
    const second = window.__explorer
    uninstall()
    expect(window.__explorer).toBe(second)
    uninstallSecond()
    expect(window.__explorer).toBeUndefined()
  })

  it('takes its views from the view cache it is given (the Explorer shares it with the panels)', () => {
    const cache = createDrawnViewCache()
    const views = vi.fn(cache)
    const other = createEngine(canvas, store, { views })
    const index = buildIndex(graph)
    other.setGraph(index)
    expect(views).toHaveBeenCalledWith(index, store.getState().filter, null, null)
    store.getState().toggleType('military', false)
    expect(views).toHaveBeenLastCalledWith(index, store.getState().filter, null, null)
    // The panels asking the same cache get the very view the engine uses: one computation.
    const shown = cache(index, store.getState().filter)
    expect(views.mock.results.at(-1)!.value).toBe(shown)
    // Comparing two years asks for the compared view; ending the comparison for the window's again.
    store.getState().setAnalysis({ compare: [2016, 2021] })
    expect(views).toHaveBeenLastCalledWith(index, store.getState().filter, [2016, 2021], null)
    store.getState().setAnalysis({ compare: null })
    expect(views).toHaveBeenLastCalledWith(index, store.getState().filter, null, null)
    other.destroy()
  })
})
