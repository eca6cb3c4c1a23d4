/**
 * What the first view shows of editing: the "Edit" toggle (key E) with Edit mode's shortcuts, and
 * the alert when the browser refused to save. Apart from EditBar.tsx, whose toolbar and history
 * load with Edit mode (app/lazyParts.tsx).
 */
import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { Editing } from '../../session/editing'
import { useExplorerContext } from '../context'
import { download } from '../download'
import { slug } from '../../io/export/fileName'
import './edit.css'

/** True when a key press belongs to a text field (or a select), not to the app's shortcuts. */
export const inField = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))

/** Downloads the whole network as format v1 (whatever the filters show). */
export function saveNetworkAs(editing: Editing) {
  const g = editing.graph()
  download(
    new Blob([`${JSON.stringify(g, null, 2)}\n`], { type: 'application/json' }),
    `${slug(g.title)}.json`,
  )
}

export function useEditShortcuts(editing: Editing | undefined, onHistory: () => void) {
  useEffect(() => {
    if (editing === undefined) return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (!mod && !e.altKey && key === 'e' && !inField(e.target)) {
        e.preventDefault()
        editing.setEditing(!editing.state.getState().editing)
        return
      }
      if (!editing.state.getState().editing || !mod || inField(e.target)) return
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault()
        editing.undo()
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey)) {
        e.preventDefault()
        editing.redo()
      } else if (key === 'h' && e.shiftKey) {
        e.preventDefault()
        onHistory()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [editing, onHistory])
}

/** The "Edit" toggle, in the top bar (key E); Edit mode's tools sit above the map (EditToolbar). */
export function EditToggle({ onHistory }: { onHistory: () => void }) {
  const { editing } = useExplorerContext()
  useEditShortcuts(editing, onHistory)
  const on = useStore(editing!.state, (s) => s.editing)
  return (
    <button
      type="button"
      className="edit-toggle"
      aria-pressed={on}
      title="Edit the network (E)"
      onClick={() => editing!.setEditing(!on)}
    >
      Edit
    </button>
  )
}

/** Storage refused or full: the edits stay in memory; say so and offer the file instead. */
export function StorageAlert() {
  const { editing } = useExplorerContext()
  const save = useStore(editing!.state, (s) => s.save)
  const notice = useStore(editing!.state, (s) => s.notice)
  return (
    <>
      {save.kind === 'unsaved' ? (
        <div className="notice notice-error" role="alert">
          <p>
            Your edits are not saved in this browser: {save.message}. They stay here until you close the page.
          </p>
          <button type="button" onClick={() => saveNetworkAs(editing!)}>
            Export now
          </button>
        </div>
      ) : null}
      {notice !== null ? (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" onClick={() => editing!.dismissNotice()} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
    </>
  )
}
