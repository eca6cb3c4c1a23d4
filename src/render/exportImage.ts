/**
 * PNG and SVG of the current view as shown, with a legend strip below it. The PNG runs the screen
 * renderer on an offscreen canvas at the chosen pixel ratio; the SVG is built as separate,
 * editable objects from the same scene data (svgDocument.ts).
 */
import { STANCES } from '../model/schema'
import { createRenderer, type Scene } from './renderer'
import { KIND_SHAPE, STANCE_DASH, type Palette } from '../model/encoding'
import { KIND_LABEL, STANCE_LABEL } from '../model/words'
import { traceShape } from './shapes'
import { UNDATED_ALPHA } from './edges'
import { buildSvg, estimateWidth, type LegendInfo } from './svgDocument'

export type { LegendInfo }

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
const PAD = 14
const ROW = 20

/** Draws the legend at (0, top) across `width`; returns its height. With draw=false only measures. */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  info: LegendInfo,
  palette: Palette,
  top: number,
  width: number,
  draw = true,
): number {
  let x = PAD
  let y = top + PAD
  if (draw) {
    ctx.globalAlpha = 1
    ctx.setLineDash([])
    ctx.fillStyle = palette.background
    ctx.fillRect(0, top, width, 1000)
    ctx.fillStyle = palette.label
    ctx.globalAlpha = 0.25
    ctx.fillRect(0, top, width, 1)
    ctx.globalAlpha = 1
    ctx.textAlign = 'left'
    ctx.textBaseline = 'middle'
    ctx.font = `600 14px ${FONT}`
    ctx.fillText(info.title, PAD, y + 7)
    ctx.font = `12px ${FONT}`
    ctx.fillText(info.subtitle, PAD, y + 7 + 18)
  }
  y += 40
  ctx.font = `12px ${FONT}`
  const item = (w: number, paint: (x: number, cy: number) => void, text: string) => {
    const tw = ctx.measureText(text).width
    const total = w + 6 + tw + 18
    if (x + total > width - PAD && x > PAD) {
      x = PAD
      y += ROW
    }
    if (draw) {
      paint(x, y + ROW / 2)
      ctx.globalAlpha = 1
      ctx.setLineDash([])
      ctx.fillStyle = palette.label
      ctx.textAlign = 'left'
      ctx.textBaseline = 'middle'
      ctx.fillText(text, x + w + 6, y + ROW / 2)
    }
    x += total
  }
  const line = (color: string, dash: readonly number[]) => (lx: number, cy: number) => {
    ctx.beginPath()
    ctx.strokeStyle = color
    ctx.lineWidth = 2.5
    ctx.setLineDash([...dash])
    ctx.moveTo(lx, cy)
    ctx.lineTo(lx + 26, cy)
    ctx.stroke()
  }
  for (const t of info.types) item(26, line(t.color, []), t.label)
  x = PAD
  y += ROW
  for (const s of STANCES) item(26, line(palette.label, STANCE_DASH[s]), STANCE_LABEL[s])
  if (info.undated === true)
    item(
      26,
      (lx, cy) => {
        ctx.globalAlpha = UNDATED_ALPHA
        line(palette.label, [])(lx, cy)
        ctx.globalAlpha = 1
      },
      'Undated (lighter)',
    )
  for (const k of info.kinds) {
    item(
      14,
      (lx, cy) => {
        const shape = KIND_SHAPE[k]
        ctx.beginPath()
        traceShape(ctx, shape, lx + 7, cy, 5.5)
        if (shape === 'ring') {
          ctx.strokeStyle = palette.nodeFill
          ctx.lineWidth = 2
          ctx.stroke()
        } else {
          ctx.fillStyle = palette.nodeFill
          ctx.fill()
        }
      },
      KIND_LABEL[k],
    )
  }
  y += ROW + PAD
  return y - top
}

function measureCtx(): CanvasRenderingContext2D | null {
  return document.createElement('canvas').getContext('2d')
}

/** A PNG of the view: `ratio` device pixels per CSS pixel (the screen's, or 2). */
export async function exportPng(
  snap: { scene: Scene; width: number; height: number },
  legend: LegendInfo,
  ratio: number,
): Promise<Blob> {
  const { scene, width, height } = snap
  const probe = measureCtx()
  if (probe === null) throw new Error('This browser cannot draw on a canvas, so no PNG can be made.')
  const legendH = drawLegend(probe, legend, scene.palette, 0, width, false)
  const graph = document.createElement('canvas')
  const renderer = createRenderer(graph)
  renderer.resize(width, height, ratio)
  renderer.draw(scene)
  const out = document.createElement('canvas')
  out.width = Math.round(width * ratio)
  out.height = Math.round((height + legendH) * ratio)
  const ctx = out.getContext('2d')!
  ctx.drawImage(graph, 0, 0)
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  drawLegend(ctx, legend, scene.palette, height, width)
  renderer.destroy()
  return new Promise((resolve, reject) =>
    out.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG.'))),
      'image/png',
    ),
  )
}

/**
 * An editable SVG document of the view: one element per actor and relation in view, in layers,
 * built from the scene's data (render/svgDocument.ts), with text measured as the screen measures it.
 */
export function exportSvg(snap: { scene: Scene; width: number; height: number }, legend: LegendInfo): string {
  const probe = measureCtx()
  const measure = (font: string, text: string) => {
    if (probe === null) return estimateWidth(font, text)
    probe.font = font
    return probe.measureText(text).width
  }
  return buildSvg(snap.scene, { width: snap.width, height: snap.height, legend, measure })
}
