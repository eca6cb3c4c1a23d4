import { useExplorer, useExplorerContext } from '../context'

/**
 * The "Balance" and "Compare years" buttons of the top bar. Light on purpose: the panels, the
 * analysis code and the worker load only once one of them is used.
 */
export function AnalysisToggles({ onOpen }: { onOpen?: () => void }) {
  const { index } = useExplorerContext()
  const open = useExplorer((s) => s.analysis.balanceOpen)
  const compare = useExplorer((s) => s.analysis.compare)
  const window_ = useExplorer((s) => s.filter.yearWindow)
  const setAnalysis = useExplorer((s) => s.setAnalysis)
  const extent = index.yearExtent
  return (
    <div className="analysis-toggles">
      <button
        type="button"
        aria-pressed={open}
        aria-controls="panel-right"
        onClick={() => {
          setAnalysis({ balanceOpen: !open, ...(open ? { triangle: null } : {}) })
          if (!open) onOpen?.()
        }}
      >
        Balance
      </button>
      {extent !== null ? (
        <button
          type="button"
          aria-pressed={compare !== null}
          aria-controls="panel-right"
          onClick={() => {
            if (compare !== null) setAnalysis({ compare: null })
            else {
              // Start from the ends of the current window (or of the data).
              const w = window_ ?? extent
              setAnalysis({ compare: [w[0], w[1] === w[0] ? extent[1] : w[1]] })
              onOpen?.()
            }
          }}
        >
          Compare years
        </button>
      ) : null}
    </div>
  )
}
