/**
 * "Search actors": the combobox in the top bar. `/` or Ctrl/Cmd+K focuses it from anywhere except
 * another text field. Choosing an actor selects it (the details open as for a click) and centres it.
 */
import { useCallback, useEffect, useRef } from 'react'
import { ActorCombobox } from './ActorCombobox'
import { useExplorer, useExplorerContext, type EngineSlot } from './context'

/** True when a key press belongs to a field the user is typing in. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'file', 'color'].includes(target.type)
  }
  return false
}

/** Centres the actor with a short animated zoom (instant under reduced motion), when an engine is there. */
export function centreActor(engine: EngineSlot, id: string): void {
  engine.get()?.centreOn(id)
}

export function SearchBox({ onChoose }: { onChoose?: () => void }) {
  const { index, engine } = useExplorerContext()
  const select = useExplorer((s) => s.select)
  const input = useRef<HTMLInputElement>(null)
  // The active option's actor gets the map's tooltip, as pointing at it does.
  const onActive = useCallback(
    (a: number | null) => {
      engine.get()?.showActorTooltip(a === null ? null : (index.graph.actors[a]?.id ?? null))
    },
    [engine, index],
  )
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = e.key
      const open =
        (k === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) ||
        ((e.ctrlKey || e.metaKey) && k.toLowerCase() === 'k')
      if (!open || typingIn(e.target)) return
      e.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <ActorCombobox
      label="Search actors"
      className="search-box"
      placeholder="Name or alias  ( / )"
      inputRef={input}
      onActive={onActive}
      onChoose={(a) => {
        const id = index.graph.actors[a]!.id
        select({ kind: 'actor', id })
        centreActor(engine, id)
        onChoose?.()
      }}
    />
  )
}
