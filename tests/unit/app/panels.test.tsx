/**
 * Component tests: the panels rendered together in an ExplorerContext (no canvas: jsdom has none),
 * driven the way a user drives them, and checked against numbers computed here from the dataset
 * file with the documented rules, not with the app's own filter code.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ActorsList } from '../../../src/app/ActorsList'
import { ExplorerContext, createEngineSlot } from '../../../src/app/context'
import { DetailsPanel } from '../../../src/app/DetailsPanel'
import { FilterPanel } from '../../../src/app/FilterPanel'
import { StatusLine } from '../../../src/app/GraphView'
import { YearSlider } from '../../../src/app/YearSlider'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import { parseGraphText } from '../../../src/model/parse'
import type { Graph } from '../../../src/model/types'
import { createExplorerStore } from '../../../src/state/store'

interface RawRelation {
  id: string
  source: string
  target: string
  type: string
  stance: string
  start?: number
  end?: number | null
  evidence?: { source: string; quote: string }[]
}
interface RawDoc {
  actors: { id: string; label: string }[]
  relations: RawRelation[]
  sources: { id: string; title: string }[]
}

const text = readFileSync(resolve(__dirname, '../../../data/iran-azerbaijan.json'), 'utf8')
const raw = JSON.parse(text) as RawDoc
const parsed = parseGraphText(text)
if (!parsed.ok) throw new Error('bundled dataset does not validate')
const graph: Graph = parsed.graph

/** Expected status by the documented rule: a relation is shown when its type and stance are on
 *  and its years overlap the window (undated: always; no end: ongoing); an actor is shown when
 *  one of its relations is. */
function expected(opts: { hiddenTypes?: string[]; from?: number; to?: number }) {
  const rels = raw.relations.filter((r) => {
    if (opts.hiddenTypes?.includes(r.type)) return false
    if (r.start === undefined) return true
    const end = r.end ?? Infinity
    return r.start <= (opts.to ?? Infinity) && end >= (opts.from ?? -Infinity)
  })
  const actors = new Set(rels.flatMap((r) => [r.source, r.target]))
  const undated = rels.filter((r) => r.start === undefined).length
  return {
    status: `Showing ${actors.size} of ${raw.actors.length} actors and ${rels.length} of ${raw.relations.length} relations${undated > 0 ? ` (${undated} undated)` : ''}`,
    byType: (t: string) => rels.filter((r) => r.type === t).length,
  }
}

function renderPanels() {
  const index = buildIndex(graph)
  const store = createExplorerStore({})
  const value = { store, index, engine: createEngineSlot(), views: createDrawnViewCache() }
  render(
    <ExplorerContext.Provider value={value}>
      <StatusLine />
      <FilterPanel />
      <YearSlider />
      <ActorsList />
      <DetailsPanel />
    </ExplorerContext.Provider>,
  )
  return { store, index }
}

const dated = raw.relations.filter((r) => r.start !== undefined)
const minYear = Math.min(...dated.map((r) => r.start!))
const maxYear = Math.max(...dated.map((r) => Math.max(r.start!, r.end ?? r.start!)))

describe('filter panel and status', () => {
  it('unchecking "Military" changes the status and the type counts', async () => {
    renderPanels()
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent(expected({}).status)
    const military = screen.getByRole('checkbox', { name: /^Military \d+$/ })
    expect(military).toHaveAccessibleName(`Military ${expected({}).byType('military')}`)
    expect(expected({}).byType('military')).toBeGreaterThan(0)

    await userEvent.click(military)

    const after = expected({ hiddenTypes: ['military'] })
    expect(military).not.toBeChecked()
    expect(status).toHaveTextContent(after.status)
    expect(after.status).not.toBe(expected({}).status)
    expect(screen.getByRole('checkbox', { name: /^Military/ })).toHaveAccessibleName('Military 0')
    expect(screen.getByRole('checkbox', { name: /^Diplomatic/ })).toHaveAccessibleName(
      `Diplomatic ${after.byType('diplomatic')}`,
    )

    await userEvent.click(military)
    expect(status).toHaveTextContent(expected({}).status)
  })
})

