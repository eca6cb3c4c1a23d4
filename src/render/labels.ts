/**
 * Labels: where each one goes (pure box placement, no canvas) and drawing them.
 *
 * Placement is greedy: labels are offered most important first (the selected and hovered actors,
 * then emphasised actors, then by degree); each tries below its node, then above, right and left,
 * and takes the first place that is whole on the canvas and free; a label that finds none is not
 * drawn (it shows when zooming in makes room).
 */
import { screenRadius, type Frame, type Scene } from './scene'

export const LABEL_FONT_PX = 12
export const LABEL_FONT = `${LABEL_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`
/** Height of a label's box (CSS px). */
export const LABEL_BOX_H = LABEL_FONT_PX + 3
/** Horizontal padding added to the text width (CSS px). */
export const LABEL_PAD = 4
/** Side of an occupancy cell (CSS px). */
const CELL = 6
/** Labels tried per frame, at rest and while moving. */
const MAX_LABEL_ATTEMPTS = 4000
const MAX_LABEL_ATTEMPTS_FAST = 400

/** A label's box, top-left corner and size, in CSS px of the canvas. */
export interface LabelBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface LabelPlacer {
  /** Starts a frame of `width` × `height` CSS px with nothing placed. */
  begin(width: number, height: number): void
  /**
   * Places the label of text width `w` of a node of radius `r` at (x, y); null when no place is
   * free. A forced label (the selected or hovered actor) ignores what is already placed, and takes
   * a place partly off the canvas if no whole one exists.
   */
  place(x: number, y: number, r: number, w: number, force: boolean): LabelBox | null
}

/** Candidate places around a node, in order of preference: below, above, right, left. */
export function labelPlaces(
  x: number,
  y: number,
  r: number,
  w: number,
): readonly (readonly [number, number])[] {
  const h = LABEL_BOX_H
  return [
    [x - w / 2 - 2, y + r + 2],
    [x - w / 2 - 2, y - r - 2 - h],
    [x + r + 3, y - h / 2],
    [x - r - 3 - w - 4, y - h / 2],
  ]
}

export function createLabelPlacer(): LabelPlacer {
  let occupancy = new Uint8Array(0)
  let width = 0
  let height = 0
  let cols = 0
  let rows = 0
  const cellRange = (bx0: number, by0: number, bx1: number, by1: number) =>
    [
      Math.max(0, Math.floor(bx0 / CELL)),
      Math.min(cols - 1, Math.floor(bx1 / CELL)),
      Math.max(0, Math.floor(by0 / CELL)),
      Math.min(rows - 1, Math.floor(by1 / CELL)),
    ] as const
  const isFree = (bx0: number, by0: number, bx1: number, by1: number) => {
    const [c0, c1, r0, r1] = cellRange(bx0, by0, bx1, by1)
    for (let rr = r0; rr <= r1; rr++)
      for (let cc = c0; cc <= c1; cc++) if (occupancy[rr * cols + cc] === 1) return false
    return true
  }
  const mark = (bx0: number, by0: number, bx1: number, by1: number) => {
    const [c0, c1, r0, r1] = cellRange(bx0, by0, bx1, by1)
    for (let rr = r0; rr <= r1; rr++) for (let cc = c0; cc <= c1; cc++) occupancy[rr * cols + cc] = 1
  }
  return {
    begin(w, h) {
      width = w
      height = h
      cols = Math.ceil(width / CELL) + 1
      rows = Math.ceil(height / CELL) + 1
      if (occupancy.length < cols * rows) occupancy = new Uint8Array(cols * rows)
      else occupancy.fill(0, 0, cols * rows)
    },
    place(x, y, r, w, force) {
      if (Number.isNaN(x + y)) return null
      const places = labelPlaces(x, y, r, w)
      const bw = w + LABEL_PAD
      const h = LABEL_BOX_H
      // A label cut by the canvas edge is unreadable: only whole labels count, except that a forced
      // label takes its first partly visible place if no place fits.
      let chosen = -1
      let partly = -1
      for (let p = 0; p < places.length && chosen < 0; p++) {
        const [bx0, by0] = places[p]!
        const bx1 = bx0 + bw
        const by1 = by0 + h
        if (bx1 < 0 || by1 < 0 || bx0 > width || by0 > height) continue
        if (bx0 < 0 || by0 < 0 || bx1 > width || by1 > height) {
          if (partly < 0) partly = p
          continue
        }
        if (force || isFree(bx0, by0, bx1, by1)) chosen = p
      }
      if (chosen < 0 && force) chosen = partly
      if (chosen < 0) return null
      const [bx0, by0] = places[chosen]!
      mark(bx0, by0, bx0 + bw, by0 + h)
      return { x: bx0, y: by0, width: bw, height: h }
    },
  }
}

