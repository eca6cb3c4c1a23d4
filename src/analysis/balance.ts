/**
 * Structural balance of what is shown: the signed network, its triangle census and ratios, the
 * frustration index with its two camps and frustrated ties. Pure; the worker wraps `balanceSteps`.
 */
import type { GraphIndex } from '../model/graphIndex'
import { triangleCensus, type Census } from './census'
import { frustrationSteps, type FrustrationOptions } from './frustration'
import { byId, signedNetwork } from './signed'

export type Sign = '+' | '-'

export interface UnbalancedTriangle {
  /** Actor ids, ascending. */
  readonly actors: readonly [string, string, string]
  /** Signs of the ties actors[0]–actors[1], actors[0]–actors[2], actors[1]–actors[2]. */
  readonly signs: readonly [Sign, Sign, Sign]
}

/** What `window.__explorer.balance()` returns, plus what the panel and the graph need. */
export interface BalanceAnalysis {
  readonly triangles: number
  readonly census: Census
  /** Strong balance ratio (balanced / all triangles); null when there is no triangle. */
  readonly strong: number | null
  /** Weak balance ratio ((all − ++−) / all); null when there is no triangle. */
  readonly weak: number | null
  readonly frustration: { readonly value: number; readonly lower: number; readonly exact: boolean }
  /** Actor ids, each sorted, the camp holding the smaller id first. */
  readonly camps: readonly [readonly string[], readonly string[]]
  readonly contested: number
  readonly unsigned: number
  /** Number of signed ties and of actors with at least one. */
  readonly signedTies: number
  readonly signedActors: number
  /** Frustrated ties as actor id pairs [smaller, larger], sorted. */
  readonly frustratedTies: readonly (readonly [string, string])[]
  /** Unbalanced triangles (strong sense), sorted by their actor ids; at most `triangleLimit`. */
  readonly unbalanced: readonly UnbalancedTriangle[]
  /** Number of unbalanced triangles in all. */
  readonly unbalancedCount: number
}

export interface BalanceOptions extends FrustrationOptions {
  /** Most unbalanced triangles listed (default 5,000). */
  readonly triangleLimit?: number
}

const signOf = (s: number): Sign => (s > 0 ? '+' : '-')

/**
 * The balance analysis over the relations with `shown[i] === 1`, as a generator yielding the
 * fraction done, so a worker can report progress and drop a stale computation between steps.
 */
export function* balanceSteps(
  index: GraphIndex,
  shown: Uint8Array,
  options: BalanceOptions = {},
): Generator<number, BalanceAnalysis> {
  const net = signedNetwork(index, shown)
  const ids = Array.from(net.actors, (a) => index.graph.actors[a]!.id)
  yield 0.05
  const c = triangleCensus(net, options.triangleLimit ?? 5000)
  yield 0.1
  const steps = frustrationSteps(net, options)
  let r = steps.next()
  while (r.done !== true) {
    yield 0.1 + 0.9 * r.value
    r = steps.next()
  }
  const f = r.value
  const camp0: string[] = []
  const camp1: string[] = []
  ids.forEach((id, i) => (f.side[i] === 0 ? camp0 : camp1).push(id))
  // Local order is by id, so both camps are sorted and camp 0 holds the smallest id.
  const frustratedTies = Array.from(f.frustrated, (t) => [ids[net.eu[t]!]!, ids[net.ev[t]!]!] as const)
  const unbalanced: UnbalancedTriangle[] = []
  for (let i = 0; i < c.unbalanced.length; i += 3) {
    unbalanced.push({
      actors: [ids[c.unbalanced[i]!]!, ids[c.unbalanced[i + 1]!]!, ids[c.unbalanced[i + 2]!]!],
      signs: [
        signOf(c.unbalancedSigns[i]!),
        signOf(c.unbalancedSigns[i + 1]!),
        signOf(c.unbalancedSigns[i + 2]!),
      ],
    })
  }
  return {
    triangles: c.triangles,
    census: c.census,
    strong: c.strong,
    weak: c.weak,
    frustration: { value: f.value, lower: f.lower, exact: f.exact },
    camps: [camp0, camp1],
    contested: net.contested,
    unsigned: net.unsigned,
    signedTies: net.eu.length,
    signedActors: ids.length,
    frustratedTies,
    unbalanced,
    unbalancedCount: c.unbalancedCount,
  }
}

/** Unbalanced triangles with those through `actor` first (each group keeps its order). */
export function throughFirst(
  triangles: readonly UnbalancedTriangle[],
  actor: string | null,
): UnbalancedTriangle[] {
  if (actor === null) return triangles.slice()
  const hit = triangles.filter((t) => t.actors.includes(actor))
  const rest = triangles.filter((t) => !t.actors.includes(actor))
  return [...hit, ...rest]
}

/** Key of an unordered actor pair, "smaller|larger". */
export const pairKey = (a: string, b: string): string => (byId(a, b) <= 0 ? `${a}|${b}` : `${b}|${a}`)
