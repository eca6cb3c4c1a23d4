/**
 * Editing the open network: the Edit mode, the document behind the dataset on screen, its editor
 * (operations, undo, history) and the saving status. Plain TypeScript on a vanilla zustand store.
 *
 * The dataset on screen is always what the document derives: each operation, undo, another tab's
 * change or a peer's update re-derives the graph (incrementally, document/derive.ts) and hands it
 * to the dataset session, which the engine reads without restarting the layout.
 *
 * The first edit of a network that is not yet the user's own (the bundled dataset, a file just
 * opened) makes it theirs: a network in the browser's list (io/networks.ts) with its own id. The
 * bundled file itself is never changed.
 */
import type { StoreApi } from 'zustand/vanilla'
import { createDerived, type Derived } from '../document/derive'
import { createEditor, type Editor, type Step } from '../document/editor'
import { createNetworkDoc, fillFromGraph, type NetworkDoc } from '../document/network'
import type { Op, OpResult } from '../document/ops'
import type { Graph } from '../model/types'
import { describeStorageError } from '../io/persist'
import type { ExplorerStore } from '../state/store'
import { createEditStore as createEditStoreNow } from './editState'

export type SaveStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'unsaved'; readonly message: string }
  | { readonly kind: 'none' }

/** The form open in Edit mode, with what it is prefilled with. */
export type EditDialog =
  | {
      readonly kind: 'newActor'
      readonly at?: { readonly x: number; readonly y: number }
      readonly label?: string
    }
  | {
      readonly kind: 'newRelation'
      readonly from?: string
      readonly to?: string
      readonly type?: string
      readonly stance?: import('../model/types').Stance
      readonly start?: number
      readonly approximate?: boolean
      readonly evidence?: import('../model/types').Evidence
    }
  /** Merging actors: several chosen in the table, or one from its details ("Merge into…"). */
  | { readonly kind: 'merge'; readonly ids: readonly string[]; readonly into?: boolean }

export interface EditState {
  readonly dialog: EditDialog | null
  /** A relation just made: its details put the focus on "Add quotation". */
  readonly focusQuote: string | null
  readonly editing: boolean
  /** The id of the user's own network on screen, or null while it is still someone else's file. */
  readonly networkId: string | null
  readonly save: SaveStatus
  readonly done: readonly Step[]
  readonly undone: readonly Step[]
  /** The last operation's sentence worth showing ("Merged USA into United States: …"). */
  readonly notice: string | null
  /** Relations another tab or peer left without an end (kept in the document, not drawn). */
  readonly orphans: number
  /** Where a new actor is to appear (world coordinates): set by a double-click on the canvas. */
  readonly placeAt: { readonly x: number; readonly y: number } | null
}

export type EditStore = StoreApi<EditState>

/** What the editing session asks of the place networks are kept (io/networks.ts, or memory in tests). */
export interface NetworkBackend {
  /** Makes a network the user's own: a new id, the document stored from now on. */
  adopt(net: NetworkDoc, editor: Editor, title: string): Promise<string> | string
  /** Attaches saving (and tab sync) to a network that is already the user's. */
  attach?(id: string, net: NetworkDoc, editor: Editor, status: (s: SaveStatus) => void): () => void
}

export interface Editing {
  readonly state: EditStore
  setEditing(on: boolean): void
  /** Applies an operation (making the network the user's own first, if it is not yet). */
  apply(op: Op): OpResult
  undo(): Step | null
  redo(): Step | null
  goTo(count: number): void
  /** The document on screen, made now if need be and made the user's own (for sharing it live). */
  share(): NetworkDoc
  /** The document on screen (created on the first edit). */
  net(): NetworkDoc | null
  editor(): Editor | null
  /** The network on screen now, as a format v1 graph. */
  graph(): Graph
  setPlaceAt(p: { x: number; y: number } | null): void
  openDialog(d: EditDialog | null): void
  /** Where a new actor is to appear on the map (world coordinates), for the engine to take. */
  placeActor(id: string, at: { x: number; y: number }): void
  takePlacements(): ReadonlyMap<string, { x: number; y: number }> | undefined
  dismissNotice(): void
  /** Puts a document on screen (a network from the list, a restored one after a reload). */
  openNetwork(id: string | null, net: NetworkDoc, editor?: Editor): void
  /** Another dataset was opened: the next edit starts from it. */
  reset(): void
  destroy(): void
}

export { createEditStore } from './editState'

