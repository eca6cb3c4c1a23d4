import { DEFAULT_RELATION_TYPES } from '../../../src/model/schema'
import type { Graph, Relation } from '../../../src/model/types'

type Rel = Partial<Relation> & { source: string; target: string; sources?: string[] }

/** A graph from a compact table; `sources` lists the source ids quoted (one quotation each). */
export function graphOf(actors: string[], rels: Rel[], labels: Record<string, string> = {}): Graph {
  const sourceIds = [...new Set(rels.flatMap((r) => r.sources ?? ['s1']))]
  return {
    schemaVersion: 1,
    title: 'test',
    relationTypes: DEFAULT_RELATION_TYPES.map((t) => ({ ...t })),
    sources: sourceIds.map((id) => ({ id, title: `Source ${id}` })),
    actors: actors.map((id) => ({ id, label: labels[id] ?? id.toUpperCase(), kind: 'state' as const })),
    relations: rels.map(({ sources, ...r }, i) => ({
      id: `r${i}`,
      type: 'military',
      stance: 'cooperative' as const,
      summary: `relation ${i}`,
      evidence: (sources ?? ['s1']).map((s) => ({ source: s, quote: `quote ${i} from ${s}` })),
      ...r,
    })),
  }
}

/**
 * The hand-worked graph of the analysis tests:
 *
 *   a ─r0 coop mil (s1)────────── b ─r2 hostile mil (s1)─── d ─r4 coop mil (s3)── e
 *   a ─r5 hostile dipl (s2)────── b                          d
 *   a ─r1 coop eco (s1, s2)────── c ─r3 coop dipl (s1, s2)── d
 *                                 c ─r6 hostile dipl (s3)─── d
 *   f ─r7 neutral (s1)─ g          h (no relation)
 */
export const HAND = graphOf(
  ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
  [
    { source: 'a', target: 'b', type: 'military', stance: 'cooperative', sources: ['s1'] },
    { source: 'a', target: 'c', type: 'economic', stance: 'cooperative', sources: ['s1', 's2'] },
    { source: 'b', target: 'd', type: 'military', stance: 'hostile', sources: ['s1'] },
    { source: 'c', target: 'd', type: 'diplomatic', stance: 'cooperative', sources: ['s1', 's2'] },
    { source: 'd', target: 'e', type: 'military', stance: 'cooperative', sources: ['s3'] },
    { source: 'a', target: 'b', type: 'diplomatic', stance: 'hostile', sources: ['s2'] },
    { source: 'd', target: 'c', type: 'diplomatic', stance: 'hostile', sources: ['s3'] },
    { source: 'f', target: 'g', type: 'economic', stance: 'neutral', sources: ['s1'] },
  ],
)
