/**
 * "Add to this network…": a second file read by the same importers as "Open graph…", its actors
 * matched to the network's (by id, then label, then alias) and listed for review ("12 actors
 * matched, 3 new"), then added in one operation: one undo step, duplicate ties combined.
 */
import { useRef, useState } from 'react'
import { planAddGraph, summariseAddPlan, type AddGraphPlan } from '../../document/addGraph'
import { useExplorerContext } from '../context'
import { problemText } from './fields'
import { Modal } from './NewDialogs'

const BY: Record<'id' | 'label' | 'alias', string> = { id: 'same id', label: 'same label', alias: 'an alias' }

export function AddFileButton() {
  const { editing } = useExplorerContext()
  const input = useRef<HTMLInputElement>(null)
  const [plan, setPlan] = useState<AddGraphPlan | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const read = async (file: File) => {
    setError(null)
    setBusy(true)
    try {
      const { openFile } = await import('../../io/importClient')
      const r = await openFile(file)
      if (!r.ok) {
        const first = r.errors[0]
        setError(
          `${file.name} could not be added: ${first ? `${first.path}: ${first.message}` : 'unreadable'}${r.errors.length > 1 ? ` (and ${r.errors.length - 1} more problems)` : ''}`,
        )
        return
      }
      editing!.setEditing(true)
      const net = editing!.net()
      if (net === null) throw new Error('the network is not ready for editing')
      setPlan(planAddGraph(net, r.graph, r.name))
    } catch (e) {
      setError(`${file.name} could not be added: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.gexf,.graphml,.xml,.csv,.tsv,.txt,application/json,text/csv,application/xml"
        aria-label="File to add"
        onChange={(e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) void read(f)
        }}
      />
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        Add to this network…
      </button>
      {error !== null ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
      {plan !== null ? <AddReview plan={plan} onClose={() => setPlan(null)} /> : null}
    </>
  )
}

function AddReview({ plan, onClose }: { plan: AddGraphPlan; onClose: () => void }) {
  const { editing } = useExplorerContext()
  const [error, setError] = useState<string | null>(null)
  const matched = plan.actors.filter((a) => a.match !== null)
  const fresh = plan.actors.filter((a) => a.match === null)
  const net = editing!.net()
  const labelOf = (id: string) => String(net?.actors.get(id)?.get('label') ?? id)
  return (
    <Modal title="Add to this network" onClose={onClose} className="add-dialog">
      <p>
        <strong>{plan.name}</strong>: {summariseAddPlan(plan)};{' '}
        {plan.graph.relations.length.toLocaleString('en')}{' '}
        {plan.graph.relations.length === 1 ? 'relation' : 'relations'} to add (those identical to one already
        here are combined, their quotations joined).
      </p>
      {matched.length > 0 ? (
        <details open={matched.length <= 30}>
          <summary>Matched actors ({matched.length})</summary>
          <ul className="add-list">
            {matched.map((a) => (
              <li key={a.id}>
                {a.label} → {labelOf(a.match!)} <span className="muted">({BY[a.by!]})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {fresh.length > 0 ? (
        <details open={fresh.length <= 30}>
          <summary>New actors ({fresh.length})</summary>
          <ul className="add-list">
            {fresh.map((a) => (
              <li key={a.id}>{a.label}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {error !== null ? <p role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            const p = problemText(editing!.apply({ op: 'addGraph', plan }))
            if (p !== null) setError(p)
            else onClose()
          }}
        >
          Add
        </button>
      </div>
    </Modal>
  )
}
