/**
 * Labels: where each one goes (pure box placement, no canvas) and drawing them.
 *
 * Placement is greedy: labels are offered most important first (the selected and hovered actors,
 * then emphasised actors, then by degree); each tries below its node, then above, right, left and
 * the four corners, and takes the first place that is whole on the canvas and touches neither a
 * label already placed nor another actor's disc; a label that finds none is not drawn (it shows
 * when zooming in makes room). So labels never overlap each other and never hide an actor.
 *
 * Over 300 lines because placement (pure boxes, shared with the SVG export) and drawing read the
 * same candidate positions and obstacle rules, kept together so screen and export cannot drift.
 */
import type { Emphasis } from '../model/emphasis'
import type { View } from '../model/filter'
import type { Transform } from '../shared/types'
import { screenRadius, type Frame, type Scene } from './scene'
import { SHAPE_GEOMETRY, type Shape } from '../model/encoding'

export const LABEL_FONT_PX = 12
export const LABEL_FONT = `${LABEL_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`
/** Height of a label's box (CSS px). */
export const LABEL_BOX_H = LABEL_FONT_PX + 3
/** Horizontal padding added to the text width (CSS px). */
export const LABEL_PAD = 4
/** Side of a cell of the spatial grids of placed boxes and of discs (CSS px). */
const CELL = 32
/** Space kept between a label and another label or a disc (CSS px). */
const GAP = 1
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
  /** Starts a frame of `width` × `height` CSS px with nothing placed and no discs. */
  begin(width: number, height: number): void
  /** A disc a label must not cover (an actor's shape), owned by `owner`. */
  addDisc(x: number, y: number, r: number, owner: number): void
  /**
   * Places the label (text width `w`) of actor `owner`, a node of radius `r` at (x, y): the first
   * place around it that is wholly on the canvas and touches neither a placed label nor another
   * actor's disc; null when there is none. A forced label (the selected or hovered actor) that
   * finds no free place takes its first place on the canvas (or partly on it) regardless.
   */
  place(x: number, y: number, r: number, w: number, force: boolean, owner?: number): LabelBox | null
}

/**
 * Candidate places around a node, in order of preference: below, above, right, left, then the
 * four corners. Each is the top-left corner of a box `w + LABEL_PAD` × `LABEL_BOX_H`.
 */
export function labelPlaces(
  x: number,
  y: number,
  r: number,
  w: number,
): readonly (readonly [number, number])[] {
  const h = LABEL_BOX_H
  const bw = w + LABEL_PAD
  const d = r * Math.SQRT1_2 + 2
  return [
    [x - w / 2 - 2, y + r + 2],
    [x - w / 2 - 2, y - r - 2 - h],
    [x + r + 3, y - h / 2],
    [x - r - 3 - bw, y - h / 2],
    [x + d, y + d],
    [x - d - bw, y + d],
    [x + d, y - d - h],
    [x - d - bw, y - d - h],
  ]
}

/** True when the box (x0, y0)–(x1, y1), grown by `gap`, meets the disc. */
function boxMeetsDisc(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  cx: number,
  cy: number,
  r: number,
  gap: number,
) {
  const nx = Math.max(x0, Math.min(cx, x1))
  const ny = Math.max(y0, Math.min(cy, y1))
  const dx = cx - nx
  const dy = cy - ny
  const reach = r + gap
  return dx * dx + dy * dy < reach * reach
}

