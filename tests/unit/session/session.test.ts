/**
 * The dataset session and the browser storage behind it (fake-indexeddb stands in for IndexedDB):
 * a failed open changes nothing, a good one replaces the graph and is kept, the kept view fills in
 * only what the URL does not say, pins and zoom come back, and storage failures are reported.
 */
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPersistence, datasetKey, type Persistence } from '../../../src/io/persist'
import { DEFAULT_FILTER } from '../../../src/model/filter'
import { createSession, makeDataset, mainFirst, type ViewKeeper } from '../../../src/session/session'
import type { Pin, Transform } from '../../../src/shared/types'
import { createExplorerStore } from '../../../src/state/store'
import { tinyGraph } from '../helpers'

let db = 0
let persist: Persistence
beforeEach(() => {
  // A fresh database per test.
  persist = createPersistence(`test-${++db}`)
})

const bundled = makeDataset(
  tinyGraph([
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c', type: 'economic', start: 2001 },
  ]),
  [],
  'bundled',
  'bundled',
)
const fixture = (name: string) => new File([readFileSync(`tests/fixtures/formats/${name}`)], name)

/** A stand-in for the engine: keeps what the session puts back, and hands it over when asked. */
interface FakeEngine extends ViewKeeper {
  readonly pinned: Map<string, [number, number]>
  t: Transform
}

function fakeEngine(): FakeEngine {
  const pinned = new Map<string, [number, number]>()
  const e: FakeEngine = {
    pinned,
    t: { k: 1, x: 0, y: 0 },
    pins: () => [...pinned].map(([id, [x, y]]) => ({ id, x, y })),
    restorePins: (list: readonly Pin[]) => {
      for (const p of list) pinned.set(p.id, [p.x, p.y])
    },
    transform: () => ({ ...e.t }),
    setTransform: (t: Transform) => {
      e.t = { ...t }
    },
  }
  return e
}

function setup(engine = fakeEngine()) {
  const explorer = createExplorerStore({})
  const clearUrl = vi.fn()
  const session = createSession({ explorer, persist, engine: () => engine, clearUrl })
  session.boot(bundled, null, new Set())
  return { explorer, session, clearUrl, engine }
}

describe('opening files', () => {
  it('a bad file is reported with every problem and changes nothing else', async () => {
    const { explorer, session, clearUrl } = setup()
    explorer.getState().toggleType('military', false)
    explorer.getState().setYearWindow([2000, 2010])
    explorer.getState().select({ kind: 'actor', id: 'a' })
    const before = explorer.getState()
    const bad = new File(['{"schemaVersion":1,"title":"x","actors":[],"relations":[{"id":"r"}]}'], 'bad.json')
    expect(await session.open([bad])).toBe(false)
    const s = session.state.getState()
    expect(s.dataset).toBe(bundled)
    expect(s.report?.name).toBe('bad.json')
    expect(s.report?.errors.length).toBeGreaterThan(1)
    expect(s.report?.errors.map((e) => e.path)).toContain('relations[0].source')
    expect(s.importing).toBeNull()
    const after = explorer.getState()
    expect([after.filter, after.selection]).toEqual([before.filter, before.selection])
    expect(clearUrl).not.toHaveBeenCalled()
    expect(await persist.loadDataset()).toBeNull()
  })

  it('a good file replaces the graph, resets the view, says what it assumed, and is kept', async () => {
    const { explorer, session, clearUrl } = setup()
    explorer.getState().toggleType('military', false)
    explorer.getState().select({ kind: 'actor', id: 'a' })
    expect(await session.open([fixture('alliances.gexf')])).toBe(true)
    const s = session.state.getState()
    expect(s.dataset?.name).toBe('alliances.gexf')
    expect(s.dataset?.origin).toBe('file')
    expect(s.dataset?.graph.actors).toHaveLength(8)
    expect(s.notes?.notes.length).toBeGreaterThan(0)
    expect(explorer.getState().filter).toEqual(DEFAULT_FILTER)
    expect(explorer.getState().selection).toBeNull()
    expect(clearUrl).toHaveBeenCalledOnce()
    const kept = await persist.loadDataset()
    expect(kept?.name).toBe('alliances.gexf')
    expect(kept?.graph.relations).toHaveLength(10)
    expect(kept?.key).toBe(s.dataset?.key)
  })

  it('a relations table and its actors table open together, whatever the order', async () => {
    const { session } = setup()
    expect(mainFirst([fixture('actors.csv'), fixture('relations.csv')]).map((f) => f.name)).toEqual([
      'relations.csv',
      'actors.csv',
    ])
    expect(await session.open([fixture('actors.csv'), fixture('relations.csv')])).toBe(true)
    expect(session.state.getState().dataset?.name).toBe('relations.csv')
  })

  it('going back to the bundled dataset forgets the kept one', async () => {
    const { session } = setup()
    await session.open([fixture('alliances.graphml')])
    expect(await persist.loadDataset()).not.toBeNull()
    await session.backTo(bundled)
    expect(session.state.getState().dataset).toBe(bundled)
    expect(await persist.loadDataset()).toBeNull()
  })
})

