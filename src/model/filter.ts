/**
 * What is shown: a pure function of the graph index and the filter settings.
 *
 * A relation is shown when its type and stance are enabled and its years [start, end] overlap the
 * year window [from, to]; no end means ongoing. An undated relation (no start) follows `undated`:
 * - 'always': shown in every window;
 * - 'sources': shown when the window includes a year its sources describe (a source's `asOf` year,
 *   else the year it was published); an undated relation none of whose sources has a year is not shown;
 * - 'hidden': never shown.
 * An actor is shown when at least one of its relations is, or always when `showUnconnected` is on.
 *
 * Evidence filters (model/ties.ts): with `minSources` above 1, a relation is shown only when its
 * quotations cite at least that many distinct sources; contested pairs are found among the
 * relations the other rules show, and `hideContested` then hides their disagreeing relations.
 * `onlyUnsupported` and `onlyQuestioned` ("Unsupported ties", "Needs review or not found") keep
 * only the relations with no quotation, or with a quotation the evidence check questions
 * (model/support.ts); both on keep either.
 */
import { contested, ties } from './ties'
import { QUESTIONED, supportFlags, UNSUPPORTED, type CheckedRelations } from './support'
import type { GraphIndex } from './graphIndex'
import { STANCES } from './schema'
import type { Graph, Stance } from './types'

/** How undated relations are shown: in every window, as of the years of their sources, or not at all. */
export const UNDATED_MODES = ['always', 'sources', 'hidden'] as const
export type UndatedMode = (typeof UNDATED_MODES)[number]

export interface FilterState {
  readonly hiddenTypes: readonly string[]
  readonly hiddenStances: readonly Stance[]
  /** Inclusive year window, or null for all years. */
  readonly yearWindow: readonly [number, number] | null
  readonly showUnconnected: boolean
  readonly undated: UndatedMode
  /** Fewest distinct sources a shown relation cites ("At least 2 sources" sets 2). */
  readonly minSources: number
  /** Hide the relations of contested pairs. */
  readonly hideContested: boolean
  /**
   * Show actors with no relation at all in the network (Edit mode sets it, so an actor just made
   * can be seen, chosen and tied). Not a user filter: not in the URL, not kept.
   */
  readonly showIsolated?: boolean
  /** Show only the relations with no quotation ("Unsupported ties"). */
  readonly onlyUnsupported?: boolean
  /** Show only the relations with a quotation that needs review or was not found. */
  readonly onlyQuestioned?: boolean
}

export const DEFAULT_FILTER: FilterState = {
  hiddenTypes: [],
  hiddenStances: [],
  yearWindow: null,
  showUnconnected: false,
  undated: 'always',
  minSources: 1,
  hideContested: false,
  onlyUnsupported: false,
  onlyQuestioned: false,
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
  /** How many of the shown relations are undated. */
  readonly undatedShown: number
  /** 1 when relation i belongs to a contested pair and type (whether or not it is hidden for it). */
  readonly contested: Uint8Array
  /** Contested pairs among the relations the other rules show. */
  readonly contestedPairs: number
  /** Per relation, UNSUPPORTED and QUESTIONED bits (model/support.ts), whether shown or not. */
  readonly support: Uint8Array
}

export function relationActive(
  start: number,
  end: number,
  window: readonly [number, number] | null,
): boolean {
  if (window === null) return true
  return start <= window[1] && end >= window[0]
}

/** The year a source describes: its `asOf` year when given, else the year it was published; null when neither. */
export function sourceYear(source: {
  readonly published?: string | undefined
  readonly asOf?: number | undefined
}): number | null {
  if (source.asOf !== undefined) return source.asOf
  if (source.published !== undefined) return Number.parseInt(source.published.slice(0, 4), 10)
  return null
}

/**
 * The years the sources of each relation describe, as compressed rows: relation i's years are
 * years[rowStart[i] .. rowStart[i+1]), distinct and ascending. Built once per graph.
 */
export interface SourceYears {
  readonly rowStart: Uint32Array
  readonly years: Float64Array
}

const sourceYearsCache = new WeakMap<Graph, SourceYears>()

export function relationSourceYears(graph: Graph): SourceYears {
  const cached = sourceYearsCache.get(graph)
  if (cached !== undefined) return cached
  const bySource = new Map<string, number>()
  for (const s of graph.sources) {
    const y = sourceYear(s)
    if (y !== null) bySource.set(s.id, y)
  }
  const m = graph.relations.length
  const rowStart = new Uint32Array(m + 1)
  const out: number[] = []
  for (let i = 0; i < m; i++) {
    const ys = new Set<number>()
    for (const e of graph.relations[i]!.evidence ?? []) {
      const y = bySource.get(e.source)
      if (y !== undefined) ys.add(y)
    }
    out.push(...[...ys].sort((a, b) => a - b))
    rowStart[i + 1] = out.length
  }
  const result = { rowStart, years: Float64Array.from(out) }
  sourceYearsCache.set(graph, result)
  return result
}

