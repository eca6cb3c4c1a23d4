/**
 * Keyboard focus names actors as the map's tooltip does: focusing an actor in the Actors list, or
 * moving through the search's options, asks the engine to show that actor's tooltip and points the
 * focused element's description at it; leaving takes it away. The engine here records what it is
 * asked (jsdom has no canvas); the browser journey (tests/browser/hover.spec.ts) runs the real one.
 * The list itself does not re-render on focus.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Profiler } from 'react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSearch } from '../../../src/app/ActorCombobox'
import { ActorsList } from '../../../src/app/ActorsList'
import { ExplorerContext, createEngineSlot } from '../../../src/app/context'
import { SearchBox } from '../../../src/app/SearchBox'
import type { Engine } from '../../../src/engine/engine'
import { createDrawnViewCache } from '../../../src/model/comparedView'
import { buildIndex } from '../../../src/model/graphIndex'
import { parseGraphText } from '../../../src/model/parse'
import { createExplorerStore } from '../../../src/state/store'

const parsed = parseGraphText(readFileSync(resolve(__dirname, '../../../data/iran-azerbaijan.json'), 'utf8'))
if (!parsed.ok) throw new Error('bundled dataset does not validate')
const graph = parsed.graph

function setup() {
  const asked: (string | null)[] = []
  const engine = createEngineSlot()
  engine.set({
    showActorTooltip(id: string | null) {
      asked.push(id)
      return id === null ? null : 'map-tooltip-test'
    },
    centreOn() {},
  } as unknown as Engine)
  let renders = 0
  const value = {
    store: createExplorerStore({}),
    index: buildIndex(graph),
    engine,
    views: createDrawnViewCache(),
  }
  render(
    <ExplorerContext.Provider value={value}>
      <SearchBox />
      <Profiler id="list" onRender={() => renders++}>
        <ActorsList />
      </Profiler>
    </ExplorerContext.Provider>,
  )
  return { asked, renders: () => renders }
}

const idOf = (label: string) => graph.actors.find((a) => a.label === label)!.id

// The search loads on first focus (or when the page is idle); here it is loaded before typing.
beforeAll(() => loadSearch())

describe('keyboard focus shows the tooltip of an actor', () => {
  it('in the Actors list: on focus, described by the tooltip; on blur, neither', async () => {
    const { asked, renders } = setup()
    const before = renders()
    asked.length = 0 // (the search says "none" when it mounts)
    const list = screen.getByRole('navigation', { name: /^Actors/ })
    const iran = screen.getAllByRole('button', { name: 'Iran' }).find((b) => list.contains(b))!
    iran.focus()
    expect(asked).toEqual([idOf('Iran')])
    expect(iran).toHaveAttribute('aria-describedby', 'map-tooltip-test')
    await userEvent.tab()
    expect(iran).not.toHaveAttribute('aria-describedby')
    expect(asked.slice(1, 2)).toEqual([null])
    expect(renders()).toBe(before)
  })

  it('in the search: the active option, as it moves; none once the list closes', async () => {
    const { asked } = setup()
    const box = screen.getByRole('combobox', { name: 'Search actors' })
    await userEvent.click(box)
    await userEvent.type(box, 'Arme')
    expect(asked.at(-1)).toBe(idOf('Armenia'))
    await userEvent.keyboard('{Escape}')
    expect(asked.at(-1)).toBeNull()
  })
})
