/** Whether the page shows a viewer's link (no editing controls), without loading the live session. */
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { Live, LiveState } from '../../session/live'

/** Whether this browser holds a viewer's link to the room on screen (no editing then). */
export function useViewOnly(live: Live | undefined): boolean {
  const role = useStore(live?.state ?? NO_LIVE, (s) => s.role)
  return live !== undefined && role === 'viewer'
}
const NO_LIVE = createStore<LiveState>()(() => ({
  status: 'off',
  role: null,
  server: null,
  room: null,
  links: { editor: null, viewer: null },
  people: [],
  log: [],
  error: null,
  name: '',
}))
