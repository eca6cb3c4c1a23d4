/**
 * Graph file format, version 1: zod schemas.
 *
 * The shapes here are the single source of truth: the validator (parse.ts), the TypeScript types
 * (types.ts) and the published JSON Schema (public/graph.schema.json) all derive from them.
 * Cross-references (actor ids, relation type ids, source ids), uniqueness and year order are
 * checked in parse.ts, because they need the whole document.
 */
import * as z from 'zod'

export const ACTOR_KINDS = ['state', 'organisation', 'armed-group', 'bloc', 'person', 'other'] as const
export const STANCES = ['cooperative', 'hostile', 'neutral'] as const
export const MIN_YEAR = -3000
export const MAX_YEAR = 3000

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .regex(/\S/, `${what} must not be empty`)

const year = (what: string) =>
  z
    .number({ error: `${what} must be a whole number (a year)` })
    .int(`${what} must be a whole number (a year)`)
    .min(MIN_YEAR, `${what} must be between ${MIN_YEAR} and ${MAX_YEAR}`)
    .max(MAX_YEAR, `${what} must be between ${MIN_YEAR} and ${MAX_YEAR}`)

const httpUrl = z.string({ error: 'url must be a string' }).refine((s) => {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}, 'url must be an absolute http or https address')

export const relationTypeSchema = z
  .object({
    id: nonEmpty('id'),
    label: nonEmpty('label'),
    color: z
      .string({ error: 'color must be a string' })
      .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'color must be a hex colour such as "#0072B2"'),
  })
  .meta({ description: 'A kind of relation, drawn in its own colour.' })

export const sourceSchema = z
  .object({
    id: nonEmpty('id'),
    title: nonEmpty('title'),
    author: nonEmpty('author').optional(),
    publisher: nonEmpty('publisher').optional(),
    published: z
      .string({ error: 'published must be a string' })
      .regex(
        /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
        'published must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
      )
      .optional(),
    url: httpUrl.optional(),
  })
  .meta({ description: 'A document that evidence quotes.' })

export const actorSchema = z
  .object({
    id: nonEmpty('id'),
    label: nonEmpty('label'),
    kind: z.enum(ACTOR_KINDS, {
      error: `kind must be one of ${ACTOR_KINDS.map((k) => `"${k}"`).join(', ')}`,
    }),
    description: z.string({ error: 'description must be a string' }).optional(),
    aliases: z.array(nonEmpty('alias'), { error: 'aliases must be a list of strings' }).optional(),
  })
  .meta({ description: 'A state, bloc, organisation, armed group or person.' })

export const evidenceSchema = z
  .object({
    source: nonEmpty('source'),
    quote: nonEmpty('quote'),
    note: z.string({ error: 'note must be a string' }).optional(),
  })
  .meta({ description: 'A verbatim quotation from a source that states the relation.' })

export const relationSchema = z
  .object({
    id: nonEmpty('id'),
    source: nonEmpty('source'),
    target: nonEmpty('target'),
    type: nonEmpty('type'),
    stance: z.enum(STANCES, { error: `stance must be one of ${STANCES.map((k) => `"${k}"`).join(', ')}` }),
    start: year('start').optional(),
    end: year('end').nullable().optional(),
    approximate: z.boolean({ error: 'approximate must be true or false' }).optional(),
    directed: z.boolean({ error: 'directed must be true or false' }).optional(),
    summary: nonEmpty('summary'),
    evidence: z.array(evidenceSchema, { error: 'evidence must be a list' }).optional(),
  })
  .meta({ description: 'A tie between two actors. No start means undated; no end (or null) means ongoing.' })

export const graphFileSchema = z
  .object({
    schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }),
    title: nonEmpty('title'),
    description: z.string({ error: 'description must be a string' }).optional(),
    relationTypes: z.array(relationTypeSchema, { error: 'relationTypes must be a list' }).optional(),
    sources: z.array(sourceSchema, { error: 'sources must be a list' }),
    actors: z.array(actorSchema, { error: 'actors must be a list' }),
    relations: z.array(relationSchema, { error: 'relations must be a list' }),
  })
  .meta({ title: 'Alliance Explorer graph file, version 1' })

/** Known keys per object kind, used to warn about (and ignore) unknown fields. */
export const KNOWN_KEYS = {
  root: Object.keys(graphFileSchema.shape),
  relationTypes: Object.keys(relationTypeSchema.shape),
  sources: Object.keys(sourceSchema.shape),
  actors: Object.keys(actorSchema.shape),
  relations: Object.keys(relationSchema.shape),
  evidence: Object.keys(evidenceSchema.shape),
} as const

/** The relation types used when a file declares none. Okabe–Ito colours: distinct for colour-blind readers. */
export const DEFAULT_RELATION_TYPES = [
  { id: 'military', label: 'Military', color: '#D55E00' },
  { id: 'economic', label: 'Economic', color: '#0072B2' },
  { id: 'diplomatic', label: 'Diplomatic', color: '#009E73' },
] as const
