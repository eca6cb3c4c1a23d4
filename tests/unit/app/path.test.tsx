/**
 * The path panel on the bundled dataset: counts and steps against a breadth-first search written
 * here over the raw file, and every step's quotations and citations on screen.
 */
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSearch } from '../../../src/app/ActorCombobox'
import { createEngineSlot, ExplorerContext } from '../../../src/app/context'
import { DetailsPanel } from '../../../src/app/DetailsPanel'
import { PathPanel } from '../../../src/app/PathPanel'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import { createExplorerStore } from '../../../src/state/store'
import { bfs, graph, label, raw } from './dataset'

function renderPath() {
  const index = buildIndex(graph)
  const store = createExplorerStore({ selection: { kind: 'actor', id: 'israel' } })
  render(
    <ExplorerContext.Provider
      value={{ store, index, engine: createEngineSlot(), views: createDrawnViewCache() }}
    >
      <PathPanel />
      <DetailsPanel />
    </ExplorerContext.Provider>,
  )
  return { store }
}

/** Number of shortest paths from a to b (oracle: counting over BFS levels). */
function countShortest(a: string, b: string): number {
  const dist = bfs(raw.relations, a)
  const memo = new Map<string, number>()
  const count = (v: string): number => {
    if (v === a) return 1
    if (memo.has(v)) return memo.get(v)!
    const preds = new Set(
      raw.relations
        .flatMap((r) => (r.source === v ? [r.target] : r.target === v ? [r.source] : []))
        .filter((w) => dist.get(w) === dist.get(v)! - 1),
    )
    const c = [...preds].reduce((s, w) => s + count(w), 0)
    memo.set(v, c)
    return c
  }
  return count(b)
}

// The search loads on first focus (or when the page is idle); here it is loaded before typing.
beforeAll(() => loadSearch())

describe('Path panel', () => {
  it('"Path to…" opens "Path to"; Israel to Armenia lists the shortest paths and every step with its evidence', async () => {
    const { store } = renderPath()
    await userEvent.click(screen.getByRole('button', { name: 'Path to…' }))
    const region = screen.getByRole('region', { name: 'Path' })
    const box = within(region).getByRole('combobox', { name: 'Path to' })
    expect(box).toHaveFocus()
    await userEvent.type(box, 'Armenia{Enter}')
    expect(store.getState().path?.to).toBe('armenia')

    const steps = bfs(raw.relations, 'israel').get('armenia')!
    const count = countShortest('israel', 'armenia')
    const sentence =
      count === 1 ? `1 shortest path of ${steps} step` : `${count} shortest paths of ${steps} steps`
    expect(region).toHaveTextContent(sentence)

    // The drawn path's steps: each pair read from the screen, checked against the file.
    const stepItems = within(region)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('path-step'))
    expect(stepItems.length).toBeGreaterThanOrEqual(steps)
    const drawn = store.getState().path!.drawn!
    expect(drawn[0]).toBe('israel')
    expect(drawn[drawn.length - 1]).toBe('armenia')
    stepItems.forEach((li, i) => {
      const a = drawn[i]!
      const b = drawn[i + 1]!
      expect(li).toHaveTextContent(`${label(a)} – ${label(b)}`)
      const rels = raw.relations.filter(
        (r) => (r.source === a && r.target === b) || (r.source === b && r.target === a),
      )
      expect(rels.length).toBeGreaterThan(0)
      for (const r of rels) {
        for (const e of r.evidence ?? []) {
          expect(within(li).getAllByText(e.quote, { exact: true }).length).toBeGreaterThan(0)
          const title = raw.sources.find((s) => s.id === e.source)!.title
          expect(
            within(li).getAllByText(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).length,
          ).toBeGreaterThan(0)
        }
      }
    })
    expect(region).toHaveTextContent(/predicted (cooperative|hostile)|undetermined/)
    expect(region).toHaveTextContent(/Directly, the data shows/)
  })

  it('choosing a shortest path draws it', async () => {
    const { store } = renderPath()
    await userEvent.click(screen.getByRole('button', { name: 'Path to…' }))
    await userEvent.type(screen.getByRole('combobox', { name: 'Path to' }), 'Armenia{Enter}')
    const region = screen.getByRole('region', { name: 'Path' })
    const routes = within(region)
      .getAllByRole('button', { pressed: false })
      .filter((b) => b.classList.contains('route'))
    await userEvent.click(routes[0]!)
    expect(routes[0]).toHaveAttribute('aria-pressed', 'true')
    const drawn = store.getState().path!.drawn!
    expect(routes[0]).toHaveTextContent(drawn.map(label).join(' → '))
    expect(drawn.length - 1).toBe(bfs(raw.relations, 'israel').get('armenia'))
  })

  it('refuses the same actor and says when no path exists', async () => {
    const { store } = renderPath()
    await userEvent.click(screen.getByRole('button', { name: 'Path to…' }))
    const box = screen.getByRole('combobox', { name: 'Path to' })
    await userEvent.type(box, 'Israel{Enter}')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'A path needs two different actors: Israel is at both ends.',
    )
    // Hide every relation type but one until Israel and Armenia are apart (checked with the oracle).
    const only = raw.relations.filter((r) => r.type === 'economic')
    expect(bfs(only, 'israel').has('armenia')).toBe(false)
    store.getState().toggleType('military', false)
    store.getState().toggleType('diplomatic', false)
    store.getState().setPath({ from: 'israel', to: 'armenia', drawn: null })
    expect(await screen.findByText(/^No path between Israel and Armenia/)).toHaveTextContent(
      'No path between Israel and Armenia over the relations shown; 2 relation types are hidden.',
    )
  })
})
