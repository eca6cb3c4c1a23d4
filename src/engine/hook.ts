/**
 * `window.__explorer`, the one read-only automation hook. Each call is one line in CALLS: its name
 * and how it is answered from the engine (and the store, for calls about intent rather than
 * pixels). The hook's type is derived from the table, so adding a call is adding a line (and a row
 * in the README's "Automation hook" table).
 */
import type { ExplorerStore } from '../state/store'
import type { Engine } from './engine'

export interface HookSource {
  readonly engine: Engine
  readonly store: ExplorerStore
}

const CALLS = {
  nodes:
    ({ engine }: HookSource) =>
    () =>
      engine.nodes(),
  transform:
    ({ engine }: HookSource) =>
    () =>
      engine.transform(),
  layout:
    ({ engine }: HookSource) =>
    () =>
      engine.layout(),
  path:
    ({ engine }: HookSource) =>
    (fromId: string, toId: string) =>
      engine.path(String(fromId), String(toId)),
} satisfies Record<string, (src: HookSource) => (...args: never[]) => unknown>

export type ExplorerHook = { readonly [K in keyof typeof CALLS]: ReturnType<(typeof CALLS)[K]> }

declare global {
  interface Window {
    __explorer?: ExplorerHook
  }
}

/** Puts the hook on `window`; the returned function takes it off again (if it is still this one). */
export function installHook(src: HookSource): () => void {
  const hook = Object.freeze(
    Object.fromEntries(Object.entries(CALLS).map(([name, bind]) => [name, bind(src)])),
  ) as ExplorerHook
  window.__explorer = hook
  return () => {
    if (window.__explorer === hook) delete window.__explorer
  }
}
