import { useMemo } from 'react'
import { UNDATED_MODES, type UndatedMode } from '../model/filter'
import { STANCES } from '../model/schema'
import { STANCE_DASH } from '../model/encoding'
import { STANCE_LABEL } from '../model/words'
import { QUESTIONED, UNSUPPORTED } from '../model/support'
import { useExplorer, useExplorerContext, useView } from './context'

export function StanceSwatch({ stance }: { stance: (typeof STANCES)[number] }) {
  return (
    <svg className="swatch-line" width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" strokeWidth="2.5" strokeDasharray={STANCE_DASH[stance].join(' ')} />
    </svg>
  )
}

const UNDATED_LABEL: Record<UndatedMode, string> = {
  always: 'Always',
  sources: 'As of their sources',
  hidden: 'Hidden',
}

/**
 * "Undated relations": shown always, as of the years their sources describe, or hidden. Offered only
 * when the graph has undated relations.
 */
function UndatedControl() {
  const { index } = useExplorerContext()
  const mode = useExplorer((s) => s.filter.undated)
  const setUndated = useExplorer((s) => s.setUndated)
  const undated = useMemo(() => {
    let n = 0
    for (let i = 0; i < index.relationCount; i++) if (index.start[i] === -Infinity) n++
    return n
  }, [index])
  if (undated === 0) return null
  return (
    <fieldset className="undated">
      <legend>
        Undated relations <span className="count">{undated}</span>
      </legend>
      {UNDATED_MODES.map((m) => (
        <label key={m} className="check">
          <input type="radio" name="undated" value={m} checked={mode === m} onChange={() => setUndated(m)} />
          <span className="check-label">{UNDATED_LABEL[m]}</span>
        </label>
      ))}
    </fieldset>
  )
}

export function FilterPanel() {
  const { index } = useExplorerContext()
  const view = useView()
  const hiddenTypes = useExplorer((s) => s.filter.hiddenTypes)
  const hiddenStances = useExplorer((s) => s.filter.hiddenStances)
  const showUnconnected = useExplorer((s) => s.filter.showUnconnected)
  const toggleType = useExplorer((s) => s.toggleType)
  const toggleStance = useExplorer((s) => s.toggleStance)
  const setShowUnconnected = useExplorer((s) => s.setShowUnconnected)
  const minSources = useExplorer((s) => s.filter.minSources)
  const hideContested = useExplorer((s) => s.filter.hideContested)
  const setMinSources = useExplorer((s) => s.setMinSources)
  const setHideContested = useExplorer((s) => s.setHideContested)
  const onlyUnsupported = useExplorer((s) => s.filter.onlyUnsupported === true)
  const onlyQuestioned = useExplorer((s) => s.filter.onlyQuestioned === true)
  const setOnlyUnsupported = useExplorer((s) => s.setOnlyUnsupported)
  const setOnlyQuestioned = useExplorer((s) => s.setOnlyQuestioned)
  const [unsupported, questioned] = useMemo(() => {
    let u = 0
    let q = 0
    for (const f of view.support) {
      if ((f & UNSUPPORTED) !== 0) u++
      if ((f & QUESTIONED) !== 0) q++
    }
    return [u, q]
  }, [view.support])
  return (
    <section className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">Filters</h2>
      <fieldset>
        <legend>Relation type</legend>
        {index.graph.relationTypes.map((t, i) => (
          <label key={t.id} className="check">
            <input
              type="checkbox"
              checked={!hiddenTypes.includes(t.id)}
              onChange={(e) => toggleType(t.id, e.target.checked)}
            />
            <span className="swatch" style={{ background: t.color }} aria-hidden="true" />
            <span className="check-label">{t.label}</span>{' '}
            <span className="count">{view.countByType[i]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Stance</legend>
        {STANCES.map((s, i) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={!hiddenStances.includes(s)}
              onChange={(e) => toggleStance(s, e.target.checked)}
            />
            <StanceSwatch stance={s} />
            <span className="check-label">{STANCE_LABEL[s]}</span>{' '}
            <span className="count">{view.countByStance[i]}</span>
          </label>
        ))}
      </fieldset>
      <UndatedControl />
      <fieldset>
        <legend>Evidence</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={minSources >= 2}
            onChange={(e) => setMinSources(e.target.checked ? 2 : 1)}
          />
          <span className="check-label">At least 2 sources</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={hideContested}
            onChange={(e) => setHideContested(e.target.checked)}
          />
          <span className="check-label">Hide contested</span>{' '}
          <span className="count">{view.contestedPairs}</span>
        </label>
        {unsupported > 0 || questioned > 0 || onlyUnsupported || onlyQuestioned ? (
          <fieldset className="only-ties">
            <legend>Show only</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={onlyUnsupported}
                onChange={(e) => setOnlyUnsupported(e.target.checked)}
              />
              <span className="check-label">Unsupported ties</span>{' '}
              <span className="count" title="ties with no quotation">
                {unsupported}
              </span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={onlyQuestioned}
                onChange={(e) => setOnlyQuestioned(e.target.checked)}
              />
              <span className="check-label">Needs review or not found</span>{' '}
              <span className="count" title="ties with a quotation the evidence check could not confirm">
                {questioned}
              </span>
            </label>
          </fieldset>
        ) : null}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={showUnconnected}
          onChange={(e) => setShowUnconnected(e.target.checked)}
        />
        <span className="check-label">Show unconnected actors</span>
      </label>
    </section>
  )
}