describe('year slider', () => {
  it('offers two sliders spanning the data years', () => {
    renderPanels()
    const from = screen.getByRole('slider', { name: /^From year/ })
    const to = screen.getByRole('slider', { name: /^To year/ })
    expect(from).toHaveAttribute('aria-valuemin', String(minYear))
    expect(from).toHaveAttribute('aria-valuenow', String(minYear))
    expect(to).toHaveAttribute('aria-valuemax', String(maxYear))
    expect(to).toHaveAttribute('aria-valuenow', String(maxYear))
  })

  it('moving "From year" and "To year" by keyboard changes the status', () => {
    renderPanels()
    const status = screen.getByRole('status')
    const from = screen.getByRole('slider', { name: /^From year/ })
    const to = screen.getByRole('slider', { name: /^To year/ })

    fireEvent.keyDown(to, { key: 'Home' })
    // "To year" cannot pass "From year": Home puts it at the first year.
    expect(to).toHaveAttribute('aria-valuenow', String(minYear))
    expect(status).toHaveTextContent(expected({ from: minYear, to: minYear }).status)

    fireEvent.keyDown(to, { key: 'End' })
    fireEvent.keyDown(from, { key: 'End' })
    expect(from).toHaveAttribute('aria-valuenow', String(maxYear))
    const last = expected({ from: maxYear, to: maxYear }).status
    expect(status).toHaveTextContent(last)
    expect(last).not.toBe(expected({}).status)

    fireEvent.keyDown(from, { key: 'ArrowLeft' })
    expect(from).toHaveAttribute('aria-valuenow', String(maxYear - 1))
    expect(status).toHaveTextContent(expected({ from: maxYear - 1, to: maxYear }).status)
  })
})

describe('actors list and details', () => {
  it('choosing an actor shows every quotation of its relations, each with its source', async () => {
    renderPanels()
    const actor = raw.actors.find((a) => a.id === 'azerbaijan')!
    const actors = screen.getByRole('navigation', { name: /^Actors/ })
    await userEvent.click(within(actors).getByRole('button', { name: actor.label }))

    const details = screen.getByRole('heading', { level: 2, name: actor.label })
    expect(details).toBeInTheDocument()
    const mine = raw.relations.filter((r) => r.source === actor.id || r.target === actor.id)
    const quotes = mine.flatMap((r) => r.evidence ?? [])
    const shown = document.querySelectorAll('blockquote')
    expect(shown.length).toBe(quotes.length)
    const shownText = Array.from(shown, (b) => b.textContent)
    for (const q of quotes) expect(shownText).toContain(q.quote)
    // Each quotation is followed by a cite naming its source's title.
    const titles = new Set(raw.sources.map((s) => s.title))
    for (const b of shown) {
      const cite = b.parentElement!.querySelector('cite')
      expect(cite).not.toBeNull()
      expect([...titles].some((t) => cite!.textContent!.includes(t))).toBe(true)
    }
    expect(within(actors).getByRole('button', { name: actor.label })).toHaveAttribute('aria-pressed', 'true')
  })

  it('the actors list follows the filters', async () => {
    renderPanels()
    const actors = screen.getByRole('navigation', { name: /^Actors/ })
    const before = within(actors).getAllByRole('button').length
    await userEvent.click(screen.getByRole('checkbox', { name: /^Diplomatic/ }))
    await userEvent.click(screen.getByRole('checkbox', { name: /^Economic/ }))
    const milActors = new Set(
      raw.relations.filter((r) => r.type === 'military').flatMap((r) => [r.source, r.target]),
    )
    expect(within(actors).getAllByRole('button').length).toBe(milActors.size)
    expect(milActors.size).toBeLessThan(before)
  })
})
