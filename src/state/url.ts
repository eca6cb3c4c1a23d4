/**
 * The shareable part of the view in the URL: graph, filters, year window, selection.
 * Only what differs from the defaults is written, so links stay short.
 *
 *   ?graph=data.json&hide=military&hideStance=neutral&from=2016&to=2021&sel=actor:iran&unconnected=1
 *   &undated=sources (or hidden; absent means always)
 *   &minSources=2&hideContested=1&focus=armenia&depth=2&others=dim
 *   &pathFrom=israel&pathTo=armenia (the path traced; pathTo absent while its other end is chosen)
 *   &unsupported=1&review=1 (only the ties with no quotation / with a quotation to review)
 */
import { DEFAULT_FILTER, UNDATED_MODES, type FilterState, type UndatedMode } from '../model/filter'
import { STANCES } from '../model/schema'
import type { Stance } from '../model/types'
import type { Focus, FocusMode, PathQuery, Selection } from './store'

export interface UrlView {
  readonly graph: string | null
  readonly filter: FilterState
  readonly selection: Selection
  readonly focus: Focus | null
  /** The path traced: its two ends (the path drawn is chosen again: the best-evidenced one). */
  readonly path: PathQuery | null
  /** Which filter fields the URL itself set (stored state may fill in the rest). */
  readonly given: ReadonlySet<keyof FilterState | 'selection'>
}

const list = (v: string | null): string[] =>
  v === null || v === ''
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')

export function decodeUrl(search: string): UrlView {
  const p = new URLSearchParams(search)
  const given = new Set<keyof FilterState | 'selection'>()
  const hiddenTypes = list(p.get('hide'))
  if (p.has('hide')) given.add('hiddenTypes')
  const hiddenStances = list(p.get('hideStance')).filter((s): s is Stance =>
    (STANCES as readonly string[]).includes(s),
  )
  if (p.has('hideStance')) given.add('hiddenStances')
  const from = Number.parseInt(p.get('from') ?? '', 10)
  const to = Number.parseInt(p.get('to') ?? '', 10)
  let yearWindow: readonly [number, number] | null = null
  if (Number.isFinite(from) && Number.isFinite(to)) {
    yearWindow = from <= to ? [from, to] : [to, from]
    given.add('yearWindow')
  }
  const showUnconnected = p.get('unconnected') === '1'
  if (p.has('unconnected')) given.add('showUnconnected')
  const undatedParam = p.get('undated')
  let undated: UndatedMode = DEFAULT_FILTER.undated
  if (undatedParam !== null && (UNDATED_MODES as readonly string[]).includes(undatedParam)) {
    undated = undatedParam as UndatedMode
    given.add('undated')
  }
  let selection: Selection = null
  const sel = p.get('sel')
  if (sel !== null) {
    const i = sel.indexOf(':')
    const kind = sel.slice(0, i)
    const id = sel.slice(i + 1)
    if ((kind === 'actor' || kind === 'relation') && id !== '') selection = { kind, id }
    given.add('selection')
  }
  const minSources = Number.parseInt(p.get('minSources') ?? '', 10)
  if (p.has('minSources')) given.add('minSources')
  const hideContested = p.get('hideContested') === '1'
  if (p.has('hideContested')) given.add('hideContested')
  const onlyUnsupported = p.get('unsupported') === '1'
  if (p.has('unsupported')) given.add('onlyUnsupported')
  const onlyQuestioned = p.get('review') === '1'
  if (p.has('review')) given.add('onlyQuestioned')
  return {
    graph: p.get('graph'),
    filter: {
      ...DEFAULT_FILTER,
      hiddenTypes,
      hiddenStances,
      yearWindow,
      showUnconnected,
      minSources: Number.isFinite(minSources) && minSources > 1 ? Math.min(minSources, 99) : 1,
      hideContested,
      undated,
      onlyUnsupported,
      onlyQuestioned,
    },
    selection,
    focus: decodeFocus(p),
    path: decodePath(p),
    given,
  }
}

function decodePath(p: URLSearchParams): PathQuery | null {
  const from = p.get('pathFrom')
  if (from === null || from === '') return null
  const to = p.get('pathTo')
  return { from, to: to === null || to === '' ? null : to, drawn: null }
}

/** True when two paths have the same ends (which path is drawn aside). */
export const samePathEnds = (a: PathQuery | null, b: PathQuery | null): boolean =>
  a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to)

function decodeFocus(p: URLSearchParams): Focus | null {
  const id = p.get('focus')
  if (id === null || id === '') return null
  const d = Number.parseInt(p.get('depth') ?? '1', 10)
  const depth = d === 2 || d === 3 ? d : 1
  const mode: FocusMode = p.get('others') === 'dim' ? 'dim' : 'hide'
  return { id, depth, mode }
}

/** Writes the view into `search` (keeping unrelated parameters) and returns the new query string. */
export function encodeUrl(
  search: string,
  filter: FilterState,
  selection: Selection,
  focus: Focus | null = null,
  path: PathQuery | null = null,
): string {
  const p = new URLSearchParams(search)
  for (const key of ['hide', 'hideStance', 'from', 'to', 'sel', 'unconnected', 'undated']) p.delete(key)
  for (const key of ['minSources', 'hideContested', 'focus', 'depth', 'others', 'pathFrom', 'pathTo'])
    p.delete(key)
  for (const key of ['unsupported', 'review']) p.delete(key)
  if (filter.hiddenTypes.length > 0) p.set('hide', filter.hiddenTypes.join(','))
  if (filter.hiddenStances.length > 0) p.set('hideStance', filter.hiddenStances.join(','))
  if (filter.yearWindow !== null) {
    p.set('from', String(filter.yearWindow[0]))
    p.set('to', String(filter.yearWindow[1]))
  }
  if (filter.showUnconnected !== DEFAULT_FILTER.showUnconnected)
    p.set('unconnected', filter.showUnconnected ? '1' : '0')
  if (filter.undated !== DEFAULT_FILTER.undated) p.set('undated', filter.undated)
  if (selection !== null) p.set('sel', `${selection.kind}:${selection.id}`)
  if ((filter.minSources ?? 1) > 1) p.set('minSources', String(filter.minSources))
  if (filter.hideContested === true) p.set('hideContested', '1')
  if (filter.onlyUnsupported === true) p.set('unsupported', '1')
  if (filter.onlyQuestioned === true) p.set('review', '1')
  if (focus !== null) {
    p.set('focus', focus.id)
    p.set('depth', String(focus.depth))
    if (focus.mode === 'dim') p.set('others', 'dim')
  }
  if (path !== null) {
    p.set('pathFrom', path.from)
    if (path.to !== null) p.set('pathTo', path.to)
  }
  const s = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')
  return s === '' ? '' : `?${s}`
}
