import type { z } from 'zod/mini'
import type {
  actorSchema,
  evidenceSchema,
  relationSchema,
  relationTypeSchema,
  sourceSchema,
  ACTOR_KINDS,
  STANCES,
} from './schema'

export type ActorKind = (typeof ACTOR_KINDS)[number]
export type Stance = (typeof STANCES)[number]
export type RelationType = Readonly<z.output<typeof relationTypeSchema>>
export type Source = Readonly<z.output<typeof sourceSchema>>
export type Actor = Readonly<z.output<typeof actorSchema>>
export type Evidence = Readonly<z.output<typeof evidenceSchema>>
export type Relation = Readonly<z.output<typeof relationSchema>>

/** A validated graph: relation types filled in with the defaults when the file had none. */
export interface Graph {
  readonly schemaVersion: 1
  readonly title: string
  readonly description?: string | undefined
  readonly relationTypes: readonly RelationType[]
  readonly sources: readonly Source[]
  readonly actors: readonly Actor[]
  readonly relations: readonly Relation[]
}

export interface Problem {
  /** JSON path such as `relations[12].target`, or `(file)` for the whole document. */
  readonly path: string
  readonly message: string
}

export type ParseResult =
  | { readonly ok: true; readonly graph: Graph; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly errors: readonly Problem[]; readonly warnings: readonly Problem[] }
