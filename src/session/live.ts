/**
 * Working together, live: the network on screen shared through a collab server (server/), or a
 * room joined from a link. Plain TypeScript on a vanilla zustand store, like editing.ts.
 *
 * The room's document is the editing session's own NetworkDoc: the provider syncs it with the
 * server, the browser keeps saving it (io/networks.ts), so edits made while the server is away
 * stay in IndexedDB and merge when the connection returns. Undo stays the editor's: its
 * UndoManager tracks only the editor's origin, so a peer's changes (origin: the provider) are
 * never undone here. Each step is also written to the room's log (collab/log.ts) with its
 * author's name, so the History can say who made each change.
 */
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider'
import type { StoreApi } from 'zustand/vanilla'
import {
  CLOSE,
  CREATE_TOKEN,
  formatLink,
  randomToken,
  ROOM_BYTES,
  serverAddressProblem,
  type LiveLink,
  type Role,
  type ServerMessage,
} from '../collab/protocol'
import { logOf, readLog, type LogEntry } from '../collab/log'
import { createNetworkDoc, type NetworkDoc } from '../document/network'
import { createEditor } from '../document/editor'
import type { Editing } from './editing'
import type { ExplorerStore } from '../state/store'
import { createLiveStore, rememberName } from './liveState'

export type LiveStatus = 'off' | 'connecting' | 'live' | 'offline' | 'refused'

export interface Person {
  readonly clientId: number
  readonly name: string
  readonly color: string
  /** The actor this person has selected, or null. */
  readonly selected: string | null
  readonly self: boolean
}

export interface LiveState {
  readonly status: LiveStatus
  readonly role: Role | null
  readonly server: string | null
  readonly room: string | null
  /** The links this browser knows (both for the room's maker and after "New links"). */
  readonly links: { readonly editor: string | null; readonly viewer: string | null }
  readonly people: readonly Person[]
  readonly log: readonly LogEntry[]
  /** Why the server refused, or why joining failed, as a sentence. */
  readonly error: string | null
  readonly name: string
}

export type LiveStore = StoreApi<LiveState>

export interface Live {
  readonly state: LiveStore
  /** Shares the network on screen: makes a new room on the server and connects to it. */
  start(server: string, name: string): void
  /** Joins a room from a link. */
  join(link: LiveLink, name: string): Promise<void>
  /** Asks the server for new links: the old ones stop working, their holders are disconnected. */
  renewLinks(): void
  /** The shareable address of a link ("editor" or "viewer"), or null when this browser lacks it. */
  linkOf(role: Role): string | null
  stop(): void
  destroy(): void
}

export { DEFAULT_SERVER, rememberedName } from './liveState'
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#e377c2', '#8c564b']

export const colorOf = (clientId: number) => PALETTE[clientId % PALETTE.length]!

/** A peer's awareness state, read defensively: names are text of at most 60 characters. */
export function personOf(clientId: number, state: unknown, self: boolean): Person | null {
  const s = state as { user?: { name?: unknown; color?: unknown }; selected?: unknown } | null
  const name = s?.user?.name
  if (typeof name !== 'string' || name.trim() === '') return null
  const color =
    typeof s?.user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(s.user.color)
      ? s.user.color
      : colorOf(clientId)
  const selected = typeof s?.selected === 'string' && s.selected.length <= 200 ? s.selected : null
  return { clientId, name: name.trim().slice(0, 60), color, selected, self }
}

const refusalText = (reason: string): string =>
  /wrong secret|links renewed/.test(reason)
    ? 'The server refused this link: it is wrong or was replaced by new links. Ask for a new link.'
    : /no such room/.test(reason)
      ? 'The server refused this link: it has no such room.'
      : `The server refused this link: ${reason}.`

