/** Export file names: the dataset title as a slug plus the year window, e.g. `alliances_2016-2023.json`. */
import { isFullWindow, type YearWindow } from '../../model/years'

export function slug(title: string, max = 60): string {
  const dashed = title
    .normalize('NFKD')
    // Latin, Greek and Cyrillic accents go ("é" → "e"); other scripts' marks recompose below.
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    // Letters, marks and digits of any script stay (file systems take them); the rest becomes '-'.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  const s = Array.from(dashed).slice(0, max).join('').replace(/-+$/, '')
  return s === '' ? 'graph' : s
}

const year = (y: number) => (y < 0 ? `${-y}bce` : String(y))

/**
 * `exportFileName("Iran–Azerbaijan relations", [2016, 2023], "json")` →
 * `iran-azerbaijan-relations_2016-2023.json`; `all-years` when the window is null or covers the
 * whole extent (when one is given).
 */
export function exportFileName(
  title: string,
  yearWindow: YearWindow | null,
  ext: string,
  extent: YearWindow | null = null,
): string {
  const full = yearWindow === null || (extent !== null && isFullWindow(yearWindow, extent))
  const years = full
    ? 'all-years'
    : yearWindow[0] === yearWindow[1]
      ? year(yearWindow[0])
      : `${year(yearWindow[0])}-${year(yearWindow[1])}`
  return `${slug(title)}_${years}.${ext.replace(/^\./, '')}`
}
