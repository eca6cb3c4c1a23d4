/**
 * Who made each change: a Y.Array in the room's document that every editor appends to, in the
 * same transaction as the change itself, so the names and times travel, merge and persist with
 * the network. The network's own types stay as the editing issue made them (document/network.ts).
 */
import * as Y from 'yjs'

export const LOG = 'log'
/** Top-level types the collab layer adds to a network document. */
export const COLLAB_ROOTS = [LOG] as const

export interface LogEntry {
  readonly label: string
  readonly who: string
  readonly color: string
  /** Milliseconds since the epoch. */
  readonly time: number
}

export const logOf = (doc: Y.Doc): Y.Array<LogEntry> => doc.getArray<LogEntry>(LOG)

/** The entries that are well-formed (a peer's bad entry is skipped, not trusted), oldest first. */
export function readLog(doc: Y.Doc): LogEntry[] {
  const out: LogEntry[] = []
  for (const e of logOf(doc).toArray() as unknown[]) {
    const x = e as Partial<LogEntry> | null
    if (
      x !== null &&
      typeof x === 'object' &&
      typeof x.label === 'string' &&
      typeof x.who === 'string' &&
      typeof x.color === 'string' &&
      typeof x.time === 'number'
    )
      out.push({ label: x.label, who: x.who, color: x.color, time: x.time })
  }
  return out
}
