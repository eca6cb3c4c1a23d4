/**
 * The live session's store and what the first view needs of it, apart from session/live.ts so
 * that the page can show "Share live…" without loading Yjs and the Hocuspocus provider.
 */
import { createStore } from 'zustand/vanilla'
import type { LiveState, LiveStore } from './live'

export const DEFAULT_SERVER = 'ws://127.0.0.1:1234'
const NAME_KEY = 'alliance-explorer:live-name'
export const rememberedName = (): string => {
  try {
    return localStorage.getItem(NAME_KEY) ?? ''
  } catch {
    return ''
  }
}
export const rememberName = (name: string) => {
  try {
    localStorage.setItem(NAME_KEY, name)
  } catch {
    // Storage refused: the name is asked again next time.
  }
}

export const createLiveStore = (): LiveStore =>
  createStore<LiveState>()(() => ({
    status: 'off',
    role: null,
    server: null,
    room: null,
    links: { editor: null, viewer: null },
    people: [],
    log: [],
    error: null,
    name: rememberedName(),
  }))
