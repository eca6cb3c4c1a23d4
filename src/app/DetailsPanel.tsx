import { useEffect, useRef, type ReactNode } from 'react'
import type { GraphIndex } from '../model/graphIndex'
import type { Relation } from '../model/types'
import { KIND_LABEL, STANCE_LABEL } from '../model/words'
import { useExplorer, useExplorerContext, useView } from './context'
import { citationText, safeHref, yearsText } from './format'
import { focusOn } from './FocusControls'
import { LazyActorEditor as ActorEditor, LazyRelationEditor as RelationEditor } from './lazyParts'
import { useEditMode } from './edit/useEditMode'
import { ShowInSource } from './sources/Lines'

export function EvidenceList({ relation, index }: { relation: Relation; index: GraphIndex }) {
  const evidence = relation.evidence ?? []
  if (evidence.length === 0) return <p className="muted">No quotation given for this relation.</p>
  return (
    <>
      {evidence.map((e, i) => {
        const source = index.graph.sources.find((s) => s.id === e.source)
        const href = safeHref(source?.url)
        const cite = source === undefined ? e.source : citationText(source)
        return (
          <figure className="evidence" key={i}>
            <blockquote>{e.quote}</blockquote>
            <figcaption>
              —{' '}
              <cite>
                {href !== null ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {cite}
                  </a>
                ) : (
                  cite
                )}
              </cite>
              {e.note !== undefined && e.note !== '' ? <span className="note"> ({e.note})</span> : null}{' '}
              <ShowInSource relation={relation.id} index={i} evidence={e} />
            </figcaption>
          </figure>
        )
      })}
    </>
  )
}

export function RelationMeta({ relation }: { relation: Relation }) {
  return (
    <p className="meta">
      <span className={`stance stance-${relation.stance}`}>{STANCE_LABEL[relation.stance]}</span> ·{' '}
      <span>{yearsText(relation)}</span>
      {relation.approximate === true ? <span className="muted"> (years inferred)</span> : null}
    </p>
  )
}

