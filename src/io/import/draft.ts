/**
 * The common back half of every converter: a loose, v1-shaped draft (values not yet checked) is
 * completed — undeclared relation types declared with generated colours, sources interned — and then
 * run through the format v1 validator. Problems the validator finds are re-addressed to the place in
 * the original file (`links[3].target`, `row 12, column "target"`), so the analyst can find them.
 */
import { validateGraph } from '../../model/parse'
import { ACTOR_KINDS, DEFAULT_RELATION_TYPES, STANCES } from '../../model/schema'
import type { Problem } from '../../model/types'
import { colourAllocator } from './colors'
import type { ConvertResult, ProgressCallback } from './types'

export type PathPart = string | number
/** Maps the rest of a v1 path (e.g. `['evidence', 0, 'quote']`) to a place in the original file. */
export type Locator = (rest: readonly PathPart[]) => string

export interface DraftRecord {
  readonly value: Record<string, unknown>
  readonly at: Locator
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** An own property, never one inherited from Object.prototype (`constructor`, `__proto__`). */
export const own = (o: Record<string, unknown>, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined

/** The first own property among `keys` that is present (not undefined or null). */
export function pick(o: Record<string, unknown>, keys: readonly string[]): [string, unknown] | undefined {
  for (const k of keys) {
    const v = own(o, k)
    if (v !== undefined && v !== null) return [k, v]
  }
  return undefined
}

/** Text from a string or a finite number; undefined for empty or missing; other values unchanged. */
export function textValue(v: unknown): unknown {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v === 'string') return v.trim() === '' ? undefined : v
  return v
}

const DATE_YEAR =
  /^\s*([+-]?\d{1,4})(?:-(?:0[1-9]|1[0-2])(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?\s*$/

/**
 * A year from a number, a numeric string or a date ("2016", "2016-05", "2016-05-01T00:00:00Z" → 2016).
 * Empty values are undefined; anything else is returned unchanged so the validator reports it.
 */
export function yearValue(v: unknown): unknown {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'string') {
    if (v.trim() === '') return undefined
    const m = DATE_YEAR.exec(v)
    if (m) return Number(m[1])
    const n = Number(v)
    if (v.trim() !== '' && Number.isFinite(n)) return n
  }
  return v
}

const STANCE_WORDS: Record<string, (typeof STANCES)[number]> = {
  cooperative: 'cooperative',
  cooperation: 'cooperative',
  hostile: 'hostile',
  hostility: 'hostile',
  neutral: 'neutral',
}

/** A stance, case-insensitive; `undefined` when missing (the caller assumes neutral and says so). */
export function stanceValue(v: unknown): unknown {
  const t = textValue(v)
  if (t === undefined) return undefined
  if (typeof t !== 'string') return t
  return Object.prototype.hasOwnProperty.call(STANCE_WORDS, t.trim().toLowerCase())
    ? STANCE_WORDS[t.trim().toLowerCase()]
    : t
}

const KIND_WORDS: Record<string, (typeof ACTOR_KINDS)[number]> = {
  country: 'state',
  nation: 'state',
  organization: 'organisation',
  org: 'organisation',
  'armed group': 'armed-group',
  armed_group: 'armed-group',
  militia: 'armed-group',
  alliance: 'bloc',
  individual: 'person',
}

/** An actor kind; `{kind: 'other', given}` when the value is not one of the v1 kinds. */
export function kindValue(v: unknown): { kind: (typeof ACTOR_KINDS)[number]; given?: string } {
  const t = textValue(v)
  if (typeof t !== 'string') return { kind: 'other' }
  const k = t.trim().toLowerCase()
  if ((ACTOR_KINDS as readonly string[]).includes(k)) return { kind: k as (typeof ACTOR_KINDS)[number] }
  if (Object.prototype.hasOwnProperty.call(KIND_WORDS, k)) return { kind: KIND_WORDS[k]!, given: t }
  return { kind: 'other', given: t }
}

/** true/false from booleans, "true"/"false", "yes"/"no", "1"/"0"; undefined when empty; else unchanged. */
export function boolValue(v: unknown): unknown {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'boolean') return v
  if (v === 1) return true
  if (v === 0) return false
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase()
    if (t === '') return undefined
    if (['true', 'yes', 'y', '1'].includes(t)) return true
    if (['false', 'no', 'n', '0'].includes(t)) return false
  }
  return v
}

