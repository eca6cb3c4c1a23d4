/**
 * The published JSON Schema (public/graph.schema.json), generated from the same zod schema that
 * validates. Kept apart from schema.ts so the app's bundle does not carry the generator.
 */
import * as z from 'zod/mini'
import { graphFileSchema } from './schema'

export function graphJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(graphFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >
  return { $id: 'graph.schema.json', ...schema }
}
