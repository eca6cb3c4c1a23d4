import { useExplorer } from '../context'
import { CAMP_COLORS, MARK_COLORS, OUTSIDE_COLOR } from './marks'

/** Legend rows for camp colours, frustrated ties and comparison marks, shown while they are drawn. */
export function AnalysisLegend() {
  const camps = useExplorer((s) => s.analysis.showCamps && s.analysis.balanceOpen)
  const compare = useExplorer((s) => s.analysis.compare)
  if (!camps && compare === null) return null
  return (
    <ul className="analysis-legend" aria-label="Balance and comparison marks">
      {camps ? (
        <>
          <li>
            <Dot color={CAMP_COLORS[0]} /> Camp 1
          </li>
          <li>
            <Dot color={CAMP_COLORS[1]} /> Camp 2
          </li>
          <li>
            <Dot color={OUTSIDE_COLOR} /> Outside the signed network
          </li>
          <li>
            <MarkIcon kind="frustrated" /> Frustrated tie
          </li>
        </>
      ) : null}
      {compare !== null ? (
        <>
          <li>
            <MarkIcon kind="formed" /> Formed between {compare[0]} and {compare[1]}
          </li>
          <li>
            <MarkIcon kind="ended" /> Ended
          </li>
          <li>
            <MarkIcon kind="changed" /> Changed
          </li>
          <li>
            <MarkIcon kind="unchanged" /> Unchanged (faded)
          </li>
        </>
      ) : null}
    </ul>
  )
}

function Dot({ color }: { color: string }) {
  return (
    <svg width="24" height="14" viewBox="0 0 24 14" aria-hidden="true">
      <circle cx="12" cy="7" r="5.5" fill={color} stroke="currentColor" strokeWidth="1" />
    </svg>
  )
}

/** The same glyphs the graph draws at the middle of a tie. */
export function MarkIcon({ kind }: { kind: 'frustrated' | 'formed' | 'ended' | 'changed' | 'unchanged' }) {
  return (
    <svg width="24" height="14" viewBox="0 0 24 14" aria-hidden="true" className={`mark mark-${kind}`}>
      <line
        x1="0"
        y1="7"
        x2="24"
        y2="7"
        stroke="currentColor"
        strokeWidth="1.5"
        opacity={kind === 'unchanged' ? 0.3 : 1}
        strokeDasharray={kind === 'ended' ? '3 2' : undefined}
      />
      {kind === 'frustrated' ? (
        <path d="M9 11.5l3-9M12 11.5l3-9" stroke="currentColor" strokeWidth="1.8" />
      ) : kind === 'formed' ? (
        <>
          <circle cx="12" cy="7" r="5.5" fill={MARK_COLORS.formed} />
          <path d="M9 7h6M12 4v6" stroke="#fff" strokeWidth="1.6" />
        </>
      ) : kind === 'ended' ? (
        <>
          <circle cx="12" cy="7" r="5.5" fill={MARK_COLORS.ended} />
          <path d="M9 7h6" stroke="#000" strokeWidth="1.6" />
        </>
      ) : kind === 'changed' ? (
        <>
          <rect
            x="7"
            y="2"
            width="10"
            height="10"
            fill={MARK_COLORS.changed}
            stroke="#000"
            strokeWidth="0.8"
            transform="rotate(45 12 7)"
          />
        </>
      ) : null}
    </svg>
  )
}
