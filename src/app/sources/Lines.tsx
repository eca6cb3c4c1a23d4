/**
 * What the first view shows of the sources UI: the top bar's "Sources" button, the evidence line
 * under the status ("Evidence check"), and "Show in source" beside a quotation. The panels and the
 * reader they open load on first use (app/lazyParts.tsx).
 */
import './sources.css'
import type { Evidence } from '../../model/types'
import { countsText } from '../../evidence/check'
import { useExplorerContext } from '../context'
import { useHasSourcesUi, useSourcesUi } from './ui'
import { useEvidenceReport } from './useEvidence'
import { useAnchorWriteBack } from './repair'

export function SourcesToggle() {
  const open = useSourcesUi((s) => s.panel)
  const set = useSourcesUi((s) => s.set)
  return (
    <button
      type="button"
      aria-pressed={open}
      aria-controls="panel-right"
      onClick={() => set({ panel: !open })}
    >
      Sources
    </button>
  )
}

/** "Show in source", beside a quotation whose source has a text. */
export function ShowInSource({
  relation,
  index,
  evidence,
}: {
  relation: string
  index: number
  evidence: Evidence
}) {
  const has = useHasSourcesUi()
  const { index: gi } = useExplorerContext()
  const open = useSourcesUi((s) => s.openReader)
  const source = gi.graph.sources.find((s) => s.id === evidence.source)
  if (!has || source?.text === undefined) return null
  return (
    <button
      type="button"
      className="link small show-in-source"
      onClick={() => open({ source: source.id, relation, index })}
    >
      Show in source
    </button>
  )
}

/** The evidence counts under the status line, and the button that lists what is not exact. */
export function EvidenceLine() {
  const report = useEvidenceReport()
  useAnchorWriteBack(report)
  const open = useSourcesUi((s) => s.check)
  const set = useSourcesUi((s) => s.set)
  if (report === null)
    return (
      <p className="evidence-line muted" aria-live="polite">
        Checking the evidence…
      </p>
    )
  const c = report.counts
  if (c.exact + c.moved + c.review + c.notFound + c.unchecked + c.unsupported === 0) return null
  return (
    <p className="evidence-line">
      <span aria-live="polite">
        Evidence: {countsText(c)}
        {c.unsupported > 0 ? ` · ${c.unsupported} unsupported` : ''}
      </span>{' '}
      <button type="button" className="link small" aria-pressed={open} onClick={() => set({ check: !open })}>
        Evidence check
      </button>
    </p>
  )
}
