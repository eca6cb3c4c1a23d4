/**
 * Value rules: how a row's relation type and stance are derived from its cells. Stated, with the
 * CAMEO table, in docs/data-format.md ("Tables: value rules"). Each rule reads the cell of the column
 * mapped to its role (the Type column for type rules, the Stance column for stance rules).
 */
import { STANCES } from '../../../model/schema'

export type Stance = (typeof STANCES)[number]

/** How the relation type is found. */
export type TypeRule =
  /** The Type column's text is the type; rows without one get the default. */
  | 'column'
  /** Every row gets the default type. */
  | 'fixed'
  /** ACLED event types (see ACLED_TYPES). */
  | 'acled'
  /** A CAMEO event code: its root (first two digits) gives the type (see CAMEO_ROOTS). */
  | 'cameo'

/** How the stance is found. */
export type StanceRule = 'column' | 'fixed' | 'acled' | 'cameo' | 'quadclass'

/** ACLED event type → type and stance. "Strategic developments" is diplomatic, neutral. */
export const ACLED_TYPES: Readonly<Record<string, { type: string; stance: Stance }>> = {
  battles: { type: 'military', stance: 'hostile' },
  'violence against civilians': { type: 'military', stance: 'hostile' },
  'explosions/remote violence': { type: 'military', stance: 'hostile' },
  protests: { type: 'diplomatic', stance: 'hostile' },
  riots: { type: 'diplomatic', stance: 'hostile' },
  'strategic developments': { type: 'diplomatic', stance: 'neutral' },
}

/**
 * CAMEO root codes (the first two digits of an event code): 01–09 verbal and material cooperation,
 * 10–14 verbal conflict, 15–20 material conflict. The type for 03, 04, 05, 08 is diplomatic, for 06
 * and 07 economic, for 15, 17, 18, 19, 20 military; the other roots have no type of their own and
 * take the default type.
 */
export const CAMEO_ROOTS: Readonly<Record<string, { name: string; type?: string; stance: Stance }>> = {
  '01': { name: 'Make public statement', stance: 'cooperative' },
  '02': { name: 'Appeal', stance: 'cooperative' },
  '03': { name: 'Express intent to cooperate', type: 'diplomatic', stance: 'cooperative' },
  '04': { name: 'Consult', type: 'diplomatic', stance: 'cooperative' },
  '05': { name: 'Engage in diplomatic cooperation', type: 'diplomatic', stance: 'cooperative' },
  '06': { name: 'Engage in material cooperation', type: 'economic', stance: 'cooperative' },
  '07': { name: 'Provide aid', type: 'economic', stance: 'cooperative' },
  '08': { name: 'Yield', type: 'diplomatic', stance: 'cooperative' },
  '09': { name: 'Investigate', stance: 'cooperative' },
  '10': { name: 'Demand', stance: 'hostile' },
  '11': { name: 'Disapprove', stance: 'hostile' },
  '12': { name: 'Reject', stance: 'hostile' },
  '13': { name: 'Threaten', stance: 'hostile' },
  '14': { name: 'Protest', stance: 'hostile' },
  '15': { name: 'Exhibit force posture', type: 'military', stance: 'hostile' },
  '16': { name: 'Reduce relations', stance: 'hostile' },
  '17': { name: 'Coerce', type: 'military', stance: 'hostile' },
  '18': { name: 'Assault', type: 'military', stance: 'hostile' },
  '19': { name: 'Fight', type: 'military', stance: 'hostile' },
  '20': { name: 'Use unconventional mass violence', type: 'military', stance: 'hostile' },
}

/** The root of a CAMEO code: "043" → "04", "1823" → "18", "4" → "04"; undefined if not a code. */
export function cameoRoot(code: string): string | undefined {
  const t = code.trim()
  if (!/^\d{1,4}$/.test(t)) return undefined
  // Roots are two digits; a one-digit value is a root whose leading zero a spreadsheet dropped.
  const root = t.length === 1 ? `0${t}` : t.slice(0, 2)
  return Object.prototype.hasOwnProperty.call(CAMEO_ROOTS, root) ? root : undefined
}

/** GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export function quadClassStance(cell: string): Stance | undefined {
  const t = cell.trim()
  if (t === '1' || t === '2') return 'cooperative'
  if (t === '3' || t === '4') return 'hostile'
  return undefined
}

const STANCE_WORDS: Readonly<Record<string, Stance>> = {
  cooperative: 'cooperative',
  cooperation: 'cooperative',
  hostile: 'hostile',
  hostility: 'hostile',
  neutral: 'neutral',
}

/** A stance written as a word (case-insensitive). */
export const stanceWord = (cell: string): Stance | undefined => STANCE_WORDS[cell.trim().toLowerCase()]

export interface RuleOutcome<T> {
  readonly value: T
  /** True when the rule had nothing to say and the default was used. */
  readonly defaulted: boolean
  /** A cell the rule did not recognise (listed in the notes). */
  readonly unknown?: string
}

export function applyTypeRule(
  rule: TypeRule,
  cell: string | undefined,
  fallback: string,
): RuleOutcome<string> {
  if (rule === 'fixed' || cell === undefined) return { value: fallback, defaulted: rule !== 'fixed' }
  if (rule === 'column') return { value: cell, defaulted: false }
  if (rule === 'acled') {
    const m = ACLED_TYPES[cell.toLowerCase()]
    return m ? { value: m.type, defaulted: false } : { value: fallback, defaulted: true, unknown: cell }
  }
  const root = cameoRoot(cell)
  if (root === undefined) return { value: fallback, defaulted: true, unknown: cell }
  const type = CAMEO_ROOTS[root]!.type
  return type === undefined ? { value: fallback, defaulted: true } : { value: type, defaulted: false }
}

export function applyStanceRule(
  rule: StanceRule,
  cell: string | undefined,
  fallback: Stance,
): RuleOutcome<Stance> {
  if (rule === 'fixed' || cell === undefined) return { value: fallback, defaulted: rule !== 'fixed' }
  let s: Stance | undefined
  if (rule === 'column') s = stanceWord(cell)
  else if (rule === 'acled') s = ACLED_TYPES[cell.toLowerCase()]?.stance
  else if (rule === 'quadclass') s = quadClassStance(cell)
  else {
    const root = cameoRoot(cell)
    s = root === undefined ? undefined : CAMEO_ROOTS[root]!.stance
  }
  return s === undefined
    ? { value: fallback, defaulted: true, unknown: cell }
    : { value: s, defaulted: false }
}
