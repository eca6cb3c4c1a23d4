import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_FILTER } from '../../../src/model/filter'
import { createExplorerStore } from '../../../src/state/store'
import { decodeUrl, encodeUrl } from '../../../src/state/url'
import { FILTER_URL_DELAY_MS, bindUrl } from '../../../src/state/urlSync'

describe('URL state', () => {
  it('writes nothing for the default view', () => {
    expect(encodeUrl('', DEFAULT_FILTER, null)).toBe('')
  })

  it('keeps unrelated parameters such as graph', () => {
    const s = encodeUrl(
      '?graph=my.json',
      { ...DEFAULT_FILTER, hiddenTypes: ['military'] },
      { kind: 'actor', id: 'iran' },
    )
    expect(s).toBe('?graph=my.json&hide=military&sel=actor:iran')
    expect(decodeUrl(s).graph).toBe('my.json')
  })

  it('round-trips any filter and selection', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes(','))
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { maxLength: 4 }),
        fc.subarray(['cooperative', 'hostile', 'neutral'] as const),
        fc.option(fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 0, max: 200 }))),
        fc.boolean(),
        fc.constantFrom('always' as const, 'sources' as const, 'hidden' as const),
        fc.option(
          fc.record({
            kind: fc.constantFrom('actor' as const, 'relation' as const),
            id: fc.string({ minLength: 1 }),
          }),
        ),
        (hiddenTypes, hiddenStances, w, showUnconnected, undated, selection) => {
          const filter = {
            ...DEFAULT_FILTER,
            hiddenTypes: hiddenTypes.map((t) => t.trim()).filter((t) => t !== ''),
            hiddenStances,
            yearWindow: w === null ? null : ([w[0], w[0] + w[1]] as const),
            showUnconnected,
            undated,
          }
          const back = decodeUrl(encodeUrl('', filter, selection))
          expect(back.filter).toEqual(filter)
          expect(back.selection).toEqual(selection)
        },
      ),
    )
  })

  it('reads the undated mode, ignoring an unknown one, and writes only a non-default one', () => {
    expect(decodeUrl('?undated=sources').filter.undated).toBe('sources')
    expect(decodeUrl('?undated=hidden').filter.undated).toBe('hidden')
    expect(decodeUrl('?undated=sometimes').filter.undated).toBe('always')
    expect([...decodeUrl('?undated=sometimes').given]).toEqual([])
    expect([...decodeUrl('?undated=hidden').given]).toEqual(['undated'])
    expect(encodeUrl('', { ...DEFAULT_FILTER, undated: 'hidden' }, null)).toBe('?undated=hidden')
    expect(encodeUrl('?undated=hidden', DEFAULT_FILTER, null)).toBe('')
  })

  it('says which fields the URL gave', () => {
    expect([...decodeUrl('?from=2000&to=2010&sel=actor:x').given].sort()).toEqual(['selection', 'yearWindow'])
  })

  it('pushes a history entry per selection and replaces it for filters; Back restores', () => {
    window.history.replaceState(null, '', '/')
    const store = createExplorerStore()
    const unbind = bindUrl(store)
    const before = window.history.length
    store.getState().select({ kind: 'actor', id: 'iran' })
    expect(window.location.search).toBe('?sel=actor:iran')
    expect(window.history.length).toBe(before + 1)
    vi.useFakeTimers()
    try {
      store.getState().toggleType('military', false)
      // Filters reach the address a moment after the last change, replacing the entry.
      expect(window.location.search).toBe('?sel=actor:iran')
      vi.advanceTimersByTime(FILTER_URL_DELAY_MS)
    } finally {
      vi.useRealTimers()
    }
    expect(window.location.search).toBe('?hide=military&sel=actor:iran')
    expect(window.history.length).toBe(before + 1)
    // A selection right after a filter change carries that change with it.
    store.getState().toggleStance('neutral', false)
    store.getState().select({ kind: 'actor', id: 'russia' })
    expect(window.location.search).toBe('?hide=military&hideStance=neutral&sel=actor:russia')
    window.history.replaceState(null, '', '?hide=military&sel=actor:iran')
    store.getState().toggleStance('neutral', true)
    store.getState().select({ kind: 'actor', id: 'turkey' })
    // what Back does: the browser restores the URL, then fires popstate
    window.history.replaceState(null, '', '?hide=military&sel=actor:iran')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'iran' })
    unbind()
  })
})

