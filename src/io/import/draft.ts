/**
 * The importer core, the common back half of every converter. A converter maps its format onto
 * `addActor` and `addRelation`, which apply the defaults shared by all formats (label = id, kind
 * `other`, type `related`, stance neutral, summary "A – B", aliases split at `|`) and count them;
 * `finish` writes one note per default that was used, declares undeclared relation types with
 * generated colours, runs the format v1 validator and merges the converter's own structural problems
 * with the validator's. Problems are re-addressed to the place in the original file (`links[3].target`,
 * `row 12, column "target"`), so the analyst can find them.
 *
 * Over 300 lines: the value readers (years, stances, kinds, booleans) and the builder belong together,
 * so that every converter gets the same rules from one place.
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

/**
 * Aliases, the same rule in every format: a list is kept as given (the validator checks its items);
 * text is split at the pipe character `|`, each part trimmed, empty parts dropped. Blank text is none.
 */
export function aliasesValue(v: unknown): unknown {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') return v
  if (v.trim() === '') return undefined
  return v
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** An actor as a converter found it; values are raw and checked later. */
export interface ActorInput {
  readonly id: unknown
  readonly label?: unknown
  readonly kind?: unknown
  readonly description?: unknown
  readonly aliases?: unknown
}

/** A relation as a converter found it; values are raw (text, numbers, dates) and checked later. */
export interface RelationInput {
  /** The id the file gives, if any. */
  readonly id?: unknown
  /** Base of the generated id when the file gives none (`row-12`, `link-3`, `edge-0`). */
  readonly idBase: string
  readonly source: unknown
  readonly target: unknown
  readonly type?: unknown
  readonly stance?: unknown
  readonly summary?: unknown
  readonly directed?: unknown
  readonly start?: unknown
  readonly end?: unknown
  readonly approximate?: unknown
  readonly evidence?: readonly unknown[]
  /** Extra fields set as given (used by the table importer for its weights). */
  readonly extra?: Readonly<Record<string, unknown>>
}

/** The evidence fields a converter found: a quotation, an optional note, its source. */
export interface EvidenceInput extends SourceFields {
  readonly quote: unknown
  readonly note?: unknown
}

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
  /** Actor id → label, for generated summaries. */
  readonly labels = new Map<string, string>()
  unattributed = 0
  /** How often each shared default was applied; `finish` turns them into notes. */
  private readonly defaulted = { kind: 0, type: 0, stance: 0, summary: 0 }
  private readonly otherKinds = new Set<string>()

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

  /**
   * Adds an actor: label defaults to the id, kind to `other` (known synonyms mapped, others counted),
   * aliases by the shared rule, a blank description dropped. Returns the v1-shaped record.
   */
  addActor(input: ActorInput, at: Locator): Record<string, unknown> {
    const id = input.id
    const { kind, given } = kindValue(input.kind)
    if (textValue(input.kind) === undefined) this.defaulted.kind++
    else if (given !== undefined && kind === 'other') this.otherKinds.add(given)
    const value: Record<string, unknown> = { id, label: textValue(input.label) ?? id, kind }
    const d = input.description
    if (d !== undefined && d !== null && d !== '') value.description = d
    const aliases = aliasesValue(input.aliases)
    if (aliases !== undefined) value.aliases = aliases
    this.reserveId('actors', id)
    if (typeof id === 'string' && typeof value.label === 'string') this.labels.set(id, value.label)
    this.actors.push({ value, at })
    return value
  }

  /** The label of an actor id for generated text ("?" when the id is not text). */
  labelOf(id: unknown): string {
    if (typeof id !== 'string') return '?'
    return this.labels.get(id) ?? id
  }

  /**
   * A source record as a file of ours carries it (every format v1 field, in the evidence list of an
   * exported GEXF or GraphML): kept with its id, unless that id already names another source.
   */
  sourceRecord(record: Record<string, unknown>, at: Locator): string {
    const key = `record:${JSON.stringify(record)}`
    const known = this.sourceKeys.get(key)
    if (known !== undefined) return known
    const given = typeof record.id === 'string' && record.id !== '' ? record.id : undefined
    const taken = given !== undefined && this.usedIds.get('sources')?.has(given) === true
    const id = given !== undefined && !taken ? given : this.freshId('sources', `s${this.sources.length + 1}`)
    this.reserveId('sources', id)
    this.sources.push({ value: { ...record, id }, at })
    this.sourceKeys.set(key, id)
    return id
  }

  /** Declares a relation type the file describes (label and colour), unless it is declared already. */
  declareType(type: { id: string; label: string; color: string }): void {
    if (!this.relationTypes.some((t) => t.id === type.id)) this.relationTypes.push(type)
  }

  /** One quotation with its (interned) source. */
  evidence(input: EvidenceInput, sourceAt: Locator): Record<string, unknown> {
    const ev: Record<string, unknown> = { source: this.source(input, sourceAt), quote: input.quote }
    if (textValue(input.note) !== undefined) ev.note = input.note
    return ev
  }

  /**
   * Adds a relation: type defaults to `related`, stance to neutral, the summary to "A – B" ("A → B"
   * when directed) from the actor labels, the id to a fresh one from `idBase`; years are taken from
   * dates, booleans from words. Returns the v1-shaped record (the caller may add evidence later).
   */
  addRelation(input: RelationInput, at: Locator): Record<string, unknown> {
    const typeText = textValue(input.type)
    const type = typeof typeText === 'string' ? typeText.trim() : typeText
    if (type === undefined) this.defaulted.type++
    const stance = stanceValue(input.stance)
    if (stance === undefined) this.defaulted.stance++
    const directed = boolValue(input.directed)
    let summary = textValue(input.summary)
    if (summary === undefined) {
      summary = `${this.labelOf(input.source)} ${directed === true ? '→' : '–'} ${this.labelOf(input.target)}`
      this.defaulted.summary++
    }
    const givenText = textValue(input.id)
    const givenId = typeof givenText === 'string' ? givenText.trim() : givenText
    if (givenId !== undefined) this.reserveId('relations', givenId)
    const value: Record<string, unknown> = {
      id: givenId ?? this.freshId('relations', input.idBase),
      source: input.source,
      target: input.target,
      type: type ?? 'related',
      stance: stance ?? 'neutral',
      summary,
    }
    const start = yearValue(input.start)
    const end = yearValue(input.end)
    if (start !== undefined) value.start = start
    if (end !== undefined) value.end = end
    if (directed !== undefined) value.directed = directed
    const approximate = boolValue(input.approximate)
    if (approximate !== undefined) value.approximate = approximate
    if (input.evidence && input.evidence.length > 0) value.evidence = [...input.evidence]
    if (input.extra) Object.assign(value, input.extra)
    this.relations.push({ value, at })
    return value
  }

  /** One note per shared default that was applied, in a fixed order. */
  private writeDefaultNotes(): void {
    const d = this.defaulted
    if (d.kind > 0) this.notes.push(`Kind was missing on ${plural(d.kind, 'actor')}; assumed "other"`)
    if (this.otherKinds.size > 0) {
      this.notes.push(
        `Kinds that are not actor kinds in format v1 (${listOf([...this.otherKinds])}) became "other"`,
      )
    }
    if (d.type > 0) this.notes.push(`Type was missing on ${plural(d.type, 'relation')}; assumed "related"`)
    if (d.stance > 0)
      this.notes.push(`Stance was missing on ${plural(d.stance, 'relation')}; assumed neutral`)
    if (d.summary > 0) {
      this.notes.push(
        `Summary was missing on ${plural(d.summary, 'relation')}; generated from the actor labels ("A – B")`,
      )
    }
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

  /**
   * Completes the draft and validates it; problem paths point into the original file. `found` are the
   * converter's own structural problems: they come first, and the validator's are added where they
   * name another place.
   */
  finish(found: readonly Problem[] = [], fileLevel: Locator = () => '(file)'): ConvertResult {
    this.writeDefaultNotes()
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
    if (found.length > 0) {
      const seen = new Set(found.map((e) => e.path))
      const more = result.ok ? [] : result.errors.map(relocate).filter((e) => !seen.has(e.path))
      return { ok: false, errors: [...found, ...more], warnings: this.warnings, notes: this.notes }
    }
    if (!result.ok) {
      return { ok: false, errors: result.errors.map(relocate), warnings: this.warnings, notes: this.notes }
    }
    return { ok: true, graph: result.graph, warnings: this.warnings, notes: this.notes }
  }
}
