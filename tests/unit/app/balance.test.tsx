/**
 * The Balance panel, the series chart and the Compare years panel, rendered in an ExplorerContext
 * (jsdom has no Worker, so the analysis host runs on the main thread in slices, as it does when a
 * worker fails). Expected numbers are worked out by hand from the fixture below.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AnalysisLegend } from '../../../src/app/analysis/AnalysisLegend'
import { BalancePanel } from '../../../src/app/analysis/BalancePanel'
import { ComparePanel } from '../../../src/app/analysis/ComparePanel'
import { SeriesChart } from '../../../src/app/analysis/SeriesChart'
import { AnalysisToggles } from '../../../src/app/analysis/Toggles'
import { ExplorerContext, createEngineSlot } from '../../../src/app/context'
import { DEFAULT_FILTER } from '../../../src/model/filter'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import { createExplorerStore } from '../../../src/state/store'
import { signedGraph } from '../analysis/fixtures'

// Camps {a, b, c} | {d, e}. In 2010 and 2011: a+b, b+c, a+c, a−d, d+e, c−e and the undated b−e.
// In 2012 a–c is hostile instead, and c+f (economic) appears.
const graph = signedGraph([
  ['a+b', { start: 2010 }], // r0
  ['b+c', { start: 2010 }], // r1
  ['a+c', { start: 2010, end: 2011 }], // r2
  ['a-c', { start: 2012 }], // r3
  ['a-d', { start: 2010 }], // r4
  ['d+e', { start: 2010 }], // r5
  ['c-e', { start: 2010 }], // r6
  'b-e', // r7 undated
  ['c+f', { start: 2012, type: 'economic' }], // r8: formed in 2012
])

function setup(init?: Parameters<typeof createExplorerStore>[0]) {
  const index = buildIndex(graph)
  const store = createExplorerStore(init)
  const ui = (
    <ExplorerContext.Provider
      value={{ index, store, engine: createEngineSlot(), views: createDrawnViewCache() }}
    >
      <AnalysisToggles />
      <AnalysisLegend />
      <BalancePanel />
      <SeriesChart />
      <ComparePanel />
    </ExplorerContext.Provider>
  )
  return { store, index, ...render(ui) }
}

const dd = (region: HTMLElement, term: string) => {
  const dt = within(region).getByText(term, { selector: 'dt' })
  return dt.nextElementSibling as HTMLElement
}

describe('Balance panel', () => {
  it('shows the census, ratios, index and camps of what is shown', async () => {
    // Window 2010: ties a+b, b+c, a+c, a−d, d+e, c−e, b−e. Triangles: abc +++, bce? b–c +, c–e −, b–e − → +−−.
    // a,d? a–d −, d–e +, a–e none. So 2 triangles, both balanced; index 0; camps {a,b,c} | {d,e}.
    const { store } = setup({ filter: { ...DEFAULT_FILTER, yearWindow: [2010, 2010] } })
    const region = await screen.findByRole('region', { name: 'Balance' })
    await waitFor(() => expect(dd(region, 'Triangles')).toHaveTextContent('2'))
    expect(dd(region, 'Balance ratio')).toHaveTextContent('1.000')
    expect(dd(region, 'Frustration index')).toHaveTextContent('0 (exact)')
    expect(within(region).getByTestId('camp-1')).toHaveTextContent('Camp 1: 3 actors — A, B, C')
    expect(within(region).getByTestId('camp-2')).toHaveTextContent('Camp 2: 2 actors — D, E')
    const census = within(region).getByRole('table', { name: 'Triangle census' })
    expect(within(census).getByRole('row', { name: /\+\+\+/ })).toHaveTextContent('+++1balanced')
    expect(within(census).getByRole('row', { name: /\+−−/ })).toHaveTextContent('+−−1balanced')
    expect(store.getState().analysis.showCamps).toBe(false)
  })

  it('never shows a stale result: a window change shows progress, then the new numbers', async () => {
    const { store } = setup({ filter: { ...DEFAULT_FILTER, yearWindow: [2010, 2010] } })
    const region = await screen.findByRole('region', { name: 'Balance' })
    await waitFor(() => expect(dd(region, 'Frustration index')).toHaveTextContent('0 (exact)'))
    // 2012: a−c replaces a+c: abc is ++− (unbalanced), the index becomes 1.
    act(() => store.getState().setYearWindow([2012, 2012]))
    expect(within(region).queryByText('Frustration index')).toBeNull()
    expect(within(region).getByRole('status')).toHaveTextContent(/Computing the balance/)
    await waitFor(() => expect(dd(region, 'Frustration index')).toHaveTextContent('1 (exact)'))
    expect(dd(region, 'Balance ratio')).toHaveTextContent('0.500')
  })

  it('"Show camps" is off by default, toggles the store and adds camp rows to the legend', async () => {
    const { store } = setup()
    act(() => store.getState().setAnalysis({ balanceOpen: true }))
    const box = await screen.findByRole('checkbox', { name: 'Show camps' })
    expect(box).not.toBeChecked()
    expect(screen.queryByText('Frustrated tie')).toBeNull()
    await userEvent.click(box)
    expect(store.getState().analysis.showCamps).toBe(true)
    const legend = screen.getByRole('list', { name: 'Balance and comparison marks' })
    expect(legend).toHaveTextContent('Camp 1')
    expect(legend).toHaveTextContent('Outside the signed network')
    expect(legend).toHaveTextContent('Frustrated tie')
  })

  it('"Why unbalanced?" lists triangles through the selected actor first and shows a chosen one\'s quotations', async () => {
    // All years: a|c is contested (a+c and a−c), so abc is not a signed triangle. With hostile
    // a−c only from 2012: window 2012 → abc ++−. Add the undated b−e: bce is +−− (balanced).
    const { store } = setup({ filter: { ...DEFAULT_FILTER, yearWindow: [2012, 2012] } })
    const why = await screen.findByRole('button', { name: /^Why unbalanced\?/ })
    expect(why).toHaveAccessibleName('Why unbalanced? 1')
    await userEvent.click(why)
    const row = screen.getByRole('button', { name: 'A, B, C: + − +' })
    await userEvent.click(row)
    expect(store.getState().analysis.triangle).toEqual(['a', 'b', 'c'])
    const evidence = screen.getByRole('region', { name: 'Quotations of the chosen triangle' })
    const cols = within(evidence).getAllByRole('heading', { level: 4 })
    expect(cols.map((h) => h.textContent)).toEqual(['A – B (+)', 'A – C (−)', 'B – C (+)'])
    // Each column quotes its tie's relations: r0, r3, r1.
    expect(
      within(evidence)
        .getAllByRole('blockquote')
        .map((q) => q.textContent),
    ).toEqual(['quote 0', 'quote 3', 'quote 1'])
  })

  it("puts the selected actor's triangles first", async () => {
    // Two unbalanced triangles, abc and xyz; z is selected.
    const g = signedGraph(['a+b', 'a+c', 'b-c', 'x+y', 'x+z', 'y-z', 'a+x'])
    const index = buildIndex(g)
    const store = createExplorerStore({ selection: { kind: 'actor', id: 'z' } })
    store.getState().setAnalysis({ balanceOpen: true })
    render(
      <ExplorerContext.Provider
        value={{ index, store, engine: createEngineSlot(), views: createDrawnViewCache() }}
      >
        <BalancePanel />
      </ExplorerContext.Provider>,
    )
    await userEvent.click(await screen.findByRole('button', { name: /^Why unbalanced\?/ }))
    const rows = within(document.getElementById('why-unbalanced')!).getAllByRole('button', { pressed: false })
    expect(rows.map((r) => r.textContent)).toEqual(['X, Y, Z: + + −', 'A, B, C: + + −'])
  })
})

describe('Balance by year', () => {
  it('charts one point per year, marks the window and moves it on click or Enter', async () => {
    const { store } = setup({ filter: { ...DEFAULT_FILTER, yearWindow: [2010, 2010] } })
    const years = await screen.findByRole('group', { name: 'Years of the balance series' })
    const buttons = within(years).getAllByRole('button')
    expect(buttons).toHaveLength(3) // 2010, 2011, 2012
    // 2010 and 2011: 7 signed ties, both triangles balanced; 2012: a−c, c+f → 8 ties, 1 of 2 balanced.
    expect(buttons[0]).toHaveAccessibleName('2010: balance ratio 1.000, 7 signed ties')
    expect(buttons[2]).toHaveAccessibleName('2012: balance ratio 0.500, 8 signed ties')
    expect(buttons[0]).toHaveAttribute('aria-current', 'true')
    await userEvent.click(buttons[2]!)
    expect(store.getState().filter.yearWindow).toEqual([2012, 2012])
    // Keyboard: one tab stop, arrows move, Enter moves the window.
    buttons[2]!.focus()
    fireEvent.keyDown(buttons[2]!, { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(buttons[1])
    await userEvent.keyboard('{Enter}')
    expect(store.getState().filter.yearWindow).toEqual([2011, 2011])
    const table = screen.getByRole('table', { name: 'Balance ratio and signed ties per year' })
    expect(within(table).getAllByRole('row')).toHaveLength(4)
  })
})

describe('Compare years', () => {
  it('while comparing years, the Balance panel says it analyses the year window and offers each year', async () => {
    // Comparing 2010 with 2012 over the whole window (2010–2012): the balance is of that window.
    const { store } = setup()
    act(() => store.getState().setAnalysis({ compare: [2010, 2012] }))
    const region = await screen.findByRole('region', { name: 'Balance' })
    expect(region).toHaveTextContent(
      'Comparing 2010 with 2012: the map draws what either year shows, but this balance is of the year window alone, not of the comparison. It analyses: All years (2010–2012).',
    )
    // "Balance of 2012": the window becomes Year B, and so do the numbers (a−c: abc unbalanced, index 1).
    await userEvent.click(within(region).getByRole('button', { name: 'Balance of 2012' }))
    expect(store.getState().filter.yearWindow).toEqual([2012, 2012])
    expect(within(region).getByRole('button', { name: 'Balance of 2012' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(region).toHaveTextContent('It analyses: Year B, 2012.')
    await waitFor(() => expect(dd(region, 'Frustration index')).toHaveTextContent('1 (exact)'))
    // "Balance of 2010": Year A, every triangle balanced.
    await userEvent.click(within(region).getByRole('button', { name: 'Balance of 2010' }))
    expect(region).toHaveTextContent('It analyses: Year A, 2010.')
    await waitFor(() => expect(dd(region, 'Frustration index')).toHaveTextContent('0 (exact)'))
    // The comparison itself follows the types and stances, not the window: still 2010 with 2012.
    expect(store.getState().analysis.compare).toEqual([2010, 2012])
  })

  it('offers Year A and Year B, counts the changes and quotes both years', async () => {
    const { store } = setup()
    await userEvent.click(screen.getByRole('button', { name: 'Compare years' }))
    expect(store.getState().analysis.compare).toEqual([2010, 2012])
    const region = await screen.findByRole('region', { name: 'Compare years' })
    expect(within(region).getByRole('combobox', { name: 'Year A' })).toHaveValue('2010')
    expect(within(region).getByRole('combobox', { name: 'Year B' })).toHaveValue('2012')
    // 2010 → 2012: a|c|military cooperative → hostile (changed, flipped); c|f|economic formed;
    // a|b, b|c, a|d, d|e, c|e, b|e unchanged; nothing ended.
    await waitFor(() => expect(within(region).getByTestId('count-formed')).toHaveTextContent('1'))
    expect(within(region).getByTestId('count-ended')).toHaveTextContent('0')
    expect(within(region).getByTestId('count-changed')).toHaveTextContent('1 (1 flipped)')
    expect(within(region).getByTestId('count-unchanged')).toHaveTextContent('6')
    const formed = within(region).getByRole('region', { name: 'Formed ties' })
    await userEvent.click(within(formed).getByText(/C – F · Economic: absent → cooperative/))
    expect(within(formed).getByRole('heading', { name: 'In 2010' }).nextElementSibling).toHaveTextContent(
      'No shown relation.',
    )
    expect(within(formed).getByRole('heading', { name: 'In 2012' }).nextElementSibling).toHaveTextContent(
      'quote 8',
    )
    fireEvent.change(within(region).getByRole('combobox', { name: 'Year A' }), { target: { value: '2012' } })
    expect(store.getState().analysis.compare).toEqual([2012, 2012])
    await waitFor(() => expect(within(region).getByTestId('count-unchanged')).toHaveTextContent('8'))
  })
})
