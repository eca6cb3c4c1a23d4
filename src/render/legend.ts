/**
 * The legend strip of the exported images: one layout, painted twice — on a canvas for the PNG
 * (`paintLegend`) and as SVG elements (`legendSvg`) — so both say the same, placed the same.
 *
 * Its entries are the screen legend's (app/Legend.tsx): the title and subtitle, a note when there
 * is one, the relation types, the stances (and undated relations, lighter, when the view holds
 * any), the actor kinds, then the evidence: line width per distinct sources (1, 2, 3 or more), and
 * approximate years, the contested mark and the support marks (no quotation; a quotation to
 * review) when the view holds any. Entries flow left to right and
 * wrap at the strip's width; the types, the stances and the evidence each start a row.
 */
import { KIND_SHAPE, STANCE_DASH, type Palette, type Shape } from '../model/encoding'
import { STANCES } from '../model/schema'
import type { ActorKind } from '../model/types'
import { KIND_LABEL, STANCE_LABEL } from '../model/words'
import { APPROXIMATE_ALPHA, EVIDENCE_WIDTH, UNDATED_ALPHA } from './edges'
import {
  CONTESTED_MARK,
  CONTESTED_MARK_STROKE,
  SUPPORT_HALO,
  SUPPORT_STROKE,
  traceSupportMark,
} from './edgeMarks'
import { QUESTIONED, UNSUPPORTED } from '../model/support'
import { traceShape } from './shapes'
import { diamond, escapeXml, num, paint, shapeElement, supportMarkSvg } from './svgMarkup'

export interface LegendInfo {
  readonly title: string
  /** e.g. "Years 2016–2021 · Showing 12 of 26 actors and 30 of 96 relations" */
  readonly subtitle: string
  readonly types: readonly { readonly label: string; readonly color: string }[]
  readonly kinds: readonly ActorKind[]
  /**
   * Undated relations are among those shown. The exports decide from what is in view
   * (`LegendShows.undated`); a canvas legend drawn without `shows` goes by this.
   */
  readonly undated?: boolean
}

/** What the relations in view hold, for the legend's conditional entries. */
export interface LegendShows {
  readonly undated: boolean
  readonly approximate: boolean
  readonly contested: boolean
  /** A tie with no quotation is marked (∅). */
  readonly unsupported?: boolean
  /** A tie whose quotation needs review or was not found is marked (×). */
  readonly questioned?: boolean
}

/** The screen legend's words for the evidence classes (Legend.tsx EvidenceLegend). */
export const EVIDENCE_TEXT = ['1 source', '2 sources', '3 or more sources'] as const
export const APPROXIMATE_TEXT = 'Approximate years (“c.” in the details)'
export const CONTESTED_TEXT = 'Contested: cooperative and hostile relations of one type'
export const UNDATED_TEXT = 'Undated (lighter)'
export const UNSUPPORTED_TEXT = 'Unsupported: no quotation'
export const QUESTIONED_TEXT = 'Needs review or not found: a quotation its source does not confirm'

/** The labels' font family. */
export const LEGEND_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
const PAD = 14
const ROW = 20

export type Swatch =
  | {
      readonly type: 'line'
      readonly color: string
      readonly dash: readonly number[]
      readonly width: number
      readonly alpha: number
    }
  | { readonly type: 'shape'; readonly shape: Shape; readonly color: string }
  | { readonly type: 'contested' }
  | { readonly type: 'support'; readonly flag: number }

export interface LegendLayout {
  readonly top: number
  readonly height: number
  /** Texts by their left x and middle y. */
  readonly texts: readonly { text: string; x: number; cy: number; size: number; bold: boolean }[]
  /** Swatches by their left x and middle y (a line is 26 px long, a shape 14 px wide). */
  readonly swatches: readonly { swatch: Swatch; x: number; cy: number }[]
}

