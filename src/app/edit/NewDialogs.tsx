/**
 * The "New actor" and "New relation" forms of Edit mode. Both write through one operation each
 * (one undo step); both warn before they would duplicate what the network has.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { fold } from '../../analysis/search'
import { freshId } from '../../document/addGraph'
import type { EditDialog, Editing } from '../../session/editing'
import { ACTOR_KINDS, MAX_YEAR, MIN_YEAR, STANCES } from '../../model/schema'
import type { ActorKind, Stance } from '../../model/types'
import type { GraphIndex } from '../../model/graphIndex'
import { KIND_LABEL, STANCE_LABEL } from '../../model/words'
import { ActorCombobox } from '../ActorCombobox'
import { useExplorerContext } from '../context'
import { FieldError, parseYear, problemText, refusePaste } from './fields'
import { MergeDialog } from './MergeDialog'

/** A modal form: focus moves in, Escape closes, focus goes back to where it was. */
export function Modal({
  title,
  onClose,
  children,
  className = '',
}: {
  title: string
  onClose: () => void
  children: ReactNode
  className?: string
}) {
  const id = useId()
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
    return () => before?.focus?.()
  }, [])
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className={`map-dialog edit-dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
      </div>
    </div>
  )
}

/** A readable, unique id from a label ("United States" → "united-states", then "-2"…). */
export function idFrom(label: string, taken: { has(id: string): boolean }): string {
  const base =
    fold(label)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item'
  return freshId(taken, base)
}

/** Edit distance of at most one (insertion, deletion, substitution or transposition). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length)
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    )
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/** The existing actor a new label or alias would duplicate (case, accents, one typo), or -1. */
export function duplicateOf(index: GraphIndex, names: readonly string[]): number {
  const wanted = names.map(fold).filter((n) => n !== '')
  for (let a = 0; a < index.actorCount; a++) {
    const actor = index.graph.actors[a]!
    for (const have of [actor.label, ...(actor.aliases ?? [])].map(fold))
      for (const w of wanted) if (withinOneEdit(w, have) && Math.min(w.length, have.length) >= 3) return a
  }
  return -1
}

export function EditDialogs() {
  const { editing } = useExplorerContext()
  const dialog = useStore(editing!.state, (s) => s.dialog)
  if (dialog === null) return null
  const close = () => editing!.openDialog(null)
  if (dialog.kind === 'merge') return <MergeDialog editing={editing!} dialog={dialog} onClose={close} />
  return dialog.kind === 'newActor' ? (
    <NewActorDialog editing={editing!} dialog={dialog} onClose={close} />
  ) : (
    <NewRelationDialog editing={editing!} dialog={dialog} onClose={close} />
  )
}

function NewActorDialog({
  editing,
  dialog,
  onClose,
}: {
  editing: Editing
  dialog: Extract<EditDialog, { kind: 'newActor' }>
  onClose: () => void
}) {
  const { index, store } = useExplorerContext()
  const id = useId()
  const [label, setLabel] = useState(dialog.label ?? '')
  const [kind, setKind] = useState<ActorKind>('state')
  const [aliases, setAliases] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [dupe, setDupe] = useState<number>(-1)
  const aliasList = () =>
    aliases
      .split('\n')
      .map((a) => a.trim())
      .filter((a) => a !== '')
  const add = (anyway: boolean) => {
    if (!anyway) {
      const d = duplicateOf(index, [label, ...aliasList()])
      if (d >= 0) {
        setDupe(d)
        return
      }
    }
    const net = editing.net()
    const actorId = idFrom(label, { has: (x) => index.actorIndex.has(x) || net?.actors.has(x) === true })
    const list = aliasList()
    const r = editing.apply({
      op: 'addActor',
      actor: {
        id: actorId,
        label: label.trim(),
        kind,
        ...(list.length > 0 ? { aliases: list } : {}),
        ...(description.trim() !== '' ? { description: description.trim() } : {}),
      },
    })
    const why = problemText(r)
    if (why !== null) {
      setError(why)
      setDupe(-1)
      return
    }
    if (dialog.at !== undefined) editing.placeActor(actorId, dialog.at)
    onClose()
    store.getState().select({ kind: 'actor', id: actorId })
  }
  const existing = dupe >= 0 ? index.graph.actors[dupe]! : null
  return (
    <Modal title="New actor" onClose={onClose}>
      <form
        className="edit-form"
        onSubmit={(e) => {
          e.preventDefault()
          add(false)
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-label`}>Label</label>
          <input
            id={`${id}-label`}
            value={label}
            required
            aria-invalid={error !== null ? true : undefined}
            aria-describedby={error !== null ? `${id}-error` : undefined}
            onChange={(e) => {
              setLabel(e.target.value)
              setDupe(-1)
            }}
            onPaste={(e) => refusePaste(e, setError)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ActorKind)}>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-aliases`}>Aliases</label>
          <textarea
            id={`${id}-aliases`}
            rows={2}
            value={aliases}
            aria-describedby={`${id}-aliases-hint`}
            onChange={(e) => {
              setAliases(e.target.value)
              setDupe(-1)
            }}
            onPaste={(e) => refusePaste(e, setError)}
          />
          <span id={`${id}-aliases-hint`} className="field-hint">
            One per line.
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            onPaste={(e) => refusePaste(e, setError)}
          />
        </div>
        <FieldError id={`${id}-error`} error={error} />
        {existing !== null ? (
          <div className="dupe-warning" role="alert">
            <p>{existing.label} already exists.</p>
            <button
              type="button"
              onClick={() => {
                onClose()
                store.getState().select({ kind: 'actor', id: existing.id })
              }}
            >
              Use {existing.label}
            </button>{' '}
            <button type="button" onClick={() => add(true)}>
              Add anyway
            </button>
          </div>
        ) : null}
        <p className="form-actions">
          <button type="submit">Add</button>{' '}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </p>
      </form>
    </Modal>
  )
}

function NewRelationDialog({
  editing,
  dialog,
  onClose,
}: {
  editing: Editing
  dialog: Extract<EditDialog, { kind: 'newRelation' }>
  onClose: () => void
}) {
  const { index, store } = useExplorerContext()
  const id = useId()
  const types = index.graph.relationTypes
  const [from, setFrom] = useState<string | null>(dialog.from ?? null)
  const [to, setTo] = useState<string | null>(dialog.to ?? null)
  const [type, setType] = useState(dialog.type ?? types[0]?.id ?? '')
  const [stance, setStance] = useState<Stance>(dialog.stance ?? 'cooperative')
  const [start, setStart] = useState(dialog.start !== undefined ? String(dialog.start) : '')
  const [end, setEnd] = useState('')
  const [undated, setUndated] = useState(false)
  const [approximate, setApproximate] = useState(dialog.approximate ?? false)
  const [directed, setDirected] = useState(false)
  const [summary, setSummary] = useState('')
  const [error, setError] = useState<string | null>(null)
  const name = (actorId: string | null) =>
    actorId === null ? null : (index.graph.actors[index.actorIndex.get(actorId) ?? -1]?.label ?? actorId)
  const add = () => {
    if (from === null || to === null) return setError('Choose both actors (From actor and To actor).')
    const s = undated ? { ok: true as const, value: undefined } : parseYear(start, 'start')
    if (!s.ok) return setError(s.message)
    const e = undated ? { ok: true as const, value: undefined } : parseYear(end, 'end')
    if (!e.ok) return setError(e.message)
    for (const y of [s.value, e.value])
      if (y !== undefined && (y < MIN_YEAR || y > MAX_YEAR))
        return setError(`a year must be between ${MIN_YEAR} and ${MAX_YEAR}`)
    const net = editing.net()
    const relId = idFrom(`${from} ${to} ${type}`, {
      has: (x) => index.relationIndex.has(x) || net?.relations.has(x) === true,
    })
    const r = editing.apply({
      op: 'addRelation',
      relation: {
        id: relId,
        source: from,
        target: to,
        type,
        stance,
        ...(s.value !== undefined ? { start: s.value } : {}),
        ...(e.value !== undefined ? { end: e.value } : {}),
        ...(approximate ? { approximate: true } : {}),
        ...(directed ? { directed: true } : {}),
        summary: summary.trim() === '' ? `${name(from)} and ${name(to)}` : summary.trim(),
        ...(dialog.evidence !== undefined ? { evidence: [dialog.evidence] } : {}),
      },
    })
    const why = problemText(r)
    if (why !== null) return setError(why)
    onClose()
    // The new tie is selected, its details open ready for a quotation.
    editing.state.setState({ focusQuote: relId })
    store.getState().select({ kind: 'relation', id: relId })
  }
  return (
    <Modal title="New relation" onClose={onClose}>
      <form
        className="edit-form"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <div className="field">
          <ActorCombobox label="From actor" onChoose={(a) => setFrom(index.graph.actors[a]!.id)} />
          {from !== null ? <span className="field-hint">From: {name(from)}</span> : null}
        </div>
        <div className="field">
          <ActorCombobox label="To actor" onChoose={(a) => setTo(index.graph.actors[a]!.id)} />
          {to !== null ? <span className="field-hint">To: {name(to)}</span> : null}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-type`}>Type</label>
            <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
              {types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-stance`}>Stance</label>
            <select id={`${id}-stance`} value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
              {STANCES.map((s) => (
                <option key={s} value={s}>
                  {STANCE_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-start`}>Start year</label>
            <input
              id={`${id}-start`}
              inputMode="numeric"
              value={start}
              disabled={undated}
              onChange={(e) => setStart(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>End year</label>
            <input
              id={`${id}-end`}
              inputMode="numeric"
              value={end}
              disabled={undated}
              aria-describedby={`${id}-end-hint`}
              onChange={(e) => setEnd(e.target.value)}
            />
            <span id={`${id}-end-hint`} className="field-hint">
              Empty means ongoing.
            </span>
          </div>
        </div>
        <div className="field-row">
          <Check label="Undated" checked={undated} onChange={setUndated} />
          <Check label="Approximate years" checked={approximate} onChange={setApproximate} />
          <Check label="Directed" checked={directed} onChange={setDirected} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>Summary</label>
          <textarea
            id={`${id}-summary`}
            rows={2}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            onPaste={(e) => refusePaste(e, setError)}
          />
        </div>
        {dialog.evidence !== undefined ? (
          <figure className="evidence">
            <blockquote>{dialog.evidence.quote}</blockquote>
          </figure>
        ) : null}
        <FieldError id={`${id}-error`} error={error} />
        <p className="form-actions">
          <button type="submit">Add</button>{' '}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </p>
      </form>
    </Modal>
  )
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange: (v: boolean) => void
}) {
  const id = useId()
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
