/**
 * An actor picker following the ARIA combobox pattern (editable combobox with list autocomplete):
 * typing filters, Down/Up move through the options, Enter chooses, Escape closes the list (and
 * a second Escape clears the text). Matching is the analysis layer's fuzzy search; actors hidden by
 * the filters come after the shown ones, marked so. "Search actors" and "Path to" both use it.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import type { ActorSearch, SearchHit } from '../analysis/search'
import type { GraphIndex } from '../model/graphIndex'
import { KIND_LABEL } from '../model/words'
import { useExplorerContext, useView } from './context'

type SearchModule = typeof import('../analysis/search')
let searchModule: SearchModule | null = null
let searchLoad: Promise<SearchModule> | null = null
/**
 * The search (uFuzzy) loads when a box is first focused, or once the page is idle after its first
 * frame, whichever comes first: the first view does not need it (README, "Design": lazy chunks).
 */
export function loadSearch(): Promise<SearchModule> {
  searchLoad ??= import('../analysis/search').then((m) => (searchModule = m))
  return searchLoad
}
/** The search module once here, and the call that asks for it now (a box focused or typed in). */
function useSearchModule(): [SearchModule | null, () => void] {
  const [m, setM] = useState(searchModule)
  const want = useCallback(() => void loadSearch().then(setM), [])
  useEffect(() => {
    if (m !== null) return
    if (typeof window.requestIdleCallback !== 'function') {
      const t = setTimeout(want, 500)
      return () => clearTimeout(t)
    }
    const idle = window.requestIdleCallback(want, { timeout: 3000 })
    return () => window.cancelIdleCallback(idle)
  }, [m, want])
  return [m, want]
}

const searchers = new WeakMap<GraphIndex, ActorSearch>()
/** One searcher per graph, shared by every box. */
export function actorSearch(index: GraphIndex, m: SearchModule): ActorSearch {
  let s = searchers.get(index)
  if (s === undefined) {
    s = m.createActorSearch(index)
    searchers.set(index, s)
  }
  return s
}

export function ActorCombobox({
  label,
  onChoose,
  inputRef,
  className,
  placeholder,
  autoFocus,
  onActive,
}: {
  /** The accessible name (and visible label). */
  label: string
  onChoose: (actor: number) => void
  inputRef?: Ref<HTMLInputElement>
  className?: string
  placeholder?: string
  autoFocus?: boolean
  /** The actor of the active option while the list is open, else null (the search shows its tooltip). */
  onActive?: (actor: number | null) => void
}) {
  const { index } = useExplorerContext()
  const view = useView()
  const id = useId()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const [search, wantSearch] = useSearchModule()
  const result = useMemo(
    () =>
      search === null ? { hits: [], total: 0 } : actorSearch(index, search).search(query, view.actorShown),
    [search, index, query, view.actorShown],
  )
  const hits = result.hits
  // Until the search has loaded (a moment after the first keystroke at most), the list stays shut.
  const expanded = open && query.trim() !== '' && search !== null
  const activeActor = expanded ? (hits[active]?.actor ?? null) : null
  useEffect(() => onActive?.(activeActor), [onActive, activeActor])
  const listId = `${id}-list`
  const optionId = (i: number) => `${id}-opt-${i}`

  const choose = (hit: SearchHit | undefined) => {
    if (hit === undefined) return
    onChoose(hit.actor)
    setQuery(index.graph.actors[hit.actor]!.label)
    setOpen(false)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (!expanded) setOpen(true)
      else setActive((a) => Math.min(hits.length - 1, a + 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(0, a - 1))
    } else if (e.key === 'Home' && expanded && e.altKey) {
      setActive(0)
    } else if (e.key === 'Enter') {
      if (!expanded) return
      e.preventDefault()
      choose(hits[active])
    } else if (e.key === 'Escape') {
      // Ours, not the app's (which would clear the selection or the focus).
      e.stopPropagation()
      e.nativeEvent.stopImmediatePropagation()
      if (expanded) setOpen(false)
      else setQuery('')
    }
  }
  return (
    <div className={`combobox ${className ?? ''}`}>
      <label htmlFor={`${id}-input`} className="combobox-label">
        {label}
      </label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits.length > 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-count`}
        placeholder={placeholder}
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          wantSearch()
          setQuery(e.target.value)
          setActive(0)
          setOpen(true)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          wantSearch()
          setOpen(true)
        }}
        onBlur={() => {
          blurTimer.current = setTimeout(() => setOpen(false), 150)
        }}
      />
      <p id={`${id}-count`} className="combobox-count" aria-live="polite">
        {query.trim() === '' || search === null ? '' : search.matchesText(hits.length, result.total)}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} results`}
        className="combobox-list"
        hidden={!expanded || hits.length === 0}
      >
        {hits.map((h, i) => {
          const actor = index.graph.actors[h.actor]!
          const degree = view.degree[h.actor]!
          return (
            <li
              key={actor.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={h.hidden ? 'hidden-hit' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                clearTimeout(blurTimer.current)
                choose(h)
              }}
              onMouseMove={() => setActive(i)}
            >
              <span className="hit-label">{actor.label}</span>
              {h.alias !== undefined ? <span className="muted"> (also {h.alias})</span> : null}{' '}
              <span className="hit-meta">
                {KIND_LABEL[actor.kind]} · {degree === 1 ? '1 relation' : `${degree} relations`}
                {h.hidden ? ' · hidden by filters' : ''}
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