export function createLabelPlacer(): LabelPlacer {
  let width = 0
  let height = 0
  let cols = 0
  let rows = 0
  /** Per cell: indexes of placed boxes (few: one per label). */
  let boxCells: number[][] = []
  const boxes: number[] = [] // x0, y0, x1, y1 per box
  // Discs (every shown actor's shape: up to 100,000 a frame) are kept in typed arrays reused from
  // frame to frame, and found per cell through a compressed index (cell k holds discItems
  // discStart[k] … discStart[k + 1] - 1) built at the first question after they were added. Arrays
  // of arrays refilled each frame cost a 100,000-actor frame about 80 ms.
  let discs = new Float64Array(0) // x, y, r, owner per disc
  let discCount = 0
  let discStart = new Uint32Array(0)
  let discItems = new Uint32Array(0)
  let indexed = true
  const cellsOf = (x0: number, y0: number, x1: number, y1: number) =>
    [
      Math.max(0, Math.floor(x0 / CELL)),
      Math.min(cols - 1, Math.floor(x1 / CELL)),
      Math.max(0, Math.floor(y0 / CELL)),
      Math.min(rows - 1, Math.floor(y1 / CELL)),
    ] as const
  const indexDiscs = () => {
    indexed = true
    const n = cols * rows
    if (discStart.length < n + 1) discStart = new Uint32Array(n + 1)
    else discStart.fill(0, 0, n + 1)
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < discCount; i++) {
        const x = discs[4 * i]!
        const y = discs[4 * i + 1]!
        const r = discs[4 * i + 2]!
        const [c0, c1, r0, r1] = cellsOf(x - r, y - r, x + r, y + r)
        for (let rr = r0; rr <= r1; rr++)
          for (let cc = c0; cc <= c1; cc++) {
            if (pass === 0) discStart[rr * cols + cc + 1]!++
            else discItems[discStart[rr * cols + cc]!++] = i
          }
      }
      if (pass === 0) {
        for (let k = 0; k < n; k++) discStart[k + 1]! += discStart[k]!
        const refs = discStart[n]!
        if (discItems.length < refs) discItems = new Uint32Array(Math.max(refs, 2 * discItems.length))
        // Fill from each cell's start; afterwards discStart[k] is cell k's end, shifted back below.
      }
    }
    for (let k = n; k > 0; k--) discStart[k] = discStart[k - 1]!
    discStart[0] = 0
  }
  const isFree = (x0: number, y0: number, x1: number, y1: number, owner: number) => {
    if (!indexed) indexDiscs()
    const [c0, c1, r0, r1] = cellsOf(x0 - GAP, y0 - GAP, x1 + GAP, y1 + GAP)
    for (let rr = r0; rr <= r1; rr++)
      for (let cc = c0; cc <= c1; cc++) {
        for (const i of boxCells[rr * cols + cc]!) {
          const j = 4 * i
          if (
            x0 < boxes[j + 2]! + GAP &&
            boxes[j]! < x1 + GAP &&
            y0 < boxes[j + 3]! + GAP &&
            boxes[j + 1]! < y1 + GAP
          )
            return false
        }
        const cell = rr * cols + cc
        for (let k = discStart[cell]!; k < discStart[cell + 1]!; k++) {
          const j = 4 * discItems[k]!
          if (discs[j + 3] === owner) continue
          if (boxMeetsDisc(x0, y0, x1, y1, discs[j]!, discs[j + 1]!, discs[j + 2]!, GAP)) return false
        }
      }
    return true
  }
  const mark = (x0: number, y0: number, x1: number, y1: number) => {
    const i = boxes.length / 4
    boxes.push(x0, y0, x1, y1)
    const [c0, c1, r0, r1] = cellsOf(x0, y0, x1, y1)
    for (let rr = r0; rr <= r1; rr++) for (let cc = c0; cc <= c1; cc++) boxCells[rr * cols + cc]!.push(i)
  }
  return {
    begin(w, h) {
      width = w
      height = h
      cols = Math.ceil(width / CELL) + 1
      rows = Math.ceil(height / CELL) + 1
      const n = cols * rows
      if (boxCells.length !== n) boxCells = Array.from({ length: n }, () => [])
      else for (const c of boxCells) c.length = 0
      boxes.length = 0
      discCount = 0
      indexed = false
    },
    addDisc(x, y, r, owner) {
      if (Number.isNaN(x + y) || x + r < 0 || y + r < 0 || x - r > width || y - r > height) return
      if (discs.length < 4 * (discCount + 1)) {
        const grown = new Float64Array(Math.max(4096, 2 * discs.length))
        grown.set(discs)
        discs = grown
      }
      const j = 4 * discCount++
      discs[j] = x
      discs[j + 1] = y
      discs[j + 2] = r
      discs[j + 3] = owner
      indexed = false
    },
    place(x, y, r, w, force, owner = -1) {
      if (Number.isNaN(x + y)) return null
      const places = labelPlaces(x, y, r, w)
      const bw = w + LABEL_PAD
      const h = LABEL_BOX_H
      // A label cut by the canvas edge is unreadable: only whole labels count, except that a forced
      // label takes its first place on the canvas (or partly on it) if no free place fits.
      let chosen = -1
      let whole = -1
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
        if (whole < 0) whole = p
        if (isFree(bx0, by0, bx1, by1, owner)) chosen = p
      }
      if (chosen < 0 && force) chosen = whole >= 0 ? whole : partly
      if (chosen < 0) return null
      const [bx0, by0] = places[chosen]!
      mark(bx0, by0, bx0 + bw, by0 + h)
      return { x: bx0, y: by0, width: bw, height: h }
    },
  }
}

