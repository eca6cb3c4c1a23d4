import { useState } from 'react'
import { throughFirst, type BalanceAnalysis, type UnbalancedTriangle } from '../../analysis/balance'
import { analysisCsv } from '../../analysis/csv'
import type { GraphIndex } from '../../model/graphIndex'
import { exportFileName } from '../../io/export/fileName'
import { useExplorer, useExplorerContext, useView } from '../context'
import { download } from '../download'
import { yearWindowText } from '../format'
import { analysisClientFor } from './client'
import { CAMP_COLORS } from './marks'
import { Quotations, signedRelationsBetween } from './Quotations'
import { balanceRequest, compareRequest, seriesRequest } from './requests'
import { useAnalysis } from './useAnalysis'

const count = (n: number) => n.toLocaleString('en')
const ratioText = (r: number | null) => (r === null ? 'no triangle' : r.toFixed(3))
const ROWS_STEP = 50
/** Names listed per camp; the export has them all. */
const CAMP_NAMES = 100
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** "A, B, C" sorted by label, the first CAMP_NAMES of them ("… and 1,234 more"). */
function campNames(camp: readonly string[], label: (id: string) => string): string {
  const names = camp.map(label).sort(collator.compare)
  const shown = names.slice(0, CAMP_NAMES).join(', ')
  return names.length > CAMP_NAMES ? `${shown} and ${count(names.length - CAMP_NAMES)} more` : shown
}

export function frustrationText(f: BalanceAnalysis['frustration']): string {
  return f.exact ? `${count(f.value)} (exact)` : `between ${count(f.lower)} and ${count(f.value)}`
}

/** The Balance panel: census, ratios, frustration index, camps, "Why unbalanced?", export. */
export function BalancePanel() {
  const { index } = useExplorerContext()
  const filter = useExplorer((s) => s.filter)
  const state = useAnalysis<'balance'>(balanceRequest(filter))
  const close = useExplorer((s) => s.setAnalysis)
  const compare = useExplorer((s) => s.analysis.compare)
  return (
    <section className="analysis-panel" role="region" aria-label="Balance">
      <div className="analysis-head">
        <h2>Balance</h2>
        <button
          type="button"
          className="close"
          aria-label="Close Balance"
          onClick={() => close({ balanceOpen: false, triangle: null })}
        >
          ×
        </button>
      </div>
      {compare === null ? (
        <p className="muted">Of what is shown: {yearWindowText(filter.yearWindow, index.yearExtent)}.</p>
      ) : (
        <CompareScope compare={compare} />
      )}
      <div role="status" aria-live="polite" className="analysis-status">
        {state.status === 'running' ? (
          <>
            Computing the balance… {Math.round(state.progress * 100)}%
            <progress max={1} value={state.progress} aria-label="Balance progress" />
          </>
        ) : state.status === 'error' ? (
          <span className="error">The balance could not be computed: {state.message}</span>
        ) : null}
      </div>
      {state.status === 'done' ? <BalanceResult result={state.result} index={index} /> : null}
    </section>
  )
}

/**
 * While two years are compared the map draws what either year shows, which is no one network to
 * balance: the panel says plainly that it analyses the year window, and offers each compared year.
 */
function CompareScope({ compare }: { compare: readonly [number, number] }) {
  const { index } = useExplorerContext()
  const w = useExplorer((s) => s.filter.yearWindow)
  const setYearWindow = useExplorer((s) => s.setYearWindow)
  const [a, b] = compare
  const on = (y: number) => w !== null && w[0] === y && w[1] === y
  const analysed = on(a) ? `Year A, ${a}` : on(b) ? `Year B, ${b}` : yearWindowText(w, index.yearExtent)
  return (
    <div className="analysis-scope">
      <p>
        Comparing {a} with {b}: the map draws what either year shows, but this balance is of the year window
        alone, not of the comparison. It analyses: {analysed}.
      </p>
      <p className="actions">
        {[a, b].map((y, i) => (
          <button key={i} type="button" aria-pressed={on(y)} onClick={() => setYearWindow([y, y])}>
            Balance of {y}
          </button>
        ))}
      </p>
    </div>
  )
}

