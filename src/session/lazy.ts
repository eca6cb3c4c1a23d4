/**
 * The editing session, the live session and the networks kept in the browser, loaded on first
 * use. Yjs, lib0 and the Hocuspocus provider are a third of the app's JavaScript, and the first
 * view (exploring the bundled dataset) needs none of them. So the app holds stand-ins with the
 * same interfaces (Editing, Live, NetworkStore) and the same stores from the start; the real
 * sessions are made when their module has arrived: on "Edit", "Share live…", joining a link,
 * "Networks", the table, the sources UI, or at boot when the browser keeps a network to reopen.
 *
 * Until then the stand-ins answer as a session with no document does (no network, nothing to
 * undo, the graph on screen). Anything that needs the document itself waits for `ready()`: the
 * lazy components (app/lazyParts.tsx) load the module before they render.
 */
import type { Editing, NetworkBackend } from './editing'
import { createEditStore } from './editState'
import type { Live } from './live'
import { createLiveStore } from './liveState'
import type { NetworkStore } from '../io/networks'
import type { Graph } from '../model/types'
import type { ExplorerStore } from '../state/store'

type EditingModule = typeof import('./editingModule')
type LiveModule = typeof import('./live')

let editingModule: EditingModule | null = null
let editingLoad: Promise<EditingModule> | null = null
let liveModule: LiveModule | null = null
let liveLoad: Promise<LiveModule> | null = null

/** Loads Yjs and the document code (once); resolves with the module. */
export function loadEditing(): Promise<EditingModule> {
  editingLoad ??= import('./editingModule').then((m) => (editingModule = m))
  return editingLoad
}
/** The editing module if it has arrived, else null. */
export const editingLoaded = (): EditingModule | null => editingModule

/** Loads the live session (the Hocuspocus provider) and the editing module. */
export function loadLive(): Promise<LiveModule> {
  liveLoad ??= Promise.all([import('./live'), loadEditing()]).then(([m]) => (liveModule = m))
  return liveLoad
}

const notLoaded = (what: string) =>
  new Error(`${what}: the editing module has not loaded yet (await ready() first)`)

export interface LazyNetworks extends NetworkStore {
  ready(): Promise<NetworkStore>
}

/** The networks kept in this browser (io/networks.ts), made when the editing module arrives. */
export function createLazyNetworks(): LazyNetworks {
  let real: NetworkStore | null = null
  const now = (): NetworkStore | null => {
    const m = editingLoaded()
    if (real === null && m !== null) real = m.createNetworkStore()
    return real
  }
  const ready = async () => {
    await loadEditing()
    return now()!
  }
  return {
    ready,
    list: async () => (await ready()).list(),
    create: async (net, title, id) => (await ready()).create(net, title, id),
    load: async (id) => (await ready()).load(id),
    attach(id, net, editor, status) {
      const r = now()
      if (r === null) throw notLoaded('networks.attach')
      return r.attach(id, net, editor, status)
    },
    duplicate: async (id, title) => (await ready()).duplicate(id, title),
    remove: async (id) => (await ready()).remove(id),
    restore: async (id) => (await ready()).restore(id),
    rename: async (id, title) => (await ready()).rename(id, title),
  }
}

export interface LazyEditing extends Editing {
  /** Resolves once the real editing session exists. */
  ready(): Promise<Editing>
}

export function createLazyEditing(opts: {
  current: () => Graph | null
  show: (graph: Graph) => void
  backend?: NetworkBackend
  explorer?: ExplorerStore
  /** What else Edit mode needs before it shows (its toolbar and forms, app/lazyParts.tsx). */
  preload?: () => Promise<unknown>
}): LazyEditing {
  const state = createEditStore()
  let real: Editing | null = null
  let destroyed = false
  const now = (): Editing | null => {
    const m = editingLoaded()
    if (real === null && m !== null && !destroyed) {
      const { preload: _, ...rest } = opts
      real = m.createEditing({ ...rest, state })
    }
    return real
  }
  const need = (what: string): Editing => {
    const r = now()
    if (r === null) throw notLoaded(`editing.${what}`)
    return r
  }
  const ready = async () => {
    await loadEditing()
    return need('ready')
  }
  // The last call of setEditing wins, even when an earlier one waits for the module.
  let wanted: boolean | null = null
  let preloaded = opts.preload === undefined
  return {
    state,
    ready,
    setEditing(on) {
      const r = preloaded ? now() : null
      if (r !== null || !on) {
        wanted = null
        if (r !== null) r.setEditing(on)
        else {
          state.setState({ editing: false, dialog: null })
          const x = opts.explorer
          if (x !== undefined && x.getState().filter.showIsolated === true)
            x.setState({ filter: { ...x.getState().filter, showIsolated: false } })
        }
        return
      }
      wanted = true
      void Promise.all([ready(), opts.preload?.()]).then(([e]) => {
        preloaded = true
        if (wanted === true) e.setEditing(true)
        wanted = null
      })
    },
    apply: (op) => need('apply').apply(op),
    undo: () => now()?.undo() ?? null,
    redo: () => now()?.redo() ?? null,
    goTo: (count) => now()?.goTo(count),
    share: () => need('share').share(),
    net: () => now()?.net() ?? null,
    editor: () => now()?.editor() ?? null,
    graph: () => now()?.graph() ?? opts.current()!,
    setPlaceAt: (placeAt) => state.setState({ placeAt }),
    openDialog: (dialog) => state.setState({ dialog }),
    placeActor: (id, at) => need('placeActor').placeActor(id, at),
    takePlacements: () => now()?.takePlacements(),
    dismissNotice: () => state.setState({ notice: null }),
    openNetwork: (id, net, editor) => need('openNetwork').openNetwork(id, net, editor),
    reset: () => real?.reset(),
    destroy() {
      destroyed = true
      real?.destroy()
    },
  }
}

export interface LazyLive extends Live {
  ready(): Promise<Live>
}

export function createLazyLive(opts: {
  editing: LazyEditing
  explorer: ExplorerStore
  networks?: NetworkStore
  base: () => string
}): LazyLive {
  const state = createLiveStore()
  let real: Live | null = null
  let destroyed = false
  const now = (): Live | null => {
    if (real === null && liveModule !== null && editingLoaded() !== null && !destroyed)
      real = liveModule.createLive({ ...opts, state })
    return real
  }
  const ready = async () => {
    await loadLive()
    return now()!
  }
  return {
    state,
    ready,
    start(server, name) {
      void ready().then((l) => l.start(server, name))
    },
    join: async (link, name) => (await ready()).join(link, name),
    renewLinks: () => now()?.renewLinks(),
    linkOf: (role) => now()?.linkOf(role) ?? null,
    stop: () => real?.stop(),
    destroy() {
      destroyed = true
      real?.destroy()
    },
  }
}
