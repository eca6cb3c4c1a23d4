/**
 * Colours for relation types a file uses but does not declare. The three defaults (schema.ts) take
 * Okabe–Ito vermillion, blue and bluish green; these continue with the rest of Okabe–Ito, then Paul
 * Tol's muted scheme, both designed to stay apart for colour-blind readers. Past those, hues are
 * spread by the golden angle at a fixed lightness: still distinct to most eyes, though no palette
 * of that size can be distinct to everyone.
 */
import { DEFAULT_RELATION_TYPES } from '../../model/schema'

export const EXTRA_PALETTE = [
  '#E69F00', // Okabe–Ito orange
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#332288', // Tol indigo
  '#882255', // wine
  '#999933', // olive
  '#44AA99', // teal
  '#AA4499', // purple
  '#DDCC77', // sand
  '#117733', // green
  '#88CCEE', // cyan
  '#661100', // brown
] as const

const hex2 = (v: number) =>
  Math.round(Math.max(0, Math.min(255, v)))
    .toString(16)
    .padStart(2, '0')

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
  }
  return `#${hex2(f(0) * 255)}${hex2(f(8) * 255)}${hex2(f(4) * 255)}`.toUpperCase()
}

/** Returns a colour generator that never repeats a colour already taken (case-insensitive). */
export function colourAllocator(taken: Iterable<string> = DEFAULT_RELATION_TYPES.map((t) => t.color)) {
  const used = new Set<string>()
  for (const c of taken) used.add(c.toUpperCase())
  for (const t of DEFAULT_RELATION_TYPES) used.add(t.color.toUpperCase())
  let palette = 0
  let spin = 0
  return (): string => {
    while (palette < EXTRA_PALETTE.length) {
      const c = EXTRA_PALETTE[palette++]!
      if (!used.has(c)) {
        used.add(c)
        return c
      }
    }
    for (;;) {
      const c = hslHex((spin * 137.508 + 20) % 360, 0.55, spin % 2 === 0 ? 0.42 : 0.58)
      spin++
      if (!used.has(c)) {
        used.add(c)
        return c
      }
    }
  }
}
