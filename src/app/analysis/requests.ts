/**
 * The requests the panels, the graph overlay and the test hook send, normalised so the same
 * question is the same request (and shares one computation): settings that cannot change the
 * answer are left out.
 */
import type { FilterState } from '../../model/filter'
import type { AnalysisRequest } from './protocol'

/** Balance of what is shown (unconnected actors have no tie, so they change nothing). */
export const balanceRequest = (filter: FilterState): Extract<AnalysisRequest, { kind: 'balance' }> => ({
  kind: 'balance',
  filter: { ...filter, showUnconnected: false },
})

/** Each point sets its own one-year window. */
export const seriesRequest = (filter: FilterState): Extract<AnalysisRequest, { kind: 'series' }> => ({
  kind: 'series',
  filter: { ...filter, yearWindow: null, showUnconnected: false },
})

/** The comparison follows the type and stance filters (and undated relations), not the window. */
export const compareRequest = (
  filter: FilterState,
  years: readonly [number, number],
): Extract<AnalysisRequest, { kind: 'compare' }> => ({
  kind: 'compare',
  filter: { ...filter, yearWindow: null, showUnconnected: false },
  a: years[0],
  b: years[1],
})
