/**
 * The sources UI's panels: the top bar's "Sources" button, the "Sources" panel, the evidence line
 * under the status ("Evidence check") and its list, and the "Show in source" link every quotation
 * gets.
 */
import './sources.css'
import { countsText } from '../../evidence/check'
import { mayWrite, writeRepairs } from './repair'
import { useExplorer, useExplorerContext } from '../context'
import { tieName } from './Reader'
import { useSourcesUi } from './ui'
import { useEvidenceReport } from './useEvidence'
export { EvidenceLine, ShowInSource, SourcesToggle } from './Lines'

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