/** How far each shape reaches from its centre, in radii: a square's corner, a polygon's farthest point. */
export const shapeReach = (shape: Shape): number => SHAPE_EXTENT[shape]
const SHAPE_EXTENT = Object.fromEntries(
  Object.entries(SHAPE_GEOMETRY).map(([shape, g]) => {
    if (g.kind === 'circle') return [shape, 1]
    if (g.kind === 'square') return [shape, g.half * Math.SQRT2]
    let far = 0
    for (let i = 0; i < g.points.length; i += 2)
      far = Math.max(far, Math.hypot(g.points[i]!, g.points[i + 1]!))
    return [shape, far]
  }),
) as Readonly<Record<Shape, number>>

/** A label drawn in a frame: the actor and its box (CSS px of the canvas). */
export interface PlacedLabel extends LabelBox {
  readonly actor: number
}

/** What label placement reads: a part of the scene (a Scene can be passed as is). */
export interface LabelInput {
  readonly view: View
  /** World radius per actor. */
  readonly radius: Float32Array
  /** Shown actors in the order labels claim space (most connected first). */
  readonly labelOrder: ArrayLike<number>
  readonly transform: Transform
  readonly emphasis?: Emphasis
  readonly quality?: 'full' | 'fast'
}

/** A label planned for a frame: its box, and the text's width and weight. */
export interface PlannedLabel extends PlacedLabel {
  readonly textWidth: number
  readonly bold: boolean
}

/**
 * Where the labels of a frame go, without a canvas: the selected and hovered actors first (their
 * labels forced), then the emphasised actors, then by `labelOrder`; every shown actor's shape is an
 * obstacle. `xy` holds screen positions (CSS px); `reach(a)` is how far actor a's shape reaches,
 * in radii; `textWidth(a, bold)` the width of its label. The screen and the SVG export both place
 * labels with this, so they agree.
 */
