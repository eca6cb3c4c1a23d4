/**
 * Keeps the store and the address bar in step. A selection change, and a change of the traced
 * path's ends (opened, another end, closed), pushes a history entry, so Back and Forward step
 * through selections and paths; filter and year changes replace the current entry,
 * a moment after the last change: Chromium spends 20–30 ms per history write, which would
 * otherwise sit between a click on a filter and the frame that shows it (and scrubbing or Play
 * would write once per step).
 */
import { decodeUrl, encodeUrl, samePathEnds } from './url'
import type { ExplorerStore, PathQuery, Selection } from './store'

export const FILTER_URL_DELAY_MS = 200

export function bindUrl(store: ExplorerStore, win: Window = window): () => void {
  let applying = false
  let pending: ReturnType<typeof setTimeout> | undefined
  const write = (
    push: boolean,
    selection: Selection = store.getState().selection,
    path: PathQuery | null = store.getState().path,
  ) => {
    if (pending !== undefined) {
      clearTimeout(pending)
      pending = undefined
    }
    const search = encodeUrl(
      win.location.search,
      store.getState().filter,
      selection,
      store.getState().focus,
      path,
    )
    if (search === win.location.search) return
    const url = `${win.location.pathname}${search}${win.location.hash}`
    if (push) win.history.pushState(null, '', url)
    else win.history.replaceState(null, '', url)
  }
  const flush = () => {
    if (pending !== undefined) write(false)
  }
  const unsubscribe = store.subscribe((state, prev) => {
    if (applying) return
    const pathMoved = !samePathEnds(state.path, prev.path)
    if (state.selection !== prev.selection || pathMoved) {
      // A pending filter change belongs to the entry being left (as it would have without the
      // delay), so Back from the new selection keeps the filters.
      if (pending !== undefined) write(false, prev.selection, prev.path)
      write(true)
    } else if (state.filter !== prev.filter || state.focus !== prev.focus) {
      if (pending !== undefined) clearTimeout(pending)
      pending = setTimeout(() => {
        pending = undefined
        write(false)
      }, FILTER_URL_DELAY_MS)
    }
  })
  const onPop = () => {
    if (pending !== undefined) clearTimeout(pending)
    pending = undefined
    const v = decodeUrl(win.location.search)
    applying = true
    try {
      // The same ends keep the path drawn; other ends draw their best-evidenced path again.
      const path = samePathEnds(v.path, store.getState().path) ? store.getState().path : v.path
      store.setState({ filter: v.filter, selection: v.selection, focus: v.focus, path, playing: false })
    } finally {
      applying = false
    }
  }
  win.addEventListener('popstate', onPop)
  // Leaving or reloading the page right after a change still keeps it in the address.
  win.addEventListener('pagehide', flush)
  return () => {
    flush()
    unsubscribe()
    win.removeEventListener('popstate', onPop)
    win.removeEventListener('pagehide', flush)
  }
}
