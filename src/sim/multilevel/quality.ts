/**
 * The layout quality measure of issue 23: the median length of the relations divided by the median
 * distance between random pairs of actors. Lower is better: related actors sit close together
 * compared with how far apart actors are in general. Scale-free (world or screen units alike).
 */
import { lcg } from '../forceLayout'

export interface QualityOptions {
  /** Random pairs to sample; with no more pairs than this in all, every pair is used. */
  readonly pairs?: number
  readonly seed?: number
}

/**
 * `xy`: x at 2i, y at 2i + 1; actors whose position is NaN (not shown) are left out, and so are
 * relations touching them. NaN when there is no relation or no pair to measure.
 */
export function layoutQuality(
  xy: ArrayLike<number>,
  src: ArrayLike<number>,
  tgt: ArrayLike<number>,
  { pairs = 20000, seed = 1 }: QualityOptions = {},
): number {
  const n = Math.floor(xy.length / 2)
  const shown: number[] = []
  for (let i = 0; i < n; i++) if (!Number.isNaN(xy[2 * i]! + xy[2 * i + 1]!)) shown.push(i)
  const dist = (a: number, b: number) => Math.hypot(xy[2 * a]! - xy[2 * b]!, xy[2 * a + 1]! - xy[2 * b + 1]!)
  const lengths: number[] = []
  for (let e = 0; e < src.length; e++) {
    const d = dist(src[e]!, tgt[e]!)
    if (!Number.isNaN(d)) lengths.push(d)
  }
  const k = shown.length
  const between: number[] = []
  if ((k * (k - 1)) / 2 <= pairs) {
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) between.push(dist(shown[a]!, shown[b]!))
  } else {
    const random = lcg(seed)
    while (between.length < pairs) {
      const a = shown[Math.floor(random() * k)]!
      const b = shown[Math.floor(random() * k)]!
      if (a !== b) between.push(dist(a, b))
    }
  }
  return median(lengths) / median(between)
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN
  const s = Float64Array.from(values).sort()
  const h = s.length >> 1
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2
}