export function createEditing(opts: {
  /** The graph on screen before any edit (the dataset session's). */
  current: () => Graph | null
  /** Hands the derived graph to the dataset session. */
  show: (graph: Graph) => void
  backend?: NetworkBackend
  /** The explorer's store: Edit mode shows actors that have no tie yet. */
  explorer?: ExplorerStore
  /** The store to keep the state in (made before this module loaded, session/lazy.ts). */
  state?: EditStore
}): Editing {
  const state = opts.state ?? createEditStoreNow()
  let net: NetworkDoc | null = null
  let editor: Editor | null = null
  let derived: Derived | null = null
  let detach: Array<() => void> = []
  let adopting: Promise<void> | null = null
  let placements = new Map<string, { x: number; y: number }>()

  const syncHistory = () => {
    if (editor === null) return
    const { done, undone } = editor.steps()
    state.setState({ done, undone })
  }

  const setDoc = (id: string | null, n: NetworkDoc, e?: Editor, from?: Graph) => {
    for (const off of detach) off()
    detach = []
    derived?.destroy()
    if (editor !== null && editor !== e) editor.destroy()
    net = n
    editor = e ?? createEditor(n)
    derived = createDerived(n, from)
    const d = derived
    detach.push(
      d.onChange(() => {
        state.setState({ orphans: d.orphans().length })
        opts.show(d.graph())
      }),
      editor.onHistory(syncHistory),
    )
    state.setState({ networkId: id, orphans: d.orphans().length })
    syncHistory()
    if (id !== null && opts.backend?.attach)
      detach.push(opts.backend.attach(id, n, editor, (save) => state.setState({ save })))
  }

  const ensure = (): Editor => {
    if (editor !== null) return editor
    const g = opts.current()
    const n = createNetworkDoc()
    if (g !== null) fillFromGraph(n, g)
    setDoc(null, n, undefined, g ?? undefined)
    return editor!
  }

  const adopt = () => {
    if (state.getState().networkId !== null || adopting !== null || opts.backend === undefined) return
    const n = net!
    const e = editor!
    const backend = opts.backend
    state.setState({ save: { kind: 'saving' } })
    adopting = Promise.resolve(backend.adopt(n, e, String(n.meta.get('title') ?? 'Untitled network'))).then(
      (id) => {
        adopting = null
        if (net !== n) return
        state.setState({ networkId: id })
        if (backend.attach) detach.push(backend.attach(id, n, e, (save) => state.setState({ save })))
      },
      (err: unknown) => {
        adopting = null
        state.setState({
          save: { kind: 'unsaved', message: describeStorageError(err) },
        })
      },
    )
  }

  return {
    state,
    setEditing(on) {
      // The document is made when Edit mode starts (a moment at 80,000 relations), not on the first change.
      if (on) ensure()
      state.setState(on ? { editing: true } : { editing: false, dialog: null })
      const x = opts.explorer
      if (x !== undefined && (x.getState().filter.showIsolated === true) !== on)
        x.setState({ filter: { ...x.getState().filter, showIsolated: on } })
    },
    openDialog: (dialog) => state.setState({ dialog }),
    apply(op) {
      const e = ensure()
      const result = e.apply(op)
      if (result.ok) {
        adopt()
        state.setState({ notice: result.summary ?? null })
      }
      return result
    },
    share() {
      ensure()
      adopt()
      return net!
    },
    undo: () => editor?.undo() ?? null,
    redo: () => editor?.redo() ?? null,
    goTo: (count) => editor?.goTo(count),
    net: () => net,
    editor: () => editor,
    graph: () => derived?.graph() ?? opts.current()!,
    setPlaceAt: (placeAt) => state.setState({ placeAt }),
    placeActor: (id, at) => void placements.set(id, at),
    takePlacements() {
      if (placements.size === 0) return undefined
      const out = placements
      placements = new Map()
      return out
    },
    dismissNotice: () => state.setState({ notice: null }),
    openNetwork(id, n, e) {
      setDoc(id, n, e)
      opts.show(derived!.graph())
    },
    reset() {
      for (const off of detach) off()
      detach = []
      derived?.destroy()
      editor?.destroy()
      net = null
      editor = null
      derived = null
      state.setState({
        networkId: null,
        save: { kind: 'none' },
        done: [],
        undone: [],
        notice: null,
        orphans: 0,
      })
    },
    destroy() {
      for (const off of detach) off()
      derived?.destroy()
      editor?.destroy()
    },
  }
}
