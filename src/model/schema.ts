/**
 * Graph file format, version 1: zod schemas (zod/mini: the same checks and messages in a fraction
 * of the bundle; every message is written here, so no locale is loaded).
 *
 * The shapes here are the single source of truth: the validator (parse.ts), the TypeScript types
 * (types.ts) and the published JSON Schema (public/graph.schema.json) all derive from them.
 * Cross-references (actor ids, relation type ids, source ids), uniqueness and year order are
 * checked in parse.ts, because they need the whole document.
 */
import * as z from 'zod/mini'

export const ACTOR_KINDS = ['state', 'organisation', 'armed-group', 'bloc', 'person', 'other'] as const
export const STANCES = ['cooperative', 'hostile', 'neutral'] as const
export const MIN_YEAR = -3000
export const MAX_YEAR = 3000
/** The longest source text kept (characters, as JavaScript counts them). */
export const MAX_SOURCE_TEXT = 2_000_000

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .check(z.minLength(1, `${what} must not be empty`), z.regex(/\S/, `${what} must not be empty`))

const year = (what: string) =>
  z
    .int({ error: `${what} must be a whole number (a year)` })
    .check(
      z.gte(MIN_YEAR, `${what} must be between ${MIN_YEAR} and ${MAX_YEAR}`),
      z.lte(MAX_YEAR, `${what} must be between ${MIN_YEAR} and ${MAX_YEAR}`),
    )

const httpUrl = z.string({ error: 'url must be a string' }).check(
  z.refine((s) => {
    try {
      const u = new URL(s)
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, 'url must be an absolute http or https address'),
)

/** An object of the given shape, with a plain message when the value is not an object at all. */
const record = <T extends z.core.$ZodLooseShape>(what: string, shape: T, description: string) =>
  z.object(shape, { error: `${what} must be an object` }).register(z.globalRegistry, { description })

const list = <T extends z.core.SomeType>(item: T, what: string) =>
  z.array(item, { error: `${what} must be a list` })

export const relationTypeSchema = record(
  'a relation type',
  {
    id: nonEmpty('id'),
    label: nonEmpty('label'),
    color: z
      .string({ error: 'color must be a string' })
      .check(z.regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'color must be a hex colour such as "#0072B2"')),
  },
  'A kind of relation, drawn in its own colour.',
)

export const sourceSchema = record(
  'a source',
  {
    id: nonEmpty('id'),
    title: nonEmpty('title'),
    author: z.optional(nonEmpty('author')),
    publisher: z.optional(nonEmpty('publisher')),
    published: z.optional(
      z
        .string({ error: 'published must be a string' })
        .check(
          z.regex(
            /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
            'published must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
          ),
        ),
    ),
    url: z.optional(httpUrl),
    asOf: z.optional(year('asOf')),
    text: z.optional(
      z
        .string({ error: 'text must be a string' })
        .check(
          z.maxLength(
            MAX_SOURCE_TEXT,
            `text must be at most ${MAX_SOURCE_TEXT.toLocaleString('en')} characters`,
          ),
        ),
    ),
  },
  'A document that evidence quotes. `asOf` is the year the text describes, for texts without a date; `text` is the plain text its quotations refer to.',
)

export const actorSchema = record(
  'an actor',
  {
    id: nonEmpty('id'),
    label: nonEmpty('label'),
    kind: z.enum(ACTOR_KINDS, {
      error: `kind must be one of ${ACTOR_KINDS.map((k) => `"${k}"`).join(', ')}`,
    }),
    description: z.optional(z.string({ error: 'description must be a string' })),
    aliases: z.optional(z.array(nonEmpty('alias'), { error: 'aliases must be a list of strings' })),
  },
  'A state, bloc, organisation, armed group or person.',
)

const offset = (what: string) =>
  z
    .int({ error: `${what} must be a whole number (an offset into the source's text)` })
    .check(z.gte(0, `${what} must not be negative`))

/**
 * Where a quotation sits in its source's `text`, after the W3C Web Annotation TextPosition and
 * TextQuote selectors: `start`/`end` are offsets in UTF-16 code units (as JavaScript strings index
 * them; `text.slice(start, end)` is the quote), `prefix`/`suffix` up to 32 characters either side.
 */
export const anchorSchema = record(
  'an anchor',
  {
    start: offset('start'),
    end: offset('end'),
    prefix: z.string({ error: 'prefix must be a string' }),
    suffix: z.string({ error: 'suffix must be a string' }),
  },
  "Where the quotation sits in its source's text: UTF-16 code unit offsets start (inclusive) and end (exclusive), with up to 32 characters of context either side.",
)

export const evidenceSchema = record(
  'a piece of evidence',
  {
    source: nonEmpty('source'),
    quote: nonEmpty('quote'),
    note: z.optional(z.string({ error: 'note must be a string' })),
    anchor: z.optional(anchorSchema),
    page: z.optional(
      z.int({ error: 'page must be a whole number' }).check(z.gte(1, 'page must be 1 or more')),
    ),
  },
  'A verbatim quotation from a source that states the relation.',
)

export const relationSchema = record(
  'a relation',
  {
    id: nonEmpty('id'),
    source: nonEmpty('source'),
    target: nonEmpty('target'),
    type: nonEmpty('type'),
    stance: z.enum(STANCES, { error: `stance must be one of ${STANCES.map((k) => `"${k}"`).join(', ')}` }),
    start: z.optional(year('start')),
    end: z.optional(z.nullable(year('end'))),
    approximate: z.optional(z.boolean({ error: 'approximate must be true or false' })),
    directed: z.optional(z.boolean({ error: 'directed must be true or false' })),
    summary: nonEmpty('summary'),
    evidence: z.optional(list(evidenceSchema, 'evidence')),
    /** How much stands behind the tie, e.g. the number of event rows it aggregates. */
    weight: z.optional(
      z.number({ error: 'weight must be a number' }).check(z.gte(0, 'weight must not be negative')),
    ),
  },
  'A tie between two actors. No start means undated; no end (or null) means ongoing.',
)

export const graphFileSchema = z
  .object(
    {
      schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }),
      title: nonEmpty('title'),
      description: z.optional(z.string({ error: 'description must be a string' })),
      relationTypes: z.optional(list(relationTypeSchema, 'relationTypes')),
      sources: list(sourceSchema, 'sources'),
      actors: list(actorSchema, 'actors'),
      relations: list(relationSchema, 'relations'),
    },
    { error: 'a graph file must be a JSON object' },
  )
  .register(z.globalRegistry, { title: 'Alliance Explorer graph file, version 1' })

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
