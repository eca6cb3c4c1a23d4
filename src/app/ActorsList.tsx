import { useMemo, useState } from 'react'
import { focusNeighbourhood } from '../analysis/neighbourhood'
import { useExplorer, useExplorerContext, useView } from './context'

/** Buttons rendered at first and per "Show more": a filter change never rebuilds thousands of them. */
export const ACTORS_PAGE = 300

/** Points an element's description at the map's tooltip while it shows that element's actor. */
export function describeBy(el: HTMLElement, tooltipId: string | null): void {
  if (tooltipId === null) el.removeAttribute('aria-describedby')
  else el.setAttribute('aria-describedby', tooltipId)
}

/** Every shown actor as a button, sorted by name: the keyboard and screen-reader way into the graph. */
export function ActorsList({ onChoose }: { onChoose?: () => void }) {
  const { index, engine } = useExplorerContext()
  const view = useView()
  const selection = useExplorer((s) => s.selection)
  const select = useExplorer((s) => s.select)
  const [limit, setLimit] = useState(ACTORS_PAGE)
  const focus = useExplorer((s) => s.focus)
  // Under a focus with "Hide others", the list holds what the map shows: the neighbourhood.
  const inside = focus?.mode === 'hide' ? (focusNeighbourhood(view, focus)?.actorIn ?? null) : null
  const shown = useMemo(
    () =>
      Array.from(index.byLabel).filter(
        (a) => view.actorShown[a] === 1 && (inside === null || inside[a] === 1),
      ),
    [index, view, inside],
  )
  const rest = shown.length - limit
  return (
    <nav className="actors" aria-labelledby="actors-heading">
      <h2 id="actors-heading">
        Actors <span className="count">{shown.length}</span>
      </h2>
      <ul>
        {shown.slice(0, limit).map((a) => {
          const actor = index.graph.actors[a]!
          const selected = selection?.kind === 'actor' && selection.id === actor.id
          return (
            <li key={actor.id}>
              <button
                type="button"
                aria-pressed={selected}
                onClick={() => {
                  select({ kind: 'actor', id: actor.id })
                  onChoose?.()
                }}
                // Keyboard focus shows the map's tooltip for the actor, as pointing at it does.
                onFocus={(e) => describeBy(e.currentTarget, engine.get()?.showActorTooltip(actor.id) ?? null)}
                onBlur={(e) => {
                  engine.get()?.showActorTooltip(null)
                  describeBy(e.currentTarget, null)
                }}
              >
                {actor.label}
              </button>
            </li>
          )
        })}
      </ul>
      {rest > 0 ? (
        <button type="button" className="more" onClick={() => setLimit((l) => l + ACTORS_PAGE)}>
          Show {Math.min(rest, ACTORS_PAGE)} more of {rest}
        </button>
      ) : null}
    </nav>
  )
}
