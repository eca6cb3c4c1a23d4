/**
 * A source text as the reader shows it: blocks (paragraphs and headings) cut at line breaks, each
 * cut into segments where quoted passages begin and end. Offsets stay those of the text, so a
 * selection in the reader maps straight back to the text (and to an anchor). Pure.
 */

export interface Block {
  readonly kind: 'p' | 'h'
  /** Offsets in the text (UTF-16 code units), the line break excluded. */
  readonly start: number
  readonly end: number
}

export interface Span {
  readonly start: number
  readonly end: number
}

export interface Segment {
  readonly start: number
  readonly end: number
  /** The indexes (into the marks given) of the passages covering this segment, in order. */
  readonly marks: readonly number[]
}

/**
 * A line is a heading when it is Markdown ("# …"), or short (under 90 characters), ends without
 * sentence punctuation, and stands between blank lines: how plain-text copies of web articles keep
 * their section titles.
 */
export function textBlocks(text: string): Block[] {
  const lines: Span[] = []
  let from = 0
  for (;;) {
    const nl = text.indexOf('\n', from)
    const end = nl === -1 ? text.length : nl
    // A carriage return before the break belongs to the break.
    const stop = end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end
    if (text.slice(from, stop).trim() !== '') lines.push({ start: from, end: stop })
    if (nl === -1) break
    from = nl + 1
  }
  const gapIsBlank = (a: Span, b: Span) => /\n\s*\n/.test(text.slice(a.end, b.start))
  return lines.map((l, i) => {
    const line = text.slice(l.start, l.end)
    const before = i === 0 || gapIsBlank(lines[i - 1]!, l)
    const after = i < lines.length - 1 && gapIsBlank(l, lines[i + 1]!)
    const markdown = /^#{1,6}\s/.test(line)
    const short = line.length < 90 && !/[.!?;:,"”’)…]\s*$/.test(line) && /\p{L}/u.test(line)
    return { kind: markdown || (short && before && after) ? 'h' : 'p', ...l }
  })
}

/**
 * Cuts each block at the boundaries of the marks that overlap it. Marks must be sorted by start;
 * they may overlap one another and cross blocks. Linear in blocks plus marks (plus the overlaps).
 */
export function blockSegments(blocks: readonly Block[], marks: readonly Span[]): Segment[][] {
  const out: Segment[][] = []
  let first = 0
  for (const b of blocks) {
    while (first < marks.length && marks[first]!.end <= b.start) first++
    const cuts = new Set<number>([b.start, b.end])
    const here: number[] = []
    for (let m = first; m < marks.length && marks[m]!.start < b.end; m++) {
      const mk = marks[m]!
      if (mk.end <= b.start || mk.end === mk.start) continue
      here.push(m)
      if (mk.start > b.start) cuts.add(mk.start)
      if (mk.end < b.end) cuts.add(mk.end)
    }
    const points = [...cuts].sort((x, y) => x - y)
    const segs: Segment[] = []
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i]!
      const e = points[i + 1]!
      segs.push({ start: s, end: e, marks: here.filter((m) => marks[m]!.start <= s && marks[m]!.end >= e) })
    }
    out.push(segs)
  }
  return out
}
