/** Focus controls and keys, the status line's focus sentence checked against a BFS over the file. */
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ActorsList } from '../../../src/app/ActorsList'
import { createEngineSlot, ExplorerContext, useExplorerContext } from '../../../src/app/context'
import { DetailsPanel } from '../../../src/app/DetailsPanel'
import { FocusControls, useFocusKeys } from '../../../src/app/FocusControls'
import { StatusLine } from '../../../src/app/GraphView'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import { createExplorerStore } from '../../../src/state/store'
import { bfs, graph, raw } from './dataset'

function Keys() {
  useFocusKeys(useExplorerContext().store)
  return null
}

function renderFocus() {
  const index = buildIndex(graph)
  const store = createExplorerStore({ selection: { kind: 'actor', id: 'armenia' } })
  render(
    <ExplorerContext.Provider
      value={{ store, index, engine: createEngineSlot(), views: createDrawnViewCache() }}
    >
      <Keys />
      <StatusLine />
      <FocusControls />
      <DetailsPanel />
    </ExplorerContext.Provider>,
  )
  return { store }
}

function expectedFocus(id: string, depth: number) {
  const dist = bfs(raw.relations, id)
  const inside = new Set([...dist].filter(([, d]) => d <= depth).map(([a]) => a))
  const rels = raw.relations.filter((r) => inside.has(r.source) && inside.has(r.target))
  return `Focus: Armenia, ${depth === 1 ? '1 step' : `${depth} steps`} — ${inside.size} actors, ${rels.length} relations`
}

describe('focus', () => {
  it('"Focus" in the details, then Depth and the mode; the status line counts from the file', async () => {
    const { store } = renderFocus()
    await userEvent.click(screen.getByRole('button', { name: 'Focus' }))
    expect(screen.getByText(/Focus: /)).toHaveTextContent(expectedFocus('armenia', 1))
    const depth = screen.getByRole('group', { name: 'Depth' })
    expect(depth).toBeInTheDocument()
    await userEvent.click(screen.getByRole('radio', { name: '2 steps' }))
    expect(screen.getByText(/Focus: /)).toHaveTextContent(expectedFocus('armenia', 2))
    await userEvent.click(screen.getByRole('radio', { name: 'Dim others' }))
    expect(store.getState().focus).toEqual({ id: 'armenia', depth: 2, mode: 'dim' })
    await userEvent.click(screen.getByRole('button', { name: 'Clear focus' }))
    expect(store.getState().focus).toBeNull()
    expect(screen.queryByRole('group', { name: 'Depth' })).not.toBeInTheDocument()
  })

  it('keys: F focuses the selected actor, 1–3 set the depth, Escape ends the focus before the selection', async () => {
    const { store } = renderFocus()
    await userEvent.keyboard('f')
    expect(store.getState().focus).toEqual({ id: 'armenia', depth: 1, mode: 'hide' })
    await userEvent.keyboard('3')
    expect(screen.getByText(/Focus: /)).toHaveTextContent(expectedFocus('armenia', 3))
    await userEvent.keyboard('{Escape}')
    expect(store.getState().focus).toBeNull()
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'armenia' })
  })
})

describe('the Actors list under a focus', () => {
  it('lists only the neighbourhood with "Hide others", everyone shown with "Dim others"', () => {
    const index = buildIndex(graph)
    const store = createExplorerStore({ focus: { id: 'armenia', depth: 1, mode: 'hide' } })
    render(
      <ExplorerContext.Provider
        value={{ store, index, engine: createEngineSlot(), views: createDrawnViewCache() }}
      >
        <ActorsList />
      </ExplorerContext.Provider>,
    )
    const ring = [...bfs(raw.relations, 'armenia')].filter(([, d]) => d <= 1)
    const list = screen.getByRole('navigation', { name: /^Actors/ })
    expect(within(list).getAllByRole('button')).toHaveLength(ring.length)
    act(() => store.getState().setFocus({ id: 'armenia', depth: 1, mode: 'dim' }))
    expect(within(list).getAllByRole('button')).toHaveLength(raw.actors.length)
  })
})
