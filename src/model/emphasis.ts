/**
 * Emphasis: which actors and relations stand out, as a pure function of the graph, the shown
 * subgraph and what the user asked to see ("the intent"). The renderer draws the masks it returns;
 * nothing here knows about canvases, stores or pointers.
 *
 * The intent is an object of optional parts so that new kinds of emphasis (a focus on an actor's
 * neighbourhood, a path, camps, a comparison of two years) are new fields with new mask classes:
 * callers that do not set them are unaffected.
 */
import { MARK_UNCHANGED, NO_MARKS, type AnalysisMarks } from './analysisMarks'
import type { View } from './filter'
import type { GraphIndex } from './graphIndex'

/** What the user asked to see emphasised. Every part is optional; ids are actor or relation ids. */
export interface EmphasisIntent {
  /** The selected actor or relation. */
  readonly selection?: { readonly kind: 'actor' | 'relation'; readonly id: string } | null
  /** The actor under the pointer. */
  readonly hover?: string | null
  // Balance and year comparison (issue 14)
  /** An unbalanced triangle chosen under "Why unbalanced?" (actor ids): emphasised above all else. */
  readonly triangle?: readonly [string, string, string] | null
  /** Camp classes and tie marks of the current view (analysisMarks.ts). */
  readonly analysis?: AnalysisMarks | null
  // Focus and paths (issue 13)
  /**
   * Focus on a neighbourhood: 1 for each actor inside (analysis/neighbourhood.ts computes it). The
   * actors inside and the shown relations among them are emphasised, the rest dimmed; selection
   * and hover no longer widen the emphasis (their rings stay).
   */
  readonly focusActors?: Uint8Array | null
  /**
   * A traced path, as actor ids in order: its actors and the shown relations between consecutive
   * ones are emphasised, everything else dimmed. Wins over a focus and over the selection.
   */
  readonly path?: readonly string[] | null
}

/** Mask classes (the values in `actors` and `relations`). */
export const PLAIN = 0
export const EMPHASISED = 1

export interface Emphasis {
  /** False when nothing is emphasised: everything is drawn at full strength. */
  readonly active: boolean
  /** Per actor index: PLAIN (dimmed while active) or EMPHASISED. */
  readonly actors: Uint8Array
  /** Per relation index: PLAIN (dimmed while active) or EMPHASISED. */
  readonly relations: Uint8Array
  /** Actor index of the selection (shown or not), or -1. */
  readonly selectedActor: number
  /** Relation index of the selection (shown or not), or -1. */
  readonly selectedRelation: number
  /** Actor index under the pointer, or -1. */
  readonly hoveredActor: number
  // Balance and year comparison (issue 14)
  /** Per actor a camp class (analysisMarks.ts), or null when camps are not shown. */
  readonly camp?: Uint8Array | null
  /** Per relation a tie mark (frustrated, formed, ended, changed, unchanged), or null. */
  readonly mark?: Uint8Array | null
}

/** Nothing emphasised, for a graph of this size. */
export function noEmphasis(actorCount: number, relationCount: number): Emphasis {
  return {
    active: false,
    actors: new Uint8Array(actorCount),
    relations: new Uint8Array(relationCount),
    selectedActor: -1,
    selectedRelation: -1,
    hoveredActor: -1,
  }
}

/**
 * The rule: a shown selected actor, or else (when no relation is selected) the hovered actor, is
 * emphasised with its shown relations and their other ends; else a shown selected relation with its
 * two ends. Hidden actors and relations are never emphasised.
 */
export function computeEmphasis(index: GraphIndex, view: View, intent: EmphasisIntent): Emphasis {
  const sel = intent.selection ?? null
  const actor = sel?.kind === 'actor' ? (index.actorIndex.get(sel.id) ?? -1) : -1
  const relation = sel?.kind === 'relation' ? (index.relationIndex.get(sel.id) ?? -1) : -1
  const hovered = intent.hover != null ? (index.actorIndex.get(intent.hover) ?? -1) : -1
  const actors = new Uint8Array(index.actorCount)
  const relations = new Uint8Array(index.relationCount)
  let active = false
  const marks = intent.analysis ?? NO_MARKS
  const triangle = (intent.triangle ?? []).map((id) => index.actorIndex.get(id) ?? -1)
  const focus = actor >= 0 && view.actorShown[actor] === 1 ? actor : relation < 0 ? hovered : -1
  const path = intent.path ?? null
  const focusActors = intent.focusActors ?? null
  // A path of another graph (ids unknown here) emphasises nothing and dims nothing.
  const pathShown =
    path !== null &&
    path.length > 1 &&
    path.some((id) => view.actorShown[index.actorIndex.get(id) ?? -1] === 1)
  if (triangle.length === 3 && triangle.every((a) => a >= 0 && view.actorShown[a] === 1)) {
    // A chosen triangle: its three actors and the shown relations between any two of them.
    for (const a of triangle) {
      actors[a] = EMPHASISED
      for (let j = index.adjStart[a]!; j < index.adjStart[a + 1]!; j++) {
        const r = index.adjRel[j]!
        if (
          view.relationShown[r] === 1 &&
          triangle.includes(index.src[r]!) &&
          triangle.includes(index.tgt[r]!)
        )
          relations[r] = EMPHASISED
      }
    }
    active = true
  } else if (pathShown) {
    // The path's relations: the shown ones between each pair of consecutive actors.
    let prev = -1
    for (const id of path!) {
      const a = index.actorIndex.get(id) ?? -1
      if (a >= 0 && view.actorShown[a] === 1) actors[a] = EMPHASISED
      if (a >= 0 && prev >= 0) {
        for (let j = index.adjStart[a]!; j < index.adjStart[a + 1]!; j++) {
          const r = index.adjRel[j]!
          const other = index.src[r] === a ? index.tgt[r]! : index.src[r]!
          if (other === prev && view.relationShown[r] === 1) relations[r] = EMPHASISED
        }
      }
      prev = a
    }
    active = true
  } else if (focusActors !== null) {
    for (const a of view.shownActors) if (focusActors[a] === 1) actors[a] = EMPHASISED
    for (const r of view.shownRelations) {
      if (focusActors[index.src[r]!] === 1 && focusActors[index.tgt[r]!] === 1) relations[r] = EMPHASISED
    }
    active = true
  } else if (focus >= 0 && view.actorShown[focus] === 1) {
    actors[focus] = EMPHASISED
    for (let j = index.adjStart[focus]!; j < index.adjStart[focus + 1]!; j++) {
      const r = index.adjRel[j]!
      if (view.relationShown[r] !== 1) continue
      relations[r] = EMPHASISED
      actors[index.src[r]!] = EMPHASISED
      actors[index.tgt[r]!] = EMPHASISED
    }
    active = true
  } else if (relation >= 0 && view.relationShown[relation] === 1) {
    relations[relation] = EMPHASISED
    actors[index.src[relation]!] = EMPHASISED
    actors[index.tgt[relation]!] = EMPHASISED
    active = true
  } else if (marks.comparing && marks.mark !== null) {
    // Comparing two years: formed, ended and changed ties stand out, the rest is faded.
    for (const r of view.shownRelations) {
      const m = marks.mark[r]!
      if (m === 0 || m === MARK_UNCHANGED) continue
      relations[r] = EMPHASISED
      actors[index.src[r]!] = EMPHASISED
      actors[index.tgt[r]!] = EMPHASISED
    }
    active = true
  }
  return {
    active,
    actors,
    relations,
    selectedActor: actor,
    selectedRelation: relation,
    hoveredActor: hovered,
    camp: marks.camp,
    mark: marks.mark,
  }
}
