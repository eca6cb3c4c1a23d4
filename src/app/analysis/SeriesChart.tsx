import { useRef, useState, type KeyboardEvent } from 'react'
import type { SeriesPoint } from '../../analysis/series'
import { useExplorer, useExplorerContext } from '../context'
import { seriesRequest } from './requests'
import { useAnalysis } from './useAnalysis'

const H = 48 // drawing height in viewBox units
const COL = 10 // viewBox units per year

/**
 * Balance over time, under the year slider: per year of the extent (filters applied, the window set
 * to that year) the number of signed ties (bars) and the balance ratio (line), the current window
 * highlighted. Each year is a button (one tab stop, arrow keys move between years; Enter or a click
 * moves the window there); the same numbers are in a table below. Plain SVG: two marks on a
 * shared x axis did not justify a charting library.
 */
export function SeriesChart() {
  const { index } = useExplorerContext()
  const filter = useExplorer((s) => s.filter)
  const state = useAnalysis<'series'>(seriesRequest(filter))
  const extent = index.yearExtent
  if (extent === null) return null
  return (
    <section className="series" aria-label="Year-by-year balance">
      {state.status === 'done' ? (
        <Chart points={state.result} window_={filter.yearWindow ?? extent} />
      ) : (
        <p role="status" className="muted series-status">
          {state.status === 'error'
            ? `The series could not be computed: ${state.message}`
            : `Computing balance by year… ${state.status === 'running' ? Math.round(state.progress * 100) : 0}%`}
        </p>
      )}
    </section>
  )
}

function Chart({ points, window_ }: { points: SeriesPoint[]; window_: readonly [number, number] }) {
  const setYearWindow = useExplorer((s) => s.setYearWindow)
  const [focus, setFocus] = useState(() =>
    Math.max(
      0,
      points.findIndex((p) => p.year === window_[0]),
    ),
  )
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const n = points.length
  if (n === 0) return null
  const maxTies = Math.max(1, ...points.map((p) => p.signedTies))
  const W = n * COL
  const inWindow = (y: number) => y >= window_[0] && y <= window_[1]
  // The ratio line, broken at years without a triangle.
  let d = ''
  let pen = false
  points.forEach((p, i) => {
    if (p.strong === null) {
      pen = false
      return
    }
    const x = i * COL + COL / 2
    const y = 2 + (1 - p.strong) * (H - 4)
    d += `${pen ? 'L' : 'M'}${x} ${y}`
    // A lone point still shows: a short flat stroke.
    if (!pen && (points[i + 1]?.strong ?? null) === null) d += `h0.01`
    pen = true
  })
  const first = points.findIndex((p) => inWindow(p.year))
  const last = n - 1 - [...points].reverse().findIndex((p) => inWindow(p.year))
  const move = (i: number) => {
    const j = Math.max(0, Math.min(n - 1, i))
    setFocus(j)
    buttons.current[j]?.focus()
  }
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 }[e.key]
    if (step !== undefined) move(i + step)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(n - 1)
    else return
    e.preventDefault()
  }
  const label = (p: SeriesPoint) =>
    `${p.year}: balance ratio ${p.strong === null ? 'none (no triangle)' : p.strong.toFixed(3)}, ${p.signedTies} signed ties`
  return (
    <>
      <div className="series-plot">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
          {first >= 0 ? (
            <rect
              className="series-window"
              x={first * COL}
              y={0}
              width={(last - first + 1) * COL}
              height={H}
            />
          ) : null}
          {points.map((p, i) => {
            const h = (p.signedTies / maxTies) * (H - 4)
            return (
              <rect
                key={p.year}
                className="series-bar"
                x={i * COL + 2}
                y={H - h}
                width={COL - 4}
                height={h}
              />
            )
          })}
          <path className="series-line" d={d} vectorEffect="non-scaling-stroke" />
        </svg>
        <div className="series-years" role="group" aria-label="Years of the balance series">
          {points.map((p, i) => (
            <button
              key={p.year}
              ref={(el) => {
                buttons.current[i] = el
              }}
              type="button"
              tabIndex={i === focus ? 0 : -1}
              aria-label={label(p)}
              aria-current={inWindow(p.year) ? 'true' : undefined}
              title={label(p)}
              onFocus={() => setFocus(i)}
              onKeyDown={(e) => onKey(e, i)}
              onClick={() => setYearWindow([p.year, p.year])}
            />
          ))}
        </div>
      </div>
      <p className="series-axis" aria-hidden="true">
        <span>{points[0]!.year}</span>
        <span>
          <span className="key key-bar" /> signed ties (max {maxTies}) <span className="key key-line" />{' '}
          balance ratio (0–1)
        </span>
        <span>{points[n - 1]!.year}</span>
      </p>
      <details className="series-table">
        <summary>Balance by year as a table</summary>
        <table>
          <caption>Balance ratio and signed ties per year</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Signed ties</th>
              <th scope="col">Triangles</th>
              <th scope="col">Balance ratio</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year} aria-current={inWindow(p.year) ? 'true' : undefined}>
                <th scope="row">{p.year}</th>
                <td>{p.signedTies}</td>
                <td>{p.triangles}</td>
                <td>{p.strong === null ? '—' : p.strong.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}
