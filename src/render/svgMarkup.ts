/**
 * Writing SVG: numbers, escaped text, paint attributes, the kinds' shapes, the contested diamond,
 * the support marks and a text-width estimate. Pure string building, shared by the document (svgDocument.ts) and
 * its legend (legend.ts).
 */
import { SHAPE_GEOMETRY, type Palette, type Shape } from '../model/encoding'
import { SUPPORT_HALO, SUPPORT_MARK, SUPPORT_STROKE } from './edgeMarks'

/** A coordinate or length with at most two decimals ("-0" written "0"). */
export const num = (v: number): string => {
  const r = Math.round(v * 100) / 100
  return Object.is(r, -0) ? '0' : r.toString()
}

/**
 * Text for XML content and attribute values: markup characters escaped, and the characters XML 1.0
 * forbids (controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD, so any label stays text.
 */
export function escapeXml(s: string): string {
  // Most text needs nothing: one test before two replacements (the file may hold 100,000 strings).
  if (!NEEDS_ESCAPE.test(s)) return s
  return s
    .replace(FORBIDDEN, '\uFFFD')
    .replace(/[&<>"']/g, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
    )
}

const CONTROLS = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]'
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]'
const FORBIDDEN = new RegExp(`${CONTROLS}|${LONE_SURROGATE}`, 'g')
const NEEDS_ESCAPE = new RegExp(`[&<>"']|${CONTROLS}|${LONE_SURROGATE}`)

/**
 * A paint attribute: `fill="#3d4a5c"`, with `fill-opacity` when the paint is see-through (`opacity`
 * below 1, or a CSS rgba() colour, written as a hex colour and an opacity, which every editor reads).
 */
export function paint(attr: 'fill' | 'stroke', color: string, opacity = 1): string {
  const m = /^rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*([\d.]+)\s*\)$/.exec(color)
  const value =
    m === null
      ? escapeXml(color)
      : `#${[m[1], m[2], m[3]].map((v) => Math.min(255, Number(v)).toString(16).padStart(2, '0')).join('')}`
  const alpha = (m === null ? 1 : Number(m[4])) * opacity
  return `${attr}="${value}"${alpha < 1 ? ` ${attr}-opacity="${num(alpha)}"` : ''}`
}

/** Width of text in a canvas-style font, estimated (about 0.56 em per character) when nothing measures. */
export function estimateWidth(font: string, text: string): number {
  const m = /([\d.]+)px/.exec(font)
  const size = m === null ? 12 : Number(m[1])
  return text.length * size * 0.56
}

/**
 * A shape as one SVG element (circle, rect or polygon) from the encoding's geometry, the same the
 * canvas traces; `inner` is its content (a title), if any.
 */
export function shapeElement(
  shape: Shape,
  x: number,
  y: number,
  r: number,
  attrs: string,
  inner = '',
): string {
  const g = SHAPE_GEOMETRY[shape]
  let tag: string
  let geometry: string
  if (g.kind === 'circle') {
    tag = 'circle'
    geometry = `cx="${num(x)}" cy="${num(y)}" r="${num(r)}"`
  } else if (g.kind === 'square') {
    const h = g.half * r
    tag = 'rect'
    geometry = `x="${num(x - h)}" y="${num(y - h)}" width="${num(2 * h)}" height="${num(2 * h)}"`
  } else {
    const points: string[] = []
    for (let i = 0; i < g.points.length; i += 2)
      points.push(`${num(x + g.points[i]! * r)},${num(y + g.points[i + 1]! * r)}`)
    tag = 'polygon'
    geometry = `points="${points.join(' ')}"`
  }
  return inner === '' ? `<${tag} ${geometry}${attrs}/>` : `<${tag} ${geometry}${attrs}>${inner}</${tag}>`
}

/** A diamond of half size s around (x, y), drawn from the top clockwise, as the screen traces it. */
export const diamond = (x: number, y: number, s: number) =>
  `M${num(x)} ${num(y - s)}L${num(x + s)} ${num(y)}L${num(x)} ${num(y + s)}L${num(x - s)} ${num(y)}Z`

/**
 * A support mark around (x, y) as path data, as the screen traces it (edgeMarks.ts
 * traceSupportMark): `unsupported` a ring of radius s with a slash (∅), else a cross (×).
 */
export function supportPath(unsupported: boolean, x: number, y: number, s = SUPPORT_MARK): string {
  if (unsupported)
    return (
      `M${num(x + s)} ${num(y)}A${num(s)} ${num(s)} 0 1 1 ${num(x - s)} ${num(y)}` +
      `A${num(s)} ${num(s)} 0 1 1 ${num(x + s)} ${num(y)}M${num(x - s)} ${num(y + s)}L${num(x + s)} ${num(y - s)}`
    )
  const c = s * 0.85
  return `M${num(x - c)} ${num(y - c)}L${num(x + c)} ${num(y + c)}M${num(x + c)} ${num(y - c)}L${num(x - c)} ${num(y + c)}`
}

/** One support mark as SVG: a group of the halo and the mark (the legend draws the same). */
export function supportMarkSvg(
  unsupported: boolean,
  x: number,
  y: number,
  palette: Palette,
  relation?: string,
): string {
  const d = supportPath(unsupported, x, y)
  const role =
    relation === undefined
      ? ''
      : ` data-role="${unsupported ? 'unsupported' : 'questioned'}" data-relation="${escapeXml(relation)}"`
  return (
    `<g${role}><path d="${d}" ${paint('fill', palette.background)} ${paint('stroke', palette.background)} stroke-width="${SUPPORT_HALO}"/>` +
    `<path d="${d}" fill="none" ${paint('stroke', palette.label)} stroke-width="${SUPPORT_STROKE}"/></g>`
  )
}