export function planLabels(
  input: LabelInput,
  xy: Float64Array,
  width: number,
  height: number,
  reach: (a: number) => number,
  textWidth: (a: number, bold: boolean) => number,
  placer: LabelPlacer = createLabelPlacer(),
): PlannedLabel[] {
  const { view, transform: t } = input
  const active = input.emphasis?.active === true
  const emphasised = input.emphasis?.actors
  const selected = input.emphasis?.selectedActor ?? -1
  const hovered = input.emphasis?.hoveredActor ?? -1
  const out: PlannedLabel[] = []
  placer.begin(width, height)
  for (const a of view.shownActors)
    placer.addDisc(xy[2 * a]!, xy[2 * a + 1]!, screenRadius(input.radius, a, t.k) * reach(a) + 1.5, a)
  const tryLabel = (a: number, force: boolean): void => {
    const x = xy[2 * a]!
    const y = xy[2 * a + 1]!
    if (Number.isNaN(x + y)) return
    const bold = a === selected
    const w = textWidth(a, bold)
    const box = placer.place(x, y, screenRadius(input.radius, a, t.k) * reach(a), w, force, a)
    if (box !== null) out.push({ actor: a, ...box, textWidth: w, bold })
  }
  const shown = (a: number) => a >= 0 && view.actorShown[a] === 1
  if (shown(selected)) tryLabel(selected, true)
  if (shown(hovered) && hovered !== selected) tryLabel(hovered, true)
  let attempts = 0
  const maxAttempts = input.quality === 'fast' ? MAX_LABEL_ATTEMPTS_FAST : MAX_LABEL_ATTEMPTS
  const order = input.labelOrder
  if (active) {
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!
      if (emphasised![a] !== 1 || a === selected || a === hovered) continue
      tryLabel(a, false)
      if (++attempts > maxAttempts) break
    }
  }
  for (let i = 0; i < order.length; i++) {
    const a = order[i]!
    if (a === selected || a === hovered) continue
    if (active && emphasised![a] === 1) continue
    if (input.radius[a]! * t.k < 3 && view.shownActors.length > 200) continue
    tryLabel(a, false)
    if (++attempts > maxAttempts) break
  }
  return out
}

export interface LabelDrawer {
  /** Places and draws the scene's labels; returns those drawn. */
  draw(f: Frame, scene: Scene): PlacedLabel[]
  /** Forgets the measured widths. */
  reset(): void
}

export function createLabelDrawer(): LabelDrawer {
  const placer = createLabelPlacer()
  let labelWidth = new Float32Array(0)
  let labelWidthFor: readonly string[] | null = null
  /** Width of actor a's label in the regular weight (cached per graph), or measured in bold. */
  const measure = (ctx: CanvasRenderingContext2D, scene: Scene, a: number, bold: boolean): number => {
    if (bold) {
      ctx.font = `600 ${LABEL_FONT}`
      const w = ctx.measureText(scene.labels[a]!).width
      ctx.font = LABEL_FONT
      return w
    }
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

  function draw(f: Frame, scene: Scene): PlacedLabel[] {
    const { ctx, xy } = f
    const { emphasis, palette } = scene
    const fade = scene.fade ?? null
    const entering = fade !== null && fade.enteringActors.length > 0 ? fade.enteringActorMask : null
    ctx.font = LABEL_FONT
    const reach = (a: number) => shapeReach(scene.shapes[scene.shapeOf[a]!]!)
    const planned = planLabels(
      scene,
      xy,
      f.width,
      f.height,
      reach,
      (a, bold) => measure(ctx, scene, a, bold),
      placer,
    )
    ctx.textAlign = 'center'
    ctx.textBaseline = 'top'
    ctx.lineJoin = 'round'
    for (const l of planned) {
      const a = l.actor
      const dim = emphasis.active && emphasis.actors[a] !== 1
      ctx.globalAlpha = (dim ? 0.35 : 1) * (entering !== null && entering[a] === 1 ? fade!.t : 1)
      ctx.font = l.bold ? `600 ${LABEL_FONT}` : LABEL_FONT
      ctx.strokeStyle = palette.labelHalo
      ctx.lineWidth = 3.5
      const tx = l.x + 2 + l.textWidth / 2
      ctx.strokeText(scene.labels[a]!, tx, l.y + 1)
      ctx.fillStyle = palette.label
      ctx.fillText(scene.labels[a]!, tx, l.y + 1)
    }
    ctx.globalAlpha = 1
    return planned.map(({ actor, x, y, width, height }) => ({ actor, x, y, width, height }))
  }

  return {
    draw,
    reset() {
      labelWidthFor = null
    },
  }
}
