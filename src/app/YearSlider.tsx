import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { playStep, setFrom, setTo, type YearWindow } from '../model/years'
import { useExplorer, useExplorerContext } from './context'

const PLAY_INTERVAL_MS = 1000

/**
 * A year window with two thumbs ("From year", "To year"), keyboard- and pointer-operable, and Play.
 * Not offered when the data has no dated relation.
 */
export function YearSlider() {
  const { index, store } = useExplorerContext()
  const extent = index.yearExtent
  const stored = useExplorer((s) => s.filter.yearWindow)
  const playing = useExplorer((s) => s.playing)
  const setYearWindow = useExplorer((s) => s.setYearWindow)
  const setPlaying = useExplorer((s) => s.setPlaying)
  const track = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!playing || extent === null) return
    const id = window.setInterval(() => {
      const w = store.getState().filter.yearWindow ?? extent
      const next = playStep(w, extent)
      if (next === null) store.getState().setPlaying(false)
      else store.getState().setYearWindow(next)
    }, PLAY_INTERVAL_MS)
    return () => window.clearInterval(id)
  }, [playing, extent, store])

  if (extent === null) return null
  const w: YearWindow = stored ?? extent
  const span = Math.max(1, extent[1] - extent[0])
  const pct = (y: number) => ((y - extent[0]) / span) * 100
  const apply = (next: YearWindow) => {
    setYearWindow(next[0] <= extent[0] && next[1] >= extent[1] ? null : next)
  }

  const onKey = (which: 'from' | 'to') => (e: KeyboardEvent<HTMLDivElement>) => {
    const cur = which === 'from' ? w[0] : w[1]
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
        y = extent[0]
        break
      case 'End':
        y = extent[1]
        break
      default:
        return
    }
    e.preventDefault()
    apply(which === 'from' ? setFrom(w, y, extent) : setTo(w, y, extent))
  }

  const onPointerDown = (which: 'from' | 'to') => (e: PointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget
    el.setPointerCapture(e.pointerId)
    el.focus()
    const move = (ev: globalThis.PointerEvent) => {
      const rect = track.current?.getBoundingClientRect()
      if (!rect || rect.width === 0) return
      const y = extent[0] + Math.round(((ev.clientX - rect.left) / rect.width) * span)
      const cur = store.getState().filter.yearWindow ?? extent
      apply(which === 'from' ? setFrom(cur, y, extent) : setTo(cur, y, extent))
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

  const label = w[0] === w[1] ? `${w[0]}` : `${w[0]}–${w[1]}`
  return (
    <div className="years" role="group" aria-label="Years">
      <button type="button" className="play" onClick={togglePlay}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <span className="year-end" aria-hidden="true">
        {extent[0]}
      </span>
      <div className="track" ref={track}>
        <div className="range" style={{ left: `${pct(w[0])}%`, width: `${pct(w[1]) - pct(w[0])}%` }} />
        {(['from', 'to'] as const).map((which) => {
          const value = which === 'from' ? w[0] : w[1]
          return (
            <div
              key={which}
              className={`thumb thumb-${which}`}
              role="slider"
              tabIndex={0}
              aria-label={which === 'from' ? 'From year' : 'To year'}
              aria-valuemin={extent[0]}
              aria-valuemax={extent[1]}
              aria-valuenow={value}
              aria-valuetext={String(value)}
              style={{ left: `${pct(value)}%` }}
              onKeyDown={onKey(which)}
              onPointerDown={onPointerDown(which)}
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
    </div>
  )
}
