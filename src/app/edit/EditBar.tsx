/**
 * Edit mode's controls in the top bar: the "Edit" toggle (key E), "New actor", "New relation",
 * "Undo" and "Redo" (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y), "History", and the saving status.
 * Outside Edit only the toggle shows, so exploring never changes data by accident.
 */
import { useStore } from 'zustand'
import type { SaveStatus } from '../../session/editing'
import { useExplorerContext } from '../context'
import { AddFileButton } from './AddFileDialog'
import './edit.css'
export { EditToggle, inField, saveNetworkAs, StorageAlert, useEditShortcuts } from './EditToggle'

export function saveText(s: SaveStatus): string | null {
  switch (s.kind) {
    case 'saved':
      return 'Saved in this browser'
    case 'saving':
      return 'Saving…'
    case 'unsaved':
      return `Not saved: ${s.message}`
    case 'none':
      return null
  }
}

export function EditToolbar({ historyOpen, onHistory }: { historyOpen: boolean; onHistory: () => void }) {
  const { editing } = useExplorerContext()
  const on = useStore(editing!.state, (s) => s.editing)
  const done = useStore(editing!.state, (s) => s.done)
  const undone = useStore(editing!.state, (s) => s.undone)
  const save = useStore(editing!.state, (s) => s.save)
  const status = saveText(save)
  if (!on) return null
  const last = done.at(-1)
  const next = undone[0]
  return (
    <div className="edit-bar" role="toolbar" aria-label="Editing">
      <button type="button" onClick={() => editing!.openDialog({ kind: 'newActor' })}>
        New actor
      </button>
      <button type="button" onClick={() => editing!.openDialog({ kind: 'newRelation' })}>
        New relation
      </button>
      <AddFileButton />
      <span className="edit-sep" aria-hidden="true" />
      <button
        type="button"
        disabled={last === undefined}
        aria-label={last !== undefined ? `Undo: ${last.label}` : 'Undo'}
        title={last !== undefined ? `Undo: ${last.label} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => editing!.undo()}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={next === undefined}
        aria-label={next !== undefined ? `Redo: ${next.label}` : 'Redo'}
        title={next !== undefined ? `Redo: ${next.label} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        onClick={() => editing!.redo()}
      >
        Redo
      </button>
      <button type="button" aria-expanded={historyOpen} aria-controls="history" onClick={onHistory}>
        History
      </button>
      <span className={`save-status save-${save.kind}`} role="status">
        {status ?? 'Your first change makes this network your own copy in this browser.'}
      </span>
    </div>
  )
}

/** The steps, newest last, with the way back to any of them. */
export function HistoryPanel() {
  const { editing } = useExplorerContext()
  const done = useStore(editing!.state, (s) => s.done)
  const undone = useStore(editing!.state, (s) => s.undone)
  const time = (t: number) =>
    new Date(t).toLocaleString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      day: 'numeric',
      month: 'short',
    })
  return (
    <section id="history" className="history" aria-label="History">
      <h2>History</h2>
      {done.length === 0 && undone.length === 0 ? (
        <p className="muted">
          No changes yet. Every change you make is listed here and can be undone, even after a reload.
        </p>
      ) : (
        <ol>
          <li>
            <button
              type="button"
              className="link"
              disabled={done.length === 0}
              onClick={() => editing!.goTo(0)}
            >
              Back to the start
            </button>
          </li>
          {done.map((s, i) => (
            <li key={`d${i}`} aria-current={i === done.length - 1 ? 'step' : undefined}>
              <time dateTime={new Date(s.time).toISOString()}>{time(s.time)}</time> {s.label}{' '}
              {i < done.length - 1 ? (
                <button type="button" className="link small" onClick={() => editing!.goTo(i + 1)}>
                  Go back to here
                </button>
              ) : null}
            </li>
          ))}
          {undone.map((s, i) => (
            <li key={`u${i}`} className="undone">
              <time dateTime={new Date(s.time).toISOString()}>{time(s.time)}</time> {s.label} (undone){' '}
              <button type="button" className="link small" onClick={() => editing!.goTo(done.length + i + 1)}>
                Redo to here
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
