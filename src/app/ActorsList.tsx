import { useExplorer, useExplorerContext, useView } from './context'

/** Every shown actor as a button, sorted by name: the keyboard and screen-reader way into the graph. */
export function ActorsList({ onChoose }: { onChoose?: () => void }) {
  const { index } = useExplorerContext()
  const view = useView()
  const selection = useExplorer((s) => s.selection)
  const select = useExplorer((s) => s.select)
  const shown = Array.from(index.byLabel).filter((a) => view.actorShown[a] === 1)
  return (
    <nav className="actors" aria-labelledby="actors-heading">
      <h2 id="actors-heading">
        Actors <span className="count">{shown.length}</span>
      </h2>
      <ul>
        {shown.map((a) => {
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
              >
                {actor.label}
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