describe('keeping the view', () => {
  it('saves filters, zoom and pins after a pause, and puts pins and zoom back on attach', async () => {
    vi.useFakeTimers()
    try {
      const engine = fakeEngine()
      const { explorer } = setup(engine)
      engine.pinned.set('a', [10, 20])
      engine.t = { k: 2, x: 5, y: 6 }
      explorer.getState().toggleType('economic', false)
      await vi.advanceTimersByTimeAsync(1000)
      vi.useRealTimers()
      await new Promise((r) => setTimeout(r, 50))
      const saved = await persist.loadView(bundled.key)
      expect(saved?.filter.hiddenTypes).toEqual(['economic'])
      expect(saved?.pins).toEqual([{ id: 'a', x: 10, y: 20 }])
      expect(saved?.transform).toEqual({ k: 2, x: 5, y: 6 })

      // A later visit: the kept filter fills in what the URL left out; pins and zoom come back.
      const explorer2 = createExplorerStore({ filter: { ...DEFAULT_FILTER, yearWindow: [2001, 2001] } })
      const engine2 = fakeEngine()
      const session2 = createSession({
        explorer: explorer2,
        persist,
        engine: () => engine2,
        clearUrl: () => {},
      })
      session2.boot(
        bundled,
        { ...saved!, filter: { ...saved!.filter, yearWindow: [1990, 1995] } },
        new Set(['yearWindow']),
      )
      expect(explorer2.getState().filter.hiddenTypes).toEqual(['economic'])
      expect(explorer2.getState().filter.yearWindow).toEqual([2001, 2001])
      session2.attach(engine2)
      expect([...engine2.pinned]).toEqual([['a', [10, 20]]])
      expect(engine2.t).toEqual({ k: 2, x: 5, y: 6 })
    } finally {
      vi.useRealTimers()
    }
  })

  it('the kept "Undated relations" mode comes back unless the URL gives one', () => {
    const kept = {
      key: bundled.key,
      filter: { ...DEFAULT_FILTER, undated: 'hidden' as const },
      transform: { k: 1, x: 0, y: 0 },
      pins: [],
    }
    const a = createExplorerStore({})
    createSession({ explorer: a, persist, engine: () => null, clearUrl: () => {} }).boot(
      bundled,
      kept,
      new Set(),
    )
    expect(a.getState().filter.undated).toBe('hidden')
    const b = createExplorerStore({ filter: { ...DEFAULT_FILTER, undated: 'sources' } })
    createSession({ explorer: b, persist, engine: () => null, clearUrl: () => {} }).boot(
      bundled,
      kept,
      new Set(['undated']),
    )
    expect(b.getState().filter.undated).toBe('sources')
  })

  it('a view kept for another dataset is not applied', () => {
    const engine = fakeEngine()
    const explorer = createExplorerStore({})
    const session = createSession({ explorer, persist, engine: () => engine, clearUrl: () => {} })
    session.boot(
      bundled,
      { key: 'other', filter: DEFAULT_FILTER, transform: { k: 3, x: 0, y: 0 }, pins: [] },
      new Set(),
    )
    session.attach(engine)
    expect(engine.t.k).toBe(1)
  })

  it('dataset keys differ between datasets and stay stable for the same one', () => {
    const g = bundled.graph
    expect(datasetKey(g, 'x')).toBe(datasetKey(structuredClone(g), 'x'))
    expect(datasetKey(g, 'x')).not.toBe(datasetKey(g, 'y'))
  })
})

describe('storage failures are reported', () => {
  it('a full quota says so, and the opened graph is still shown', async () => {
    const failing: Persistence = {
      ...persist,
      saveDataset: async () => {
        const { describeStorageError } = await import('../../../src/io/persist')
        return { ok: false, message: describeStorageError(new DOMException('full', 'QuotaExceededError')) }
      },
    }
    persist = failing
    const { session } = setup()
    expect(await session.open([fixture('alliances.d3.json')])).toBe(true)
    const s = session.state.getState()
    expect(s.dataset?.name).toBe('alliances.d3.json')
    expect(s.storageError).toMatch(/storage for this site is full/)
    session.dismissStorageError()
    expect(session.state.getState().storageError).toBeNull()
  })

  it('a real IndexedDB error becomes a message, never an exception', async () => {
    const p = createPersistence(`test-fail-${db}`)
    // A graph holding a function cannot be cloned into IndexedDB.
    const r = await p.saveDataset({
      graph: { ...bundled.graph, title: 't', extra: () => 1 } as never,
      name: 'n',
      origin: 'file',
      key: 'k',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/refused to store it \(DataCloneError/)
  })
})

describe('the evidence filters are kept too', () => {
  it('a kept "At least 2 sources" and "Hide contested" come back unless the URL says otherwise', () => {
    const explorer = createExplorerStore({})
    const session = createSession({ explorer, persist, engine: () => fakeEngine(), clearUrl: () => {} })
    const kept = { ...DEFAULT_FILTER, minSources: 2, hideContested: true }
    session.boot(
      bundled,
      { key: bundled.key, filter: kept, transform: { k: 1, x: 0, y: 0 }, pins: [] },
      new Set(['hideContested']),
    )
    expect(explorer.getState().filter.minSources).toBe(2)
    expect(explorer.getState().filter.hideContested).toBe(false)
  })
})
