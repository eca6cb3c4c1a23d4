/**
 * Format v1's rules for one entity at a time: the zod schema the file validator uses, and the same
 * cross checks (references, self-ties, year order) against the document. Every operation checks
 * what it is about to write here first, so an edited network always exports as a valid file.
 */
import type * as z from 'zod/mini'
import {
  actorSchema,
  evidenceSchema,
  relationSchema,
  relationTypeSchema,
  sourceSchema,
} from '../model/schema'
import type { Problem } from '../model/types'
import type { NetworkDoc } from './network'

const SCHEMAS = {
  actor: actorSchema,
  relation: relationSchema,
  type: relationTypeSchema,
  source: sourceSchema,
  evidence: evidenceSchema,
} as const
export type EntityKind = keyof typeof SCHEMAS

/** The longest text a field takes (a 10 MB paste is refused with a sentence, not stored). */
export const MAX_FIELD_CHARS = 100_000

/** Problems of one entity against its schema; `at` prefixes the paths ("label", "start"…). */
export function checkEntity(kind: EntityKind, value: unknown, at = ''): Problem[] {
  const problems: Problem[] = []
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && v.length > MAX_FIELD_CHARS)
      problems.push({
        path: join(at, k),
        message: `${k} is too long (${v.length.toLocaleString('en')} characters; at most ${MAX_FIELD_CHARS.toLocaleString('en')})`,
      })
  }
  if (problems.length > 0) return problems
  const schema: z.ZodMiniType = SCHEMAS[kind]
  const result = schema.safeParse(value)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[issue.path.length - 1] ?? 'value')
      const missing = issue.code === 'invalid_type' && (value as Record<string, unknown>)[field] === undefined
      problems.push({
        path: join(at, issue.path.map(String).join('.')),
        message: missing ? `${field} is required` : issue.message,
      })
    }
  }
  return problems
}

const join = (a: string, b: string) => (a === '' ? b : b === '' ? a : `${a}.${b}`)

/** The cross checks of parse.ts for one relation, against the document's actors, types and sources. */
export function checkRelationRefs(net: NetworkDoc, r: Record<string, unknown>): Problem[] {
  const problems: Problem[] = []
  for (const key of ['source', 'target'] as const) {
    const v = r[key]
    if (typeof v === 'string' && v !== '' && !net.actors.has(v))
      problems.push({ path: key, message: `no actor has the id "${v}"` })
  }
  if (typeof r.source === 'string' && r.source === r.target)
    problems.push({ path: 'target', message: `a relation cannot link actor "${r.source}" to itself` })
  if (typeof r.type === 'string' && r.type !== '' && !net.types.has(r.type))
    problems.push({ path: 'type', message: `no relation type has the id "${r.type}"` })
  const { start, end } = r
  if (typeof start === 'number' && typeof end === 'number' && end < start)
    problems.push({ path: 'end', message: `end (${end}) is before start (${start})` })
  if (typeof end === 'number' && start === undefined)
    problems.push({ path: 'start', message: 'a relation with an end year needs a start year' })
  const evidence = r.evidence
  if (Array.isArray(evidence))
    evidence.forEach((e: unknown, j) => {
      const s = (e as { source?: unknown }).source
      if (typeof s === 'string' && s !== '' && !net.sources.has(s))
        problems.push({ path: `evidence[${j}].source`, message: `no source has the id "${s}"` })
    })
  return problems
}

export function checkRelation(net: NetworkDoc, r: Record<string, unknown>): Problem[] {
  const own = checkEntity('relation', r)
  return own.length > 0 ? own : checkRelationRefs(net, r)
}
