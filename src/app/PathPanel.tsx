/**
 * "Path": how two actors are connected over the shown relations. Opened by "Path to…" in an
 * actor's details; a second box, "Path to", picks the other end. Lists the shortest paths (up to 5,
 * with their count) and the best-evidenced path, then every step of the path drawn on the graph
 * with its relations, quotations and citations, and reads the signs along it.
 */
import { useEffect, useMemo, useState } from 'react'
import { bestPath, PATH_LIMIT, shortestPaths } from '../analysis/paths'
import { readPath, type StepSign } from '../analysis/signs'
import type { FilterState, View } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import { STANCE_LABEL } from '../model/words'
import { ActorCombobox } from './ActorCombobox'
import { useExplorer, useExplorerContext, useView } from './context'
import { EvidenceList, RelationMeta } from './DetailsPanel'

const SIGN_TEXT: Record<StepSign | 'none', string> = {
  cooperative: 'cooperative',
  hostile: 'hostile',
  neutral: 'neutral',
  contested: 'contested (cooperative and hostile)',
  none: 'no direct relation',
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** What the filters leave out, for the no-path sentence: "2 relation types are hidden". */
export function hiddenText(index: GraphIndex, view: View, filter: FilterState): string {
  const parts: string[] = []
  const types = filter.hiddenTypes.filter((t) => index.typeIndex.has(t)).length
  if (types > 0) parts.push(`${plural(types, 'relation type')} ${types === 1 ? 'is' : 'are'} hidden`)
  if (filter.hiddenStances.length > 0)
    parts.push(
      `${plural(filter.hiddenStances.length, 'stance')} ${filter.hiddenStances.length === 1 ? 'is' : 'are'} hidden`,
    )
  if (filter.yearWindow !== null)
    parts.push(`only years ${filter.yearWindow[0]}–${filter.yearWindow[1]} are shown`)
  if (filter.minSources > 1) parts.push(`only relations with at least ${filter.minSources} sources are shown`)
  if (filter.hideContested && view.contestedPairs > 0) parts.push('contested relations are hidden')
  return parts.join('; ')
}

export function PathPanel() {
  const { index } = useExplorerContext()
  const view = useView()
  const filter = useExplorer((s) => s.filter)
  const path = useExplorer((s) => s.path)
  const setPath = useExplorer((s) => s.setPath)
  const select = useExplorer((s) => s.select)
  const from = path === null ? undefined : index.actorIndex.get(path.from)
  const to = path?.to == null ? undefined : index.actorIndex.get(path.to)
  // Which path is drawn, for these two ends: a new pair starts again from the best-evidenced one.
  const ends = `${from}-${to}`
  const [chosen, setChosen] = useState<{ ends: string; choice: 'best' | number }>({ ends, choice: 'best' })
  const choice = chosen.ends === ends ? chosen.choice : 'best'
  const setChoice = (c: 'best' | number) => setChosen({ ends, choice: c })
  const found = useMemo(() => {
    if (from === undefined || to === undefined || from === to) return null
    const shortest = shortestPaths(index, view.relationShown, from, to)
    const best = bestPath(index, view.relationShown, from, to)
    return shortest === null || best === null ? null : { shortest, best }
  }, [index, view, from, to])
  const drawn: readonly number[] | null =
    found === null
      ? null
      : choice === 'best'
        ? found.best.path
        : (found.shortest.paths[choice] ?? found.best.path)
  const drawnIds = drawn === null ? null : drawn.map((a) => index.graph.actors[a]!.id)
  const drawnKey = drawnIds?.join('\u0000') ?? null
  useEffect(() => {
    if (path === null) return
    setPath({ from: path.from, to: path.to, drawn: drawnKey === null ? null : drawnKey.split('\u0000') })
  }, [path, drawnKey, setPath])
  if (path === null || from === undefined) return null
  const name = (a: number) => index.graph.actors[a]!.label
  const route = (p: readonly number[]) => p.map(name).join(' → ')
  let body
  if (to === undefined) {
    body = <p className="muted">Choose the other end in “Path to”.</p>
  } else if (to === from) {
    body = (
      <p role="alert">
        A path needs two different actors: {name(from)} is at both ends. Choose another actor.
      </p>
    )
  } else if (found === null) {
    const hidden = hiddenText(index, view, filter)
    body = (
      <p role="status">
        No path between {name(from)} and {name(to)} over the relations shown
        {hidden === '' ? '.' : `; ${hidden}.`}
      </p>
    )
  } else {
    const { shortest, best } = found
    const reading = readPath(index, view.relationShown, drawn!)
    const steps = plural(shortest.steps, 'step')
    body = (
      <>
        <h3>Shortest</h3>
        <p>
          {shortest.count === 1
            ? `1 shortest path of ${steps}`
            : `${shortest.count} shortest paths of ${steps}`}
          {shortest.count > PATH_LIMIT ? `; the first ${PATH_LIMIT} are listed` : ''}
        </p>
        <ul className="path-routes">
          {shortest.paths.map((p, i) => (
            <li key={i}>
              <button
                type="button"
                className="route"
                aria-pressed={choice === i}
                onClick={() => setChoice(i)}
              >
                {route(p)}
              </button>
            </li>
          ))}
        </ul>
        <h3>Best-evidenced</h3>
        <p className="muted">
          Chosen as the path of least cost where each step costs 1 / (the number of distinct sources quoted
          for that pair’s shown relations): better-sourced ties make a cheaper path.
        </p>
        <ul className="path-routes">
          <li>
            <button
              type="button"
              className="route"
              aria-pressed={choice === 'best'}
              onClick={() => setChoice('best')}
            >
              {route(best.path)}
            </button>{' '}
            <span className="muted">
              cost {formatCost(best.cost)} over {plural(best.path.length - 1, 'step')} (sources per step:{' '}
              {best.sources.join(', ')})
            </span>
          </li>
        </ul>
        <h3>Reading the signs</h3>
        <p className="path-reading">
          {name(drawn![drawn!.length - 1]!)} is {reading.text}. Directly, the data shows{' '}
          {reading.direct.sign === 'none'
            ? `no direct relation between ${name(from)} and ${name(to)}`
            : `${SIGN_TEXT[reading.direct.sign]} (${plural(reading.direct.relations.length, 'relation')})`}
          {agreement(reading.prediction, reading.direct.sign)}.
        </p>
        <h3>Steps of the path drawn ({route(drawn!)})</h3>
        <ol className="path-steps">
          {reading.steps.map((s, i) => {
            const a = drawn![i]!
            const b = drawn![i + 1]!
            return (
              <li key={`${a}-${b}`} className="path-step">
                <p className="step-head">
                  <button
                    type="button"
                    className="link"
                    onClick={() => select({ kind: 'actor', id: index.graph.actors[a]!.id })}
                  >
                    {name(a)}
                  </button>{' '}
                  –{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => select({ kind: 'actor', id: index.graph.actors[b]!.id })}
                  >
                    {name(b)}
                  </button>{' '}
                  <span className={`sign sign-${s.sign}`}>{SIGN_TEXT[s.sign]}</span>
                </p>
                <ul>
                  {s.relations.map((r) => {
                    const rel = index.graph.relations[r]!
                    const type = index.graph.relationTypes[index.type[r]!]!
                    return (
                      <li key={rel.id} className="step-relation">
                        <p className="meta">
                          <span className="swatch" style={{ background: type.color }} aria-hidden="true" />{' '}
                          {type.label} · {STANCE_LABEL[rel.stance]}
                        </p>
                        <RelationMeta relation={rel} />
                        <p>{rel.summary}</p>
                        <EvidenceList relation={rel} index={index} />
                      </li>
                    )
                  })}
                </ul>
              </li>
            )
          })}
        </ol>
      </>
    )
  }
  return (
    <section className="path-panel" role="region" aria-label="Path">
      <div className="path-head">
        <h2>Path from {name(from)}</h2>
        <button type="button" className="close" aria-label="Close path" onClick={() => setPath(null)}>
          ×
        </button>
      </div>
      <ActorCombobox
        label="Path to"
        autoFocus={path.to === null}
        onChoose={(a) => setPath({ from: path.from, to: index.graph.actors[a]!.id, drawn: null })}
      />
      {body}
    </section>
  )
}

function formatCost(c: number): string {
  return Number.isInteger(c) ? String(c) : c.toFixed(2)
}

function agreement(prediction: string, direct: StepSign | 'none'): string {
  if (direct === 'none' || prediction === 'undetermined') return ''
  if (direct === 'contested' || direct === 'neutral') return ''
  return direct === prediction ? ', as the path predicts' : ', unlike what the path predicts'
}
