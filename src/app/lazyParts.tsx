/**
 * The parts of the explorer that load on first use (README, "Design": why lazy chunks). Each is
 * rendered only once it is wanted: Edit mode's toolbar, history, forms and types editor when Edit
 * is on (or a form is asked for); the sources panels and the reader when opened; the live bar and
 * the outlines of others while connected; "Join a live map" when the address holds a link; the
 * networks list when "Networks" is pressed. Their chunks bring the editing module (Yjs, the
 * document) with them, so the sessions behind them (session/lazy.ts) are real by the time they render.
 */
import { Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { loadEditing, loadLive } from '../session/lazy'
import { useExplorerContext } from './context'
import { useSourcesUi } from './sources/ui'
import './live/live.css'

/**
 * A component whose chunk loads together with the editing module (or the live one). Like
 * React.lazy, it suspends until its module is here; unlike it, once the module is here (a
 * preload, or another component of the same chunk) it renders at once, without a frame of fallback.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each component keeps its own type
function withEditing<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  live: boolean | null = false,
): M[K] & { preload(): Promise<unknown> } {
  let mod: M | null = null
  let loading: Promise<unknown> | null = null
  const preload = () =>
    (loading ??= Promise.all([load(), live === null ? null : live ? loadLive() : loadEditing()]).then(
      ([m]) => {
        mod = m
      },
    ))
  const Part = (props: object) => {
    if (mod === null) throw preload()
    const C = mod[name] as ComponentType<object>
    return <C {...props} />
  }
  return Object.assign(Part, { preload }) as unknown as M[K] & { preload(): Promise<unknown> }
}

const EditToolbar = withEditing(() => import('./edit/EditBar'), 'EditToolbar')
const HistoryPanel = withEditing(() => import('./edit/EditBar'), 'HistoryPanel')
const EditDialogs = withEditing(() => import('./edit/NewDialogs'), 'EditDialogs')
const TypesEditor = withEditing(() => import('./edit/TypesEditor'), 'TypesEditor')
const NetworksDialog = withEditing(() => import('./edit/NetworksDialog'), 'NetworksDialog')
const SourcesPanel = withEditing(() => import('./sources/Panels'), 'SourcesPanel')
const EvidenceCheckPanel = withEditing(() => import('./sources/Panels'), 'EvidenceCheckPanel')
const Reader = withEditing(() => import('./sources/Reader'), 'Reader')
const AddSourceDialog = withEditing(() => import('./sources/AddSource'), 'AddSourceDialog')
const ShareDialog = withEditing(() => import('./live/Live'), 'ShareDialog', true)
const JoinFromLink = withEditing(() => import('./live/Live'), 'JoinFromLink', true)
const LiveBar = withEditing(() => import('./live/Live'), 'LiveBar', true)
const PeerOutlines = withEditing(() => import('./live/Live'), 'PeerOutlines', true)
const LiveHistory = withEditing(() => import('./live/Live'), 'LiveHistory', true)

const Later = ({ children }: { children: ReactNode }) => <Suspense fallback={null}>{children}</Suspense>

export function LazyEditToolbar(props: { historyOpen: boolean; onHistory: () => void }) {
  return (
    <Later>
      <EditToolbar {...props} />
    </Later>
  )
}
export const LazyHistoryPanel = () => (
  <Later>
    <HistoryPanel />
  </Later>
)
export const LazyTypesEditor = () => (
  <Later>
    <TypesEditor />
  </Later>
)
export function LazyNetworksDialog({ onClose }: { onClose: () => void }) {
  return (
    <Later>
      <NetworksDialog onClose={onClose} />
    </Later>
  )
}

/** The edit forms, once one is asked for (Edit mode, the table's "Merge", a double-click). */
export function LazyEditDialogs() {
  const { editing } = useExplorerContext()
  const open = useStore(editing!.state, (s) => s.dialog !== null)
  if (!open) return null
  return (
    <Later>
      <EditDialogs />
    </Later>
  )
}

export function LazySourcesPanels() {
  const panel = useSourcesUi((s) => s.panel)
  const check = useSourcesUi((s) => s.check)
  return (
    <Later>
      {panel ? <SourcesPanel /> : null}
      {check ? <EvidenceCheckPanel /> : null}
    </Later>
  )
}
export function LazyReader() {
  const reading = useSourcesUi((s) => s.reader !== null)
  if (!reading) return null
  return (
    <Later>
      <Reader />
    </Later>
  )
}
export function LazyAddSourceDialog() {
  const open = useSourcesUi((s) => s.add)
  if (!open) return null
  return (
    <Later>
      <AddSourceDialog />
    </Later>
  )
}

/** "Share live…": the button is here from the start, its dialog (and the provider) on first press. */
export function ShareLiveButton() {
  const { live } = useExplorerContext()
  const [open, setOpen] = useState(false)
  if (live === undefined) return null
  return (
    <>
      <button type="button" className="share-live" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share live…
      </button>
      {open ? (
        <Later>
          <ShareDialog live={live} onClose={() => setOpen(false)} />
        </Later>
      ) : null}
    </>
  )
}

function useConnected(): boolean {
  const { live } = useExplorerContext()
  return useStore(live!.state, (s) => s.status !== 'off')
}

/** The live bar and the others' outlines, while this browser is in a room. */
export function LazyLiveBar() {
  const connected = useConnected()
  if (!connected) return null
  return (
    <Later>
      <LiveBar />
    </Later>
  )
}
export function LazyPeerOutlines() {
  const connected = useConnected()
  if (!connected) return null
  return (
    <Later>
      <PeerOutlines />
    </Later>
  )
}
export function LazyLiveHistory() {
  const connected = useConnected()
  if (!connected) return null
  return (
    <Later>
      <LiveHistory />
    </Later>
  )
}

/** "Join a live map", when the address holds something after # (a live link, or a broken one). */
export function LazyJoinFromLink() {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const read = () => setHash(window.location.hash)
    window.addEventListener('hashchange', read)
    return () => window.removeEventListener('hashchange', read)
  }, [])
  if (hash === '' || hash === '#') return null
  return (
    <Later>
      <JoinFromLink />
    </Later>
  )
}

const ActorEditor = withEditing(() => import('./edit/EditDetails'), 'ActorEditor')
const RelationEditor = withEditing(() => import('./edit/EditDetails'), 'RelationEditor')

/** The details' editing fields, in Edit mode. */
export const LazyActorEditor = ({ actorIndex }: { actorIndex: number }) => (
  <Later>
    <ActorEditor actorIndex={actorIndex} />
  </Later>
)
export const LazyRelationEditor = ({ relationIndex }: { relationIndex: number }) => (
  <Later>
    <RelationEditor relationIndex={relationIndex} />
  </Later>
)

/** Edit mode's parts, loaded before Edit mode shows (session/lazy.ts waits for this), so nothing pops in. */
export const preloadEditMode = (): Promise<unknown> =>
  Promise.all(
    [EditToolbar, HistoryPanel, EditDialogs, TypesEditor, ActorEditor, RelationEditor].map((c) =>
      c.preload(),
    ),
  )

/**
 * The path panel: loaded when a path is traced, and ahead of that when an actor is selected (its
 * details offer "Path to…"), so the "Path to" box is there to type in at once.
 */
export const LazyPathPanel = withEditing(() => import('./PathPanel'), 'PathPanel', null)