/** Where each entry of the legend goes, for a strip at y = top across `width`. */
export function layoutLegend(
  info: LegendInfo,
  note: string | null,
  shows: LegendShows,
  palette: Palette,
  top: number,
  width: number,
  /** Width of `text` in CSS px in a canvas-style `font`. */
  measure: (font: string, text: string) => number,
): LegendLayout {
  const texts: { text: string; x: number; cy: number; size: number; bold: boolean }[] = []
  const swatches: { swatch: Swatch; x: number; cy: number }[] = []
  let x = PAD
  let y = top + PAD
  texts.push({ text: info.title, x: PAD, cy: y + 7, size: 14, bold: true })
  texts.push({ text: info.subtitle, x: PAD, cy: y + 25, size: 12, bold: false })
  y += 40
  if (note !== null) {
    texts.push({ text: note, x: PAD, cy: y + 3, size: 12, bold: false })
    y += 18
  }
  const font = `12px ${LEGEND_FONT}`
  const item = (w: number, swatch: Swatch, label: string) => {
    const total = w + 6 + measure(font, label) + 18
    if (x + total > width - PAD && x > PAD) {
      x = PAD
      y += ROW
    }
    swatches.push({ swatch, x, cy: y + ROW / 2 })
    texts.push({ text: label, x: x + w + 6, cy: y + ROW / 2, size: 12, bold: false })
    x += total
  }
  const newRow = () => {
    x = PAD
    y += ROW
  }
  const line = (color: string, dash: readonly number[] = [], w = 2.5, alpha = 1): Swatch => ({
    type: 'line',
    color,
    dash,
    width: w,
    alpha,
  })
  for (const t of info.types) item(26, line(t.color), t.label)
  newRow()
  for (const s of STANCES) item(26, line(palette.label, STANCE_DASH[s]), STANCE_LABEL[s])
  if (shows.undated) item(26, line(palette.label, [], 2.5, UNDATED_ALPHA), UNDATED_TEXT)
  for (const k of info.kinds)
    item(14, { type: 'shape', shape: KIND_SHAPE[k], color: palette.nodeFill }, KIND_LABEL[k])
  newRow()
  EVIDENCE_TEXT.forEach((label, i) => item(26, line(palette.label, [], 1.6 * EVIDENCE_WIDTH[i]!), label))
  if (shows.approximate) item(26, line(palette.label, [], 1.6, APPROXIMATE_ALPHA), APPROXIMATE_TEXT)
  if (shows.contested) item(26, { type: 'contested' }, CONTESTED_TEXT)
  if (shows.unsupported === true) item(26, { type: 'support', flag: UNSUPPORTED }, UNSUPPORTED_TEXT)
  if (shows.questioned === true) item(26, { type: 'support', flag: QUESTIONED }, QUESTIONED_TEXT)
  y += ROW + PAD
  return { top, height: y - top, texts, swatches }
}

/** Paints the layout on a canvas (CSS px): background, separator, swatches, texts. */
export function paintLegend(
  ctx: CanvasRenderingContext2D,
  layout: LegendLayout,
  palette: Palette,
  width: number,
): void {
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  ctx.fillStyle = palette.background
  ctx.fillRect(0, layout.top, width, layout.height)
  ctx.fillStyle = palette.label
  ctx.globalAlpha = 0.25
  ctx.fillRect(0, layout.top, width, 1)
  ctx.globalAlpha = 1
  const stroke = (
    x: number,
    cy: number,
    color: string,
    dash: readonly number[],
    w: number,
    alpha: number,
  ) => {
    ctx.globalAlpha = alpha
    ctx.beginPath()
    ctx.strokeStyle = color
    ctx.lineWidth = w
    ctx.setLineDash([...dash])
    ctx.moveTo(x, cy)
    ctx.lineTo(x + 26, cy)
    ctx.stroke()
    ctx.globalAlpha = 1
    ctx.setLineDash([])
  }
  const write = (t: LegendLayout['texts'][number]) => {
    ctx.globalAlpha = 1
    ctx.fillStyle = palette.label
    ctx.textAlign = 'left'
    ctx.textBaseline = 'middle'
    ctx.font = `${t.bold ? '600 ' : ''}${t.size}px ${LEGEND_FONT}`
    ctx.fillText(t.text, t.x, t.cy)
  }
  // The header texts, then each swatch and its label.
  const head = layout.texts.length - layout.swatches.length
  layout.texts.slice(0, head).forEach(write)
  layout.swatches.forEach(({ swatch: s, x, cy }, i) => {
    if (s.type === 'line') stroke(x, cy, s.color, s.dash, s.width, s.alpha)
    else if (s.type === 'shape') {
      ctx.beginPath()
      traceShape(ctx, s.shape, x + 7, cy, 5.5)
      if (s.shape === 'ring') {
        ctx.strokeStyle = s.color
        ctx.lineWidth = 2
        ctx.stroke()
      } else {
        ctx.fillStyle = s.color
        ctx.fill()
      }
    } else if (s.type === 'support') {
      stroke(x, cy, palette.label, [], 1.4, 1)
      ctx.beginPath()
      traceSupportMark(ctx, s.flag, x + 13, cy)
      ctx.fillStyle = palette.background
      ctx.fill()
      ctx.strokeStyle = palette.background
      ctx.lineWidth = SUPPORT_HALO
      ctx.stroke()
      ctx.strokeStyle = palette.label
      ctx.lineWidth = SUPPORT_STROKE
      ctx.stroke()
    } else {
      stroke(x, cy, palette.label, [], 1.4, 1)
      const m = CONTESTED_MARK
      ctx.beginPath()
      ctx.moveTo(x + 13, cy - m)
      ctx.lineTo(x + 13 + m, cy)
      ctx.lineTo(x + 13, cy + m)
      ctx.lineTo(x + 13 - m, cy)
      ctx.closePath()
      ctx.fillStyle = palette.background
      ctx.fill()
      ctx.strokeStyle = palette.accent
      ctx.lineWidth = CONTESTED_MARK_STROKE
      ctx.stroke()
    }
    write(layout.texts[head + i]!)
  })
}

