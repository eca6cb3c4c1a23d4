import { STANCES } from '../model/schema'
import { UNDATED_ALPHA } from '../render/edges'
import { KIND_SHAPE, shapePath } from '../model/encoding'
import type { ActorKind } from '../model/types'
import { KIND_LABEL, STANCE_LABEL } from '../model/words'
import { useExplorerContext, useView } from './context'
import { hasAnyQuotation, QUESTIONED, UNSUPPORTED } from '../model/support'
import { QUESTIONED_TEXT, UNSUPPORTED_TEXT } from '../render/legend'
import { supportPath } from '../render/svgMarkup'
import { StanceSwatch } from './FilterPanel'
import { AnalysisLegend } from './analysis/AnalysisLegend'
import { APPROXIMATE_ALPHA, EVIDENCE_WIDTH } from '../render/edges'

/**
 * Evidence: line width by distinct sources, faded approximate years, the contested mark, and the
 * support marks when the network has such ties: ∅ on a tie with no quotation (in a network that
 * quotes anything at all), × on one whose quotation needs review or was not found.
 */
function EvidenceLegend() {
  const view = useView()
  let unsupported = false
  let questioned = false
  for (const f of view.support) {
    unsupported ||= (f & UNSUPPORTED) !== 0
    questioned ||= (f & QUESTIONED) !== 0
  }
  unsupported &&= hasAnyQuotation(view.index.graph)
  const line = (width: number, opacity = 1) => (
    <svg className="swatch-line" width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" strokeWidth={width} strokeOpacity={opacity} />
    </svg>
  )
  return (
    <>
      {(['1 source', '2 sources', '3 or more sources'] as const).map((text, i) => (
        <li key={text}>
          {line(1.6 * EVIDENCE_WIDTH[i]!)} {text}
        </li>
      ))}
      <li>{line(1.6, APPROXIMATE_ALPHA)} Approximate years (“c.” in the details)</li>
      <li>
        <svg className="swatch-line contested-mark" width="28" height="12" aria-hidden="true">
          <line x1="1" y1="6" x2="27" y2="6" strokeWidth="1.4" />
          <path d="M14 1.5l4.5 4.5-4.5 4.5-4.5-4.5Z" />
        </svg>{' '}
        Contested: cooperative and hostile relations of one type
      </li>
      {unsupported ? (
        <li>
          <svg className="swatch-line support-mark" width="28" height="12" aria-hidden="true">
            <line x1="1" y1="6" x2="27" y2="6" strokeWidth="1.4" />
            <path className="mark" d={supportPath(true, 14, 6)} />
          </svg>{' '}
          {UNSUPPORTED_TEXT}
        </li>
      ) : null}
      {questioned ? (
        <li>
          <svg className="swatch-line support-mark" width="28" height="12" aria-hidden="true">
            <line x1="1" y1="6" x2="27" y2="6" strokeWidth="1.4" />
            <path className="mark" d={supportPath(false, 14, 6)} />
          </svg>{' '}
          {QUESTIONED_TEXT}
        </li>
      ) : null}
    </>
  )
}

/** Shape size in the legend's 24 px box: the same geometry the canvas draws, a little larger. */
const LEGEND_SHAPE_R = 5.5

/** Explains the encoding: colour = type, line style = stance, shape = kind, size = shown relations. */
export function Legend() {
  const { index } = useExplorerContext()
  const kinds = [...new Set(index.graph.actors.map((a) => a.kind))] as ActorKind[]
  const hasUndated = index.graph.relations.some((r) => r.start === undefined)
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">Legend</h2>
      <ul>
        {index.graph.relationTypes.map((t) => (
          <li key={t.id}>
            <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> {t.label}
          </li>
        ))}
        {STANCES.map((s) => (
          <li key={s}>
            <StanceSwatch stance={s} /> {STANCE_LABEL[s]}
          </li>
        ))}
        {hasUndated ? (
          <li className="legend-undated">
            <svg className="swatch-line" width="28" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="27" y2="5" strokeWidth="2.5" opacity={UNDATED_ALPHA} />
            </svg>{' '}
            Undated (lighter)
          </li>
        ) : null}
        {kinds.map((k) => (
          <li key={k}>
            <svg
              width="24"
              height="24"
              viewBox="0 0 24 24"
              aria-hidden="true"
              className={`shape shape-${KIND_SHAPE[k]}`}
            >
              <path d={shapePath(KIND_SHAPE[k], 12, 12, LEGEND_SHAPE_R)} />
            </svg>{' '}
            {KIND_LABEL[k]}
          </li>
        ))}
        <EvidenceLegend />
        <li className="legend-note">Node size: number of shown relations. Pin mark: placed by hand.</li>
      </ul>
      <AnalysisLegend />
    </section>
  )
}
