/**
 * `window.__explorer`, the one read-only automation hook. Each call is one line in CALLS: its name
 * and how it is answered from the engine (and the store, for calls about intent rather than
 * pixels), given the call's own arguments after the source. The hook's type is derived from the
 * table, so adding a call is adding a line here and a row in the README's "Automation hook" table
 * (a unit test checks that the two list the same calls).
 */
import type { Graph } from '../model/types'
import { evidenceCounts, type EvidenceCounts } from '../evidence/check'
import type { ExplorerStore } from '../state/store'
import type { Engine } from './types'

export interface HookSource {
  readonly engine: Engine
  readonly store: ExplorerStore
  /** Balance and year comparison (issue 14), answered by the app's analysis (absent: the calls throw). */
  readonly analysis?: AnalysisHookSource
  /** The whole network being edited (format v1); absent: the graph on screen. */
  readonly network?: () => Graph
}

/** What `balance()` resolves to (README, "Automation hook"). */
export interface BalanceHookResult {
  readonly triangles: number
  readonly census: {
    readonly '+++': number
    readonly '++-': number
    readonly '+--': number
    readonly '---': number
  }
  readonly strong: number | null
  readonly weak: number | null
  readonly frustration: { readonly value: number; readonly lower: number; readonly exact: boolean }
  readonly camps: [string[], string[]]
  readonly contested: number
  readonly unsigned: number
}

/** What `compare(a, b)` returns: sorted tie keys "<smaller actor id>|<larger actor id>|<type id>". */
export interface CompareHookResult {
  readonly formed: string[]
  readonly ended: string[]
  readonly changed: string[]
  readonly unchanged: string[]
}

export interface AnalysisHookSource {
  balance(): Promise<BalanceHookResult>
  compare(a: number, b: number): CompareHookResult
}

const noAnalysis = (): never => {
  throw new Error('__explorer: the balance analysis is not available here')
}

type Call = (src: HookSource, ...args: never[]) => unknown
const table = <T extends Record<string, Call>>(calls: T): T => calls

const CALLS = table({
  nodes: ({ engine }) => engine.nodes(),
  labels: ({ engine }) => engine.labels(),
  transform: ({ engine }) => engine.transform(),
  layout: ({ engine }) => engine.layout(),
  balance: ({ analysis }): Promise<BalanceHookResult> =>
    analysis === undefined
      ? Promise.reject(new Error('__explorer: no balance analysis'))
      : analysis.balance(),
  compare: ({ analysis }, a: number, b: number): CompareHookResult =>
    analysis === undefined ? noAnalysis() : analysis.compare(a, b),
  path: ({ engine }, fromId: string, toId: string) => engine.path(String(fromId), String(toId)),
  evidence: ({ engine, network }): EvidenceCounts | null => {
    const g = network?.() ?? engine.graphIndex()?.graph ?? null
    return g === null ? null : evidenceCounts(g)
  },
  graph: ({ engine, network }): Graph | null => {
    const g = network?.() ?? engine.graphIndex()?.graph ?? null
    return g === null ? null : (structuredClone(g) as Graph)
  },
})

type Args<F> = F extends (src: HookSource, ...args: infer A) => unknown ? A : never
export type ExplorerHook = {
  readonly [K in keyof typeof CALLS]: (...args: Args<(typeof CALLS)[K]>) => ReturnType<(typeof CALLS)[K]>
}

declare global {
  interface Window {
    __explorer?: ExplorerHook
  }
}

/** Puts the hook on `window`; the returned function takes it off again (if it is still this one). */
export function installHook(src: HookSource): () => void {
  const bound = Object.entries(CALLS).map(([name, call]) => [
    name,
    (...args: never[]) => (call as Call)(src, ...args),
  ])
  const hook = Object.freeze(Object.fromEntries(bound)) as ExplorerHook
  window.__explorer = hook
  return () => {
    if (window.__explorer === hook) delete window.__explorer
  }
}
