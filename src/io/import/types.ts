/** Shared shapes of the importers: every converter ends in a format v1 graph or a list of problems. */
import type { Graph, Problem } from '../../model/types'

/** The formats the importer understands. `unknown` when nothing could be recognised. */
export type ImportFormat = 'v1' | 'd3' | 'gexf' | 'graphml' | 'csv' | 'table' | 'unknown'

/** A file that travels with the main one, e.g. the actors table next to a relations table. */
export interface ExtraFile {
  readonly name: string
  readonly text: string
}

export type ImportResult =
  | {
      readonly ok: true
      readonly graph: Graph
      readonly warnings: readonly Problem[]
      /** Human-readable assumptions the converter made, e.g. "Links given by index". */
      readonly notes: readonly string[]
      readonly format: ImportFormat
      /** The file name the user knows it by. */
      readonly name: string
    }
  | {
      readonly ok: false
      /** Every problem found, each with a path such as `nodes[3].id` or `row 12, column "target"`. */
      readonly errors: readonly Problem[]
      readonly warnings: readonly Problem[]
      readonly notes: readonly string[]
      readonly format: ImportFormat
      readonly name: string
    }

/** What a converter returns before the file name is attached. */
export type ConvertResult =
  | {
      readonly ok: true
      readonly graph: Graph
      readonly warnings: readonly Problem[]
      readonly notes: string[]
    }
  | {
      readonly ok: false
      readonly errors: readonly Problem[]
      readonly warnings: readonly Problem[]
      readonly notes: string[]
    }

export type ImportStage = 'reading' | 'parsing' | 'validating' | 'done'

export interface ImportProgress {
  readonly stage: ImportStage
  /** 0..1 within the stage. */
  readonly fraction: number
  /** Rows read so far, when a table is read. */
  readonly rows?: number
}

export type ProgressCallback = (progress: ImportProgress) => void

export const fileProblem = (message: string): Problem => ({ path: '(file)', message })

export function failure(errors: readonly Problem[], notes: string[] = [], warnings: readonly Problem[] = []) {
  return { ok: false as const, errors, warnings, notes }
}
