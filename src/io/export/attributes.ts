/**
 * What GEXF and GraphML carry of a format v1 network, as attribute bags per node and edge: the
 * same names the importer reads (io/import/bags.ts), so an exported file opens again as the same
 * network. Evidence goes as `evidence`, a JSON list of the quotations with their sources (each
 * source's text is left out: save as format v1 to keep it), beside readable `quote` and
 * `source_title` columns of the first quotation for people who open the file in Gephi.
 */
import type { Actor, Graph, Relation, RelationType, Source } from '../../model/types'

export const CREATOR = 'Alliance Explorer'

export type Bag = Record<string, string | number | boolean>

export function actorBag(a: Actor): Bag {
  const bag: Bag = { label: a.label, kind: a.kind }
  if (a.description !== undefined && a.description !== '') bag.description = a.description
  if (a.aliases !== undefined && a.aliases.length > 0) bag.aliases = a.aliases.join('|')
  return bag
}

/** A source as the evidence list carries it: every field but its text. */
function sourceFields(s: Source): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(s)) if (k !== 'text' && v !== undefined) out[k] = v
  return out
}

export function relationBag(
  r: Relation,
  types: ReadonlyMap<string, RelationType>,
  sources: ReadonlyMap<string, Source>,
): Bag {
  const t = types.get(r.type)
  const bag: Bag = { type: r.type, stance: r.stance, summary: r.summary }
  if (t !== undefined) {
    bag.type_label = t.label
    bag.type_color = t.color
  }
  if (r.start !== undefined) bag.start = r.start
  if (r.end !== undefined && r.end !== null) bag.end = r.end
  if (r.approximate !== undefined) bag.approximate = r.approximate
  if (r.weight !== undefined) bag.weight = r.weight
  const ev = r.evidence ?? []
  if (ev.length > 0) {
    const first = ev[0]!
    bag.quote = first.quote
    const s = sources.get(first.source)
    if (s !== undefined) bag.source_title = s.title
    bag.evidence = JSON.stringify(
      ev.map((e) => {
        const src = sources.get(e.source)
        return { ...e, source: src !== undefined ? sourceFields(src) : { id: e.source, title: e.source } }
      }),
    )
  }
  return bag
}

export const lookups = (g: Graph) => ({
  types: new Map(g.relationTypes.map((t) => [t.id, t])),
  sources: new Map(g.sources.map((s) => [s.id, s])),
})
