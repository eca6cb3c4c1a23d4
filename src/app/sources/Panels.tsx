/**
 * The sources UI's panels: the top bar's "Sources" button, the "Sources" panel, the evidence line
 * under the status ("Evidence check") and its list, and the "Show in source" link every quotation
 * gets.
 */
import './sources.css'
import { useEffect } from 'react'
import type { Evidence, Graph } from '../../model/types'
import { countsText, type EvidenceReport } from '../../evidence/check'
import type { AnchorRepair } from '../../document/ops'
import type { ExplorerContextValue } from '../context'
import { useExplorer, useExplorerContext } from '../context'
import { tieName } from './Reader'
import { useHasSourcesUi, useSourcesUi } from './ui'
import { useEvidenceReport } from './useEvidence'

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

export function SourcesPanel() {
  const { index, editing } = useExplorerContext()
  const open = useSourcesUi((s) => s.panel)
  const set = useSourcesUi((s) => s.set)
  const openReader = useSourcesUi((s) => s.openReader)
  if (!open) return null
  const quotes = new Map<string, number>()
  const ties = new Map<string, number>()
  for (const r of index.graph.relations) {
    const seen = new Set<string>()
    for (const e of r.evidence ?? []) {
      quotes.set(e.source, (quotes.get(e.source) ?? 0) + 1)
      if (!seen.has(e.source)) ties.set(e.source, (ties.get(e.source) ?? 0) + 1)
      seen.add(e.source)
    }
  }
  const n = (k: number, one: string, many: string) => `${k.toLocaleString('en')} ${k === 1 ? one : many}`
  return (
    <section className="sources-panel" aria-label="Sources">
      <h2>
        Sources <span className="count">{index.graph.sources.length}</span>
      </h2>
      <button
        type="button"
        className="close"
        aria-label="Close the Sources panel"
        onClick={() => set({ panel: false })}
      >
        ×
      </button>
      {editing !== undefined ? (
        <p>
          <button type="button" onClick={() => set({ add: true })}>
            Add source
          </button>
        </p>
      ) : null}
      {index.graph.sources.length === 0 ? <p className="muted">This network names no source.</p> : null}
      <ul className="sources-list">
        {index.graph.sources.map((s) => (
          <li key={s.id}>
            <p className="source-title">{s.title}</p>
            <dl className="source-meta">
              {s.author !== undefined ? (
                <>
                  <dt>Author</dt>
                  <dd>{s.author}</dd>
                </>
              ) : null}
              {s.publisher !== undefined ? (
                <>
                  <dt>Publisher</dt>
                  <dd>{s.publisher}</dd>
                </>
              ) : null}
              <dt>Date</dt>
              <dd>{s.published ?? (s.asOf !== undefined ? `describes ${s.asOf}` : 'not given')}</dd>
            </dl>
            <p className="muted">
              {n(quotes.get(s.id) ?? 0, 'quotation', 'quotations')} · {n(ties.get(s.id) ?? 0, 'tie', 'ties')}
              {s.text === undefined ? ' · no text' : ` · ${n(s.text.length, 'character', 'characters')}`}
            </p>
            {s.text !== undefined ? (
              <button
                type="button"
                onClick={() => openReader({ source: s.id })}
                aria-label={`Read ${s.title}`}
              >
                Read
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The anchors the check repaired (moved quotations), as an operation's repairs. */
export function anchorRepairs(graph: Graph, report: EvidenceReport): AnchorRepair[] {
  const byId = new Map(graph.relations.map((r) => [r.id, r]))
  const out: AnchorRepair[] = []
  for (const q of report.quotes) {
    if (q.state !== 'moved' || q.anchor === undefined) continue
    const e = byId.get(q.relation)?.evidence?.[q.index]
    if (e !== undefined) out.push({ relation: q.relation, index: q.index, quote: e.quote, anchor: q.anchor })
  }
  return out
}

/** Whether this screen may write the network: there is an editing session, and no live viewer role. */
function mayWrite(ctx: ExplorerContextValue): boolean {
  return ctx.editing !== undefined && ctx.live?.state.getState().role !== 'viewer'
}

/** The networks (ids) whose moved anchors were written back in this page: once each, so an undo stays undone. */
const repaired = new Set<string>()

/** Writes the repaired anchors of a report as one step; the network is then the user's own. */
function writeRepairs(ctx: ExplorerContextValue, report: EvidenceReport): void {
  const repairs = anchorRepairs(ctx.index.graph, report)
  const editing = ctx.editing!
  if (repairs.length > 0) editing.apply({ op: 'repairAnchors', repairs })
  // A file becomes the user's own network on its first change; its id comes when it is stored.
  const id = editing.state.getState().networkId
  if (id !== null) repaired.add(id)
  else {
    const off = editing.state.subscribe((s) => {
      if (s.networkId === null) return
      repaired.add(s.networkId)
      off()
    })
  }
}

/**
 * Moved quotations get their repaired anchors written back, as one undoable step whose notice says
 * so, when the network on screen is the user's own — once per network and page, so undoing the
 * repair keeps it undone. A file or the bundled dataset is left as it is: the Evidence check offers
 * "Repair moved anchors", which makes it the user's own.
 */
function useAnchorWriteBack(report: EvidenceReport | null) {
  const ctx = useExplorerContext()
  useEffect(() => {
    if (report === null || report.counts.moved === 0 || !mayWrite(ctx)) return
    const id = ctx.editing!.state.getState().networkId
    if (id === null || repaired.has(id)) return
    writeRepairs(ctx, report)
  }, [ctx, report])
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

const STATE_WORDS = {
  moved: 'moved',
  review: 'needs review',
  notFound: 'not found',
  unchecked: 'unchecked',
} as const

export function EvidenceCheckPanel() {
  const ctx = useExplorerContext()
  const { index } = ctx
  const open = useSourcesUi((s) => s.check)
  const set = useSourcesUi((s) => s.set)
  const openReader = useSourcesUi((s) => s.openReader)
  const select = useExplorer((s) => s.select)
  const report = useEvidenceReport()
  if (!open || report === null) return null
  const listed = report.quotes.filter((q) => q.state !== 'exact')
  const relation = (id: string) => index.graph.relations.find((r) => r.id === id)
  const textOf = (source: string) => index.graph.sources.find((s) => s.id === source)?.text ?? ''
  return (
    <section className="evidence-check" aria-label="Evidence check">
      <h2>Evidence check</h2>
      <button
        type="button"
        className="close"
        aria-label="Close evidence check"
        onClick={() => set({ check: false })}
      >
        ×
      </button>
      <p>{countsText(report.counts)}</p>
      {report.counts.moved > 0 && mayWrite(ctx) ? (
        <p>
          <button type="button" onClick={() => writeRepairs(ctx, report)}>
            Repair moved anchors
          </button>{' '}
          <span className="muted">writes the places where the quotes were found (one undo step)</span>
        </p>
      ) : null}
      {listed.length === 0 ? <p className="muted">Every quotation with a source text is exact.</p> : null}
      <ul className="check-list">
        {listed.map((q) => {
          const e = relation(q.relation)?.evidence?.[q.index]
          if (e === undefined) return null
          return (
            <li key={`${q.relation}/${q.index}`} className={`check-${q.state}`}>
              <p>
                <strong>{STATE_WORDS[q.state as keyof typeof STATE_WORDS]}</strong> ·{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => select({ kind: 'relation', id: q.relation })}
                >
                  {tieName(index.graph, q.relation)}
                </button>
              </p>
              {q.state === 'review' && q.nearest !== undefined ? (
                <div className="side-by-side">
                  <figure>
                    <figcaption>Quotation</figcaption>
                    <blockquote>{e.quote}</blockquote>
                  </figure>
                  <figure>
                    <figcaption>Nearest passage in the text</figcaption>
                    <blockquote>{textOf(q.source).slice(q.nearest.start, q.nearest.end)}</blockquote>
                  </figure>
                </div>
              ) : (
                <blockquote>{e.quote}</blockquote>
              )}
              {q.state === 'moved' ? (
                <p className="muted">
                  Anchor repaired: the quote is at {q.anchor!.start}, not at {q.from ?? 'its stored place'}.
                </p>
              ) : null}
              {q.state === 'moved' || q.state === 'review' ? (
                <button
                  type="button"
                  className="link small"
                  onClick={() => openReader({ source: q.source, relation: q.relation, index: q.index })}
                >
                  Show in source
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
