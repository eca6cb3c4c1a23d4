import { describe, expect, it } from 'vitest'
import { DEFAULT_ANALYSIS_UI, decodeAnalysisUi, encodeAnalysisUi } from '../../../src/state/analysisUi'
import { bindAnalysisUrl } from '../../../src/state/analysisUrl'
import { createExplorerStore } from '../../../src/state/store'

describe('analysis settings in the URL', () => {
  it('round-trips and keeps other parameters', () => {
    const ui = { ...DEFAULT_ANALYSIS_UI, balanceOpen: true, showCamps: true, compare: [2016, 2021] as const }
    const s = encodeAnalysisUi('?from=2016&to=2021&sel=actor:iran', ui)
    expect(s).toBe('?from=2016&to=2021&sel=actor:iran&balance=1&camps=1&yearA=2016&yearB=2021')
    expect(decodeAnalysisUi(s)).toEqual(ui)
    expect(encodeAnalysisUi(s, DEFAULT_ANALYSIS_UI)).toBe('?from=2016&to=2021&sel=actor:iran')
  })

  it('needs both years to compare', () => {
    expect(decodeAnalysisUi('?yearA=2016').compare).toBeNull()
    expect(decodeAnalysisUi('?yearA=x&yearB=2016').compare).toBeNull()
  })

  it('binds the store to the address bar both ways', () => {
    window.history.replaceState(null, '', '/?camps=1&hide=economic')
    const store = createExplorerStore()
    const unbind = bindAnalysisUrl(store)
    expect(store.getState().analysis.showCamps).toBe(true)
    store.getState().setAnalysis({ compare: [2019, 2021] })
    expect(window.location.search).toBe('?hide=economic&camps=1&yearA=2019&yearB=2021')
    window.history.pushState(null, '', '/?balance=1')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().analysis).toMatchObject({ balanceOpen: true, showCamps: false, compare: null })
    unbind()
  })

  it('skips a no-op change', () => {
    const store = createExplorerStore()
    const before = store.getState()
    store.getState().setAnalysis({ compare: null, showCamps: false })
    expect(store.getState()).toBe(before)
  })
})
