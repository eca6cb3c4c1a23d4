import type { GraphIndex } from '../../model/graphIndex'
import { STANCE_LABEL } from '../../model/words'
import { EvidenceList } from '../DetailsPanel'
import { yearsText } from '../format'

/** The relations behind a tie, each with its stance, years, summary and quotations. */
export function Quotations({ index, relations }: { index: GraphIndex; relations: readonly number[] }) {
  if (relations.length === 0) return <p className="muted">No shown relation.</p>
  return (
    <ul className="tie-relations">
      {relations.map((i) => {
        const r = index.graph.relations[i]!
        return (
          <li key={r.id}>
            <p className="meta">
              <span className={`stance stance-${r.stance}`}>{STANCE_LABEL[r.stance]}</span> · {yearsText(r)}
            </p>
            <p className="summary">{r.summary}</p>
            <EvidenceList relation={r} index={index} />
          </li>
        )
      })}
    </ul>
  )
}

/** Shown signed (cooperative or hostile) relations between two actors, ascending. */
export function signedRelationsBetween(index: GraphIndex, shown: Uint8Array, a: string, b: string): number[] {
  const ai = index.actorIndex.get(a)
  const bi = index.actorIndex.get(b)
  if (ai === undefined || bi === undefined) return []
  const out: number[] = []
  for (let p = index.adjStart[ai]!; p < index.adjStart[ai + 1]!; p++) {
    const r = index.adjRel[p]!
    if (shown[r] !== 1 || index.stance[r] === 2) continue
    const other = index.src[r] === ai ? index.tgt[r] : index.src[r]
    if (other === bi) out.push(r)
  }
  return out.sort((x, y) => x - y)
}
