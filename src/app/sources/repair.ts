/**
 * Moved quotations' repaired anchors written back into the network: the repairs of an evidence
 * report, whether this screen may write, and the write-back the evidence line makes once per
 * network (the Evidence check's "Repair moved anchors" makes the same step by hand).
 */
import { useEffect } from 'react'
import type { Graph } from '../../model/types'
import type { EvidenceReport } from '../../evidence/check'
import type { AnchorRepair } from '../../document/ops'
import { useExplorerContext, type ExplorerContextValue } from '../context'

/** The anchors the check repaired (moved quotations), as an operation's repairs. */
export function anchorRepairs(graph: Graph, report: EvidenceReport): AnchorRepair[] {
  const byId = new Map(graph.relations.map((r) => [r.id, r]))
  const out: AnchorRepair[] = []
  for (const q of report.quotes) {
    if (q.state !== 'moved' || q.anchor === undefined) continue
    const e = byId.get(q.relation)?.evidence?.[q.index]
    if (e !== undefined) out.push({ relation: q.relation, index: q.index, quote: e.quote, anchor: q.anchor })
  }
  return out
}

/** Whether this screen may write the network: there is an editing session, and no live viewer role. */
export function mayWrite(ctx: ExplorerContextValue): boolean {
  return ctx.editing !== undefined && ctx.live?.state.getState().role !== 'viewer'
}

/** The networks (ids) whose moved anchors were written back in this page: once each, so an undo stays undone. */
const repaired = new Set<string>()

/** Writes the repaired anchors of a report as one step; the network is then the user's own. */
export function writeRepairs(ctx: ExplorerContextValue, report: EvidenceReport): void {
  const repairs = anchorRepairs(ctx.index.graph, report)
  const editing = ctx.editing!
  if (repairs.length > 0) editing.apply({ op: 'repairAnchors', repairs })
  // A file becomes the user's own network on its first change; its id comes when it is stored.
  const id = editing.state.getState().networkId
  if (id !== null) repaired.add(id)
  else {
    const off = editing.state.subscribe((s) => {
      if (s.networkId === null) return
      repaired.add(s.networkId)
      off()
    })
  }
}

/**
 * Moved quotations get their repaired anchors written back, as one undoable step whose notice says
 * so, when the network on screen is the user's own — once per network and page, so undoing the
 * repair keeps it undone. A file or the bundled dataset is left as it is: the Evidence check offers
 * "Repair moved anchors", which makes it the user's own.
 */
export function useAnchorWriteBack(report: EvidenceReport | null) {
  const ctx = useExplorerContext()
  useEffect(() => {
    if (report === null || report.counts.moved === 0 || !mayWrite(ctx)) return
    const id = ctx.editing!.state.getState().networkId
    if (id === null || repaired.has(id)) return
    writeRepairs(ctx, report)
  }, [ctx, report])
}
