/**
 * What the graph draws while two years are compared: the union of what the filters (types, stances,
 * undated relations) show in year A and in year B, whatever the year window. Every relation behind
 * a compared tie is then drawn (an ended tie as much as a formed one), on the same layout. Pure.
 */
import { computeView, createViewCache, statusText, viewOfShown, type FilterState, type View } from './filter'
import type { GraphIndex } from './graphIndex'
import { contested } from './ties'
import type { CheckedRelations } from './support'

/** Year A and year B of a comparison. */
export type YearPair = readonly [number, number]

/** The relations shown in year A or in year B (each year alone as the window), and their actors. */
export function comparedView(
  index: GraphIndex,
  filter: FilterState,
  years: YearPair,
  checked: CheckedRelations | null = null,
): View {
  const viewA = computeView(index, { ...filter, yearWindow: [years[0], years[0]] }, checked)
  const viewB =
    years[1] === years[0]
      ? viewA
      : computeView(index, { ...filter, yearWindow: [years[1], years[1]] }, checked)
  const inA = viewA.relationShown
  const inB = viewB.relationShown
  const m = index.relationCount
  const relationShown = new Uint8Array(m)
  for (let i = 0; i < m; i++) if (inA[i] === 1 || inB[i] === 1) relationShown[i] = 1
  // A pair is contested when it is so within year A or within year B; a tie that flips from one
  // year to the other is a change, not a contest.
  const disputedInAYear = new Uint8Array(m)
  for (let i = 0; i < m; i++)
    if (viewA.contested[i] === 1 || viewB.contested[i] === 1) disputedInAYear[i] = relationShown[i]!
  return viewOfShown(
    index,
    relationShown,
    filter.showUnconnected,
    contested(index, disputedInAYear),
    false,
    viewA.support,
  )
}

/**
 * The drawn view: the filter's view, or while comparing (`compared` not null) the compared view.
 * One entry of each is kept, so the engine and the panels share one computation; while comparing,
 * a move of the year window returns the same view object (nothing to redraw).
 */
export type DrawnViewCache = (
  index: GraphIndex,
  filter: FilterState,
  compared?: YearPair | null,
  checked?: CheckedRelations | null,
) => View

export function createDrawnViewCache(): DrawnViewCache {
  const plain = createViewCache()
  let last: { index: GraphIndex; key: string; checked: CheckedRelations | null; view: View } | null = null
  return (index, filter, compared = null, checked = null) => {
    if (compared === null) return plain(index, filter, checked)
    // The window is left out of the key: it does not change what is drawn while comparing.
    const key = JSON.stringify([
      filter.hiddenTypes,
      filter.hiddenStances,
      filter.showUnconnected,
      filter.undated,
      filter.minSources,
      filter.hideContested,
      filter.onlyUnsupported === true,
      filter.onlyQuestioned === true,
      compared,
    ])
    if (last !== null && last.index === index && last.key === key && last.checked === checked)
      return last.view
    const view = comparedView(index, filter, compared, checked)
    last = { index, key, checked, view }
    return view
  }
}

/**
 * The status line: "Showing 24 of 31 actors and 57 of 88 relations (12 undated)", or while comparing
 * "Comparing 2016 with 2021 — showing 27 of 31 actors and 61 of 88 relations of either year (12 undated)".
 */
export function drawnStatusText(view: View, compared: YearPair | null): string {
  if (compared === null) return statusText(view)
  const undated = view.undatedShown > 0 ? ` (${view.undatedShown} undated)` : ''
  return `Comparing ${compared[0]} with ${compared[1]} — showing ${view.shownActors.length} of ${view.index.actorCount} actors and ${view.shownRelations.length} of ${view.index.relationCount} relations of either year${undated}`
}
