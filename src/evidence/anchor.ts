/**
 * Anchoring a quotation in its source's text, after the W3C Web Annotation model: a TextPosition
 * selector (`start`, `end`: UTF-16 code unit offsets, as JavaScript strings index them) and a
 * TextQuote selector's context (`prefix`, `suffix`: up to CONTEXT characters either side).
 *
 * Re-finding a quote (locate) goes from the cheapest and surest to the weakest:
 *   1. the anchor points at the quote → exact;
 *   2. no anchor, and the quote occurs exactly once → exact (anchored there);
 *   3. the quote occurs exactly elsewhere → moved: the occurrence whose context best matches the
 *      stored prefix and suffix (ties: the nearest to the old start) becomes the repaired anchor;
 *   4. only an approximate match (an edit distance of at most a quarter of the quote) → review,
 *      with the nearest passage, never repaired: an approximate match can be a different sentence
 *      that happens to look alike (hypothesis/client#7571 re-anchored highlights onto wrong text);
 *   5. otherwise → not found.
 * Pure: no DOM, no app.
 */

export const CONTEXT = 32

export interface Anchor {
  readonly start: number
  readonly end: number
  readonly prefix: string
  readonly suffix: string
}

export type EvidenceState = 'exact' | 'moved' | 'review' | 'notFound'

export type Location =
  | { readonly state: 'exact'; readonly anchor: Anchor }
  | { readonly state: 'moved'; readonly anchor: Anchor; readonly from: number | null }
  | { readonly state: 'review'; readonly nearest: Anchor; readonly distance: number }
  | { readonly state: 'notFound' }

/** The anchor of text[start, end): its offsets and up to CONTEXT characters of context either side. */
export function makeAnchor(text: string, start: number, end: number): Anchor {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length))
    throw new RangeError(
      `makeAnchor: [${start}, ${end}) is not a range of a text of ${text.length} characters`,
    )
  return {
    start,
    end,
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  }
}

/** Every offset where `quote` occurs in `text` (overlapping occurrences included), up to `limit`. */
export function occurrences(text: string, quote: string, limit = 1000): number[] {
  const out: number[] = []
  if (quote === '') return out
  let i = text.indexOf(quote)
  while (i !== -1 && out.length < limit) {
    out.push(i)
    i = text.indexOf(quote, i + 1)
  }
  return out
}

/** How many characters of `a`'s end agree with `b`'s end (prefixes are compared from the quote outward). */
function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}
function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/** Finds the quote again in the text (see the steps at the top of this file). */
export function locate(text: string, quote: string, anchor?: Anchor): Location {
  if (anchor !== undefined && text.slice(anchor.start, anchor.end) === quote && anchor.end <= text.length) {
    return { state: 'exact', anchor: makeAnchor(text, anchor.start, anchor.end) }
  }
  const found = occurrences(text, quote)
  if (found.length > 0) {
    if (anchor === undefined) {
      // Several occurrences and no anchor: the quote is verbatim either way; the first is taken.
      return { state: 'exact', anchor: makeAnchor(text, found[0]!, found[0]! + quote.length) }
    }
    let best = found[0]!
    let bestScore = -1
    let bestDistance = Infinity
    for (const at of found) {
      const before = text.slice(Math.max(0, at - CONTEXT), at)
      const after = text.slice(at + quote.length, at + quote.length + CONTEXT)
      const score = commonSuffix(before, anchor.prefix) + commonPrefix(after, anchor.suffix)
      const distance = Math.abs(at - anchor.start)
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = at
        bestScore = score
        bestDistance = distance
      }
    }
    return { state: 'moved', anchor: makeAnchor(text, best, best + quote.length), from: anchor.start }
  }
  const near = approximate(text, quote, anchor)
  if (near !== null) return { state: 'review', nearest: near.anchor, distance: near.distance }
  return { state: 'notFound' }
}

/** The largest edit distance, relative to the quote's length, still offered for review. */
export const REVIEW_RATIO = 0.25

/**
 * The passage of `text` nearest to `quote` by edit distance, when within REVIEW_RATIO of its
 * length. Candidate places come from seeds (short pieces of the quote found exactly, and the
 * stored context), then Sellers' approximate substring matching runs in a window around each: the
 * cost is the window times the quote, not the whole text times the quote.
 */
