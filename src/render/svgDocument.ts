/**
 * The editable SVG of the view: one element per shown actor and per shown relation, each carrying
 * its id (`data-id`) and a `<title>` naming it, in layers (`relations`, `actors`, `labels`, `pins`,
 * `legend`) that editors open as separate objects. Pure: plain data in, a string out; no DOM, no
 * canvas (text widths come from an injected `measure`, or an estimate).
 *
 * It follows the screen renderer's encoding and geometry (colours per type, dashes per stance,
 * shapes per kind, lanes for parallel relations, arrowheads at the target's rim, dimming of what is
 * not emphasised, the same label placement) but is not a recording of a frame: where the screen
 * thins a very large view to a sample, the file holds every relation in view, and the legend says so.
 * Evidence is drawn as on screen too: line width by distinct sources quoted (1, 2, 3+), approximate
 * years fainter, and a diamond (`data-role="contested"`, a decoration without `data-id`) at the
 * middle of each relation of a contested pair.
 *
 * Split by job: the legend strip (its layout shared with the PNG) is legend.ts, the SVG writing
 * primitives svgMarkup.ts. Over 300 lines still because the four drawn layers are written here from
 * one projection of the positions and one ordering of the relations, the screen's: cut apart, each
 * would need the culling, the emphasis levels and the drawing order handed to it again.
 */
import type { Emphasis } from '../model/emphasis'
import type { View } from '../model/filter'
import { DIM_ACTOR_ALPHA, KIND_SHAPE, STANCE_DASH, type Palette } from '../model/encoding'
import { STANCES } from '../model/schema'
import type { Relation } from '../model/types'
import { STANCE_LABEL } from '../model/words'
import type { Transform } from '../shared/types'
import { ties } from '../model/ties'
import {
  APPROXIMATE_ALPHA,
  edgeOnScreen,
  evidenceClass,
  EVIDENCE_WIDTH,
  keptByThinning,
  SHARP_EDGE_BUDGET,
  UNDATED_ALPHA,
} from './edges'
import { controlPoint } from './geometry'
import { LABEL_FONT, LABEL_FONT_PX, planLabels, shapeReach } from './labels'
import { CONTESTED_MARK, CONTESTED_MARK_STROKE, contestedMarkAt, supportMarkAt } from './edgeMarks'
import { UNSUPPORTED } from '../model/support'
import { layoutLegend, legendSvg, type LegendInfo, type LegendShows } from './legend'
import { projectPositions, screenRadius } from './scene'
import { diamond, escapeXml, estimateWidth, num, paint, shapeElement, supportMarkSvg } from './svgMarkup'

/** What the SVG is drawn from: a subset of the renderer's scene (a Scene can be passed as is). */
export interface SvgScene {
  readonly view: View
  /** World positions, x and y per actor. */
  readonly positions: Float32Array
  /** World radius per actor. */
  readonly radius: Float32Array
  /** Lane offset per relation (see geometry.ts computeLanes). */
  readonly lanes: Float32Array
  readonly labels: readonly string[]
  /** Shown actors in the order labels claim space (most connected first). */
  readonly labelOrder: ArrayLike<number>
  readonly typeColors: readonly string[]
  readonly transform: Transform
  readonly palette: Palette
  readonly pinned?: Uint8Array
  /** What is selected, hovered and dimmed; nothing when absent. */
  readonly emphasis?: Emphasis
}

export interface SvgOptions {
  /** The view's size in CSS px; the legend strip goes below it. */
  readonly width: number
  readonly height: number
  readonly legend: LegendInfo
  /** Width of `text` in CSS px in a canvas-style `font`; an estimate when absent. */
  readonly measure?: (font: string, text: string) => number
}

