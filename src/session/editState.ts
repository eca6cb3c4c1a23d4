/**
 * The editing session's store, apart from session/editing.ts so that the page can show "Edit"
 * and subscribe to Edit mode without loading Yjs (session/lazy.ts).
 */
import { createStore } from 'zustand/vanilla'
import type { EditState, EditStore } from './editing'

export const createEditStore = (): EditStore =>
  createStore<EditState>()(() => ({
    editing: false,
    dialog: null,
    focusQuote: null,
    networkId: null,
    save: { kind: 'none' },
    done: [],
    undone: [],
    notice: null,
    orphans: 0,
    placeAt: null,
  }))
