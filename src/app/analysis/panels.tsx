/**
 * The balance and comparison panels and the series chart: one chunk, loaded when the Balance or
 * Compare years button is first used (or the URL asks for them), not with the page.
 */
import { useEffect, useMemo } from 'react'
import { NO_OVERLAY } from '../../engine/sceneData'
import { useExplorer, useExplorerContext } from '../context'
import { BalancePanel } from './BalancePanel'
import { ComparePanel } from './ComparePanel'
import { balanceRequest, compareRequest } from './requests'
import { useAnalysis } from './useAnalysis'

export { SeriesChart } from './SeriesChart'

export function AnalysisPanels() {
  const open = useExplorer((s) => s.analysis.balanceOpen)
  const comparing = useExplorer((s) => s.analysis.compare !== null)
  return (
    <>
      <OverlaySync />
      {comparing ? <ComparePanel /> : null}
      {open ? <BalancePanel /> : null}
    </>
  )
}

/**
 * Hands the graph what it draws over the view: the camps and frustrated ties while "Show camps" is
 * on, the comparison while comparing; nothing while either is being recomputed (a stale result is
 * never drawn as current), and nothing once the panels close.
 */
function OverlaySync() {
  const { engine } = useExplorerContext()
  const filter = useExplorer((s) => s.filter)
  const showCamps = useExplorer((s) => s.analysis.showCamps && s.analysis.balanceOpen)
  const compare = useExplorer((s) => s.analysis.compare)
  const b = useAnalysis<'balance'>(showCamps ? balanceRequest(filter) : null)
  const c = useAnalysis<'compare'>(compare === null ? null : compareRequest(filter, compare))
  const balance = b.status === 'done' ? b.result : null
  const comparison = c.status === 'done' ? c.result : null
  const overlay = useMemo(
    () => ({
      camps: balance === null ? null : { camps: balance.camps, frustrated: balance.frustratedTies },
      comparison,
    }),
    [balance, comparison],
  )
  useEffect(() => engine.get()?.setOverlay(overlay), [engine, overlay])
  useEffect(() => () => engine.get()?.setOverlay(NO_OVERLAY), [engine])
  return null
}