function ActorDetails({ actorIndex, editor }: { actorIndex: number; editor?: ReactNode }) {
  const { index, engine, store } = useExplorerContext()
  const view = useView()
  const select = useExplorer((s) => s.select)
  const setPath = useExplorer((s) => s.setPath)
  useExplorer((s) => s.pinsVersion) // re-render when pins change
  const actor = index.graph.actors[actorIndex]!
  const relations: number[] = []
  for (let j = index.adjStart[actorIndex]!; j < index.adjStart[actorIndex + 1]!; j++) {
    const r = index.adjRel[j]!
    if (view.relationShown[r] === 1) relations.push(r)
  }
  const pinned = engine.get()?.isPinned(actor.id) ?? false
  return (
    <article aria-labelledby="details-heading">
      <h2 id="details-heading" tabIndex={-1}>
        {actor.label}
      </h2>
      {editor ?? (
        <>
          <p className="meta">
            {KIND_LABEL[actor.kind]}
            {actor.aliases && actor.aliases.length > 0 ? (
              <span className="muted"> · also {actor.aliases.join(', ')}</span>
            ) : null}
          </p>
          {actor.description ? <p>{actor.description}</p> : null}
        </>
      )}
      <p className="actions">
        <button type="button" onClick={() => focusOn(store, actor.id)} title="Focus on its neighbourhood (F)">
          Focus
        </button>{' '}
        <button type="button" onClick={() => setPath({ from: actor.id, to: null, drawn: null })}>
          Path to…
        </button>{' '}
        {pinned ? (
          <button type="button" onClick={() => engine.get()?.unpin(actor.id)}>
            Unpin
          </button>
        ) : null}
      </p>
      {view.actorShown[actorIndex] !== 1 ? (
        <p className="muted">This actor has no relation in the current filters.</p>
      ) : null}
      {index.graph.relationTypes.map((t, ti) => {
        const ofType = relations.filter((r) => index.type[r] === ti)
        if (ofType.length === 0) return null
        return (
          <section key={t.id} className="rel-group">
            <h3>
              <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> {t.label}{' '}
              <span className="count">{ofType.length}</span>
            </h3>
            <ul>
              {ofType.map((r) => {
                const rel = index.graph.relations[r]!
                const other = index.src[r] === actorIndex ? index.tgt[r]! : index.src[r]!
                const arrow = rel.directed ? (index.src[r] === actorIndex ? '→ ' : '← ') : ''
                return (
                  <li key={rel.id}>
                    <p className="counterpart">
                      {arrow}
                      <button
                        type="button"
                        className="link"
                        onClick={() => select({ kind: 'actor', id: index.graph.actors[other]!.id })}
                      >
                        {index.graph.actors[other]!.label}
                      </button>{' '}
                      <button
                        type="button"
                        className="link small"
                        onClick={() => select({ kind: 'relation', id: rel.id })}
                      >
                        (this relation)
                      </button>
                    </p>
                    <RelationMeta relation={rel} />
                    <p>{rel.summary}</p>
                    <EvidenceList relation={rel} index={index} />
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </article>
  )
}

function RelationDetails({ relationIndex }: { relationIndex: number }) {
  const { index } = useExplorerContext()
  const select = useExplorer((s) => s.select)
  const rel = index.graph.relations[relationIndex]!
  const type = index.graph.relationTypes[index.type[relationIndex]!]!
  const a = index.graph.actors[index.src[relationIndex]!]!
  const b = index.graph.actors[index.tgt[relationIndex]!]!
  return (
    <article aria-labelledby="details-heading">
      <h2 id="details-heading" tabIndex={-1}>
        {a.label} {rel.directed ? '→' : '–'} {b.label}
      </h2>
      <p className="meta">
        <span className="swatch" style={{ background: type.color }} aria-hidden="true" /> {type.label}{' '}
        relation
      </p>
      <RelationMeta relation={rel} />
      <p>{rel.summary}</p>
      <EvidenceList relation={rel} index={index} />
      <p className="actions">
        <button type="button" onClick={() => select({ kind: 'actor', id: a.id })}>
          {a.label}
        </button>{' '}
        <button type="button" onClick={() => select({ kind: 'actor', id: b.id })}>
          {b.label}
        </button>
      </p>
    </article>
  )
}

export function DetailsPanel() {
  const { index } = useExplorerContext()
  const selection = useExplorer((s) => s.selection)
  const select = useExplorer((s) => s.select)
  const editMode = useEditMode()
  // A click inside this panel that changes the selection (a counterpart, "Clear selection") would
  // leave focus on a button that now means something else or is gone: move it to the heading.
  const clickedInside = useRef(false)
  const section = useRef<HTMLElement>(null)
  useEffect(() => {
    if (!clickedInside.current) return
    clickedInside.current = false
    section.current?.querySelector<HTMLElement>('#details-heading')?.focus()
  }, [selection])
  let body
  if (selection === null) {
    body = (
      <div className="hint">
        <h2 id="details-heading" tabIndex={-1}>
          Details
        </h2>
        {editMode ? (
          <p>
            Edit mode: click an actor or a line to edit it here. Drag from one actor to another to tie them;
            double-click an empty part of the map to add an actor there.
          </p>
        ) : (
          <p>
            Click an actor or a line in the graph, or choose an actor from the list, to read the evidence
            behind its ties.
          </p>
        )}
      </div>
    )
  } else if (selection.kind === 'actor' && index.actorIndex.has(selection.id)) {
    body = editMode ? (
      <ActorDetails
        actorIndex={index.actorIndex.get(selection.id)!}
        editor={<ActorEditor actorIndex={index.actorIndex.get(selection.id)!} />}
      />
    ) : (
      <ActorDetails actorIndex={index.actorIndex.get(selection.id)!} />
    )
  } else if (selection.kind === 'relation' && index.relationIndex.has(selection.id)) {
    body = editMode ? (
      <RelationEditor relationIndex={index.relationIndex.get(selection.id)!} />
    ) : (
      <RelationDetails relationIndex={index.relationIndex.get(selection.id)!} />
    )
  } else {
    body = (
      <div className="hint">
        <h2 id="details-heading" tabIndex={-1}>
          Details
        </h2>
        <p role="alert">
          Nothing in this dataset has the id “{selection.id}”.{' '}
          <button type="button" onClick={() => select(null)}>
            Clear selection
          </button>
        </p>
      </div>
    )
  }
  return (
    <section
      className="details"
      aria-label="Details"
      ref={section}
      onClickCapture={() => (clickedInside.current = true)}
    >
      {selection !== null ? (
        <button type="button" className="close" onClick={() => select(null)} aria-label="Clear selection">
          ×
        </button>
      ) : null}
      {body}
    </section>
  )
}