// Screen rules not exported by edges.ts / nodes.ts, repeated so the file looks like the screen.
/** Above this many edges drawn on screen, normal edges are 1 px hairlines. */
const THIN_ABOVE = 400
/** Above this many edges in view, edges are lighter and arrowheads left out. */
const MANY_ABOVE = 3000
/** Actors smaller than this on screen (radius, CSS px)… */
const TINY_NODE_PX = 3
/** …are drawn as plain discs when there are more than this many. */
const PLAIN_TINY_ABOVE = 1500
/** The labels' font family (LABEL_FONT without its size). */
const FONT = LABEL_FONT.replace(/^[\d.]+px\s+/, '')
/** From the top of the em box to the alphabetic baseline, as a fraction of the font size. */
const ASCENT = 0.8

/** "2016–2019", "2020", "since 2020", "undated"; "c." when inferred (as in the details panel). */
function yearsText(r: Relation): string {
  if (r.start === undefined) return 'undated'
  const c = r.approximate === true ? 'c. ' : ''
  if (r.end === undefined || r.end === null) return `${c}since ${r.start}`
  if (r.end === r.start) return `${c}${r.start}`
  return `${c}${r.start}–${r.end}`
}

/** "Iran → Azerbaijan: Military, hostile, 2020–2023" (an undirected tie reads "Iran — Azerbaijan"). */
export function relationTitle(view: View, r: number): string {
  const { graph } = view.index
  const rel = graph.relations[r]!
  const a = graph.actors[view.index.src[r]!]!.label
  const b = graph.actors[view.index.tgt[r]!]!.label
  const type = graph.relationTypes[view.index.type[r]!]?.label ?? rel.type
  const stance = STANCE_LABEL[rel.stance].toLowerCase()
  return `${a} ${rel.directed === true ? '→' : '—'} ${b}: ${type}, ${stance}, ${yearsText(rel)}`
}

/** The quadratic from p0 (control c) to p1, cut where it comes within `d` of p1 (de Casteljau). */
function trimEnd(
  x0: number,
  y0: number,
  cx: number,
  cy: number,
  x1: number,
  y1: number,
  d: number,
): [number, number, number, number] {
  const at = (t: number): [number, number] => {
    const u = 1 - t
    return [u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1]
  }
  let lo = 0
  let hi = 1
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2
    const [px, py] = at(mid)
    if (Math.hypot(x1 - px, y1 - py) > d) lo = mid
    else hi = mid
  }
  const [ex, ey] = at(lo)
  return [x0 + (cx - x0) * lo, y0 + (cy - y0) * lo, ex, ey]
}

interface PlacedLabel {
  readonly actor: number
  /** Centre x and top y of the text. */
  readonly x: number
  readonly top: number
}

/**
 * Where labels go, as on screen (labels.ts's placer, in the drawer's order): the selected and
 * hovered actors first, then emphasised actors, then by `labelOrder`; clear of each other and of
 * every actor's disc.
 */
export function placeLabels(
  scene: SvgScene,
  xy: Float64Array,
  width: number,
  height: number,
  measure: (font: string, text: string) => number,
): PlacedLabel[] {
  // The screen's placement (labels.ts), each actor's shape from its kind.
  const actors = scene.view.index.graph.actors
  const reach = (a: number) => shapeReach(KIND_SHAPE[actors[a]!.kind])
  const textWidth = (a: number, bold: boolean) =>
    measure(bold ? `600 ${LABEL_FONT}` : LABEL_FONT, scene.labels[a]!)
  const planned = planLabels({ ...scene, quality: 'full' }, xy, width, height, reach, textWidth)
  return planned.map((l) => ({ actor: l.actor, x: l.x + 2 + l.textWidth / 2, top: l.y + 1 }))
}

/** Relations in view (an end on screen, or a line that may cross it), culled as the screen culls them. */
export function relationsInView(scene: SvgScene, xy: Float64Array, width: number, height: number): number[] {
  const { src, tgt } = scene.view.index
  const out: number[] = []
  for (const r of scene.view.shownRelations)
    if (edgeOnScreen(xy, src[r]!, tgt[r]!, width, height)) out.push(r)
  return out
}

