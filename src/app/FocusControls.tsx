/**
 * Focus on a neighbourhood: shown while a focus is on. "Depth" (1–3 steps, keys 1–3), "Hide others"
 * / "Dim others", "Clear focus" (or Escape). The keys: F focuses the selected actor.
 */
import { useEffect } from 'react'
import { focusNeighbourhood } from '../analysis/neighbourhood'
import type { ExplorerStore, Focus } from '../state/store'
import { useExplorer, useExplorerContext, useView } from './context'
import { typingIn } from './SearchBox'

/** Focuses the actor, keeping the depth and mode of a focus already on. */
export function focusOn(store: ExplorerStore, id: string): void {
  const cur = store.getState().focus
  store.getState().setFocus({ id, depth: cur?.depth ?? 1, mode: cur?.mode ?? 'hide' })
}

/** F, 1–3 and Escape for the focus; Escape then closes a traced path. Not while typing in a field. */
export function useFocusKeys(store: ExplorerStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return
      const s = store.getState()
      if (e.key === 'f' || e.key === 'F') {
        if (s.selection?.kind !== 'actor') return
        focusOn(store, s.selection.id)
      } else if ((e.key === '1' || e.key === '2' || e.key === '3') && s.focus !== null) {
        s.setFocus({ ...s.focus, depth: Number(e.key) as Focus['depth'] })
      } else if (e.key === 'Escape' && (s.focus !== null || s.path !== null)) {
        // Before the app's own Escape (which clears the selection): one thing at a time.
        e.stopImmediatePropagation()
        if (s.focus !== null) s.setFocus(null)
        else s.setPath(null)
      } else return
      e.preventDefault()
    }
    // Capture, so this runs before the bubbling listener that clears the selection.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [store])
}

export function FocusControls() {
  const { index } = useExplorerContext()
  const view = useView()
  const focus = useExplorer((s) => s.focus)
  const setFocus = useExplorer((s) => s.setFocus)
  if (focus === null) return null
  const n = focusNeighbourhood(view, focus)
  const actor = index.actorIndex.get(focus.id)
  const label = actor === undefined ? focus.id : index.graph.actors[actor]!.label
  return (
    <section className="focus-controls" aria-label="Focus">
      <p className="focus-text">
        {n === null ? `Focus: “${focus.id}” is not an actor of this dataset` : `Focus on ${label}`}
      </p>
      <fieldset className="inline">
        <legend>Depth</legend>
        {([1, 2, 3] as const).map((d) => (
          <label key={d} className="radio">
            <input
              type="radio"
              name="focus-depth"
              checked={focus.depth === d}
              onChange={() => setFocus({ ...focus, depth: d })}
            />
            {d === 1 ? '1 step' : `${d} steps`}
          </label>
        ))}
      </fieldset>
      <fieldset className="inline">
        <legend>Others</legend>
        <label className="radio">
          <input
            type="radio"
            name="focus-mode"
            checked={focus.mode === 'hide'}
            onChange={() => setFocus({ ...focus, mode: 'hide' })}
          />
          Hide others
        </label>
        <label className="radio">
          <input
            type="radio"
            name="focus-mode"
            checked={focus.mode === 'dim'}
            onChange={() => setFocus({ ...focus, mode: 'dim' })}
          />
          Dim others
        </label>
      </fieldset>
      <button type="button" onClick={() => setFocus(null)}>
        Clear focus
      </button>
    </section>
  )
}
