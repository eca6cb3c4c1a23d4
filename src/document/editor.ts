/**
 * The editor of one network document: applies operations as named undo steps, undoes and redoes
 * them, and saves and restores its history so undo still works after a reload.
 *
 * Undo is Yjs's UndoManager, tracking only this editor's origin: changes arriving from another tab
 * or a peer are never undone here. Its stack items are sets of struct ids (what a step inserted
 * and deleted), which stay valid across a reload because the document keeps every struct
 * (`gc: false`); they are saved as Yjs delete sets. One thing Yjs keeps only in memory is which
 * struct an undo re-created another one as (`Item.redone`); the editor records those links as
 * they are made and puts them back on restore, so an undo of an older step still finds the copy.
 */
import * as Y from 'yjs'
import { applyOp, type Op, type OpResult } from './ops'
import type { NetworkDoc } from './network'

export interface Step {
  readonly label: string
  readonly time: number
}

/** The history as saved in the browser (structured-cloneable). */
export interface SavedHistory {
  readonly version: 1
  readonly undo: readonly SavedStep[]
  readonly redo: readonly SavedStep[]
  /** Redone links, four numbers each: client, clock → client, clock. */
  readonly redone: readonly number[]
}
interface SavedStep extends Step {
  readonly insertions: Uint8Array
  readonly deletions: Uint8Array
}

/** At least this many steps survive a reload. */
export const HISTORY_LIMIT = 500

export interface Editor {
  readonly net: NetworkDoc
  /** The origin of this editor's transactions (the UndoManager tracks only it). */
  readonly origin: object
  apply(op: Op): OpResult
  undo(): Step | null
  redo(): Step | null
  /** Steps done (oldest first) and undone (the next redo first). */
  steps(): { readonly done: readonly Step[]; readonly undone: readonly Step[] }
  /** Undoes or redoes until `count` steps are done. */
  goTo(count: number): void
  /** Called whenever the history changes (a step, an undo, a redo, a restore). */
  onHistory(listener: () => void): () => void
  save(): SavedHistory
  restore(saved: SavedHistory): void
  destroy(): void
}

type StackItem = Y.UndoManager['undoStack'][number]
const LABEL = 'label'
const TIME = 'time'

const stepOf = (item: StackItem): Step => ({
  label: String(item.meta.get(LABEL) ?? 'change'),
  time: Number(item.meta.get(TIME) ?? 0),
})

export function createEditor(net: NetworkDoc, now: () => number = Date.now): Editor {
  const origin = { editor: true }
  const um = new Y.UndoManager([net.meta, net.types, net.sources, net.actors, net.relations], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
    // After a reload this editor has a new client id, so its own earlier steps look like another
    // client's; without this, undoing a step whose key was written again since would be refused.
    // The cost: undoing a field restores it even if a peer changed that field since (last writer wins).
    ignoreRemoteMapChanges: true,
  })
  let pending: Step | null = null
  const redone: number[] = []
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const l of [...listeners]) l()
  }

  um.on('stack-item-added', (e: { stackItem: StackItem; type: 'undo' | 'redo' }) => {
    const step = pending ?? { label: 'change', time: now() }
    e.stackItem.meta.set(LABEL, step.label)
    e.stackItem.meta.set(TIME, step.time)
    if (e.type === 'undo' && um.undoStack.length > HISTORY_LIMIT + 50)
      um.undoStack.splice(0, um.undoStack.length - HISTORY_LIMIT)
  })
  um.on('stack-item-popped', (e: { stackItem: StackItem }) => {
    // Record which structs this undo or redo re-created, and as what (see the note on top).
    net.doc.transact((tr) => {
      Y.iterateDeletedStructs(tr, e.stackItem.deletions, (s) => {
        if (s instanceof Y.Item && s.redone !== null)
          redone.push(s.id.client, s.id.clock, s.redone.client, s.redone.clock)
      })
    }, 'history')
  })

  const pop = (which: 'undo' | 'redo'): Step | null => {
    const stack = which === 'undo' ? um.undoStack : um.redoStack
    const top = stack.at(-1)
    if (top === undefined) return null
    // The step keeps its name on the other stack.
    pending = stepOf(top)
    try {
      if (which === 'undo') um.undo()
      else um.redo()
    } finally {
      pending = null
    }
    changed()
    return stepOf(top)
  }

  const encodeSet = (ds: StackItem['insertions']) => Y.encodeSnapshot(Y.createSnapshot(ds, new Map()))
  const decodeSet = (bytes: Uint8Array) => Y.decodeSnapshot(bytes).ds
  const saveStep = (item: StackItem): SavedStep => ({
    ...stepOf(item),
    insertions: encodeSet(item.insertions),
    deletions: encodeSet(item.deletions),
  })
  const loadStep = (s: SavedStep): StackItem => {
    const meta = new Map<string, unknown>([
      [LABEL, s.label],
      [TIME, s.time],
    ])
    return { insertions: decodeSet(s.insertions), deletions: decodeSet(s.deletions), meta } as StackItem
  }

  return {
    net,
    origin,
    apply(op) {
      const result: OpResult = applyOp(net, op, (f) => {
        pending = { label: '', time: now() }
        try {
          net.doc.transact(f, origin)
        } finally {
          pending = null
        }
      })
      if (result.ok) {
        // The label is known once the op has run; it names the step just added.
        const top = um.undoStack.at(-1)
        if (top === undefined || top.meta.get(LABEL) !== '') return { ...result, unchanged: true }
        top.meta.set(LABEL, result.label)
        changed()
      }
      return result
    },
    undo: () => pop('undo'),
    redo: () => pop('redo'),
    steps: () => ({ done: um.undoStack.map(stepOf), undone: [...um.redoStack].reverse().map(stepOf) }),
    goTo(count) {
      while (um.undoStack.length > count && um.undoStack.length > 0) if (pop('undo') === null) break
      while (um.undoStack.length < count && um.redoStack.length > 0) if (pop('redo') === null) break
    },
    onHistory(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    save: () => ({
      version: 1,
      undo: um.undoStack.slice(-HISTORY_LIMIT).map(saveStep),
      redo: um.redoStack.slice(-HISTORY_LIMIT).map(saveStep),
      redone: [...redone],
    }),
    restore(saved) {
      um.clear()
      redone.length = 0
      net.doc.transact((tr) => {
        for (let i = 0; i + 3 < saved.redone.length; i += 4) {
          const [c, k, rc, rk] = saved.redone.slice(i, i + 4) as [number, number, number, number]
          const sv = Y.getState(net.doc.store, c)
          if (k >= sv) continue
          const item = Y.getItemCleanStart(tr, Y.createID(c, k))
          if (item instanceof Y.Item) item.redone = Y.createID(rc, rk)
          redone.push(c, k, rc, rk)
        }
      }, 'history')
      for (const s of saved.undo) um.undoStack.push(loadStep(s))
      for (const s of saved.redo) um.redoStack.push(loadStep(s))
      changed()
    },
    destroy() {
      um.destroy()
      listeners.clear()
    },
  }
}