/** Actors in view (their disc at least partly on screen). */
export function actorsInView(scene: SvgScene, xy: Float64Array, width: number, height: number): number[] {
  const out: number[] = []
  for (const a of scene.view.shownActors) {
    const x = xy[2 * a]!
    const y = xy[2 * a + 1]!
    const r = screenRadius(scene.radius, a, scene.transform.k)
    if (Number.isNaN(x + y) || x < -r || y < -r || x > width + r || y > height + r) continue
    out.push(a)
  }
  return out
}

/** How many of `inView` the screen draws at rest: thinned past the budget as the canvas does (keptByThinning). */
export function screenDrawnCount(scene: SvgScene, inView: readonly number[]): number {
  const e = scene.emphasis
  const hi = (r: number) => e?.active === true && e.relations[r] === 1
  let hiCount = 0
  for (const r of inView) if (hi(r)) hiCount++
  const stride = Math.ceil(inView.length / SHARP_EDGE_BUDGET)
  const hiStride = Math.ceil(hiCount / SHARP_EDGE_BUDGET)
  if (stride <= 1 && hiStride <= 1) return inView.length
  let n = 0
  for (const r of inView) if (keptByThinning(r, hi(r), stride, hiStride)) n++
  return n
}

const fmt = (n: number) => n.toLocaleString('en-US')