describe('the traced path in the URL', () => {
  it('writes and reads its two ends; a path still waiting for its other end has one', () => {
    const path = { from: 'israel', to: 'armenia', drawn: ['israel', 'iran', 'armenia'] }
    expect(encodeUrl('', DEFAULT_FILTER, null, null, path)).toBe('?pathFrom=israel&pathTo=armenia')
    expect(decodeUrl('?pathFrom=israel&pathTo=armenia').path).toEqual({
      from: 'israel',
      to: 'armenia',
      drawn: null,
    })
    expect(encodeUrl('', DEFAULT_FILTER, null, null, { from: 'iran', to: null, drawn: null })).toBe(
      '?pathFrom=iran',
    )
    expect(decodeUrl('?pathFrom=iran').path).toEqual({ from: 'iran', to: null, drawn: null })
    expect(decodeUrl('?pathTo=armenia').path).toBeNull()
    expect(decodeUrl('?pathFrom=').path).toBeNull()
    expect(encodeUrl('?pathFrom=a&pathTo=b&graph=g.json', DEFAULT_FILTER, null)).toBe('?graph=g.json')
  })

  it('round-trips any two ends', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.option(fc.string({ minLength: 1 })), (from, to) => {
        const back = decodeUrl(encodeUrl('', DEFAULT_FILTER, null, null, { from, to, drawn: null }))
        expect(back.path).toEqual({ from, to, drawn: null })
      }),
    )
  })

  it('a path opened, moved or closed is a history entry; Back and Forward restore it', () => {
    window.history.replaceState(null, '', '/')
    const store = createExplorerStore()
    const unbind = bindUrl(store)
    const before = window.history.length
    store.getState().setPath({ from: 'israel', to: null, drawn: null })
    expect(window.location.search).toBe('?pathFrom=israel')
    store.getState().setPath({ from: 'israel', to: 'armenia', drawn: null })
    expect(window.location.search).toBe('?pathFrom=israel&pathTo=armenia')
    // Which path is drawn is no new entry.
    store.getState().setPath({ from: 'israel', to: 'armenia', drawn: ['israel', 'iran', 'armenia'] })
    expect(window.history.length).toBe(before + 2)
    store.getState().setPath(null)
    expect(window.location.search).toBe('')
    expect(window.history.length).toBe(before + 3)
    // Back: the browser restores the URL, then fires popstate.
    window.history.replaceState(null, '', '?pathFrom=israel&pathTo=armenia')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().path).toEqual({ from: 'israel', to: 'armenia', drawn: null })
    // Back again (to the path waiting for its other end), then Forward.
    window.history.replaceState(null, '', '?pathFrom=israel')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().path).toEqual({ from: 'israel', to: null, drawn: null })
    window.history.replaceState(null, '', '?pathFrom=israel&pathTo=armenia')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().path?.to).toBe('armenia')
    // The same ends keep the path drawn.
    store.getState().setPath({ from: 'israel', to: 'armenia', drawn: ['israel', 'x', 'armenia'] })
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().path?.drawn).toEqual(['israel', 'x', 'armenia'])
    // Restoring the URL wrote nothing.
    expect(window.history.length).toBe(before + 3)
    unbind()
  })

  it('a store made from the URL starts with its path', () => {
    const v = decodeUrl('?pathFrom=israel&pathTo=armenia')
    expect(createExplorerStore({ path: v.path }).getState().path).toEqual(v.path)
  })
})

describe('store', () => {
  it('ignores no-op changes (no notification)', () => {
    const store = createExplorerStore()
    let calls = 0
    store.subscribe(() => calls++)
    store.getState().toggleType('military', true)
    store.getState().setYearWindow(null)
    store.getState().select(null)
    expect(calls).toBe(0)
    store.getState().select({ kind: 'actor', id: 'a' })
    store.getState().select({ kind: 'actor', id: 'a' })
    expect(calls).toBe(1)
  })
  it('toggles types and stances, and resets filters', () => {
    const store = createExplorerStore()
    store.getState().toggleType('military', false)
    store.getState().toggleStance('hostile', false)
    expect(store.getState().filter.hiddenTypes).toEqual(['military'])
    expect(store.getState().filter.hiddenStances).toEqual(['hostile'])
    store.getState().resetFilters()
    expect(store.getState().filter).toEqual(DEFAULT_FILTER)
  })
})
