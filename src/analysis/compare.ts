/**
 * Two years compared. Pure.
 *
 * A tie is an unordered pair of actors × relation type. Its state in a year: absent (no shown relation
 * of that pair and type is active that year), contested (both a cooperative and a hostile one are),
 * cooperative or hostile (when any active one is, and not both), or neutral (only neutral ones are).
 * Between A and B a tie is formed (absent in A, present in B), ended (present in A, absent in B),
 * changed (present in both, in different states; "flipped" between cooperative and hostile) or
 * unchanged. A change of stance is one change, never an end plus a formation. "Shown" follows the
 * filters (types, stances, undated relations) with the year window set to the single year.
 */
import type { FilterState } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'
import { yearShown } from './yearView'

export type TieState = 'absent' | 'cooperative' | 'hostile' | 'neutral' | 'contested'
export type Change = 'formed' | 'ended' | 'changed' | 'unchanged'

export interface TieDiff {
  /** "<smaller actor id>|<larger actor id>|<type id>" */
  readonly key: string
  readonly a: string
  readonly b: string
  readonly type: string
  readonly stateA: TieState
  readonly stateB: TieState
  readonly change: Change
  /** Changed between cooperative and hostile. */
  readonly flipped: boolean
  /** Indices of the relations behind the state in year A and in year B, ascending. */
  readonly relationsA: readonly number[]
  readonly relationsB: readonly number[]
}

export interface Comparison {
  readonly yearA: number
  readonly yearB: number
  /** Tie keys by change, each sorted. */
  readonly formed: readonly string[]
  readonly ended: readonly string[]
  readonly changed: readonly string[]
  readonly unchanged: readonly string[]
  /** Every tie present in A or B, sorted by key. */
  readonly ties: readonly TieDiff[]
}

const STATE_OF_FLAGS: readonly TieState[] = [
  'absent', // 0
  'cooperative', // 1
  'hostile', // 2
  'contested', // 3
  'neutral', // 4
  'cooperative', // 5
  'hostile', // 6
  'contested', // 7
]

interface YearTies {
  readonly flags: Map<string, number>
  readonly relations: Map<string, number[]>
}

function tiesOfYear(index: GraphIndex, shown: Uint8Array): YearTies {
  const { graph, src, tgt, type, stance } = index
  const typeIds = graph.relationTypes.map((t) => t.id)
  const flags = new Map<string, number>()
  const relations = new Map<string, number[]>()
  for (let i = 0; i < index.relationCount; i++) {
    if (shown[i] !== 1) continue
    const x = graph.actors[src[i]!]!.id
    const y = graph.actors[tgt[i]!]!.id
    const key = x < y ? `${x}|${y}|${typeIds[type[i]!]}` : `${y}|${x}|${typeIds[type[i]!]}`
    const bit = stance[i] === 0 ? 1 : stance[i] === 1 ? 2 : 4
    flags.set(key, (flags.get(key) ?? 0) | bit)
    const list = relations.get(key)
    if (list === undefined) relations.set(key, [i])
    else list.push(i)
  }
  return { flags, relations }
}

const codeUnitOrder = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)

export function compareYears(
  index: GraphIndex,
  filter: FilterState,
  yearA: number,
  yearB: number,
): Comparison {
  const A = tiesOfYear(index, yearShown(index, filter, yearA))
  const B = tiesOfYear(index, yearShown(index, filter, yearB))
  const keys = [...new Set([...A.flags.keys(), ...B.flags.keys()])].sort(codeUnitOrder)
  const ties: TieDiff[] = []
  const byChange: Record<Change, string[]> = { formed: [], ended: [], changed: [], unchanged: [] }
  for (const key of keys) {
    const stateA = STATE_OF_FLAGS[A.flags.get(key) ?? 0]!
    const stateB = STATE_OF_FLAGS[B.flags.get(key) ?? 0]!
    const change: Change =
      stateA === 'absent'
        ? 'formed'
        : stateB === 'absent'
          ? 'ended'
          : stateA === stateB
            ? 'unchanged'
            : 'changed'
    // Ids may hold "|", so the type is the last field and the pair is read from a relation.
    const rel = (A.relations.get(key) ?? B.relations.get(key))![0]!
    const r = index.graph.relations[rel]!
    const [a, b] = r.source < r.target ? [r.source, r.target] : [r.target, r.source]
    byChange[change].push(key)
    ties.push({
      key,
      a,
      b,
      type: r.type,
      stateA,
      stateB,
      change,
      flipped:
        (stateA === 'cooperative' && stateB === 'hostile') ||
        (stateA === 'hostile' && stateB === 'cooperative'),
      relationsA: A.relations.get(key) ?? [],
      relationsB: B.relations.get(key) ?? [],
    })
  }
  return { yearA, yearB, ...byChange, ties }
}
