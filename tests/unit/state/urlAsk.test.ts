import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTER } from '../../../src/model/filter'
import { createExplorerStore, type Focus } from '../../../src/state/store'
import { decodeUrl, encodeUrl } from '../../../src/state/url'

describe('evidence filters and focus in the URL', () => {
  it('writes nothing for the defaults', () => {
    expect(encodeUrl('', DEFAULT_FILTER, null, null)).toBe('')
  })

  it('writes the evidence filters and the focus in plain words', () => {
    const s = encodeUrl('?graph=g.json', { ...DEFAULT_FILTER, minSources: 2, hideContested: true }, null, {
      id: 'armenia',
      depth: 2,
      mode: 'dim',
    })
    expect(s).toBe('?graph=g.json&minSources=2&hideContested=1&focus=armenia&depth=2&others=dim')
  })

  it('reads a focus with the defaults filled in and bad values replaced', () => {
    expect(decodeUrl('?focus=iran').focus).toEqual({ id: 'iran', depth: 1, mode: 'hide' })
    expect(decodeUrl('?focus=iran&depth=7&others=what').focus).toEqual({ id: 'iran', depth: 1, mode: 'hide' })
    expect(decodeUrl('?focus=&depth=2').focus).toBeNull()
    expect(decodeUrl('?minSources=abc').filter.minSources).toBe(1)
    expect(decodeUrl('?minSources=2').given.has('minSources')).toBe(true)
  })

  it('round-trips any focus and evidence filters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.option(
          fc.record({
            id: fc.string({ minLength: 1 }),
            depth: fc.constantFrom(1 as const, 2 as const, 3 as const),
            mode: fc.constantFrom('hide' as const, 'dim' as const),
          }),
        ),
        (minSources, hideContested, focus: Focus | null) => {
          const filter = { ...DEFAULT_FILTER, minSources, hideContested }
          const back = decodeUrl(encodeUrl('', filter, null, focus))
          expect(back.filter).toEqual(filter)
          expect(back.focus).toEqual(focus)
        },
      ),
    )
  })

  it('store actions skip writes that change nothing', () => {
    const store = createExplorerStore()
    const before = store.getState()
    store.getState().setFocus(null)
    store.getState().setMinSources(1)
    store.getState().setHideContested(false)
    store.getState().setPath(null)
    expect(store.getState()).toBe(before)
    store.getState().setFocus({ id: 'a', depth: 2, mode: 'hide' })
    const after = store.getState()
    store.getState().setFocus({ id: 'a', depth: 2, mode: 'hide' })
    expect(store.getState()).toBe(after)
    store.getState().setMinSources(2)
    expect(store.getState().filter.minSources).toBe(2)
  })
})