export function createLive(opts: {
  editing: Editing
  explorer: ExplorerStore
  /** The networks kept in this browser: a joined room is kept as one (id live-<room>). */
  networks?: {
    load(
      id: string,
    ): Promise<{ net: NetworkDoc; history: import('../document/editor').SavedHistory | null } | null>
    create(net: NetworkDoc, title: string, id?: string): Promise<string>
  }
  /** The page's address, for links. */
  base: () => string
  random?: (a: Uint8Array) => Uint8Array
  WebSocketPolyfill?: unknown
  /** The store to keep the state in (made before this module loaded, session/lazy.ts). */
  state?: LiveStore
}): Live {
  const random = opts.random ?? ((a: Uint8Array) => crypto.getRandomValues(a as Uint8Array<ArrayBuffer>))
  const state = opts.state ?? createLiveStore()
  let provider: HocuspocusProvider | null = null
  let token = ''
  let detach: Array<() => void> = []
  let everLive = false

  const cleanup = () => {
    for (const off of detach) off()
    detach = []
    provider?.destroy()
    provider = null
  }

  const connect = (server: string, room: string, first: string, net: NetworkDoc, name: string) => {
    cleanup()
    token = first
    everLive = false
    state.setState({ server, room, status: 'connecting', error: null, name, people: [] })
    const doc = net.doc
    const p = new HocuspocusProvider({
      url: server,
      name: room,
      document: doc,
      token: () => token,
      ...(opts.WebSocketPolyfill !== undefined ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
      onStatus: ({ status }) => {
        if (state.getState().status === 'refused') return
        if (status === WebSocketStatus.Connected) return
        state.setState({ status: everLive ? 'offline' : 'connecting' })
      },
      onSynced: () => {
        everLive = true
        if (state.getState().status !== 'refused') state.setState({ status: 'live' })
      },
      onAuthenticationFailed: ({ reason }) => {
        state.setState({ status: 'refused', error: refusalText(reason) })
        // Stop retrying with a secret that no longer works.
        queueMicrotask(() => cleanup())
      },
      onClose: ({ event }) => {
        if (event.code === 1009) {
          // The server's message size cap (--max-message-bytes): retrying would only be refused again.
          state.setState({
            status: 'refused',
            error:
              'The server refused a message as too large: this network is bigger than the server accepts.',
          })
          queueMicrotask(() => cleanup())
          return
        }
        if (event.code === CLOSE.rotated.code)
          state.setState({ error: 'New links were made for this room: the link you used no longer works.' })
        if (state.getState().status === 'live') state.setState({ status: 'offline' })
      },
      onStateless: ({ payload }) => {
        let m: ServerMessage
        try {
          m = JSON.parse(payload) as ServerMessage
        } catch {
          return
        }
        if (m.type === 'role') {
          const links = state.getState().links
          state.setState({
            role: m.role,
            // A joiner knows the one link it came with.
            links: token === CREATE_TOKEN || links[m.role] !== null ? links : { ...links, [m.role]: token },
          })
          if (m.role === 'viewer') opts.editing.setEditing(false)
        } else if (m.type === 'links') {
          token = m.editor
          state.setState({ links: { editor: m.editor, viewer: m.viewer }, role: 'editor' })
        } else if (m.type === 'refused') state.setState({ error: m.reason })
      },
    })
    provider = p
    const awareness = p.awareness!
    const me = doc.clientID
    awareness.setLocalStateField('user', { name, color: colorOf(me) })
    const selectedActor = (sel: ReturnType<ExplorerStore['getState']>['selection']) =>
      sel !== null && sel.kind === 'actor' ? sel.id : null
    awareness.setLocalStateField('selected', selectedActor(opts.explorer.getState().selection))
    const people = () => {
      const out: Person[] = []
      for (const [id, s] of awareness.getStates()) {
        const person = personOf(id, s, id === me)
        if (person !== null) out.push(person)
      }
      out.sort(
        (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
      )
      state.setState({ people: out })
    }
    awareness.on('change', people)
    people()
    const offSelection = opts.explorer.subscribe((s, prev) => {
      if (s.selection !== prev.selection) awareness.setLocalStateField('selected', selectedActor(s.selection))
    })
    const log = logOf(doc)
    const readAll = () => state.setState({ log: readLog(doc) })
    log.observe(readAll)
    readAll()
    // Each own step (a change, an undo, a redo) goes to the room's log under this person's name.
    let prev = opts.editing.state.getState()
    const offHistory = opts.editing.state.subscribe((s) => {
      const before = prev
      prev = s
      if (s.done === before.done && s.undone === before.undone) return
      if (opts.editing.net()?.doc !== doc) return
      let label: string | null = null
      if (s.done.length === before.done.length + 1) {
        const top = s.done.at(-1)!
        const wasNext = before.undone[0]
        label =
          wasNext !== undefined && s.undone.length === before.undone.length - 1 && wasNext.time === top.time
            ? `Redo: ${top.label}`
            : top.label
      } else if (s.done.length === before.done.length - 1 && s.undone.length === before.undone.length + 1)
        label = `Undo: ${s.undone[0]!.label}`
      if (label === null || state.getState().role === 'viewer') return
      doc.transact(() => log.push([{ label, who: name, color: colorOf(me), time: Date.now() }]), 'log')
    })
    detach.push(
      () => awareness.off('change', people),
      offSelection,
      () => log.unobserve(readAll),
      offHistory,
    )
  }

  return {
    state,
    start(server, name) {
      const problem = serverAddressProblem(server)
      if (problem !== null) {
        state.setState({ error: problem })
        return
      }
      const n = name.trim()
      if (n === '') {
        state.setState({ error: 'Your name is required: the others see it next to your changes.' })
        return
      }
      rememberName(n)
      const net = opts.editing.share()
      state.setState({ role: 'editor', links: { editor: null, viewer: null } })
      connect(server, randomToken(ROOM_BYTES, random), CREATE_TOKEN, net, n)
    },
    async join(link, name) {
      const n = name.trim()
      if (n === '') {
        state.setState({ error: 'Your name is required: the others see it next to your changes.' })
        return
      }
      rememberName(n)
      const id = `live-${link.room}`
      const kept = await opts.networks?.load(id).catch(() => null)
      const net = kept?.net ?? createNetworkDoc()
      state.setState({ role: null, links: { editor: null, viewer: null } })
      connect(link.server, link.room, link.secret, net, n)
      const open = async () => {
        if (opts.networks !== undefined && kept == null) {
          await opts.networks.create(net, String(net.meta.get('title') ?? 'Shared network'), id)
        }
        const editor = createEditor(net)
        if (kept?.history) editor.restore(kept.history)
        opts.editing.openNetwork(opts.networks !== undefined ? id : null, net, editor)
      }
      if (kept != null) await open()
      else {
        // A new room on this browser: show it once the server has sent it.
        const p = provider
        await new Promise<void>((resolve) => {
          const done = () => {
            p?.off('synced', done)
            resolve()
          }
          p?.on('synced', done)
          const off = state.subscribe((s) => {
            if (s.status === 'refused') {
              off()
              resolve()
            }
          })
        })
        if (state.getState().status !== 'refused' && net.meta.size > 0) await open()
      }
    },
    renewLinks() {
      provider?.sendStateless(JSON.stringify({ type: 'rotate' }))
    },
    linkOf(role) {
      const { server, room, links } = state.getState()
      const secret = links[role]
      if (server === null || room === null || secret === null) return null
      return formatLink(opts.base(), { server, room, secret })
    },
    stop() {
      cleanup()
      state.setState({
        status: 'off',
        role: null,
        room: null,
        people: [],
        error: null,
        links: { editor: null, viewer: null },
      })
    },
    destroy: cleanup,
  }
}
