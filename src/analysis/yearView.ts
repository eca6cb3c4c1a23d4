/** The relations a filter shows in one year: the filter with its window set to [year, year]. Pure. */
import { computeView, type FilterState } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'

export const yearShown = (index: GraphIndex, filter: FilterState, year: number): Uint8Array =>
  computeView(index, { ...filter, yearWindow: [year, year] }).relationShown
