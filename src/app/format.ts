import type { Relation, Source } from '../model/types'

/** "2016–2019", "2020", "since 2020", "undated"; "c." when the years are inferred. */
export function yearsText(r: Pick<Relation, 'start' | 'end' | 'approximate'>): string {
  if (r.start === undefined) return 'undated'
  const c = r.approximate === true ? 'c. ' : ''
  if (r.end === undefined || r.end === null) return `${c}since ${r.start}`
  if (r.end === r.start) return `${c}${r.start}`
  return `${c}${r.start}–${r.end}`
}

/** "Title, Author, Publisher, 2021-10-05"; a text without a date but with `asOf` ends "as of 2023". */
export function citationText(s: Source): string {
  const when = s.published ?? (s.asOf !== undefined ? `as of ${s.asOf}` : undefined)
  return [s.title, s.author, s.publisher, when].filter((x) => x !== undefined && x !== '').join(', ')
}

/** Only http and https links are ever rendered as links. */
export function safeHref(url: string | undefined): string | null {
  if (url === undefined) return null
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

/** "All years (1991–2023)", "Years 2016–2021", "Year 2020"; "Undated relations only" without dates. */
export function yearWindowText(
  w: readonly [number, number] | null,
  extent: readonly [number, number] | null,
): string {
  if (extent === null) return 'No dated relations'
  if (w === null || (w[0] <= extent[0] && w[1] >= extent[1])) return `All years (${extent[0]}–${extent[1]})`
  return w[0] === w[1] ? `Year ${w[0]}` : `Years ${w[0]}–${w[1]}`
}
