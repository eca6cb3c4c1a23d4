/**
 * Emphasis: which actors and relations stand out, as a pure function of the graph, the shown
 * subgraph and what the user asked to see ("the intent"). The renderer draws the masks it returns;
 * nothing here knows about canvases, stores or pointers.
 *
 * The intent is an object of optional parts so that new kinds of emphasis (a focus on an actor's
 * neighbourhood, a path, camps, a comparison of two years) are new fields with new mask classes:
 * callers that do not set them are unaffected.
 */
import type { View } from './filter'
import type { GraphIndex } from './graphIndex'

/** What the user asked to see emphasised. Every part is optional; ids are actor or relation ids. */
export interface EmphasisIntent {
  /** The selected actor or relation. */
  readonly selection?: { readonly kind: 'actor' | 'relation'; readonly id: string } | null
  /** The actor under the pointer. */
  readonly hover?: string | null
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
  const focus = actor >= 0 && view.actorShown[actor] === 1 ? actor : relation < 0 ? hovered : -1
  if (focus >= 0 && view.actorShown[focus] === 1) {
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
  }
  return {
    active,
    actors,
    relations,
    selectedActor: actor,
    selectedRelation: relation,
    hoveredActor: hovered,
  }
}