/** "trade-deal" → "Trade deal" */
export function labelFromId(id: string): string {
  const spaced = id.replace(/[-_]+/g, ' ').trim()
  return spaced === '' ? id : spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

/** "My graph.gexf" → "My graph" */
export function titleFromFileName(fileName: string): string {
  const name = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(/\.d3$/i, '')
  return name.trim() === '' ? 'Imported graph' : name
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** A short human list: "a, b, c" or "a, b, c and 4 more". */
export function listOf(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}

export interface SourceFields {
  readonly title?: unknown
  readonly url?: unknown
  readonly author?: unknown
  readonly publisher?: unknown
  readonly published?: unknown
}

const UNATTRIBUTED = 'Unattributed'

/** Collects v1 relations, actors and sources; generates ids; runs the validator at the end. */
export class Draft {
  title: unknown
  description: unknown
  readonly actors: DraftRecord[] = []
  readonly relations: DraftRecord[] = []
  readonly sources: DraftRecord[] = []
  readonly notes: string[] = []
  readonly warnings: Problem[] = []
  /** Declared relation types, when the file has any; undeclared ones used by relations are added. */
  relationTypes: { id: string; label: string; color: string }[] = []
  private readonly sourceKeys = new Map<string, string>()
  private readonly usedIds = new Map<string, Set<string>>()
  unattributed = 0

  constructor(private readonly progress?: ProgressCallback) {}

  /** A fresh id, not used before in `list`, built from `base`. */
  freshId(list: string, base: string): string {
    let used = this.usedIds.get(list)
    if (!used) this.usedIds.set(list, (used = new Set()))
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    return id
  }

  /** Records an id given by the file so generated ids avoid it. */
  reserveId(list: string, id: unknown): void {
    if (typeof id !== 'string') return
    let used = this.usedIds.get(list)
    if (!used) this.usedIds.set(list, (used = new Set()))
    used.add(id)
  }

  /** The id of a source with these fields, adding it on first use. */
  source(fields: SourceFields, at: Locator): string {
    const title = textValue(fields.title)
    const url = textValue(fields.url)
    const key = JSON.stringify([title, url, textValue(fields.author), textValue(fields.published)])
    const known = this.sourceKeys.get(key)
    if (known !== undefined) return known
    const value: Record<string, unknown> = {}
    if (title === undefined && url === undefined) this.unattributed++
    value.id = this.freshId('sources', `s${this.sources.length + 1}`)
    value.title = title ?? url ?? UNATTRIBUTED
    for (const k of ['author', 'publisher', 'published'] as const) {
      const v = textValue(fields[k])
      if (v !== undefined) value[k] = v
    }
    if (url !== undefined) value.url = typeof url === 'string' ? url.trim() : url
    this.sources.push({ value, at })
    this.sourceKeys.set(key, value.id as string)
    return value.id as string
  }

  /** Declares every relation type used but not declared, with a generated colour; adds a note. */
  private declareTypes(): void {
    const declared = new Set(this.relationTypes.map((t) => t.id))
    const next = colourAllocator(this.relationTypes.map((t) => t.color))
    const generated: string[] = []
    for (const r of this.relations) {
      const type = r.value.type
      if (typeof type !== 'string' || type.trim() === '' || declared.has(type)) continue
      declared.add(type)
      const standard = DEFAULT_RELATION_TYPES.find((t) => t.id === type)
      if (standard) this.relationTypes.push({ ...standard })
      else {
        this.relationTypes.push({ id: type, label: labelFromId(type), color: next() })
        generated.push(type)
      }
    }
    if (generated.length > 0) {
      this.notes.push(
        `${plural(generated.length, 'relation type was', 'relation types were')} not declared (${listOf(generated)}) and ${generated.length === 1 ? 'was' : 'were'} given ${generated.length === 1 ? 'a generated colour' : 'generated colours'}`,
      )
    }
  }

  /** Completes the draft and validates it; problem paths point into the original file. */
  finish(fileLevel: Locator = () => '(file)'): ConvertResult {
    this.declareTypes()
    if (this.unattributed > 0) {
      this.notes.push(`Some quotations named no source; they are attributed to "${UNATTRIBUTED}"`)
    }
    const doc: Record<string, unknown> = {
      schemaVersion: 1,
      title: this.title,
      ...(this.description !== undefined ? { description: this.description } : {}),
      ...(this.relationTypes.length > 0 ? { relationTypes: this.relationTypes } : {}),
      sources: this.sources.map((s) => s.value),
      actors: this.actors.map((a) => a.value),
      relations: this.relations.map((r) => r.value),
    }
    this.progress?.({ stage: 'parsing', fraction: 1 })
    this.progress?.({ stage: 'validating', fraction: 0 })
    const result = validateGraph(doc)
    this.progress?.({ stage: 'validating', fraction: 1 })
    const lists: Record<string, readonly DraftRecord[]> = {
      actors: this.actors,
      relations: this.relations,
      sources: this.sources,
    }
    // Messages may name other items ("already used by actors[0]"): those are re-addressed too.
    const relocateText = (message: string) =>
      message.replace(/\b(actors|relations|sources)\[(\d+)\]/g, (whole, list: string, i: string) => {
        const record = lists[list]?.[Number(i)]
        return record ? record.at([]) : whole
      })
    const relocate = (p: Problem): Problem => {
      const m = /^(actors|relations|sources|relationTypes)\[(\d+)\](.*)$/.exec(p.path)
      const message = relocateText(p.message)
      if (!m) return { path: p.path === '(file)' ? '(file)' : fileLevel([p.path]), message }
      const record = lists[m[1]!]?.[Number(m[2])]
      if (!record) return { path: p.path, message }
      const rest: PathPart[] = []
      for (const part of m[3]!.matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
        rest.push(part[1] !== undefined ? part[1] : Number(part[2]))
      }
      return { path: record.at(rest), message }
    }
    // Unknown-field warnings refer to the draft, not the file: the converters report their own.
    if (!result.ok) {
      return { ok: false, errors: result.errors.map(relocate), warnings: this.warnings, notes: this.notes }
    }
    return { ok: true, graph: result.graph, warnings: this.warnings, notes: this.notes }
  }
}
