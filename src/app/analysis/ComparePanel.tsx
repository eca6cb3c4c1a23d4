import type { Comparison, TieDiff } from '../../analysis/compare'
import type { GraphIndex } from '../../model/graphIndex'
import { useExplorer, useExplorerContext } from '../context'
import { CHANGE_LABEL, STATE_LABEL } from './marks'
import { MarkIcon } from './AnalysisLegend'
import { Quotations } from './Quotations'
import { compareRequest } from './requests'
import { useAnalysis } from './useAnalysis'

const LIST_LIMIT = 200

/**
 * Compare years: "Year A" and "Year B", the four counts, and the formed, ended and changed ties,
 * each with the quotations behind its state in A and in B. The graph shows the same difference.
 */
export function ComparePanel() {
  const { index } = useExplorerContext()
  const compare = useExplorer((s) => s.analysis.compare)
  const filter = useExplorer((s) => s.filter)
  const setAnalysis = useExplorer((s) => s.setAnalysis)
  const extent = index.yearExtent
  const years: number[] = []
  if (extent !== null) for (let y = extent[0]; y <= extent[1]; y++) years.push(y)
  const state = useAnalysis<'compare'>(compare === null ? null : compareRequest(filter, compare))
  if (compare === null || extent === null) return null
  const yearSelect = (which: 0 | 1) => (
    <label className="year-pick">
      {which === 0 ? 'Year A' : 'Year B'}
      <select
        value={compare[which]}
        onChange={(e) => {
          const y = Number(e.target.value)
          setAnalysis({ compare: which === 0 ? [y, compare[1]] : [compare[0], y] })
        }}
      >
        {/* A year outside the data (from an old link) stays selectable so the control tells the truth. */}
        {(years.includes(compare[which]) ? years : [compare[which], ...years]).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <section className="analysis-panel" role="region" aria-label="Compare years">
      <div className="analysis-head">
        <h2>Compare years</h2>
        <button
          type="button"
          className="close"
          aria-label="Close Compare years"
          onClick={() => setAnalysis({ compare: null })}
        >
          ×
        </button>
      </div>
      <div className="year-picks">
        {yearSelect(0)}
        {yearSelect(1)}
      </div>
      <div role="status" aria-live="polite" className="analysis-status">
        {state.status === 'running' ? 'Comparing…' : state.status === 'error' ? state.message : null}
      </div>
      {state.status === 'done' ? <CompareResult c={state.result} index={index} /> : null}
    </section>
  )
}

function CompareResult({ c, index }: { c: Comparison; index: GraphIndex }) {
  const flipped = c.ties.filter((t) => t.flipped).length
  return (
    <>
      <dl className="measures compare-counts">
        <dt>
          <MarkIcon kind="formed" /> Formed
        </dt>
        <dd data-testid="count-formed">{c.formed.length}</dd>
        <dt>
          <MarkIcon kind="ended" /> Ended
        </dt>
        <dd data-testid="count-ended">{c.ended.length}</dd>
        <dt>
          <MarkIcon kind="changed" /> Changed
        </dt>
        <dd data-testid="count-changed">
          {c.changed.length}
          {flipped > 0 ? ` (${flipped} flipped)` : ''}
        </dd>
        <dt>
          <MarkIcon kind="unchanged" /> Unchanged
        </dt>
        <dd data-testid="count-unchanged">{c.unchanged.length}</dd>
      </dl>
      {(['formed', 'ended', 'changed'] as const).map((change) => (
        <TieList
          key={change}
          change={change}
          ties={c.ties.filter((t) => t.change === change)}
          c={c}
          index={index}
        />
      ))}
    </>
  )
}

function TieList({
  change,
  ties,
  c,
  index,
}: {
  change: 'formed' | 'ended' | 'changed'
  ties: TieDiff[]
  c: Comparison
  index: GraphIndex
}) {
  const label = (id: string) => index.graph.actors[index.actorIndex.get(id) ?? -1]?.label ?? id
  const typeLabel = (id: string) => index.graph.relationTypes.find((t) => t.id === id)?.label ?? id
  return (
    <section className="tie-list" aria-label={`${CHANGE_LABEL[change]} ties`}>
      <h3>
        {CHANGE_LABEL[change]} <span className="count">{ties.length}</span>
      </h3>
      {ties.length === 0 ? <p className="muted">None.</p> : null}
      <ul>
        {ties.slice(0, LIST_LIMIT).map((t) => (
          <li key={t.key}>
            <details>
              <summary>
                {label(t.a)} – {label(t.b)} · {typeLabel(t.type)}: {STATE_LABEL[t.stateA]} →{' '}
                {STATE_LABEL[t.stateB]}
                {t.flipped ? ' (flipped)' : ''}
              </summary>
              <div className="ab-evidence">
                <div>
                  <h4>In {c.yearA}</h4>
                  <Quotations index={index} relations={t.relationsA} />
                </div>
                <div>
                  <h4>In {c.yearB}</h4>
                  <Quotations index={index} relations={t.relationsB} />
                </div>
              </div>
            </details>
          </li>
        ))}
      </ul>
      {ties.length > LIST_LIMIT ? (
        <p className="muted">
          The first {LIST_LIMIT} of {ties.length} are listed; "Export analysis" writes them all.
        </p>
      ) : null}
    </section>
  )
}
