/**
 * The graph the rest of the app reads, derived from the document incrementally: each entity's
 * plain object is cached and rebuilt only when a change touched it (local, undo, another tab or a
 * peer alike), and a collection is re-sorted only when its members or their order changed. At
 * 80,000 relations an edit costs a few array copies, not a rebuild of every object.
 */
import * as Y from 'yjs'
import type { Graph } from '../model/types'
import {
  clean,
  COLLECTIONS,
  dropOrphans,
  orderedIds,
  plainOf,
  type Collection,
  type NetworkDoc,
} from './network'

export interface Derived {
  /** The current graph; the same object until something changes. */
  graph(): Graph
  /** Relations left out because their actors, type or sources are gone (merged edits). */
  orphans(): readonly string[]
  /** Called after each transaction that changed the network (before graph() is asked). */
  onChange(listener: () => void): () => void
  destroy(): void
}

interface Cache {
  readonly byId: Map<string, Record<string, unknown>>
  order: string[] | null
  list: unknown[] | null
  readonly dirty: Set<string>
}

/**
 * `from`: the graph the document was just filled with (fillFromGraph), whose objects are what the
 * document holds: the first read takes them instead of reading every entity back.
 */
export function createDerived(net: NetworkDoc, from?: Graph): Derived {
  const caches = new Map<Collection, Cache>()
  for (const c of COLLECTIONS) caches.set(c, { byId: new Map(), order: null, list: null, dirty: new Set() })
  if (from !== undefined) {
    const seed = (c: Collection, items: readonly { id: string }[]) => {
      const cache = caches.get(c)!
      for (const it of items) cache.byId.set(it.id, clean({ ...it }) as Record<string, unknown>)
      cache.order = items.map((it) => it.id)
    }
    seed('types', from.relationTypes)
    seed('sources', from.sources)
    seed('actors', from.actors)
    seed('relations', from.relations)
  }
  let graph: Graph | null = null
  let orphans: string[] = []
  const listeners = new Set<() => void>()

  const observers = COLLECTIONS.map((c) => {
    const map = net[c]
    const cache = caches.get(c)!
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events) {
        if (e.target === map) {
          for (const key of (e as unknown as Y.YMapEvent<unknown>).keysChanged) cache.dirty.add(key)
          cache.order = null
        } else {
          const id = e.path[0]
          if (typeof id === 'string') cache.dirty.add(id)
          if (e.target instanceof Y.Map && (e as Y.YMapEvent<unknown>).keysChanged.has('o'))
            cache.order = null
        }
      }
      cache.list = null
      graph = null
    }
    map.observeDeep(observer)
    return () => map.unobserveDeep(observer)
  })
  const metaObserver = () => {
    graph = null
  }
  net.meta.observe(metaObserver)
  const afterTransaction = (tr: Y.Transaction) => {
    if (tr.changed.size > 0 && graph === null) for (const l of [...listeners]) l()
  }
  net.doc.on('afterTransaction', afterTransaction)

  const listOf = (c: Collection): unknown[] => {
    const cache = caches.get(c)!
    const map = net[c]
    if (cache.list !== null) return cache.list
    for (const id of cache.dirty) {
      const m = map.get(id)
      if (m === undefined) cache.byId.delete(id)
      else cache.byId.set(id, plainOf(m))
    }
    cache.dirty.clear()
    cache.order ??= orderedIds(map)
    if (cache.byId.size !== cache.order.length) {
      // First read: fill every entity.
      for (const id of cache.order) if (!cache.byId.has(id)) cache.byId.set(id, plainOf(map.get(id)!))
    }
    cache.list = cache.order.map((id) => cache.byId.get(id)!)
    return cache.list
  }

  const compute = (): Graph => {
    const relationTypes = listOf('types') as Graph['relationTypes'][number][]
    const sources = listOf('sources') as Graph['sources'][number][]
    const actors = listOf('actors') as Graph['actors'][number][]
    const all = listOf('relations') as Graph['relations'][number][]
    const kept = dropOrphans(all, actors, relationTypes, sources)
    orphans = kept.orphans
    const description = net.meta.get('description')
    return clean({
      schemaVersion: 1 as const,
      title: String(net.meta.get('title') ?? 'Untitled network'),
      description: typeof description === 'string' ? description : undefined,
      relationTypes,
      sources,
      actors,
      relations: kept.relations,
    })
  }

  return {
    graph: () => (graph ??= compute()),
    orphans: () => {
      if (graph === null) graph = compute()
      return orphans
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      for (const off of observers) off()
      net.meta.unobserve(metaObserver)
      net.doc.off('afterTransaction', afterTransaction)
      listeners.clear()
    },
  }
}
