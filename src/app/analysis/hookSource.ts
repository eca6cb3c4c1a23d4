/**
 * `window.__explorer.balance()` and `.compare(a, b)`, exactly as the README documents them.
 * balance() asks the analysis worker (the same computation the panel shows, loaded on first
 * call); compare() is one linear pass, answered at once.
 */
import type { BalanceAnalysis } from '../../analysis/balance'
import { compareYears } from '../../analysis/compare'
import type { AnalysisHookSource, BalanceHookResult } from '../../engine/hook'
import type { GraphIndex } from '../../model/graphIndex'
import type { ExplorerStore } from '../../state/store'
import { balanceRequest, compareRequest } from './requests'

const toHook = (b: BalanceAnalysis): BalanceHookResult => ({
  triangles: b.triangles,
  census: { ...b.census },
  strong: b.strong,
  weak: b.weak,
  frustration: { ...b.frustration },
  camps: [[...b.camps[0]], [...b.camps[1]]],
  contested: b.contested,
  unsigned: b.unsigned,
})

export function analysisHookSource(index: () => GraphIndex | null, store: ExplorerStore): AnalysisHookSource {
  return {
    async balance() {
      const g = index()
      if (g === null) throw new Error('__explorer.balance(): no graph is loaded')
      const { analysisClientFor } = await import('./client')
      return toHook(await analysisClientFor(g).run(balanceRequest(store.getState().filter)))
    },
    compare(a, b) {
      const g = index()
      if (g === null) throw new Error('__explorer.compare(): no graph is loaded')
      if (!Number.isInteger(a) || !Number.isInteger(b))
        throw new Error(
          `__explorer.compare(a, b): a and b must be whole years, got ${String(a)} and ${String(b)}`,
        )
      const r = compareRequest(store.getState().filter, [a, b])
      const c = compareYears(g, r.filter, a, b)
      return {
        formed: [...c.formed],
        ended: [...c.ended],
        changed: [...c.changed],
        unchanged: [...c.unchanged],
      }
    },
  }
}
