/**
 * Keeping the user's work in the browser (IndexedDB, through idb-keyval): the last opened dataset
 * (its content, not only its name) and, per dataset, the view — filters, year window, zoom and
 * pinned positions. Every failure is returned to the caller to report; nothing fails silently.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import type { FilterState } from '../model/filter'
import type { Graph } from '../model/types'

export interface SavedDataset {
  readonly graph: Graph
  /** The file name the user knows it by. */
  readonly name: string
  /** Where it came from: a file the user opened, or a URL. */
  readonly origin: 'file' | 'url'
  readonly key: string
}

export interface SavedPin {
  readonly id: string
  readonly x: number
  readonly y: number
}

export interface SavedView {
  readonly key: string
  readonly filter: FilterState
  readonly transform: { readonly k: number; readonly x: number; readonly y: number } | null
  readonly pins: readonly SavedPin[]
}

export type PersistResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

const DATASET = 'dataset'
const viewKey = (key: string) => `view:${key}`

/** A stable identity for a dataset: its title, counts and first and last ids, hashed. */
export function datasetKey(graph: Graph, name: string): string {
  const parts = [
    name,
    graph.title,
    graph.actors.length,
    graph.relations.length,
    graph.actors[0]?.id ?? '',
    graph.actors.at(-1)?.id ?? '',
    graph.relations[0]?.id ?? '',
    graph.relations.at(-1)?.id ?? '',
  ].join('\u0000')
  // FNV-1a, 32 bit: short keys, and collisions only cost a view that does not fit.
  let h = 0x811c9dc5
  for (let i = 0; i < parts.length; i++) {
    h ^= parts.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

export function describeStorageError(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : ''
  if (name === 'QuotaExceededError')
    return 'the browser’s storage for this site is full, so this dataset will not be restored after a reload'
  if (typeof indexedDB === 'undefined') return 'this browser offers no storage (IndexedDB) to this page'
  const message = e instanceof Error ? e.message : String(e)
  return `the browser refused to store it (${name || 'error'}${message ? `: ${message}` : ''})`
}

export interface Persistence {
  loadDataset(): Promise<SavedDataset | null>
  saveDataset(d: SavedDataset): Promise<PersistResult>
  clearDataset(): Promise<PersistResult>
  loadView(key: string): Promise<SavedView | null>
  saveView(v: SavedView): Promise<PersistResult>
}

export function createPersistence(dbName = 'alliance-explorer'): Persistence {
  let store: UseStore | null = null
  const db = () => (store ??= createStore(dbName, 'state'))
  const attempt = async (f: () => Promise<unknown>): Promise<PersistResult> => {
    try {
      await f()
      return { ok: true }
    } catch (e) {
      return { ok: false, message: describeStorageError(e) }
    }
  }
  const read = async <T>(key: string, valid: (v: unknown) => v is T): Promise<T | null> => {
    try {
      const v: unknown = await get(key, db())
      return valid(v) ? v : null
    } catch {
      // Unreadable storage is the same as none: the app starts from the URL or the bundled data.
      return null
    }
  }
  return {
    loadDataset: () => read(DATASET, isSavedDataset),
    saveDataset: (d) => attempt(() => set(DATASET, d, db())),
    clearDataset: () => attempt(() => del(DATASET, db())),
    loadView: async (key) => {
      const v = await read(viewKey(key), isSavedView)
      return v !== null && v.key === key ? v : null
    },
    saveView: (v) => attempt(() => set(viewKey(v.key), v, db())),
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function isSavedDataset(v: unknown): v is SavedDataset {
  return (
    isObj(v) &&
    isObj(v.graph) &&
    Array.isArray(v.graph.actors) &&
    Array.isArray(v.graph.relations) &&
    typeof v.name === 'string' &&
    (v.origin === 'file' || v.origin === 'url') &&
    typeof v.key === 'string'
  )
}

function isSavedView(v: unknown): v is SavedView {
  return (
    isObj(v) &&
    typeof v.key === 'string' &&
    isObj(v.filter) &&
    Array.isArray(v.filter.hiddenTypes) &&
    Array.isArray(v.filter.hiddenStances) &&
    Array.isArray(v.pins)
  )
}

// --- Column mappings of tables, remembered per header (the "Map columns" dialog) ---

/** The mapping last used for a table header, kept in the same IndexedDB store under `mapping:<key>`. */
export interface MappingMemory {
  load(headerKey: string): Promise<unknown>
  save(headerKey: string, mapping: unknown): Promise<PersistResult>
}

export function createMappingMemory(dbName = 'alliance-explorer'): MappingMemory {
  let store: UseStore | null = null
  const db = () => (store ??= createStore(dbName, 'state'))
  return {
    load: async (key) => {
      try {
        return (await get(`mapping:${key}`, db())) ?? null
      } catch {
        return null
      }
    },
    save: async (key, mapping) => {
      try {
        await set(`mapping:${key}`, mapping, db())
        return { ok: true }
      } catch (e) {
        return { ok: false, message: describeStorageError(e) }
      }
    },
  }
}
