/**
 * "Networks": every network the user has worked on in this browser, with its title, last change
 * and size. Each opens (with its undo history), duplicates or is deleted (asked first, and undone
 * for the session with "Undo delete"); "New network" starts an empty one under a title asked for.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import { useStore } from 'zustand'
import { createEditor } from '../../document/editor'
import { createNetworkDoc } from '../../document/network'
import { readGraph } from '../../document/network'
import type { NetworkRecord, NetworkStore } from '../../io/networks'
import { saveLastNetwork } from '../../io/networks'
import { describeStorageError } from '../../io/persist'
import type { Editing } from '../../session/editing'
import { makeDataset, type Session } from '../../session/session'
import { networkKey } from '../queries'
import { useExplorerContext } from '../context'
import { Modal } from './NewDialogs'

/** Puts a network from the list on screen, with its history, and opens it again after a reload. */
export async function openSavedNetwork(
  id: string,
  deps: { networks: NetworkStore; session: Session; editing: Editing },
): Promise<void> {
  const loaded = await deps.networks.load(id)
  if (loaded === null) throw new Error('this network is no longer kept in this browser')
  const { graph } = readGraph(loaded.net)
  await deps.session.backTo({ ...makeDataset(graph, [], graph.title, 'network'), key: networkKey(id) })
  const editor = createEditor(loaded.net)
  if (loaded.history !== null) editor.restore(loaded.history)
  deps.editing.openNetwork(id, loaded.net, editor)
  await saveLastNetwork(id)
}

const when = (t: number) =>
  new Date(t).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
const count = (n: number, one: string) => `${n.toLocaleString('en')} ${n === 1 ? one : `${one}s`}`

export function NetworksDialog({ onClose }: { onClose: () => void }) {
  const { networks, session, editing } = useExplorerContext()
  const current = useStore(editing!.state, (s) => s.networkId)
  const id = useId()
  const [list, setList] = useState<NetworkRecord[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [asking, setAsking] = useState<string | null>(null)
  const [deleted, setDeleted] = useState<NetworkRecord | null>(null)
  const [naming, setNaming] = useState(false)
  const [title, setTitle] = useState('')
  const refresh = useCallback(() => {
    networks!.list().then(
      (l) => setList([...l].sort((a, b) => b.updated - a.updated)),
      (e: unknown) => setError(`The list could not be read: ${describeStorageError(e)}`),
    )
  }, [networks])
  useEffect(refresh, [refresh])
  const deps = { networks: networks!, session: session!, editing: editing! }
  const act = (f: () => Promise<unknown>) => {
    setError(null)
    f().then(refresh, (e: unknown) => setError(e instanceof Error ? e.message : describeStorageError(e)))
  }
  const create = () => {
    const t = title.trim()
    if (t === '') {
      setError('Give the new network a title.')
      return
    }
    act(async () => {
      const net = createNetworkDoc()
      net.meta.set('title', t)
      const nid = await networks!.create(net, t)
      await openSavedNetwork(nid, deps)
      onClose()
    })
  }
  return (
    <Modal title="Networks" onClose={onClose} className="networks-dialog">
      <p className="muted">
        The networks you have edited in this browser. Opening a file or another network never discards edits:
        they stay here.
      </p>
      {list === null ? (
        <p role="status">Reading the list…</p>
      ) : list.length === 0 ? (
        <p>No network yet: your first edit makes the one on screen your own and lists it here.</p>
      ) : (
        <ul className="network-list" aria-label="Networks in this browser">
          {list.map((n) => (
            <li key={n.id} aria-current={n.id === current ? 'true' : undefined}>
              <div className="network-title">
                <strong>{n.title}</strong>
                {n.id === current ? <span className="muted"> (on screen)</span> : null}
                <br />
                <span className="muted">
                  {count(n.actors, 'actor')} · {count(n.relations, 'relation')} · changed {when(n.updated)}
                </span>
              </div>
              <div className="network-actions">
                {asking === n.id ? (
                  <>
                    <button
                      type="button"
                      className="danger"
                      onClick={() =>
                        act(async () => {
                          setAsking(null)
                          await networks!.remove(n.id)
                          setDeleted(n)
                        })
                      }
                    >
                      Delete {n.title}
                    </button>
                    <button type="button" onClick={() => setAsking(null)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      disabled={n.id === current}
                      aria-label={`Open ${n.title}`}
                      onClick={() =>
                        act(async () => {
                          await openSavedNetwork(n.id, deps)
                          onClose()
                        })
                      }
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      aria-label={`Duplicate ${n.title}`}
                      onClick={() => act(() => networks!.duplicate(n.id, `${n.title} (copy)`))}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Delete ${n.title}`}
                      disabled={n.id === current}
                      title={n.id === current ? 'Open another network before deleting this one' : undefined}
                      onClick={() => setAsking(n.id)}
                    >
                      Delete
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleted !== null ? (
        <p role="status">
          Deleted {deleted.title}.{' '}
          <button
            type="button"
            onClick={() =>
              act(async () => {
                await networks!.restore(deleted.id)
                setDeleted(null)
              })
            }
          >
            Undo delete
          </button>
        </p>
      ) : null}
      {naming ? (
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={title}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') create()
            }}
          />
        </div>
      ) : null}
      {error !== null ? <p role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" onClick={() => (naming ? create() : setNaming(true))}>
          {naming ? 'Create' : 'New network'}
        </button>
      </div>
    </Modal>
  )
}
