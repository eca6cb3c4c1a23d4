/**
 * Focus on a neighbourhood: the actors within `depth` steps of a start actor, by breadth-first
 * search over the shown relations, direction ignored. Pure; linear in the relations visited.
 */
import type { View } from '../model/filter'
import type { GraphIndex } from '../model/graphIndex'

export interface Neighbourhood {
  /** Steps from the start per actor; -1 when outside the neighbourhood. */
  readonly distance: Int32Array
  /** The actors inside, in breadth-first order (the start first). */
  readonly actors: Uint32Array
  /** 1 when actor a is inside. */
  readonly actorIn: Uint8Array
  /** 1 when relation r is shown and joins two actors inside. */
  readonly relationIn: Uint8Array
  /** Number of relations inside. */
  readonly relationCount: number
}

/**
 * @param relationShown 1 for each relation the filters show (View.relationShown)
 * @param start the actor index to start from
 * @param depth how many steps (0 keeps only the start)
 */
export function neighbourhood(
  index: GraphIndex,
  relationShown: Uint8Array,
  start: number,
  depth: number,
): Neighbourhood {
  const { actorCount: n, adjStart, adjRel, src, tgt } = index
  const distance = new Int32Array(n).fill(-1)
  const queue = new Uint32Array(n)
  let head = 0
  let tail = 0
  if (start >= 0 && start < n) {
    distance[start] = 0
    queue[tail++] = start
  }
  while (head < tail) {
    const a = queue[head++]!
    const d = distance[a]!
    if (d >= depth) continue
    for (let j = adjStart[a]!; j < adjStart[a + 1]!; j++) {
      const r = adjRel[j]!
      if (relationShown[r] !== 1) continue
      const b = src[r] === a ? tgt[r]! : src[r]!
      if (distance[b] !== -1) continue
      distance[b] = d + 1
      queue[tail++] = b
    }
  }
  const actorIn = new Uint8Array(n)
  for (let i = 0; i < tail; i++) actorIn[queue[i]!] = 1
  const relationIn = new Uint8Array(index.relationCount)
  let relationCount = 0
  for (let r = 0; r < index.relationCount; r++) {
    if (relationShown[r] === 1 && actorIn[src[r]!] === 1 && actorIn[tgt[r]!] === 1) {
      relationIn[r] = 1
      relationCount++
    }
  }
  return { distance, actors: queue.slice(0, tail), actorIn, relationIn, relationCount }
}

/** "Focus: Armenia, 2 steps — 14 actors, 37 relations" */
export function focusText(label: string, depth: number, n: Neighbourhood): string {
  const steps = depth === 1 ? '1 step' : `${depth} steps`
  const actors = n.actors.length === 1 ? '1 actor' : `${n.actors.length} actors`
  const relations = n.relationCount === 1 ? '1 relation' : `${n.relationCount} relations`
  return `Focus: ${label}, ${steps} — ${actors}, ${relations}`
}

/** A one-entry cache: the engine, the status line and the hook ask for the same neighbourhood. */
export function createNeighbourhoodCache(): (
  index: GraphIndex,
  relationShown: Uint8Array,
  start: number,
  depth: number,
) => Neighbourhood {
  let last: { index: GraphIndex; shown: Uint8Array; start: number; depth: number; n: Neighbourhood } | null =
    null
  return (index, relationShown, start, depth) => {
    if (
      last !== null &&
      last.index === index &&
      last.shown === relationShown &&
      last.start === start &&
      last.depth === depth
    )
      return last.n
    const n = neighbourhood(index, relationShown, start, depth)
    last = { index, shown: relationShown, start, depth, n }
    return n
  }
}

const shared = createNeighbourhoodCache()

/**
 * The neighbourhood of a focus ({ actor id, depth }) over the view's shown relations; null without a
 * focus or when the actor is not in this graph. Shared cache: the engine and the panels agree.
 */
export function focusNeighbourhood(
  view: View,
  focus: { readonly id: string; readonly depth: number } | null,
): Neighbourhood | null {
  if (focus === null) return null
  const a = view.index.actorIndex.get(focus.id)
  if (a === undefined) return null
  return shared(view.index, view.relationShown, a, focus.depth)
}

/**
 * The view restricted to a neighbourhood ("Hide others"): only the actors inside and the shown
 * relations among them. Degrees stay those of the full view, so nodes keep their size and the
 * layout (which keeps running on the full view) sees no change: nothing jumps.
 */
export function restrictView(view: View, n: Neighbourhood): View {
  const { index } = view
  const relationShown = new Uint8Array(index.relationCount)
  const countByType = new Uint32Array(view.countByType.length)
  const countByStance = new Uint32Array(view.countByStance.length)
  const rels: number[] = []
  for (const r of view.shownRelations) {
    if (n.relationIn[r] !== 1) continue
    relationShown[r] = 1
    rels.push(r)
    countByType[index.type[r]!]!++
    countByStance[index.stance[r]!]!++
  }
  const actorShown = new Uint8Array(index.actorCount)
  const actors: number[] = []
  for (const a of view.shownActors) {
    if (n.actorIn[a] !== 1) continue
    actorShown[a] = 1
    actors.push(a)
  }
  return {
    ...view,
    relationShown,
    shownRelations: Uint32Array.from(rels),
    actorShown,
    shownActors: Uint32Array.from(actors),
    countByType,
    countByStance,
  }
}
