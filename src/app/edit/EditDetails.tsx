/**
 * The details panel in Edit mode: every field of the selected actor or relation edited in place
 * under the name it has in the forms, each change one operation (one undo step). A relation's ends
 * can be changed or swapped and its evidence stays; quotations are added, annotated and removed.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { ACTOR_KINDS, STANCES } from '../../model/schema'
import type { ActorKind, Relation, Stance } from '../../model/types'
import { KIND_LABEL, STANCE_LABEL } from '../../model/words'
import type { Op } from '../../document/ops'
import { ActorCombobox } from '../ActorCombobox'
import { useExplorer, useExplorerContext } from '../context'
import { citationText } from '../format'
import {
  FieldError,
  InlineCheck,
  InlineSelect,
  InlineText,
  parseYear,
  problemText,
  refusePaste,
} from './fields'

function useApply() {
  const { editing } = useExplorerContext()
  return (op: Op) => problemText(editing!.apply(op))
}

export function ActorEditor({ actorIndex }: { actorIndex: number }) {
  const { index, editing } = useExplorerContext()
  const apply = useApply()
  const select = useExplorer((s) => s.select)
  const actor = index.graph.actors[actorIndex]!
  const ties = index.adjStart[actorIndex + 1]! - index.adjStart[actorIndex]!
  const [confirm, setConfirm] = useState(false)
  const set = (patch: Record<string, unknown>) => apply({ op: 'updateActor', id: actor.id, patch })
  return (
    <div className="edit-details">
      <InlineText label="Label" value={actor.label} onCommit={(v) => set({ label: v.trim() })} />
      <InlineSelect<ActorKind>
        label="Kind"
        value={actor.kind}
        options={ACTOR_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        onCommit={(v) => set({ kind: v })}
      />
      <InlineText
        label="Aliases"
        multiline
        hint="One per line; Ctrl+Enter or leaving the field applies."
        value={(actor.aliases ?? []).join('\n')}
        onCommit={(v) => {
          const list = v
            .split('\n')
            .map((a) => a.trim())
            .filter((a) => a !== '')
          return set({ aliases: list.length > 0 ? list : undefined })
        }}
      />
      <InlineText
        label="Description"
        multiline
        value={actor.description ?? ''}
        onCommit={(v) => set({ description: v.trim() === '' ? undefined : v })}
      />
      <p className="actions">
        {confirm ? (
          <span role="alert" className="confirm">
            Delete {actor.label} and its {ties} {ties === 1 ? 'relation' : 'relations'}?{' '}
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (apply({ op: 'deleteActors', ids: [actor.id] }) === null) select(null)
              }}
            >
              Delete {actor.label} and {ties} {ties === 1 ? 'relation' : 'relations'}
            </button>{' '}
            <button type="button" onClick={() => setConfirm(false)}>
              Keep
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              onClick={() => editing!.openDialog({ kind: 'merge', ids: [actor.id], into: true })}
            >
              Merge into…
            </button>{' '}
            <button type="button" className="danger" onClick={() => setConfirm(true)}>
              Delete actor
            </button>
          </>
        )}
      </p>
    </div>
  )
}

export function RelationEditor({ relationIndex }: { relationIndex: number }) {
  const { index, editing } = useExplorerContext()
  const apply = useApply()
  const select = useExplorer((s) => s.select)
  const rel = index.graph.relations[relationIndex]!
  const a = index.graph.actors[index.src[relationIndex]!]!
  const b = index.graph.actors[index.tgt[relationIndex]!]!
  const set = (patch: Record<string, unknown>) => apply({ op: 'updateRelations', ids: [rel.id], patch })
  const undated = rel.start === undefined
  const year = (field: 'start' | 'end', what: string) => (v: string) => {
    const y = parseYear(v, what)
    if (!y.ok) return y.message
    return set({ [field]: y.value })
  }
  return (
    <article aria-labelledby="details-heading" className="edit-details">
      <h2 id="details-heading" tabIndex={-1}>
        {a.label} {rel.directed ? '→' : '–'} {b.label}
      </h2>
      <div className="field-row ends">
        <EndPicker label="From actor" current={a.label} onChoose={(id) => set({ source: id })} />
        <EndPicker label="To actor" current={b.label} onChoose={(id) => set({ target: id })} />
      </div>
      <p className="actions">
        <button type="button" onClick={() => set({ source: rel.target, target: rel.source })}>
          Swap direction
        </button>
      </p>
      <div className="field-row">
        <InlineSelect
          label="Type"
          value={rel.type}
          options={index.graph.relationTypes.map((t) => ({ value: t.id, label: t.label }))}
          onCommit={(v) => set({ type: v })}
        />
        <InlineSelect<Stance>
          label="Stance"
          value={rel.stance}
          options={STANCES.map((s) => ({ value: s, label: STANCE_LABEL[s] }))}
          onCommit={(v) => set({ stance: v })}
        />
      </div>
      <div className="field-row">
        <InlineText
          label="Start year"
          numeric
          value={rel.start?.toString() ?? ''}
          onCommit={year('start', 'start')}
        />
        <InlineText
          label="End year"
          numeric
          hint="Empty means ongoing."
          value={rel.end?.toString() ?? ''}
          onCommit={year('end', 'end')}
        />
      </div>
      <div className="field-row">
        <InlineCheck
          label="Undated"
          checked={undated}
          onCommit={(on) =>
            on
              ? set({ start: undefined, end: undefined, approximate: undefined })
              : 'Type a start year to date this relation.'
          }
        />
        <InlineCheck
          label="Approximate years"
          checked={rel.approximate === true}
          onCommit={(on) => set({ approximate: on ? true : undefined })}
        />
        <InlineCheck
          label="Directed"
          checked={rel.directed === true}
          onCommit={(on) => set({ directed: on ? true : undefined })}
        />
      </div>
      <InlineText
        label="Summary"
        multiline
        value={rel.summary}
        onCommit={(v) => set({ summary: v.trim() })}
      />
      <EvidenceEditor relation={rel} />
      <AddQuotation relation={rel} autoFocus={editing?.state.getState().focusQuote === rel.id} />
      <DeleteRelation
        onDelete={() => apply({ op: 'deleteRelations', ids: [rel.id] }) === null && select(null)}
      />
    </article>
  )
}

function EndPicker({
  label,
  current,
  onChoose,
}: {
  label: string
  current: string
  onChoose: (id: string) => string | null
}) {
  const { index } = useExplorerContext()
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  return (
    <div className="field">
      <ActorCombobox
        label={label}
        placeholder={current}
        onChoose={(x) => setError(onChoose(index.graph.actors[x]!.id))}
      />
      <span className="field-hint">Now: {current}</span>
      <FieldError id={id} error={error} />
    </div>
  )
}

function EvidenceEditor({ relation }: { relation: Relation }) {
  const { index } = useExplorerContext()
  const apply = useApply()
  const evidence = relation.evidence ?? []
  if (evidence.length === 0) return <p className="muted">No quotation yet: add one below.</p>
  return (
    <>
      {evidence.map((e, i) => {
        const source = index.graph.sources.find((s) => s.id === e.source)
        return (
          <figure className="evidence" key={`${i}:${e.quote.slice(0, 20)}`}>
            <blockquote>{e.quote}</blockquote>
            <figcaption>— {source === undefined ? e.source : citationText(source)}</figcaption>
            <InlineText
              label="Note"
              value={e.note ?? ''}
              onCommit={(v) =>
                apply({
                  op: 'updateEvidence',
                  relation: relation.id,
                  index: i,
                  patch: { note: v.trim() === '' ? undefined : v },
                })
              }
            />
            <button
              type="button"
              className="link small"
              onClick={() => apply({ op: 'removeEvidence', relation: relation.id, index: i })}
            >
              Remove quotation
            </button>
          </figure>
        )
      })}
    </>
  )
}

function AddQuotation({ relation, autoFocus }: { relation: Relation; autoFocus: boolean }) {
  const { index, editing } = useExplorerContext()
  const apply = useApply()
  const id = useId()
  const sources = index.graph.sources
  const [source, setSource] = useState(sources[0]?.id ?? '')
  const [quote, setQuote] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const quoteRef = useRef<HTMLTextAreaElement>(null)
  const focusQuote = useStore(editing!.state, (s) => s.focusQuote)
  useEffect(() => {
    if (autoFocus || focusQuote === relation.id) {
      quoteRef.current?.focus()
      editing!.state.setState({ focusQuote: null })
    }
  }, [autoFocus, focusQuote, relation.id, editing])
  if (sources.length === 0)
    return <p className="muted">This network has no sources yet: add a source to quote from.</p>
  return (
    <form
      className="add-quote"
      aria-label="Add quotation"
      onSubmit={(e) => {
        e.preventDefault()
        const why = apply({
          op: 'addEvidence',
          relation: relation.id,
          evidence: { source, quote: quote.trim(), ...(note.trim() !== '' ? { note: note.trim() } : {}) },
        })
        setError(why)
        if (why === null) {
          setQuote('')
          setNote('')
        }
      }}
    >
      <h3>Add quotation</h3>
      <div className="field">
        <label htmlFor={`${id}-q`}>Quotation</label>
        <textarea
          id={`${id}-q`}
          ref={quoteRef}
          rows={3}
          value={quote}
          onChange={(e) => setQuote(e.target.value)}
          onPaste={(e) => refusePaste(e, setError)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-s`}>Source</label>
        <select id={`${id}-s`} value={source} onChange={(e) => setSource(e.target.value)}>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-n`}>Note</label>
        <input id={`${id}-n`} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <FieldError id={`${id}-e`} error={error} />
      <button type="submit">Add quotation</button>
    </form>
  )
}

function DeleteRelation({ onDelete }: { onDelete: () => void }) {
  return (
    <p className="actions">
      <button type="button" className="danger" onClick={onDelete}>
        Delete relation
      </button>
    </p>
  )
}
