/** The "Search actors" combobox: typos, diacritics, hidden actors and the keyboard. */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSearch } from '../../../src/app/ActorCombobox'
import { createEngineSlot, ExplorerContext } from '../../../src/app/context'
import { SearchBox } from '../../../src/app/SearchBox'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import { createExplorerStore } from '../../../src/state/store'
import { graph, raw } from './dataset'

function renderSearch(store = createExplorerStore({})) {
  const index = buildIndex(graph)
  render(
    <ExplorerContext.Provider
      value={{ store, index, engine: createEngineSlot(), views: createDrawnViewCache() }}
    >
      <input aria-label="Another field" />
      <SearchBox />
    </ExplorerContext.Provider>,
  )
  return { store, input: screen.getByRole('combobox', { name: 'Search actors' }) }
}

const options = () => within(screen.getByRole('listbox')).getAllByRole('option')

// The search loads on first focus (or when the page is idle); here it is loaded before typing.
beforeAll(() => loadSearch())

describe('Search actors', () => {
  it('ranks Azerbaijan first for "Azerbajan" and selects it with Enter', async () => {
    const { store, input } = renderSearch()
    await userEvent.type(input, 'Azerbajan')
    expect(input).toHaveAttribute('aria-expanded', 'true')
    expect(options()[0]).toHaveTextContent(/^Azerbaijan/)
    await userEvent.keyboard('{Enter}')
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'azerbaijan' })
    expect(input).toHaveAttribute('aria-expanded', 'false')
  })

  it('finds Hezbollah for "Hezbolah" and Turkey by its alias "turkiye"', async () => {
    const { input } = renderSearch()
    await userEvent.type(input, 'Hezbolah')
    expect(options().map((o) => o.textContent)).toEqual([expect.stringMatching(/^Hezbollah/)])
    await userEvent.clear(input)
    await userEvent.type(input, 'turkiye')
    expect(options()[0]).toHaveTextContent('Turkey (also Türkiye)')
  })

  it('each option gives the kind and the number of shown relations, counted from the file', async () => {
    const { input } = renderSearch()
    await userEvent.type(input, 'Armenia')
    const n = raw.relations.filter((r) => r.source === 'armenia' || r.target === 'armenia').length
    expect(options()[0]).toHaveTextContent(`Armenia State · ${n} relations`)
    expect(screen.getByText(/^\d+ match(es)?$/)).toBeInTheDocument()
  })

  it('arrows move the active option; Escape closes the list, then clears the text', async () => {
    const { store, input } = renderSearch()
    await userEvent.type(input, 'ira')
    const first = options()
    expect(first.length).toBeGreaterThan(1)
    expect(input).toHaveAttribute('aria-activedescendant', first[0]!.id)
    await userEvent.keyboard('{ArrowDown}')
    expect(input).toHaveAttribute('aria-activedescendant', first[1]!.id)
    expect(first[1]).toHaveAttribute('aria-selected', 'true')
    await userEvent.keyboard('{ArrowUp}{Escape}')
    expect(input).toHaveAttribute('aria-expanded', 'false')
    expect(input).toHaveValue('ira')
    await userEvent.keyboard('{Escape}')
    expect(input).toHaveValue('')
    expect(store.getState().selection).toBeNull()
  })

  it('lists actors hidden by the filters after the shown ones, marked so', async () => {
    const store = createExplorerStore({})
    store.getState().toggleType('military', false)
    const { input } = renderSearch(store)
    // Actors whose every relation is military are hidden now: computed from the file.
    const hidden = raw.actors.filter(
      (a) =>
        raw.relations.some((r) => r.source === a.id || r.target === a.id) &&
        !raw.relations.some((r) => r.type !== 'military' && (r.source === a.id || r.target === a.id)),
    )
    expect(hidden.length).toBeGreaterThan(0)
    const target = hidden[0]!
    await userEvent.type(input, target.label)
    const hit = options().find((o) => o.textContent!.startsWith(target.label))!
    expect(hit).toHaveTextContent('hidden by filters')
  })

  it('"/" and Ctrl+K focus the box, but not while typing in another field', async () => {
    const { input } = renderSearch()
    const other = screen.getByRole('textbox', { name: 'Another field' })
    await userEvent.click(other)
    await userEvent.keyboard('/')
    expect(other).toHaveValue('/')
    expect(input).not.toHaveFocus()
    await userEvent.click(document.body)
    await userEvent.keyboard('/')
    expect(input).toHaveFocus()
    expect(input).toHaveValue('')
    await userEvent.click(document.body)
    await userEvent.keyboard('{Control>}k{/Control}')
    expect(input).toHaveFocus()
  })
})
