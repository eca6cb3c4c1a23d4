/**
 * Reading the signs of a path. Pure.
 *
 * A step (two actors and their shown relations) reads cooperative (+1) when its relations are
 * cooperative or neutral with at least one cooperative, hostile (−1) likewise, neutral (0) when all
 * are neutral, and contested when it has both cooperative and hostile relations. The prediction
 * for the end pair is the product of the steps' signs ("an enemy of an ally → predicted
 * hostile"); a contested step makes it undetermined, and so does a neutral one (a product of 0
 * predicts nothing).
 */
import type { GraphIndex } from '../model/graphIndex'
import { STANCES } from '../model/schema'
import { pairRelations } from './paths'

export type StepSign = 'cooperative' | 'hostile' | 'neutral' | 'contested'
export type Prediction = 'cooperative' | 'hostile' | 'undetermined'

const COOP = STANCES.indexOf('cooperative')
const HOSTILE = STANCES.indexOf('hostile')

/** The sign of a step from the stances of its relations (STANCES indices). */
export function stepSign(stances: Iterable<number>): StepSign {
  let coop = false
  let hostile = false
  for (const s of stances) {
    if (s === COOP) coop = true
    else if (s === HOSTILE) hostile = true
  }
  if (coop && hostile) return 'contested'
  return coop ? 'cooperative' : hostile ? 'hostile' : 'neutral'
}

export const SIGN_VALUE: Record<StepSign, number> = {
  cooperative: 1,
  hostile: -1,
  neutral: 0,
  contested: NaN,
}

/** The product of the steps' signs, as a prediction with the reason when there is none. */
export function predict(signs: readonly StepSign[]): { prediction: Prediction; reason: string | null } {
  if (signs.includes('contested')) return { prediction: 'undetermined', reason: 'a contested step' }
  if (signs.includes('neutral')) return { prediction: 'undetermined', reason: 'a neutral step' }
  let p = 1
  for (const s of signs) p *= SIGN_VALUE[s]
  return { prediction: p > 0 ? 'cooperative' : 'hostile', reason: null }
}

const NOUN: Record<StepSign, string> = {
  cooperative: 'an ally',
  hostile: 'an enemy',
  neutral: 'a neutral party',
  contested: 'a contested partner',
}

/** "an enemy of an ally → predicted hostile": the last actor read from the first. */
export function readingText(signs: readonly StepSign[]): string {
  const { prediction, reason } = predict(signs)
  const chain = [...signs]
    .reverse()
    .map((s) => NOUN[s])
    .join(' of ')
  return reason === null ? `${chain} → predicted ${prediction}` : `${chain} → undetermined (${reason})`
}

export interface PathReading {
  readonly steps: readonly { readonly relations: readonly number[]; readonly sign: StepSign }[]
  readonly prediction: Prediction
  readonly reason: string | null
  readonly text: string
  /** The end pair's own shown relations and their sign ('none' when they have none). */
  readonly direct: { readonly relations: readonly number[]; readonly sign: StepSign | 'none' }
}

/** Reads a path (actor indices) over the shown relations. */
export function readPath(index: GraphIndex, shown: Uint8Array, path: readonly number[]): PathReading {
  const steps = path.slice(1).map((b, i) => {
    const relations = pairRelations(index, shown, path[i]!, b)
    return { relations, sign: stepSign(relations.map((r) => index.stance[r]!)) }
  })
  const signs = steps.map((s) => s.sign)
  const { prediction, reason } = predict(signs)
  const from = path[0]!
  const to = path[path.length - 1]!
  const directRelations = pairRelations(index, shown, from, to)
  return {
    steps,
    prediction,
    reason,
    text: readingText(signs),
    direct: {
      relations: directRelations,
      sign: directRelations.length === 0 ? 'none' : stepSign(directRelations.map((r) => index.stance[r]!)),
    },
  }
}
