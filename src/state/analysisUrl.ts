/**
 * Keeps the balance and comparison settings in the address bar (beside the filters that urlSync
 * writes; each binding touches only its own parameters). Changes replace the current entry; Back
 * and Forward restore them.
 */
import { decodeAnalysisUi, encodeAnalysisUi } from './analysisUi'
import type { ExplorerStore } from './store'

export function bindAnalysisUrl(store: ExplorerStore, win: Window = window): () => void {
  store.getState().setAnalysis(decodeAnalysisUi(win.location.search))
  let applying = false
  const unsubscribe = store.subscribe((state, prev) => {
    if (applying || state.analysis === prev.analysis) return
    const search = encodeAnalysisUi(win.location.search, state.analysis)
    if (search === win.location.search) return
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${search}${win.location.hash}`)
  })
  const onPop = () => {
    applying = true
    try {
      store.getState().setAnalysis(decodeAnalysisUi(win.location.search))
    } finally {
      applying = false
    }
  }
  win.addEventListener('popstate', onPop)
  return () => {
    unsubscribe()
    win.removeEventListener('popstate', onPop)
  }
}
