/**
 * The year slider as assistive technology expects it (WAI-ARIA multi-thumb slider): thumbs bounded
 * by each other, Home/End to the other thumb, one thumb never moving the other; the range dragged
 * by pointer and touch keeping its width; Play's speed and its announcements. The graph below has
 * dated relations in 2000 and 2010, so the slider spans 2000–2010 (expected values worked by hand).
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ExplorerContext, createEngineSlot } from '../../../src/app/context'
import { StatusLine } from '../../../src/app/GraphView'
import { YearSlider } from '../../../src/app/YearSlider'
import { DEFAULT_FILTER } from '../../../src/model/filter'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import type { Graph } from '../../../src/model/types'
import { createExplorerStore } from '../../../src/state/store'

const graph: Graph = {
  schemaVersion: 1,
  title: 'years',
  relationTypes: [{ id: 'military', label: 'Military', color: '#D55E00' }],
  sources: [{ id: 's', title: 'S' }],
  actors: ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase(), kind: 'state' as const })),
  relations: [
    {
      id: 'r0',
      source: 'a',
      target: 'b',
      type: 'military',
      stance: 'cooperative',
      start: 2000,
      end: 2000,
      summary: 'x',
    },
    {
      id: 'r1',
      source: 'b',
      target: 'c',
      type: 'military',
      stance: 'hostile',
      start: 2010,
      end: 2010,
      summary: 'x',
    },
  ],
}

function renderSlider(yearWindow: readonly [number, number] | null = null) {
  const index = buildIndex(graph)
  const store = createExplorerStore({
    filter: { ...DEFAULT_FILTER, yearWindow },
  })
  render(
    <ExplorerContext.Provider
      value={{ store, index, engine: createEngineSlot(), views: createDrawnViewCache() }}
    >
      <StatusLine />
      <YearSlider />
    </ExplorerContext.Provider>,
  )
  return {
    store,
    from: screen.getByRole('slider', { name: 'From year' }),
    to: screen.getByRole('slider', { name: 'To year' }),
  }
}
const now = (el: HTMLElement) => Number(el.getAttribute('aria-valuenow'))
const bounds = (el: HTMLElement) => [
  Number(el.getAttribute('aria-valuemin')),
  Number(el.getAttribute('aria-valuemax')),
]

describe('thumbs bounded by each other', () => {
  it('gives each thumb the other as a bound in aria-valuemin / aria-valuemax', () => {
    const { from, to } = renderSlider([2003, 2007])
    expect(bounds(from)).toEqual([2000, 2007])
    expect(bounds(to)).toEqual([2003, 2010])
    expect(from).toHaveAttribute('aria-valuetext', '2003')
  })

  it('Home on "To year" goes to the From value and leaves "From year" where it is', () => {
    const { from, to, store } = renderSlider([2003, 2007])
    fireEvent.keyDown(to, { key: 'Home' })
    expect([now(from), now(to)]).toEqual([2003, 2003])
    expect(store.getState().filter.yearWindow).toEqual([2003, 2003])
    // A single year: both bounds meet, and the label says the year alone.
    expect(bounds(from)).toEqual([2000, 2003])
    expect(bounds(to)).toEqual([2003, 2010])
    expect(screen.getByText('2003', { selector: '.year-window' })).toBeInTheDocument()
  })

  it('End on "From year" goes to the To value; Home and End on the outer sides go to the extent', () => {
    const { from, to } = renderSlider([2003, 2007])
    fireEvent.keyDown(from, { key: 'End' })
    expect([now(from), now(to)]).toEqual([2007, 2007])
    fireEvent.keyDown(from, { key: 'Home' })
    expect([now(from), now(to)]).toEqual([2000, 2007])
    fireEvent.keyDown(to, { key: 'End' })
    expect([now(from), now(to)]).toEqual([2000, 2010])
  })

  it('never moves the other thumb: arrows and PageUp/PageDown stop at it', () => {
    const { from, to } = renderSlider([2004, 2006])
    fireEvent.keyDown(from, { key: 'ArrowRight' })
    fireEvent.keyDown(from, { key: 'ArrowRight' })
    fireEvent.keyDown(from, { key: 'ArrowRight' })
    expect([now(from), now(to)]).toEqual([2006, 2006])
    fireEvent.keyDown(to, { key: 'ArrowLeft' })
    expect([now(from), now(to)]).toEqual([2006, 2006])
    fireEvent.keyDown(to, { key: 'PageDown' })
    expect([now(from), now(to)]).toEqual([2006, 2006])
    fireEvent.keyDown(from, { key: 'PageDown' }) // a big step: 5 years
    expect([now(from), now(to)]).toEqual([2001, 2006])
    fireEvent.keyDown(from, { key: 'PageUp' })
    fireEvent.keyDown(from, { key: 'PageUp' })
    expect([now(from), now(to)]).toEqual([2006, 2006])
    fireEvent.keyDown(to, { key: 'PageUp' })
    expect([now(from), now(to)]).toEqual([2006, 2010])
  })
})

describe('pointer and touch', () => {
  // The track is 100 px wide from x = 0: one year per 10 px.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(
      () =>
        ({
          left: 0,
          top: 0,
          right: 100,
          bottom: 6,
          width: 100,
          height: 6,
          x: 0,
          y: 0,
          toJSON: () => ({}),
        }) as DOMRect,
    )
    HTMLElement.prototype.setPointerCapture = () => {}
  })
  afterEach(() => vi.restoreAllMocks())

  const drag = (el: Element, xs: number[], pointerType: string) => {
    fireEvent.pointerDown(el, { button: 0, pointerId: 1, clientX: xs[0], pointerType })
    for (const x of xs.slice(1)) fireEvent.pointerMove(el, { pointerId: 1, clientX: x, pointerType })
    fireEvent.pointerUp(el, { pointerId: 1, clientX: xs.at(-1), pointerType })
  }

  it.each(['mouse', 'touch'])(
    'dragging the range by %s moves the window keeping its width',
    (pointerType) => {
      const { store } = renderSlider([2002, 2005])
      const range = document.querySelector('.range')!
      drag(range, [30, 40, 50], pointerType) // +2 years
      expect(store.getState().filter.yearWindow).toEqual([2004, 2007])
      drag(range, [50, 100], pointerType) // +5, stopped at the end
      expect(store.getState().filter.yearWindow).toEqual([2007, 2010])
      drag(range, [50, -100], pointerType) // far left, stopped at the start
      expect(store.getState().filter.yearWindow).toEqual([2000, 2003])
    },
  )

  it('dragging a thumb past the other stops at it', () => {
    const { from, to } = renderSlider([2002, 2005])
    drag(from, [20, 90], 'mouse')
    expect([now(from), now(to)]).toEqual([2005, 2005])
  })

  it('with both thumbs on one year, the first move chooses the thumb', () => {
    const { from, to } = renderSlider([2005, 2005])
    drag(to, [50, 30], 'touch') // leftwards: "From year"
    expect([now(from), now(to)]).toEqual([2003, 2005])
    drag(to, [50, 80], 'touch')
    expect([now(from), now(to)]).toEqual([2003, 2008])
  })
})

describe('Play', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('offers the speeds 0.5×, 1× and 2×, one year a second at 1×', () => {
    renderSlider([2000, 2000])
    const speed = screen.getByRole('combobox', { name: 'Speed' })
    expect(Array.from((speed as HTMLSelectElement).options, (o) => o.textContent)).toEqual([
      '0.5×',
      '1×',
      '2×',
    ])
    expect(speed).toHaveValue('1')
    fireEvent.click(screen.getByRole('button', { name: 'Play' }))
    const from = screen.getByRole('slider', { name: 'From year' })
    act(() => vi.advanceTimersByTime(999))
    expect(now(from)).toBe(2000)
    act(() => vi.advanceTimersByTime(1))
    expect(now(from)).toBe(2001)
    fireEvent.change(speed, { target: { value: '2' } })
    act(() => vi.advanceTimersByTime(500))
    expect(now(from)).toBe(2002)
    fireEvent.change(speed, { target: { value: '0.5' } })
    act(() => vi.advanceTimersByTime(1999))
    expect(now(from)).toBe(2002)
    act(() => vi.advanceTimersByTime(1))
    expect(now(from)).toBe(2003)
  })

  it('announces the year once per step in a polite live region and in the status line', () => {
    renderSlider([2000, 2000])
    const live = screen.getByTestId('year-announcer')
    expect(live).toHaveAttribute('aria-live', 'polite')
    expect(live).toHaveTextContent(/^$/)
    fireEvent.click(screen.getByRole('button', { name: 'Play' }))
    act(() => vi.advanceTimersByTime(1000))
    expect(live).toHaveTextContent(/^Year 2001$/)
    expect(screen.getByRole('status')).toHaveTextContent(/ · 2001$/)
    // Nothing changes between steps: the text is written once per step.
    const changes: string[] = []
    const obs = new MutationObserver(() => changes.push(live.textContent ?? ''))
    obs.observe(live, { subtree: true, childList: true, characterData: true })
    act(() => vi.advanceTimersByTime(999))
    expect(changes).toEqual([])
    act(() => vi.advanceTimersByTime(1))
    obs.disconnect()
    expect(live).toHaveTextContent(/^Year 2002$/)
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    expect(live).toHaveTextContent(/^$/)
    expect(screen.getByRole('status')).not.toHaveTextContent(/·/)
  })
})