export function computeView(
  index: GraphIndex,
  filter: FilterState,
  checked: CheckedRelations | null = null,
): View {
  const { type, stance, start, end, relationCount: m } = index
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
  const undatedMode = filter.undated ?? 'always'
  const asOf = undatedMode === 'sources' ? relationSourceYears(index.graph) : null
  const minSources = filter.minSources ?? 1
  const sourceCount = minSources > 1 ? ties(index).sourceCount : null
  const support = supportFlags(index, checked)
  const onlyMask =
    (filter.onlyUnsupported === true ? UNSUPPORTED : 0) | (filter.onlyQuestioned === true ? QUESTIONED : 0)
  for (let i = 0; i < m; i++) {
    if (typeOn[type[i]!] === 0 || stanceOn[stance[i]!] === 0) continue
    if (onlyMask !== 0 && (support[i]! & onlyMask) === 0) continue
    if (sourceCount !== null && sourceCount[i]! < minSources) continue
    // Undated relations are stored as [-∞, +∞], so the overlap test alone would show them always.
    const undated = start[i] === -Infinity
    if (undated) {
      if (undatedMode === 'hidden') continue
      if (asOf !== null) {
        let inWindow = false
        for (let k = asOf.rowStart[i]!; k < asOf.rowStart[i + 1]! && !inWindow; k++) {
          const y = asOf.years[k]!
          inWindow = y >= from && y <= to
        }
        if (!inWindow) continue
      }
    } else if (start[i]! > to || end[i]! < from) continue
    relationShown[i] = 1
  }
  const disputed = contested(index, relationShown)
  if (filter.hideContested === true)
    for (let i = 0; i < m; i++) if (disputed.relation[i] === 1) relationShown[i] = 0
  return viewOfShown(
    index,
    relationShown,
    filter.showUnconnected,
    disputed,
    filter.showIsolated === true,
    support,
  )
}

/**
 * The view of a set of shown relations: their list, the actors they touch (or every actor, with
 * `showUnconnected`), degrees and the counts per type and stance. Shared by the window's view and
 * the view of a comparison of two years.
 */
export function viewOfShown(
  index: GraphIndex,
  relationShown: Uint8Array,
  showUnconnected: boolean,
  disputed: { readonly relation: Uint8Array; readonly pairs: number },
  showIsolated = false,
  support: Uint8Array = supportFlags(index, null),
): View {
  const { src, tgt, type, stance, start, relationCount: m, actorCount: n } = index
  const degree = new Uint32Array(n)
  const countByType = new Uint32Array(index.typeIndex.size)
  const countByStance = new Uint32Array(STANCES.length)
  let shown = 0
  let undatedShown = 0
  for (let i = 0; i < m; i++) {
    if (relationShown[i] !== 1) continue
    if (start[i] === -Infinity) undatedShown++
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
    if (showUnconnected || degree[a]! > 0 || (showIsolated && index.adjStart[a + 1] === index.adjStart[a])) {
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
    undatedShown,
    contested: disputed.relation,
    contestedPairs: disputed.pairs,
    support,
  }
}

/**
 * The view of a graph under a filter, recomputed only when either changes. A one-entry cache, one
 * per Explorer: its engine and its panels ask for the same view and share one computation.
 */
export type ViewCache = (index: GraphIndex, filter: FilterState, checked?: CheckedRelations | null) => View

export function createViewCache(): ViewCache {
  let last: { index: GraphIndex; key: string; checked: CheckedRelations | null; view: View } | null = null
  return (index, filter, checked = null) => {
    const key = JSON.stringify([
      filter.hiddenTypes,
      filter.hiddenStances,
      filter.yearWindow,
      filter.showUnconnected,
      filter.undated,
      filter.minSources,
      filter.hideContested,
      filter.showIsolated === true,
      filter.onlyUnsupported === true,
      filter.onlyQuestioned === true,
    ])
    if (last !== null && last.index === index && last.key === key && last.checked === checked)
      return last.view
    const view = computeView(index, filter, checked)
    last = { index, key, checked, view }
    return view
  }
}

/** "Showing 24 of 31 actors and 57 of 88 relations", then " (12 undated)" when undated relations are among them. */
export function statusText(view: View): string {
  const undated = view.undatedShown > 0 ? ` (${view.undatedShown} undated)` : ''
  return `Showing ${view.shownActors.length} of ${view.index.actorCount} actors and ${view.shownRelations.length} of ${view.index.relationCount} relations${undated}`
}