export interface LabelDrawer {
  /** Places and draws the scene's labels; returns how many were drawn. */
  draw(f: Frame, scene: Scene): number
  /** Forgets the measured widths. */
  reset(): void
}

export function createLabelDrawer(): LabelDrawer {
  const placer = createLabelPlacer()
  let labelWidth = new Float32Array(0)
  let labelWidthFor: readonly string[] | null = null
  const measure = (ctx: CanvasRenderingContext2D, scene: Scene, a: number): number => {
    if (labelWidthFor !== scene.labels) {
      labelWidthFor = scene.labels
      labelWidth = new Float32Array(scene.labels.length).fill(-1)
    }
    let w = labelWidth[a]!
    if (w < 0) {
      w = ctx.measureText(scene.labels[a]!).width
      labelWidth[a] = w
    }
    return w
  }

  function draw(f: Frame, scene: Scene): number {
    const { ctx, xy } = f
    const { view, emphasis, transform: t, palette } = scene
    placer.begin(f.width, f.height)
    ctx.font = LABEL_FONT
    ctx.textAlign = 'center'
    ctx.textBaseline = 'top'
    ctx.lineJoin = 'round'
    let drawn = 0
    const tryLabel = (a: number, force: boolean): void => {
      const x = xy[2 * a]!
      const y = xy[2 * a + 1]!
      if (Number.isNaN(x + y)) return
      const w = measure(ctx, scene, a)
      const box = placer.place(x, y, screenRadius(scene.radius, a, t.k), w, force)
      if (box === null) return
      const dim = emphasis.active && emphasis.actors[a] !== 1
      ctx.globalAlpha = dim ? 0.35 : 1
      ctx.font = a === emphasis.selectedActor ? `600 ${LABEL_FONT}` : LABEL_FONT
      ctx.strokeStyle = palette.labelHalo
      ctx.lineWidth = 3.5
      const tx = box.x + 2 + w / 2
      ctx.strokeText(scene.labels[a]!, tx, box.y + 1)
      ctx.fillStyle = palette.label
      ctx.fillText(scene.labels[a]!, tx, box.y + 1)
      drawn++
    }
    const shown = (a: number) => a >= 0 && view.actorShown[a] === 1
    // The selected and hovered actors always get their label; then emphasised actors; then by degree.
    if (shown(emphasis.selectedActor)) tryLabel(emphasis.selectedActor, true)
    if (shown(emphasis.hoveredActor) && emphasis.hoveredActor !== emphasis.selectedActor)
      tryLabel(emphasis.hoveredActor, true)
    let attempts = 0
    const maxAttempts = scene.quality === 'fast' ? MAX_LABEL_ATTEMPTS_FAST : MAX_LABEL_ATTEMPTS
    if (emphasis.active) {
      for (const a of scene.labelOrder) {
        if (emphasis.actors[a] !== 1 || a === emphasis.selectedActor || a === emphasis.hoveredActor) continue
        tryLabel(a, false)
        if (++attempts > maxAttempts) break
      }
    }
    for (const a of scene.labelOrder) {
      if (a === emphasis.selectedActor || a === emphasis.hoveredActor) continue
      if (emphasis.active && emphasis.actors[a] === 1) continue
      if (scene.radius[a]! * t.k < 3 && view.shownActors.length > 200) continue
      tryLabel(a, false)
      if (++attempts > maxAttempts) break
    }
    ctx.globalAlpha = 1
    return drawn
  }

  return {
    draw,
    reset() {
      labelWidthFor = null
    },
  }
}