/** The whole document. */
export function buildSvg(scene: SvgScene, opts: SvgOptions): string {
  const { width, height, legend } = opts
  const measure = opts.measure ?? estimateWidth
  const { view, positions, lanes, transform: t, palette } = scene
  const { index } = view
  const { graph, src, tgt, type, stance, directed } = index
  const e = scene.emphasis
  const active = e?.active === true
  const stances = STANCES.length
  const xy = projectPositions(positions, t, new Float64Array(positions.length))
  const X = (a: number) => xy[2 * a]!
  const Y = (a: number) => xy[2 * a + 1]!

  const relations = relationsInView(scene, xy, width, height)
  const drawnOnScreen = screenDrawnCount(scene, relations)
  const many = relations.length > MANY_ABOVE
  // Emphasis level 0 dimmed, 1 normal, 2 highlighted; drawn in that order, then by type × stance.
  const level = (r: number) => (!active ? 1 : e!.relations[r] === 1 ? 2 : 0)
  // Within a style, one variant after another as the screen strokes them (edges.ts strokeBucket):
  // by evidence class (width), then plain, approximate years, undated (fainter).
  const undated = (r: number) => index.start[r] === -Infinity
  const { sourceCount, approximate } = ties(index)
  const faintness = (r: number) => (undated(r) ? 2 : approximate[r]!)
  const variant = (r: number) => evidenceClass(sourceCount[r]!) * 3 + faintness(r)
  const key = (r: number) => (level(r) * 1e6 + type[r]! * stances + stance[r]!) * 9 + variant(r)
  relations.sort((p, q) => key(p) - key(q) || p - q)
  const selectedRelation = e?.selectedRelation ?? -1
  const sel = relations.indexOf(selectedRelation)
  if (sel >= 0) relations.push(...relations.splice(sel, 1))

  const usedArrows = new Set<number>()
  const cp = new Float64Array(2)
  const relationEls: string[] = []
  const markEls = [...contestedMarks(scene, xy, relations), ...supportMarks(scene, xy, relations)]
  for (const r of relations) {
    const a = src[r]!
    const b = tgt[r]!
    const x0 = X(a)
    const y0 = Y(a)
    let x1 = X(b)
    let y1 = Y(b)
    controlPoint(x0, y0, x1, y1, lanes[r]!, a > b, cp)
    let cx = cp[0]!
    let cy = cp[1]!
    const lv = level(r)
    const isSel = r === selectedRelation
    const color = scene.typeColors[type[r]!] ?? palette.label
    const evidence = EVIDENCE_WIDTH[evidenceClass(sourceCount[r]!)]!
    const widthPx = isSel ? 3.2 : (lv === 2 ? 2.6 : drawnOnScreen > THIN_ABOVE ? 1 : 1.6) * evidence
    const base = lv === 0 ? palette.dimAlpha : many ? 0.55 : 0.85
    const faint = lv === 0 ? 0 : faintness(r)
    const opacity = isSel ? 1 : base * (faint === 2 ? UNDATED_ALPHA : faint === 1 ? APPROXIMATE_ALPHA : 1)
    const dashScale = isSel ? 1.6 : lv === 2 ? 1.4 : 1
    const dash = STANCE_DASH[STANCES[stance[r]!]!]
    let marker = ''
    if (directed[r] === 1 && lv !== 0 && !many) {
      // On screen the arrowhead's tip sits 2 px off the target's rim: the line ends there.
      const rr = screenRadius(scene.radius, b, t.k) + 2
      if (Math.hypot(x1 - cx, y1 - cy) >= rr + 14) {
        ;[cx, cy, x1, y1] = trimEnd(x0, y0, cx, cy, x1, y1, rr)
        usedArrows.add(type[r]!)
        marker = ` marker-end="url(#arrow-${type[r]!})"`
      }
    }
    const d =
      lanes[r] === 0 && marker === ''
        ? `M${num(x0)} ${num(y0)}L${num(x1)} ${num(y1)}`
        : `M${num(x0)} ${num(y0)}Q${num(cx)} ${num(cy)} ${num(x1)} ${num(y1)}`
    if (isSel) {
      // On screen the contested marks go over every relation but under the selected one.
      relationEls.push(...markEls.splice(0))
      // The screen's wide accent halo under the selected relation (a decoration: no data-id).
      relationEls.push(
        `<path data-role="selection" d="M${num(x0)} ${num(y0)}Q${num(cp[0]!)} ${num(cp[1]!)} ${num(X(b))} ${num(Y(b))}" fill="none" ${paint('stroke', palette.accent)} stroke-width="9" opacity="0.35"/>`,
      )
    }
    relationEls.push(
      `<path data-id="${escapeXml(graph.relations[r]!.id)}" data-type="${escapeXml(graph.relations[r]!.type)}" data-stance="${STANCES[stance[r]!]}" d="${d}" fill="none" ${paint('stroke', color, opacity)} stroke-width="${num(widthPx)}"` +
        (dash.length > 0 ? ` stroke-dasharray="${dash.map((v) => num(v * dashScale)).join(' ')}"` : '') +
        `${marker}><title>${escapeXml(relationTitle(view, r))}</title></path>`,
    )
  }
  relationEls.push(...markEls)

  const actors = actorsInView(scene, xy, width, height)
  // Dimmed actors first, so emphasised ones sit on top (as on screen).
  if (active) actors.sort((p, q) => (e!.actors[p] === 1 ? 1 : 0) - (e!.actors[q] === 1 ? 1 : 0) || p - q)
  const actorEls: string[] = []
  const pinEls: string[] = []
  const screenR = (a: number) => screenRadius(scene.radius, a, t.k)
  // Where the screen has many tiny actors it draws them as plain discs, without outline or shape.
  let tinyCount = 0
  for (const a of actors) if (screenR(a) < TINY_NODE_PX) tinyCount++
  const plainTiny = tinyCount > PLAIN_TINY_ABOVE
  for (const a of actors) {
    const actor = graph.actors[a]!
    const x = X(a)
    const y = Y(a)
    const r = screenR(a)
    const plain = plainTiny && r < TINY_NODE_PX
    const shape = plain ? 'circle' : KIND_SHAPE[actor.kind]
    const dim = active && e!.actors[a] !== 1
    // The screen outlines a shape with a slightly larger fill underneath; a ring is a thick outline.
    const look = plain
      ? ` ${paint('fill', palette.nodeFill)}`
      : shape === 'ring'
        ? ` ${paint('fill', palette.background)} ${paint('stroke', palette.nodeFill)} stroke-width="2.5"`
        : ` ${paint('fill', palette.nodeFill)} ${paint('stroke', palette.nodeStroke)} stroke-width="1.5" paint-order="stroke"`
    const attrs =
      ` data-id="${escapeXml(actor.id)}" data-kind="${escapeXml(actor.kind)}"${look}` +
      (dim ? ` opacity="${num(DIM_ACTOR_ALPHA)}"` : '')
    actorEls.push(shapeElement(shape, x, y, r, attrs, `<title>${escapeXml(actor.label)}</title>`))
    if (scene.pinned?.[a] === 1) {
      const px = x + r * 0.75
      const py = y - r * 0.75
      pinEls.push(
        `<g data-id="${escapeXml(actor.id)}"><path d="M${num(px)} ${num(py)}l5 -5" ${paint('stroke', palette.label)} stroke-width="1.5"/>` +
          `<circle cx="${num(px + 6)}" cy="${num(py - 6)}" r="3.5" ${paint('fill', palette.accent)} ${paint('stroke', palette.label)} stroke-width="1.5"/></g>`,
      )
    }
  }
  const rings: string[] = []
  const ring = (a: number, color: string, w: number) => {
    if (a < 0 || view.actorShown[a] !== 1 || !actors.includes(a)) return
    const r = screenRadius(scene.radius, a, t.k) + 4
    rings.push(
      `<circle data-role="selection" cx="${num(X(a))}" cy="${num(Y(a))}" r="${num(r)}" fill="none" ${paint('stroke', color)} stroke-width="${w}"/>`,
    )
  }
  ring(e?.hoveredActor ?? -1, palette.label, 1.5)
  ring(e?.selectedActor ?? -1, palette.accent, 3)

  // Every attribute on the element itself, so a label keeps its look when moved out of its layer.
  const labelAttrs =
    ` font-family="${escapeXml(FONT)}" font-size="${LABEL_FONT_PX}" text-anchor="middle" ${paint('fill', palette.label)}` +
    ` ${paint('stroke', palette.labelHalo)} stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"`
  const labelEls = placeLabels(scene, xy, width, height, measure).map((l) => {
    const a = l.actor
    const dim = active && e!.actors[a] !== 1
    const bold = a === (e?.selectedActor ?? -1)
    return (
      `<text data-id="${escapeXml(graph.actors[a]!.id)}" x="${num(l.x)}" y="${num(l.top + ASCENT * LABEL_FONT_PX)}"${labelAttrs}` +
      (bold ? ' font-weight="600"' : '') +
      (dim ? ' opacity="0.35"' : '') +
      `>${escapeXml(scene.labels[a]!)}</text>`
    )
  })

  const legendNote =
    drawnOnScreen < relations.length
      ? `The screen draws a sample of ${fmt(drawnOnScreen)} of the ${fmt(relations.length)} relations in view; this file holds all ${fmt(relations.length)}.`
      : null
  const shows = {
    undated: relations.some(undated),
    approximate: relations.some((r) => faintness(r) === 1),
    contested: relationEls.some((el) => el.startsWith('<path data-role="contested"')),
    unsupported: relationEls.some((el) => el.startsWith('<g data-role="unsupported"')),
    questioned: relationEls.some((el) => el.startsWith('<g data-role="questioned"')),
  }
  const leg = layoutLegend(legend, legendNote, shows, palette, height, width, measure)
  const total = height + leg.height

  const defs = [...usedArrows]
    .sort((p, q) => p - q)
    .map(
      (ti) =>
        `<marker id="arrow-${ti}" viewBox="0 0 9 9" refX="9" refY="4.5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">` +
        `<path d="M0 0L9 4.5L0 9Z" ${paint('fill', scene.typeColors[ti] ?? palette.label, 0.9)}/></marker>`,
    )
  const layer = (id: string, label: string, body: string[], attrs = '') =>
    `<g id="${id}" inkscape:groupmode="layer" inkscape:label="${label}"${attrs}>\n${body.join('\n')}${body.length > 0 ? '\n' : ''}</g>`
  const clip = ' clip-path="url(#view)"'
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="${num(width)}" height="${num(total)}" viewBox="0 0 ${num(width)} ${num(total)}">\n` +
    `<title>${escapeXml(legend.title)}</title>\n` +
    `<defs>\n<clipPath id="view"><rect width="${num(width)}" height="${num(height)}"/></clipPath>\n${defs.join('\n')}${defs.length > 0 ? '\n' : ''}</defs>\n` +
    `<rect id="background" width="${num(width)}" height="${num(total)}" ${paint('fill', palette.background)}/>\n` +
    layer('relations', 'Relations', relationEls, clip) +
    '\n' +
    layer('actors', 'Actors', [...actorEls, ...rings], clip) +
    '\n' +
    layer('pins', 'Pins', pinEls, clip) +
    '\n' +
    layer('labels', 'Labels', labelEls, clip) +
    '\n' +
    layer('legend', 'Legend', legendSvg(leg, palette, width)) +
    `\n</svg>\n`
  )
}

/**
 * The contested marks (edgeMarks.ts contestedMarks): a diamond of half size CONTESTED_MARK, filled with
 * the background and outlined in the accent colour, at the middle of the curve of each relation in
 * view that belongs to a contested pair; none on a relation shorter on screen than 6 half sizes, nor
 * on one dimmed by the emphasis. Decorations: `data-role="contested"`, and the relation's id in
 * `data-relation` (no `data-id`, which marks one element per relation).
 */
function contestedMarks(scene: SvgScene, xy: Float64Array, relations: readonly number[]): string[] {
  const { view, lanes, palette } = scene
  const e = scene.emphasis
  if (view.contestedPairs === 0) return []
  const { graph } = view.index
  const s = CONTESTED_MARK
  const cp = new Float64Array(2)
  const out: string[] = []
  const dimmed = e?.active === true ? e.relations : null
  for (const r of relations) {
    if (!contestedMarkAt(r, view, dimmed, xy, lanes, cp)) continue
    const mx = cp[0]!
    const my = cp[1]!
    out.push(
      `<path data-role="contested" data-relation="${escapeXml(graph.relations[r]!.id)}" d="${diamond(mx, my, s)}" ` +
        `${paint('fill', palette.background)} ${paint('stroke', palette.accent)} stroke-width="${CONTESTED_MARK_STROKE}"/>`,
    )
  }
  return out
}

/**
 * The support marks (edgeMarks.ts supportMarks), placed by the screen's rule (supportMarkAt): ∅ on
 * each relation in view with no quotation (`data-role="unsupported"`), × on each whose quotation
 * needs review or was not found (`data-role="questioned"`); each a group of the background halo and
 * the mark, with the relation's id in `data-relation`.
 */
function supportMarks(scene: SvgScene, xy: Float64Array, relations: readonly number[]): string[] {
  const { view, lanes, palette } = scene
  const e = scene.emphasis
  const { graph } = view.index
  const cp = new Float64Array(2)
  const out: string[] = []
  const dimmed = e?.active === true ? e.relations : null
  for (const r of relations) {
    const flag = supportMarkAt(r, view, dimmed, xy, lanes, cp)
    if (flag === 0) continue
    out.push(supportMarkSvg(flag === UNSUPPORTED, cp[0]!, cp[1]!, palette, graph.relations[r]!.id))
  }
  return out
}

/**
 * What the relations in view hold, for the legend's conditional entries (the PNG's, as the SVG's):
 * undated ones, approximate years, and the contested and support marks drawn.
 */
export function legendShows(scene: SvgScene, width: number, height: number): LegendShows {
  const xy = projectPositions(scene.positions, scene.transform, new Float64Array(scene.positions.length))
  const relations = relationsInView(scene, xy, width, height)
  const { start } = scene.view.index
  const { approximate } = ties(scene.view.index)
  return {
    undated: relations.some((r) => start[r] === -Infinity),
    approximate: relations.some((r) => start[r] !== -Infinity && approximate[r] === 1),
    contested: contestedMarks(scene, xy, relations).length > 0,
    ...supportShown(supportMarks(scene, xy, relations)),
  }
}

function supportShown(marks: readonly string[]): { unsupported: boolean; questioned: boolean } {
  return {
    unsupported: marks.some((m) => m.startsWith('<g data-role="unsupported"')),
    questioned: marks.some((m) => m.startsWith('<g data-role="questioned"')),
  }
}
