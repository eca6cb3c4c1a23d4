/**
 * What session/lazy.ts loads on first use: the editing session, the document (Yjs) and the
 * networks kept in the browser. One module, so one chunk arrives for all of them.
 */
export { createEditing } from './editing'
export { createEditor } from '../document/editor'
export { createNetworkDoc, readGraph } from '../document/network'
export { createNetworkStore } from '../io/networks'
