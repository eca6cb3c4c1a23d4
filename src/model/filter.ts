/**
 * What is shown: a pure function of the graph index and the filter settings.
 *
 * A relation is shown when its type and stance are enabled and its years [start, end] overlap the
 * year window [from, to]; no end means ongoing; an undated relation is shown in every window.
 * An actor is shown when at least one of its relations is, or always when `showUnconnected` is on.
 *
 * Evidence filters (model/ties.ts): with `minSources` above 1, a relation is shown only when its
 * quotations cite at least that many distinct sources; contested pairs are found among the
 * relations the other rules show, and `hideContested` then hides their disagreeing relations.
 */
import type { GraphIndex } from './graphIndex'
import { STANCES } from './schema'
import { contested, ties } from './ties'
import type { Stance } from './types'

export interface FilterState {
  readonly hiddenTypes: readonly string[]
  readonly hiddenStances: readonly Stance[]
  /** Inclusive year window, or null for all years. */
  readonly yearWindow: readonly [number, number] | null
  readonly showUnconnected: boolean
  /** Fewest distinct sources a shown relation cites ("At least 2 sources" sets 2). */
  readonly minSources: number
  /** Hide the relations of contested pairs. */
  readonly hideContested: boolean
}

export const DEFAULT_FILTER: FilterState = {
  hiddenTypes: [],
  hiddenStances: [],
  yearWindow: null,
  showUnconnected: false,
  minSources: 1,
  hideContested: false,
}

export interface View {
  readonly index: GraphIndex
  /** 1 when relation i is shown. */
  readonly relationShown: Uint8Array
  /** Indices of shown relations, ascending. */
  readonly shownRelations: Uint32Array
  /** 1 when actor i is shown. */
  readonly actorShown: Uint8Array
  /** Indices of shown actors, ascending. */
  readonly shownActors: Uint32Array
  /** Number of shown relations per actor. */
  readonly degree: Uint32Array
  /** Shown relations per relation type (by type index) and per stance (by STANCES index). */
  readonly countByType: Uint32Array
  readonly countByStance: Uint32Array
  /** 1 when relation i belongs to a contested pair and type (whether or not it is hidden for it). */
  readonly contested: Uint8Array
  /** Contested pairs among the relations the other rules show. */
  readonly contestedPairs: number
}

export function relationActive(
  start: number,
  end: number,
  window: readonly [number, number] | null,
): boolean {
  if (window === null) return true
  return start <= window[1] && end >= window[0]
}

export function computeView(index: GraphIndex, filter: FilterState): View {
  const { src, tgt, type, stance, start, end, relationCount: m, actorCount: n } = index
  const typeOn = new Uint8Array(index.typeIndex.size).fill(1)
  for (const t of filter.hiddenTypes) {
    const ti = index.typeIndex.get(t)
    if (ti !== undefined) typeOn[ti] = 0
  }
  const stanceOn = new Uint8Array(STANCES.length).fill(1)
  for (const s of filter.hiddenStances) {
    const si = STANCES.indexOf(s)
    if (si >= 0) stanceOn[si] = 0
  }
  const w = filter.yearWindow
  const from = w === null ? -Infinity : w[0]
  const to = w === null ? Infinity : w[1]
  const relationShown = new Uint8Array(m)
  const degree = new Uint32Array(n)
  const countByType = new Uint32Array(typeOn.length)
  const countByStance = new Uint32Array(STANCES.length)
  const minSources = filter.minSources ?? 1
  const sourceCount = minSources > 1 ? ties(index).sourceCount : null
  for (let i = 0; i < m; i++) {
    if (typeOn[type[i]!] === 0 || stanceOn[stance[i]!] === 0) continue
    if (start[i]! > to || end[i]! < from) continue
    if (sourceCount !== null && sourceCount[i]! < minSources) continue
    relationShown[i] = 1
  }
  const disputed = contested(index, relationShown)
  let shown = 0
  for (let i = 0; i < m; i++) {
    if (relationShown[i] !== 1) continue
    if (filter.hideContested === true && disputed.relation[i] === 1) {
      relationShown[i] = 0
      continue
    }
    shown++
    degree[src[i]!]!++
    degree[tgt[i]!]!++
    countByType[type[i]!]!++
    countByStance[stance[i]!]!++
  }
  const shownRelations = new Uint32Array(shown)
  for (let i = 0, j = 0; i < m; i++) if (relationShown[i] === 1) shownRelations[j++] = i
  const actorShown = new Uint8Array(n)
  let actors = 0
  for (let a = 0; a < n; a++) {
    if (filter.showUnconnected || degree[a]! > 0) {
      actorShown[a] = 1
      actors++
    }
  }
  const shownActors = new Uint32Array(actors)
  for (let a = 0, j = 0; a < n; a++) if (actorShown[a] === 1) shownActors[j++] = a
  return {
    index,
    relationShown,
    shownRelations,
    actorShown,
    shownActors,
    degree,
    countByType,
    countByStance,
    contested: disputed.relation,
    contestedPairs: disputed.pairs,
  }
}

/**
 * The view of a graph under a filter, recomputed only when either changes. A one-entry cache, one
 * per Explorer: its engine and its panels ask for the same view and share one computation.
 */
export type ViewCache = (index: GraphIndex, filter: FilterState) => View

export function createViewCache(): ViewCache {
  let last: { index: GraphIndex; key: string; view: View } | null = null
  return (index, filter) => {
    const key = JSON.stringify([
      filter.hiddenTypes,
      filter.hiddenStances,
      filter.yearWindow,
      filter.showUnconnected,
      filter.minSources,
      filter.hideContested,
    ])
    if (last !== null && last.index === index && last.key === key) return last.view
    const view = computeView(index, filter)
    last = { index, key, view }
    return view
  }
}

/** "Showing 24 of 31 actors and 57 of 88 relations" */
export function statusText(view: View): string {
  return `Showing ${view.shownActors.length} of ${view.index.actorCount} actors and ${view.shownRelations.length} of ${view.index.relationCount} relations`
}
