/**
 * PNG and SVG of the current view as shown, with a legend strip below it. The PNG runs the screen
 * renderer on an offscreen canvas at the chosen pixel ratio; the SVG is built as separate,
 * editable objects from the same scene data (svgDocument.ts).
 */
import { createRenderer, type Scene } from './renderer'
import type { Palette } from '../model/encoding'
import { layoutLegend, paintLegend, type LegendInfo, type LegendShows } from './legend'
import { buildSvg, legendShows } from './svgDocument'
import { estimateWidth } from './svgMarkup'

export type { LegendInfo }

/**
 * Draws the legend (legend.ts) at (0, top) across `width`; returns its height. With draw=false only
 * measures. `shows` says which conditional entries the view needs; without it, undated relations
 * go by `info.undated` and there are no approximate or contested entries.
 */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  info: LegendInfo,
  palette: Palette,
  top: number,
  width: number,
  draw = true,
  shows: LegendShows = { undated: info.undated === true, approximate: false, contested: false },
): number {
  const measure = (font: string, text: string) => {
    ctx.font = font
    return ctx.measureText(text).width
  }
  const layout = layoutLegend(info, null, shows, palette, top, width, measure)
  if (draw) paintLegend(ctx, layout, palette, width)
  return layout.height
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
  // The evidence entries the view needs, decided from what is in view as for the SVG.
  const shows = legendShows(scene, width, height)
  const legendH = drawLegend(probe, legend, scene.palette, 0, width, false, shows)
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
  drawLegend(ctx, legend, scene.palette, height, width, true, shows)
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
