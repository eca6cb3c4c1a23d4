/**
 * Per-actor camp classes and per-relation tie marks for the balance and comparison views, from
 * analysis results (src/analysis/) and the shown subgraph. Pure; computed when the view or the
 * results change, not per hover. The emphasis (emphasis.ts) passes them to the renderer.
 */
import type { View } from './filter'
import type { GraphIndex } from './graphIndex'

/** Camp classes (per actor). */
export const NO_CAMP = 0
export const CAMP_1 = 1
export const CAMP_2 = 2
/** A shown actor with no signed tie. */
export const CAMP_OUTSIDE = 3

/** Tie marks (per relation). */
export const NO_MARK = 0
export const MARK_FRUSTRATED = 1
export const MARK_FORMED = 2
export const MARK_ENDED = 3
export const MARK_CHANGED = 4
export const MARK_UNCHANGED = 5

/** The camps and frustrated ties of a balance analysis (actor ids). */
export interface CampsOverlay {
  readonly camps: readonly [readonly string[], readonly string[]]
  readonly frustrated: readonly (readonly [string, string])[]
}

/** The ties of a comparison: the relations behind each state and how the tie changed. */
export interface ComparisonOverlay {
  readonly ties: readonly {
    readonly change: 'formed' | 'ended' | 'changed' | 'unchanged'
    readonly relationsA: readonly number[]
    readonly relationsB: readonly number[]
  }[]
}

export interface AnalysisMarks {
  /** Per actor index a camp class, or null when camps are not shown. */
  readonly camp: Uint8Array | null
  /** Per relation index a tie mark, or null when there is none. */
  readonly mark: Uint8Array | null
  /** True when the marks come from a comparison (unmarked and unchanged ties are then faded). */
  readonly comparing: boolean
}

export const NO_MARKS: AnalysisMarks = { camp: null, mark: null, comparing: false }

export function analysisMarks(
  index: GraphIndex,
  view: View,
  camps: CampsOverlay | null,
  comparison: ComparisonOverlay | null,
): AnalysisMarks {
  if (camps === null && comparison === null) return NO_MARKS
  let camp: Uint8Array | null = null
  let mark: Uint8Array | null = null
  if (camps !== null) {
    camp = new Uint8Array(index.actorCount)
    for (const a of view.shownActors) camp[a] = CAMP_OUTSIDE
    camps.camps.forEach((ids, i) => {
      for (const id of ids) {
        const a = index.actorIndex.get(id)
        if (a !== undefined && view.actorShown[a] === 1) camp![a] = i === 0 ? CAMP_1 : CAMP_2
      }
    })
    mark = new Uint8Array(index.relationCount)
    // Frustrated pairs → their shown cooperative and hostile relations.
    const n = index.actorCount
    const pairs = new Set<number>()
    for (const [x, y] of camps.frustrated) {
      const a = index.actorIndex.get(x)
      const b = index.actorIndex.get(y)
      if (a !== undefined && b !== undefined) pairs.add(Math.min(a, b) * n + Math.max(a, b))
    }
    if (pairs.size > 0)
      for (const r of view.shownRelations) {
        if (index.stance[r] === 2) continue
        const a = index.src[r]!
        const b = index.tgt[r]!
        if (pairs.has(Math.min(a, b) * n + Math.max(a, b))) mark[r] = MARK_FRUSTRATED
      }
  }
  if (comparison !== null) {
    // A comparison's marks replace the frustrated marks: one mark per tie keeps the picture legible.
    mark = new Uint8Array(index.relationCount)
    for (const t of comparison.ties) {
      const m =
        t.change === 'formed'
          ? MARK_FORMED
          : t.change === 'ended'
            ? MARK_ENDED
            : t.change === 'changed'
              ? MARK_CHANGED
              : MARK_UNCHANGED
      for (const r of t.relationsA) if (r < mark.length) mark[r] = m
      for (const r of t.relationsB) if (r < mark.length) mark[r] = m
    }
  }
  return { camp, mark, comparing: comparison !== null }
}
