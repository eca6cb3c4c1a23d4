/** Year-window arithmetic for the slider and the Play control. Pure. */

export type YearWindow = readonly [number, number]

/** Clamps a window into the extent and keeps from ≤ to. */
export function clampWindow(w: YearWindow, extent: YearWindow): YearWindow {
  const clamp = (y: number) => Math.min(extent[1], Math.max(extent[0], Math.round(y)))
  const a = clamp(w[0])
  const b = clamp(w[1])
  return a <= b ? [a, b] : [b, a]
}

/** Moves "from" (or "to") to a year, pushing the other thumb along so that from ≤ to always holds. */
export function setFrom(w: YearWindow, year: number, extent: YearWindow): YearWindow {
  const y = clampWindow([year, year], extent)[0]
  return [y, Math.max(y, w[1])]
}
export function setTo(w: YearWindow, year: number, extent: YearWindow): YearWindow {
  const y = clampWindow([year, year], extent)[1]
  return [Math.min(y, w[0]), y]
}

/**
 * The multi-thumb slider rule (WAI-ARIA APG): each thumb is bounded by the other and never moves it.
 * "From" stays within [extent start, to], "to" within [from, extent end].
 */
export function moveFrom(w: YearWindow, year: number, extent: YearWindow): YearWindow {
  return [Math.min(w[1], Math.max(extent[0], Math.round(year))), w[1]]
}
export function moveTo(w: YearWindow, year: number, extent: YearWindow): YearWindow {
  return [w[0], Math.max(w[0], Math.min(extent[1], Math.round(year)))]
}

/** Moves the whole window by `delta` years keeping its width, stopping at the ends of the extent. */
export function shiftWindow(w: YearWindow, delta: number, extent: YearWindow): YearWindow {
  const width = w[1] - w[0]
  const from = Math.min(extent[1] - width, Math.max(extent[0], w[0] + Math.round(delta)))
  return [from, from + width]
}

/** One Play step: the window moves forward a year keeping its width; null once it reaches the end. */
export function playStep(w: YearWindow, extent: YearWindow): YearWindow | null {
  if (w[1] >= extent[1]) return null
  return [w[0] + 1, w[1] + 1]
}

export function isFullWindow(w: YearWindow | null, extent: YearWindow | null): boolean {
  return w === null || extent === null || (w[0] <= extent[0] && w[1] >= extent[1])
}
