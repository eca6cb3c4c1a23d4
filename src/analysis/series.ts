/**
 * Balance over time: for each year of the dataset's extent, the filters applied but the year window
 * set to that single year, the balance ratio and the number of signed ties. Pure.
 */
import type { FilterState } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import { triangleCensus } from './census'
import { signedNetwork } from './signed'
import { yearShown } from './yearView'

export { yearShown }

export interface SeriesPoint {
  readonly year: number
  readonly signedTies: number
  readonly triangles: number
  /** Balanced triangles (strong sense). */
  readonly balanced: number
  /** Strong balance ratio; null when the year has no triangle. */
  readonly strong: number | null
  /** Weak balance ratio; null when the year has no triangle. */
  readonly weak: number | null
}

/** The years of the series: every year of the extent, or none when no relation is dated. */
export function seriesYears(index: GraphIndex): number[] {
  const e = index.yearExtent
  if (e === null) return []
  const out: number[] = []
  for (let y = e[0]; y <= e[1]; y++) out.push(y)
  return out
}

export function seriesPoint(index: GraphIndex, filter: FilterState, year: number): SeriesPoint {
  const net = signedNetwork(index, yearShown(index, filter, year))
  const c = triangleCensus(net, 0)
  return {
    year,
    signedTies: net.eu.length,
    triangles: c.triangles,
    balanced: c.census['+++'] + c.census['+--'],
    strong: c.strong,
    weak: c.weak,
  }
}

/** The whole series as a generator yielding the fraction done after each year. */
export function* seriesSteps(index: GraphIndex, filter: FilterState): Generator<number, SeriesPoint[]> {
  const years = seriesYears(index)
  const out: SeriesPoint[] = []
  for (const y of years) {
    out.push(seriesPoint(index, filter, y))
    yield out.length / years.length
  }
  return out
}