export function approximate(
  text: string,
  quote: string,
  anchor?: Anchor,
): { anchor: Anchor; distance: number } | null {
  const m = quote.length
  if (m === 0) return null
  const maxDistance = Math.floor(m * REVIEW_RATIO)
  const candidates = new Set<number>()
  const seedLength = Math.max(4, Math.min(16, Math.floor(m / 4)))
  for (let s = 0; s + seedLength <= m; s += Math.max(1, Math.floor(seedLength / 2))) {
    const seed = quote.slice(s, s + seedLength)
    for (const at of occurrences(text, seed, 20)) candidates.add(Math.max(0, at - s))
    if (candidates.size > 200) break
  }
  if (anchor !== undefined) {
    if (anchor.prefix.length > 0)
      for (const at of occurrences(text, anchor.prefix, 20)) candidates.add(at + anchor.prefix.length)
    if (anchor.suffix.length > 0)
      for (const at of occurrences(text, anchor.suffix, 20)) candidates.add(Math.max(0, at - m))
    if (anchor.start <= text.length) candidates.add(anchor.start)
  }
  let best: { start: number; end: number; distance: number } | null = null
  // Nearby candidates share a window: one run covers every candidate within a step of the last.
  const step = Math.max(1, Math.floor(maxDistance / 2))
  let last = -Infinity
  for (const c of [...candidates].sort((a, b) => a - b)) {
    if (c - last < step) continue
    last = c
    const from = Math.max(0, c - maxDistance - step)
    const to = Math.min(text.length, c + m + maxDistance + step)
    const hit = sellers(text, from, to, quote)
    if (hit.distance <= maxDistance && (best === null || hit.distance < best.distance)) best = hit
    if (best !== null && best.distance === 0) break
  }
  if (best === null) return null
  return { anchor: makeAnchor(text, best.start, best.end), distance: best.distance }
}

/**
 * Sellers (1980): the substring of text[from, to) with the least edit distance to `pattern`.
 * Column-wise dynamic programme over the pattern, free start anywhere in the window; the start
 * is carried along with each cell so the passage can be cut out.
 */
function sellers(
  text: string,
  from: number,
  to: number,
  pattern: string,
): { start: number; end: number; distance: number } {
  const m = pattern.length
  let prev = new Int32Array(m + 1)
  let cur = new Int32Array(m + 1)
  let prevStart = new Int32Array(m + 1)
  let curStart = new Int32Array(m + 1)
  for (let i = 0; i <= m; i++) {
    prev[i] = i
    prevStart[i] = from
  }
  let best = { start: from, end: from, distance: m }
  for (let j = from; j < to; j++) {
    const ch = text.charCodeAt(j)
    cur[0] = 0
    curStart[0] = j + 1
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === ch ? 0 : 1)
      const del = prev[i]! + 1
      const ins = cur[i - 1]! + 1
      if (sub <= del && sub <= ins) {
        cur[i] = sub
        curStart[i] = i - 1 === 0 ? j : prevStart[i - 1]!
      } else if (del <= ins) {
        cur[i] = del
        curStart[i] = prevStart[i]!
      } else {
        cur[i] = ins
        curStart[i] = curStart[i - 1]!
      }
    }
    if (cur[m]! < best.distance) best = { start: curStart[m]!, end: j + 1, distance: cur[m]! }
    ;[prev, cur] = [cur, prev]
    ;[prevStart, curStart] = [curStart, prevStart]
  }
  return best
}

/** The selection [start, end) widened to whole words (letters, digits, apostrophes, hyphens inside words). */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  const word = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}'’-]/u.test(text[i]!)
  let s = Math.max(0, Math.min(start, text.length))
  let e = Math.max(s, Math.min(end, text.length))
  // Trim surrounding space first, then widen into the words cut at either end.
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  if (s === e) return { start: s, end: e }
  while (s > 0 && word(s) && word(s - 1)) s--
  while (e < text.length && word(e - 1) && word(e)) e++
  return { start: s, end: e }
}
