/** Export file names: the dataset title as a slug plus the year window, e.g. `alliances_2016-2023.json`. */
import { isFullWindow, type YearWindow } from '../../model/years'

export function slug(title: string, max = 60): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '')
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
