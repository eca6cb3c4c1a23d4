/**
 * What the user asked of the balance and comparison views (intent only; results live in the
 * analysis worker's replies). Pure: the type, its defaults and its URL form.
 *
 *   ?balance=1&camps=1&yearA=2016&yearB=2021
 */
export interface AnalysisUi {
  /** The Balance panel is open (its series chart shows under the year slider). */
  readonly balanceOpen: boolean
  /** Actors coloured by camp, frustrated ties marked. */
  readonly showCamps: boolean
  /** Compare years: the years A and B, or null when not comparing. */
  readonly compare: readonly [number, number] | null
  /** The unbalanced triangle chosen under "Why unbalanced?" (actor ids, ascending), not in the URL. */
  readonly triangle: readonly [string, string, string] | null
}

export const DEFAULT_ANALYSIS_UI: AnalysisUi = {
  balanceOpen: false,
  showCamps: false,
  compare: null,
  triangle: null,
}

const URL_KEYS = ['balance', 'camps', 'yearA', 'yearB'] as const

export function decodeAnalysisUi(search: string): AnalysisUi {
  const p = new URLSearchParams(search)
  const a = Number.parseInt(p.get('yearA') ?? '', 10)
  const b = Number.parseInt(p.get('yearB') ?? '', 10)
  return {
    balanceOpen: p.get('balance') === '1',
    showCamps: p.get('camps') === '1',
    compare: Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null,
    triangle: null,
  }
}

/** Writes the analysis part into `search`, keeping every other parameter as it was. */
export function encodeAnalysisUi(search: string, ui: AnalysisUi): string {
  const p = new URLSearchParams(search)
  for (const key of URL_KEYS) p.delete(key)
  if (ui.balanceOpen) p.set('balance', '1')
  if (ui.showCamps) p.set('camps', '1')
  if (ui.compare !== null) {
    p.set('yearA', String(ui.compare[0]))
    p.set('yearB', String(ui.compare[1]))
  }
  const s = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')
  return s === '' ? '' : `?${s}`
}

export const sameAnalysisUi = (x: AnalysisUi, y: AnalysisUi): boolean =>
  x.balanceOpen === y.balanceOpen &&
  x.showCamps === y.showCamps &&
  (x.compare === y.compare ||
    (x.compare !== null &&
      y.compare !== null &&
      x.compare[0] === y.compare[0] &&
      x.compare[1] === y.compare[1])) &&
  (x.triangle === y.triangle ||
    (x.triangle !== null && y.triangle !== null && x.triangle.join('|') === y.triangle.join('|')))
