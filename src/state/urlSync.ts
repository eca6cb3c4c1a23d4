/**
 * Keeps the store and the address bar in step. A selection change pushes a history entry, so
 * Back and Forward step through selections; filter and year changes replace the current entry.
 */
import { decodeUrl, encodeUrl } from './url'
import type { ExplorerStore } from './store'

export function bindUrl(store: ExplorerStore, win: Window = window): () => void {
  let applying = false
  const write = (push: boolean) => {
    const { filter, selection } = store.getState()
    const search = encodeUrl(win.location.search, filter, selection)
    if (search === win.location.search) return
    const url = `${win.location.pathname}${search}${win.location.hash}`
    if (push) win.history.pushState(null, '', url)
    else win.history.replaceState(null, '', url)
  }
  const unsubscribe = store.subscribe((state, prev) => {
    if (applying) return
    if (state.selection !== prev.selection) write(true)
    else if (state.filter !== prev.filter) write(false)
  })
  const onPop = () => {
    const v = decodeUrl(win.location.search)
    applying = true
    try {
      store.setState({ filter: v.filter, selection: v.selection, playing: false })
    } finally {
      applying = false
    }
  }
  win.addEventListener('popstate', onPop)
  return () => {
    unsubscribe()
    win.removeEventListener('popstate', onPop)
  }
}
