/**
 * The user's networks, kept in the browser (IndexedDB through idb-keyval, a store of its own):
 *
 *   list                 [{ id, title, updated, actors, relations }]
 *   doc:<id>             the document's state as one Yjs update (written when a network is made
 *                        or compacted)
 *   upd:<id>:<tab>:<n>   each change since, appended by the tab that made it: appending never
 *                        overwrites, so two tabs cannot write over each other, and a write that
 *                        fails (a full quota) damages nothing saved before it
 *   history:<id>         the undo history (document/editor.ts), for undo after a reload
 *   deleted:<id>         …and a deleted network's record, for "Undo delete" in this session
 *
 * Saving is y-indexeddb's idea (updates appended, merged on load) written out here because the
 * user must be told the outcome of each write ("Saved in this browser", "Not saved: …"), and
 * y-indexeddb does not report failed writes. Changes are written within 300 ms of being made and
 * flushed on pagehide. Tabs on one network exchange their updates over a BroadcastChannel, so a
 * change in one appears in the other at once and both merge (a CRDT: neither overwrites).
 */
import { createStore, delMany, entries, get, getMany, set, setMany, type UseStore } from 'idb-keyval'
import * as Y from 'yjs'
import { createNetworkDoc, INIT_ORIGIN, type NetworkDoc } from '../document/network'
import type { Editor, SavedHistory } from '../document/editor'
import { describeStorageError } from './persist'

export interface NetworkRecord {
  readonly id: string
  readonly title: string
  /** Milliseconds since the epoch of the last change. */
  readonly updated: number
  readonly actors: number
  readonly relations: number
}

export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'unsaved'; readonly message: string }

/** Writes are gathered for at most this long. */
export const SAVE_DELAY_MS = 250
const REMOTE = 'tab'

export interface NetworkStore {
  list(): Promise<NetworkRecord[]>
  /** Stores a new network (its whole state) and lists it. */
  create(net: NetworkDoc, title: string, id?: string): Promise<string>
  /** The network's document and its saved history, or null when it is not kept. */
  load(id: string): Promise<{ net: NetworkDoc; history: SavedHistory | null } | null>
  /** Saves changes (and the history) as they happen, and syncs them with other tabs. */
  attach(id: string, net: NetworkDoc, editor: Editor, status: (s: SaveState) => void): () => void
  duplicate(id: string, title: string): Promise<string>
  remove(id: string): Promise<void>
  /** Brings back a network removed in this session. */
  restore(id: string): Promise<void>
  rename(id: string, title: string): Promise<void>
}

const newId = () =>
  `n${Date.now().toString(36)}${Math.floor(Math.random() * 0x100000000)
    .toString(36)
    .padStart(7, '0')}`

