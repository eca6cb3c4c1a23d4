/** Messages between the main thread and the analysis worker. */
import type { BalanceAnalysis } from '../../analysis/balance'
import type { Comparison } from '../../analysis/compare'
import type { SeriesPoint } from '../../analysis/series'
import type { FilterState } from '../../model/filter'
import type { Graph } from '../../model/types'

export type AnalysisRequest =
  | { readonly kind: 'balance'; readonly filter: FilterState }
  | { readonly kind: 'series'; readonly filter: FilterState }
  | { readonly kind: 'compare'; readonly filter: FilterState; readonly a: number; readonly b: number }

export interface AnalysisResults {
  balance: BalanceAnalysis
  series: SeriesPoint[]
  compare: Comparison
}

export type ToHost =
  | { readonly type: 'graph'; readonly graph: Graph }
  | { readonly type: 'run'; readonly id: number; readonly request: AnalysisRequest }
  | { readonly type: 'cancel'; readonly id: number }

export type FromHost =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly result: AnalysisResults[AnalysisRequest['kind']] }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