function BalanceResult({ result: b, index }: { result: BalanceAnalysis; index: GraphIndex }) {
  const showCamps = useExplorer((s) => s.analysis.showCamps)
  const setAnalysis = useExplorer((s) => s.setAnalysis)
  const label = (id: string) => index.graph.actors[index.actorIndex.get(id) ?? -1]?.label ?? id
  return (
    <>
      <dl className="measures">
        <dt>Signed ties</dt>
        <dd>
          {count(b.signedTies)} among {count(b.signedActors)} actors
        </dd>
        <dt>Contested pairs</dt>
        <dd>{count(b.contested)}</dd>
        <dt>Unsigned pairs</dt>
        <dd>{count(b.unsigned)}</dd>
        <dt>Triangles</dt>
        <dd>{count(b.triangles)}</dd>
        <dt>Balance ratio</dt>
        <dd data-testid="balance-strong">{ratioText(b.strong)}</dd>
        <dt>Weak-balance ratio</dt>
        <dd data-testid="balance-weak">{ratioText(b.weak)}</dd>
        <dt>Frustration index</dt>
        <dd data-testid="balance-frustration">{frustrationText(b.frustration)}</dd>
      </dl>
      <table className="census">
        <caption>Triangle census</caption>
        <thead>
          <tr>
            <th scope="col">Signs</th>
            <th scope="col">Triangles</th>
            <th scope="col">Strong balance</th>
          </tr>
        </thead>
        <tbody>
          {(['+++', '++-', '+--', '---'] as const).map((k) => (
            <tr key={k}>
              <th scope="row">{k.replace(/-/g, '−')}</th>
              <td>{count(b.census[k])}</td>
              <td>{k === '+++' || k === '+--' ? 'balanced' : 'unbalanced'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Camps</h3>
      {b.signedActors === 0 ? (
        <p className="muted">No signed tie is shown.</p>
      ) : (
        <ul className="camps">
          {b.camps.map((camp, i) => (
            <li key={i} data-testid={`camp-${i + 1}`}>
              <span className="camp-dot" style={{ background: CAMP_COLORS[i] }} aria-hidden="true" />{' '}
              <strong>Camp {i + 1}</strong>: {count(camp.length)} {camp.length === 1 ? 'actor' : 'actors'}
              {camp.length > 0 ? ' — ' : ''}
              {campNames(camp, label)}
            </li>
          ))}
        </ul>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={showCamps}
          onChange={(e) => setAnalysis({ showCamps: e.target.checked })}
        />
        Show camps
      </label>
      {b.frustratedTies.length > 0 ? (
        <p className="muted">
          Frustrated ties{b.frustration.exact ? '' : ' (of the best split found)'}:{' '}
          {b.frustratedTies
            .slice(0, 30)
            .map(([x, y]) => `${label(x)}–${label(y)}`)
            .join(', ')}
          {b.frustratedTies.length > 30 ? ` and ${count(b.frustratedTies.length - 30)} more` : ''}
        </p>
      ) : null}
      <WhyUnbalanced result={b} index={index} label={label} />
      <ExportAnalysis result={b} />
    </>
  )
}

function WhyUnbalanced({
  result: b,
  index,
  label,
}: {
  result: BalanceAnalysis
  index: GraphIndex
  label: (id: string) => string
}) {
  const [open, setOpen] = useState(false)
  const [rows, setRows] = useState(ROWS_STEP)
  const selection = useExplorer((s) => s.selection)
  const chosen = useExplorer((s) => s.analysis.triangle)
  const setAnalysis = useExplorer((s) => s.setAnalysis)
  const view = useView()
  const selected = selection?.kind === 'actor' ? selection.id : null
  const list = throughFirst(b.unbalanced, selected)
  const key = (t: UnbalancedTriangle | readonly string[]) => ('actors' in t ? t.actors : t).join('|')
  const pick = list.find((t) => chosen !== null && key(t) === key(chosen)) ?? null
  const signText = (s: '+' | '-') => (s === '+' ? '+' : '−')
  const tieName = (t: UnbalancedTriangle, i: 0 | 1 | 2) => {
    const [x, y] = i === 0 ? [0, 1] : i === 1 ? [0, 2] : [1, 2]
    return `${label(t.actors[x]!)} – ${label(t.actors[y]!)} (${signText(t.signs[i])})`
  }
  return (
    <div className="why">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="why-unbalanced"
        onClick={() => {
          setOpen(!open)
          if (open) setAnalysis({ triangle: null })
        }}
      >
        Why unbalanced? <span className="count">{count(b.unbalancedCount)}</span>
      </button>
      {open ? (
        <div id="why-unbalanced">
          {b.unbalancedCount === 0 ? (
            <p className="muted">Every triangle shown is balanced.</p>
          ) : (
            <>
              <p className="muted">
                Unbalanced triangles (the product of their signs is −)
                {selected !== null ? `, those through ${label(selected)} first` : ''}
                {b.unbalancedCount > b.unbalanced.length
                  ? `; the first ${count(b.unbalanced.length)} of ${count(b.unbalancedCount)} are listed`
                  : ''}
                .
              </p>
              <ul className="triangles">
                {list.slice(0, rows).map((t) => (
                  <li key={key(t)}>
                    <button
                      type="button"
                      aria-pressed={pick !== null && key(pick) === key(t)}
                      onClick={() =>
                        setAnalysis({ triangle: pick !== null && key(pick) === key(t) ? null : t.actors })
                      }
                    >
                      {t.actors.map(label).join(', ')}: {t.signs.map(signText).join(' ')}
                    </button>
                  </li>
                ))}
              </ul>
              {list.length > rows ? (
                <button type="button" onClick={() => setRows(rows + ROWS_STEP)}>
                  Show more triangles
                </button>
              ) : null}
            </>
          )}
          {pick !== null ? (
            <section className="triangle-evidence" aria-label="Quotations of the chosen triangle">
              {([0, 1, 2] as const).map((i) => {
                const [x, y] = i === 0 ? [0, 1] : i === 1 ? [0, 2] : [1, 2]
                return (
                  <div key={i} className="tie-column">
                    <h4>{tieName(pick, i)}</h4>
                    <Quotations
                      index={index}
                      relations={signedRelationsBetween(
                        index,
                        view.relationShown,
                        pick.actors[x]!,
                        pick.actors[y]!,
                      )}
                    />
                  </div>
                )
              })}
            </section>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

function ExportAnalysis({ result }: { result: BalanceAnalysis }) {
  const { index, store } = useExplorerContext()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <p className="actions">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          setError(null)
          const { filter, analysis } = store.getState()
          const client = analysisClientFor(index)
          const series = index.yearExtent === null ? Promise.resolve(null) : client.run(seriesRequest(filter))
          const comparison =
            analysis.compare === null
              ? Promise.resolve(null)
              : client.run(compareRequest(filter, analysis.compare))
          Promise.all([series, comparison])
            .then(([s, c]) => {
              const csv = analysisCsv({ series: s, balance: result, comparison: c })
              const name = exportFileName(
                index.graph.title,
                filter.yearWindow,
                'analysis.csv',
                index.yearExtent,
              )
              download(new Blob([csv], { type: 'text/csv' }), name)
            })
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false))
        }}
      >
        Export analysis
      </button>
      {error !== null ? <span role="alert">Export failed: {error}</span> : null}
    </p>
  )
}
