/**
 * The coverage strip beside the reader's scrollbar: where in the text the sentences with a
 * quotation are (amber), those with a rejected suggestion (grey), the rest untouched (blank).
 * Positions are proportional to the offset in the text, as the scrollbar's are to the height.
 */
import { useMemo } from 'react'
import { splitSentences } from '../../evidence/suggest'
import { useExplorerContext } from '../context'
import { rejectedFor } from './suggestClient'

export function Coverage({
  sourceId,
  text,
  marks,
  version,
}: {
  sourceId: string
  text: string
  marks: readonly { start: number; end: number }[]
  /** Bumped when a suggestion is rejected, so the strip reads the rejections again. */
  version: number
}) {
  const net = useExplorerContext().editing?.net() ?? null
  const sentences = useMemo(() => splitSentences(text), [text])
  const { quoted, rejected } = useMemo(() => {
    void version
    const rejectedSpans = new Set(rejectedFor(sourceId, net).map((k) => k.split(':').slice(0, 2).join(':')))
    const q: { start: number; end: number }[] = []
    const r: { start: number; end: number }[] = []
    let m = 0
    const sorted = [...marks].sort((a, b) => a.start - b.start)
    for (const s of sentences) {
      while (m < sorted.length && sorted[m]!.end <= s.start) m++
      const hit = sorted.slice(m, m + 8).some((x) => x.start < s.end && s.start < x.end)
      if (hit) q.push(s)
      else if (rejectedSpans.has(`${s.start}:${s.end}`)) r.push(s)
    }
    return { quoted: q, rejected: r }
  }, [sentences, marks, sourceId, version, net])
  const n = Math.max(1, text.length)
  const bar = (s: { start: number; end: number }, cls: string) => (
    <div
      key={`${cls}${s.start}`}
      className={cls}
      style={{ top: `${(100 * s.start) / n}%`, height: `max(2px, ${(100 * (s.end - s.start)) / n}%)` }}
    />
  )
  return (
    <div className="reader-coverage" aria-hidden="true" title="Coverage: quoted, rejected, untouched">
      {quoted.map((s) => bar(s, 'cov-quoted'))}
      {rejected.map((s) => bar(s, 'cov-rejected'))}
      <span className="visually-hidden">
        {quoted.length} of {sentences.length} sentences quoted, {rejected.length} with a rejected suggestion
      </span>
    </div>
  )
}