/** From the top of the em box to the alphabetic baseline, as a fraction of the font size. */
const ASCENT = 0.8

/** The layout as SVG elements (the `legend` layer's content). */
export function legendSvg(layout: LegendLayout, palette: Palette, width: number): string[] {
  const body: string[] = [
    `<rect x="0" y="${num(layout.top)}" width="${num(width)}" height="1" ${paint('fill', palette.label)} opacity="0.25"/>`,
  ]
  const line = (x: number, cy: number, color: string, dash: readonly number[], w: number, alpha = 1) =>
    `<path d="M${num(x)} ${num(cy)}h26" ${paint('stroke', color)} stroke-width="${num(w)}"` +
    (dash.length > 0 ? ` stroke-dasharray="${dash.map(num).join(' ')}"` : '') +
    (alpha < 1 ? ` opacity="${alpha}"` : '') +
    '/>'
  // The header texts, then each swatch before its label, as editors list them.
  const head = layout.texts.length - layout.swatches.length
  body.push(...layout.texts.slice(0, head).map(textEl))
  layout.swatches.forEach(({ swatch: s, x, cy }, i) => {
    if (s.type === 'line') body.push(line(x, cy, s.color, s.dash, s.width, s.alpha))
    else if (s.type === 'shape') {
      const look =
        s.shape === 'ring'
          ? ` fill="none" ${paint('stroke', s.color)} stroke-width="2"`
          : ` ${paint('fill', s.color)}`
      body.push(shapeElement(s.shape, x + 7, cy, 5.5, look))
    } else if (s.type === 'support') {
      const mark = supportMarkSvg(s.flag === UNSUPPORTED, x + 13, cy, palette)
      body.push(`<g>${line(x, cy, palette.label, [], 1.4)}${mark}</g>`)
    } else {
      body.push(
        `<g>${line(x, cy, palette.label, [], 1.4)}<path d="${diamond(x + 13, cy, CONTESTED_MARK)}" ` +
          `${paint('fill', palette.background)} ${paint('stroke', palette.accent)} stroke-width="${CONTESTED_MARK_STROKE}"/></g>`,
      )
    }
    body.push(textEl(layout.texts[head + i]!))
  })
  return body
  function textEl(t: LegendLayout['texts'][number]): string {
    return (
      `<text x="${num(t.x)}" y="${num(t.cy + (ASCENT - 0.5) * t.size)}" font-family="${escapeXml(LEGEND_FONT)}" font-size="${t.size}"` +
      `${t.bold ? ' font-weight="600"' : ''} ${paint('fill', palette.label)}>${escapeXml(t.text)}</text>`
    )
  }
}