export function createNetworkStore(dbName = 'alliance-explorer-networks'): NetworkStore {
  let store: UseStore | null = null
  const db = () => (store ??= createStore(dbName, 'kv'))
  const removed = new Map<string, { record: NetworkRecord; values: [IDBValidKey, unknown][] }>()

  const list = async (): Promise<NetworkRecord[]> =>
    ((await get('list', db())) as NetworkRecord[] | undefined) ?? []
  const putRecord = async (rec: NetworkRecord) => {
    const all = await list()
    const i = all.findIndex((r) => r.id === rec.id)
    const next = i < 0 ? [...all, rec] : all.map((r) => (r.id === rec.id ? rec : r))
    await set('list', next, db())
  }
  const recordOf = (id: string, net: NetworkDoc, title?: string): NetworkRecord => ({
    id,
    title: title ?? String(net.meta.get('title') ?? 'Untitled network'),
    updated: Date.now(),
    actors: net.actors.size,
    relations: net.relations.size,
  })
  const keysOf = async (id: string) =>
    (await entries(db())).filter(
      ([k]) =>
        typeof k === 'string' && (k === `doc:${id}` || k.startsWith(`upd:${id}:`) || k === `history:${id}`),
    )

  const api: NetworkStore = {
    list,
    async create(net, title, id = newId()) {
      await setMany(
        [
          [`doc:${id}`, Y.encodeStateAsUpdate(net.doc)],
          ['list', [...(await list()).filter((r) => r.id !== id), recordOf(id, net, title)]],
        ],
        db(),
      )
      return id
    },
    async load(id) {
      const [base, history] = await getMany([`doc:${id}`, `history:${id}`], db())
      if (!(base instanceof Uint8Array)) return null
      const net = createNetworkDoc()
      Y.applyUpdate(net.doc, base, INIT_ORIGIN)
      const upd = (await entries(db())).filter(([k]) => typeof k === 'string' && k.startsWith(`upd:${id}:`))
      for (const [, u] of upd) if (u instanceof Uint8Array) Y.applyUpdate(net.doc, u, INIT_ORIGIN)
      if (upd.length > 20) {
        // Compact: one state instead of many small updates (the removed keys are in it).
        try {
          await set(`doc:${id}`, Y.encodeStateAsUpdate(net.doc), db())
          await delMany(
            upd.map(([k]) => k),
            db(),
          )
        } catch {
          // Compaction is an optimisation; the updates stay and are read again next time.
        }
      }
      return { net, history: isHistory(history) ? history : null }
    },
    attach(id, net, editor, status) {
      const tab = Math.floor(Math.random() * 0x7fffffff).toString(36)
      let seq = 0
      let pending: Uint8Array[] = []
      let historyDirty = false
      let timer: ReturnType<typeof setTimeout> | undefined
      let writing: Promise<void> | null = null
      let closed = false
      const channel =
        typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`ae-network:${id}`)

      const flush = async (): Promise<void> => {
        clearTimeout(timer)
        timer = undefined
        if (writing !== null) {
          await writing
          if (pending.length === 0 && !historyDirty) return
        }
        if (pending.length === 0 && !historyDirty) return
        const batch = pending
        const writeHistory = historyDirty
        pending = []
        historyDirty = false
        const values: [IDBValidKey, unknown][] = []
        if (batch.length > 0) values.push([`upd:${id}:${tab}:${seq++}`, Y.mergeUpdates(batch)])
        if (writeHistory) values.push([`history:${id}`, editor.save()])
        writing = (async () => {
          try {
            await setMany(values, db())
            await putRecord(recordOf(id, net))
            if (pending.length === 0) status({ kind: 'saved' })
          } catch (e) {
            // Keep what was not written, to try again with the next change (or "Export now").
            pending = [...batch, ...pending]
            historyDirty ||= writeHistory
            status({ kind: 'unsaved', message: describeStorageError(e) })
          } finally {
            writing = null
          }
        })()
        await writing
      }
      const schedule = () => {
        status({ kind: 'saving' })
        if (timer === undefined) timer = setTimeout(() => void flush(), SAVE_DELAY_MS)
      }
      const onUpdate = (update: Uint8Array, origin: unknown) => {
        if (closed || origin === REMOTE || origin === INIT_ORIGIN) return
        pending.push(update)
        channel?.postMessage({ kind: 'update', update })
        schedule()
      }
      const onHistory = () => {
        historyDirty = true
        schedule()
      }
      net.doc.on('update', onUpdate)
      const offHistory = editor.onHistory(onHistory)
      if (channel !== null) {
        channel.onmessage = (e: MessageEvent) => {
          const m = e.data as { kind: string; update?: Uint8Array; sv?: Uint8Array }
          if (m.kind === 'update' && m.update instanceof Uint8Array) Y.applyUpdate(net.doc, m.update, REMOTE)
          else if (m.kind === 'hello' && m.sv instanceof Uint8Array) {
            // A tab that just opened this network: send what it lacks, and ask for what we lack.
            channel.postMessage({ kind: 'update', update: Y.encodeStateAsUpdate(net.doc, m.sv) })
            channel.postMessage({ kind: 'reply', sv: Y.encodeStateVector(net.doc) })
          } else if (m.kind === 'reply' && m.sv instanceof Uint8Array)
            channel.postMessage({ kind: 'update', update: Y.encodeStateAsUpdate(net.doc, m.sv) })
        }
        channel.postMessage({ kind: 'hello', sv: Y.encodeStateVector(net.doc) })
      }
      const onHide = () => void flush()
      window.addEventListener('pagehide', onHide)
      status({ kind: 'saved' })
      // The steps made before the network was the user's own (the first edit makes it so) are
      // history to keep too.
      const { done, undone } = editor.steps()
      if (done.length > 0 || undone.length > 0) onHistory()
      return () => {
        void flush()
        closed = true
        net.doc.off('update', onUpdate)
        offHistory()
        window.removeEventListener('pagehide', onHide)
        channel?.close()
      }
    },
    async duplicate(id, title) {
      const loaded = await api.load(id)
      if (loaded === null) throw new Error('that network is no longer kept in this browser')
      loaded.net.doc.transact(() => loaded.net.meta.set('title', title), INIT_ORIGIN)
      return api.create(loaded.net, title)
    },
    async remove(id) {
      const all = await list()
      const record = all.find((r) => r.id === id)
      if (record === undefined) return
      const kept = await keysOf(id)
      removed.set(id, { record, values: kept })
      await set(
        'list',
        all.filter((r) => r.id !== id),
        db(),
      )
      await delMany(
        kept.map(([k]) => k),
        db(),
      )
    },
    async restore(id) {
      const r = removed.get(id)
      if (r === undefined) return
      await setMany(r.values, db())
      await putRecord(r.record)
      removed.delete(id)
    },
    async rename(id, title) {
      const rec = (await list()).find((r) => r.id === id)
      if (rec !== undefined) await putRecord({ ...rec, title })
    },
  }
  return api
}

function isHistory(v: unknown): v is SavedHistory {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as SavedHistory).version === 1 &&
    Array.isArray((v as SavedHistory).undo) &&
    Array.isArray((v as SavedHistory).redo)
  )
}

export { loadLastNetwork, saveLastNetwork } from './lastNetwork'
