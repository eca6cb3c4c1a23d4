/**
 * Which network was open last (kept beside the networks list, in the same IndexedDB store). Apart
 * from io/networks.ts so that the boot can ask without loading Yjs when no network is kept.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval'

/** One connection for the "last network" key, so its writes land in the order they were made. */
const lastStores = new Map<string, UseStore>()
const lastStore = (dbName: string) => {
  let s = lastStores.get(dbName)
  if (s === undefined) lastStores.set(dbName, (s = createStore(dbName, 'kv')))
  return s
}

/** The id of the network last open (kept beside the list), for a reload to open it again. */
export async function loadLastNetwork(dbName = 'alliance-explorer-networks'): Promise<string | null> {
  try {
    const v = await get('last', lastStore(dbName))
    return typeof v === 'string' ? v : null
  } catch {
    return null
  }
}
export async function saveLastNetwork(
  id: string | null,
  dbName = 'alliance-explorer-networks',
): Promise<void> {
  try {
    await set('last', id, lastStore(dbName))
  } catch {
    // Only which network opens first after a reload is lost; its content is saved apart.
  }
}
