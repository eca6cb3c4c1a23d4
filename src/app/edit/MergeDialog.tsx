/**
 * "Merge actors": choose the actor to keep, read what will happen before anything changes (ties
 * re-pointed, ties combined with their evidence joined, ties between the merged actors listed and
 * removed only when confirmed), then merge in one operation: one undo step, and the summary
 * ("Merged USA into United States: 7 ties re-pointed, 2 combined, 0 quotations lost") as a notice.
 */
import { useId, useMemo, useState } from 'react'
import { planMerge } from '../../document/merge'
import { relationName } from '../../document/ops'
import type { EditDialog, Editing } from '../../session/editing'
import { ActorCombobox } from '../ActorCombobox'
import { useExplorerContext } from '../context'
import { problemText } from './fields'
import { Modal } from './NewDialogs'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function MergeDialog({
  editing,
  dialog,
  onClose,
}: {
  editing: Editing
  dialog: Extract<EditDialog, { kind: 'merge' }>
  onClose: () => void
}) {
  const { index, store } = useExplorerContext()
  const id = useId()
  const [extra, setExtra] = useState<string | null>(null)
  const ids = useMemo(
    () => (extra !== null && !dialog.ids.includes(extra) ? [...dialog.ids, extra] : [...dialog.ids]),
    [dialog.ids, extra],
  )
  // "Merge into…" keeps the actor chosen; from the table, the first selected until another is picked.
  const [keep, setKeep] = useState<string | null>(dialog.into === true ? null : (dialog.ids[0] ?? null))
  const [confirmSelf, setConfirmSelf] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const net = editing.net()
  const label = (a: string) => index.graph.actors[index.actorIndex.get(a) ?? -1]?.label ?? a
  const ties = (a: string) => {
    const i = index.actorIndex.get(a)
    return i === undefined ? 0 : index.adjStart[i + 1]! - index.adjStart[i]!
  }
  const keepId = dialog.into === true ? extra : keep
  const plan = useMemo(() => {
    if (net === null || keepId === null) return null
    return planMerge(
      net,
      keepId,
      ids.filter((x) => x !== keepId),
    )
  }, [net, keepId, ids])
  const merge = () => {
    if (keepId === null) return
    const r = editing.apply({
      op: 'merge',
      keep: keepId,
      others: ids.filter((x) => x !== keepId),
      removeSelfTies: confirmSelf,
    })
    const problem = problemText(r)
    if (problem !== null) {
      setError(problem)
      return
    }
    store.getState().select({ kind: 'actor', id: keepId })
    onClose()
  }
  const p = plan?.ok === true ? plan.plan : null
  const selfQuotes = p?.selfTies.reduce((s, t) => s + t.quotes, 0) ?? 0
  const blocked = p === null || (p.selfTies.length > 0 && !confirmSelf)
  return (
    <Modal title="Merge actors" onClose={onClose} className="merge-dialog">
      {dialog.into === true ? (
        <>
          <p>
            Merge <strong>{label(dialog.ids[0]!)}</strong> into another actor: its ties move to that actor,
            and its label and aliases become that actor&apos;s aliases.
          </p>
          <ActorCombobox label="Merge into" autoFocus onChoose={(a) => setExtra(index.graph.actors[a]!.id)} />
          {extra !== null ? (
            <p>
              Keeping <strong>{label(extra)}</strong>.
            </p>
          ) : null}
        </>
      ) : (
        <fieldset>
          <legend>Actor to keep</legend>
          {ids.map((a) => (
            <div className="field field-check" key={a}>
              <input
                type="radio"
                id={`${id}-${a}`}
                name={`${id}-keep`}
                checked={keep === a}
                onChange={() => {
                  setKeep(a)
                  setError(null)
                }}
              />
              <label htmlFor={`${id}-${a}`}>
                {label(a)} <span className="muted">({plural(ties(a), 'tie')})</span>
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {plan?.ok === false ? <p role="alert">{plan.problems[0]?.message}</p> : null}
      {p !== null && net !== null ? (
        <div className="merge-plan" aria-live="polite">
          <h3>What will happen</h3>
          <ul>
            <li>
              {plural(p.repointed.length, 'tie is', 'ties are')} re-pointed to {label(p.keep)}.
            </li>
            <li>
              {p.combined.length === 0
                ? 'No tie becomes identical to another.'
                : `${plural(p.combined.length, 'tie becomes', 'ties become')} identical to another and ${p.combined.length === 1 ? 'is' : 'are'} combined, the quotations joined without duplicates:`}
              {p.combined.length > 0 ? (
                <ul>
                  {p.combined.slice(0, 20).map((c) => (
                    <li key={c.drop}>{relationName(net, c.drop)}</li>
                  ))}
                  {p.combined.length > 20 ? <li>and {p.combined.length - 20} more</li> : null}
                </ul>
              ) : null}
            </li>
            {p.aliases.length > 0 ? (
              <li>
                New aliases of {label(p.keep)}: {p.aliases.join(', ')}.
              </li>
            ) : null}
          </ul>
          {p.selfTies.length > 0 ? (
            <div className="merge-self">
              <p>
                {plural(p.selfTies.length, 'tie links', 'ties link')} the merged actors to each other, with{' '}
                {plural(selfQuotes, 'quotation')}. An actor cannot be tied to itself, so{' '}
                {p.selfTies.length === 1 ? 'it goes' : 'they go'} if you merge:
              </p>
              <ul>
                {p.selfTies.map((t) => (
                  <li key={t.id}>
                    {relationName(net, t.id)} ({plural(t.quotes, 'quotation')})
                  </li>
                ))}
              </ul>
              <div className="field field-check">
                <input
                  id={`${id}-self`}
                  type="checkbox"
                  checked={confirmSelf}
                  onChange={(e) => setConfirmSelf(e.target.checked)}
                />
                <label htmlFor={`${id}-self`}>
                  Remove {p.selfTies.length === 1 ? 'this tie' : `these ${p.selfTies.length} ties`}
                </label>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {error !== null ? <p role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={blocked} onClick={merge}>
          Merge
        </button>
      </div>
    </Modal>
  )
}
