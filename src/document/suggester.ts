/**
 * What the suggester remembers with a network: the suggestions rejected from each source. They live
 * in a Y.Map of their own ("suggester") in the network's document, so they are saved, synced
 * between tabs and merged like every other change, but stay outside everything the format derives:
 * no export holds them, the graph does not change when one is added, and undo (which tracks only
 * the collections and meta) never brings a rejected suggestion back.
 *
 *   suggester   "rejected\u0000<source id>\u0000<suggestion key>" → true
 */
import type { NetworkDoc } from './network'

/** The origin of the suggester's own writes: not a user's step, but saved like one. */
export const SUGGESTER_ORIGIN = 'suggester'

const map = (net: NetworkDoc) => net.doc.getMap<unknown>('suggester')
const prefix = (sourceId: string) => `rejected\u0000${sourceId}\u0000`

/** The keys (suggestionKey) of the suggestions rejected from a source. */
export function rejectedIn(net: NetworkDoc, sourceId: string): string[] {
  const p = prefix(sourceId)
  const out: string[] = []
  for (const k of map(net).keys()) if (k.startsWith(p)) out.push(k.slice(p.length))
  return out.sort()
}

/** Remembers a rejection; one per key, however often it is made, in any tab. */
export function addRejection(net: NetworkDoc, sourceId: string, key: string): void {
  const k = prefix(sourceId) + key
  if (map(net).has(k)) return
  net.doc.transact(() => map(net).set(k, true), SUGGESTER_ORIGIN)
}
