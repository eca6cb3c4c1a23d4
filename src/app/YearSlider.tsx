import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { moveFrom, moveTo, playStep, shiftWindow, type YearWindow } from '../model/years'
import { useExplorer, useExplorerContext } from './context'

/** Play moves the window one year per second at 1×. */
const PLAY_INTERVAL_MS = 1000
export const PLAY_SPEEDS = [0.5, 1, 2] as const
export type PlaySpeed = (typeof PLAY_SPEEDS)[number]

type Part = 'from' | 'to' | 'range'

/** "2018" for a single year, "2016–2021" for a span. */
export const windowLabel = (w: YearWindow): string => (w[0] === w[1] ? `${w[0]}` : `${w[0]}–${w[1]}`)

/**
 * A year window with two thumbs ("From year", "To year") following the WAI-ARIA multi-thumb slider
 * pattern: each thumb is bounded by the other (its aria-valuemin/max say so) and operating one never
 * moves the other. The highlighted range between them drags the whole window, keeping its width.
 * Play steps the window forward once per second (times the chosen speed) and announces each year.
 * Not offered when the data has no dated relation.
 */
export function YearSlider() {
  const { index, store } = useExplorerContext()
  const extent = index.yearExtent
  const stored = useExplorer((s) => s.filter.yearWindow)
  const playing = useExplorer((s) => s.playing)
  const setYearWindow = useExplorer((s) => s.setYearWindow)
  const setPlaying = useExplorer((s) => s.setPlaying)
  const [speed, setSpeed] = useState<PlaySpeed>(1)
  const track = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!playing || extent === null) return
    const id = window.setInterval(() => {
      const w = store.getState().filter.yearWindow ?? extent
      const next = playStep(w, extent)
      if (next === null) store.getState().setPlaying(false)
      else store.getState().setYearWindow(next)
    }, PLAY_INTERVAL_MS / speed)
    return () => window.clearInterval(id)
  }, [playing, extent, store, speed])

  if (extent === null) return null
  const w: YearWindow = stored ?? extent
  const span = Math.max(1, extent[1] - extent[0])
  const pct = (y: number) => ((y - extent[0]) / span) * 100
  const apply = (next: YearWindow) => {
    setYearWindow(next[0] <= extent[0] && next[1] >= extent[1] ? null : next)
  }
  const current = (): YearWindow => store.getState().filter.yearWindow ?? extent

  const onKey = (which: 'from' | 'to') => (e: KeyboardEvent<HTMLDivElement>) => {
    const cur = which === 'from' ? w[0] : w[1]
    // The bounds of this thumb: the other thumb is one of them.
    const lo = which === 'from' ? extent[0] : w[0]
    const hi = which === 'from' ? w[1] : extent[1]
    const big = Math.max(5, Math.round(span / 10))
    let y: number
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        y = cur - 1
        break
      case 'ArrowRight':
      case 'ArrowUp':
        y = cur + 1
        break
      case 'PageDown':
        y = cur - big
        break
      case 'PageUp':
        y = cur + big
        break
      case 'Home':
        y = lo
        break
      case 'End':
        y = hi
        break
      default:
        return
    }
    e.preventDefault()
    apply(which === 'from' ? moveFrom(w, y, extent) : moveTo(w, y, extent))
  }

  const yearAt = (clientX: number, rect: DOMRect) => extent[0] + ((clientX - rect.left) / rect.width) * span

  /**
   * One drag per pointer (mouse, pen or touch). A thumb follows the pointer within its bounds; the
   * range moves the window by whole years. When both thumbs sit on one year the one dragged is
   * chosen by the first move: left moves "From year", right moves "To year".
   */
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    const el = e.currentTarget
    const part = el.dataset.part as Part
    const rect0 = track.current?.getBoundingClientRect()
    if (rect0 === undefined || rect0.width === 0) return
    e.preventDefault()
    el.setPointerCapture(e.pointerId)
    const start = current()
    const startYear = yearAt(e.clientX, rect0)
    let which: Part | null = part !== 'range' && start[0] === start[1] ? null : part
    if (part !== 'range') el.focus()
    const move = (ev: globalThis.PointerEvent) => {
      const rect = track.current?.getBoundingClientRect()
      if (!rect || rect.width === 0) return
      const y = yearAt(ev.clientX, rect)
      if (which === null) {
        if (Math.abs(y - startYear) < 0.5) return
        which = y < startYear ? 'from' : 'to'
      }
      const cur = current()
      if (which === 'range') apply(shiftWindow(start, y - startYear, extent))
      else apply(which === 'from' ? moveFrom(cur, y, extent) : moveTo(cur, y, extent))
    }
    const up = () => {
      el.removeEventListener('pointermove', move)
      el.removeEventListener('pointerup', up)
      el.removeEventListener('pointercancel', up)
    }
    el.addEventListener('pointermove', move)
    el.addEventListener('pointerup', up)
    el.addEventListener('pointercancel', up)
  }

  const togglePlay = () => {
    if (playing) {
      setPlaying(false)
      return
    }
    if (w[1] >= extent[1]) {
      const width = stored === null ? 0 : w[1] - w[0]
      setYearWindow([extent[0], Math.min(extent[1], extent[0] + width)])
    }
    setPlaying(true)
  }

  const label = windowLabel(w)
  const whole = w[0] === extent[0] && w[1] === extent[1]
  return (
    <div className="years" role="group" aria-label="Years">
      <button type="button" className="play" onClick={togglePlay}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <label className="speed">
        <span className="speed-label">Speed</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as PlaySpeed)}>
          {PLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="year-end" aria-hidden="true">
        {extent[0]}
      </span>
      <div className="track" ref={track}>
        <div
          className={`range${whole ? ' range-whole' : ''}`}
          title="Drag to move the year window"
          style={{ left: `${pct(w[0])}%`, width: `${pct(w[1]) - pct(w[0])}%` }}
          data-part="range"
          onPointerDown={onPointerDown}
        />
        {(['from', 'to'] as const).map((which) => {
          const value = which === 'from' ? w[0] : w[1]
          return (
            <div
              key={which}
              className={`thumb thumb-${which}`}
              role="slider"
              tabIndex={0}
              aria-label={which === 'from' ? 'From year' : 'To year'}
              aria-valuemin={which === 'from' ? extent[0] : w[0]}
              aria-valuemax={which === 'from' ? w[1] : extent[1]}
              aria-valuenow={value}
              aria-valuetext={String(value)}
              style={{ left: `${pct(value)}%` }}
              onKeyDown={onKey(which)}
              data-part={which}
              onPointerDown={onPointerDown}
            />
          )
        })}
      </div>
      <span className="year-end" aria-hidden="true">
        {extent[1]}
      </span>
      <span className="year-window">{stored === null ? `All years (${extent[0]}–${extent[1]})` : label}</span>
      {stored !== null ? (
        <button type="button" className="link" onClick={() => apply(extent)}>
          All years
        </button>
      ) : null}
      {/* Spoken once per Play step (the window changes once per step, not per frame). */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="year-announcer">
        {playing ? `Year ${label}` : ''}
      </p>
    </div>
  )
}
