/**
 * The balance and comparison panels and the series chart: one chunk, loaded when the Balance or
 * Compare years button is first used (or the URL asks for them), not with the page.
 */
import { useExplorer } from '../context'
import { BalancePanel } from './BalancePanel'
import { ComparePanel } from './ComparePanel'

export { SeriesChart } from './SeriesChart'

export function AnalysisPanels() {
  const open = useExplorer((s) => s.analysis.balanceOpen)
  const comparing = useExplorer((s) => s.analysis.compare !== null)
  return (
    <>
      {comparing ? <ComparePanel /> : null}
      {open ? <BalancePanel /> : null}
    </>
  )
}
