/**
 * The visual encoding as plain data: relation stance → dash pattern, actor kind → shape, the shapes'
 * geometry, and the two palettes. The canvas renderer, the SVG export and the React legend all
 * draw from these, so a change here shows everywhere alike. No canvas, no DOM.
 */
import type { ActorKind, Stance } from './types'

export const STANCE_DASH: Readonly<Record<Stance, readonly number[]>> = {
  cooperative: [],
  hostile: [7, 4],
  neutral: [1.5, 3.5],
}

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'ring'

export const KIND_SHAPE: Readonly<Record<ActorKind, Shape>> = {
  state: 'circle',
  organisation: 'square',
  bloc: 'hexagon',
  'armed-group': 'triangle',
  person: 'diamond',
  other: 'ring',
}

/**
 * A shape's outline centred on the origin, in multiples of the node's "radius" r: a circle of
 * radius r, a square of half side `half`·r, or a polygon through the points (x0, y0, x1, y1, …)·r.
 * A ring is a circle drawn as an outline.
 */
export type ShapeGeometry =
  | { readonly kind: 'circle' }
  | { readonly kind: 'square'; readonly half: number }
  | { readonly kind: 'polygon'; readonly points: readonly number[] }

const TRIANGLE = 1.2
const DIAMOND = 1.15
const hexagon: number[] = []
for (let i = 0; i < 6; i++) {
  const a = (Math.PI / 3) * i + Math.PI / 6
  hexagon.push(Math.cos(a), Math.sin(a))
}

export const SHAPE_GEOMETRY: Readonly<Record<Shape, ShapeGeometry>> = {
  circle: { kind: 'circle' },
  ring: { kind: 'circle' },
  square: { kind: 'square', half: 0.88 },
  triangle: {
    kind: 'polygon',
    points: [0, -TRIANGLE, TRIANGLE * 0.866, TRIANGLE * 0.5, -TRIANGLE * 0.866, TRIANGLE * 0.5],
  },
  diamond: { kind: 'polygon', points: [0, -DIAMOND, DIAMOND, 0, 0, DIAMOND, -DIAMOND, 0] },
  hexagon: { kind: 'polygon', points: hexagon },
}

/** The outline of a shape centred on (x, y) with radius r, as SVG path data (closed). */
export function shapePath(shape: Shape, x: number, y: number, r: number): string {
  const n = (v: number) => String(Math.round(v * 100) / 100)
  const g = SHAPE_GEOMETRY[shape]
  if (g.kind === 'circle')
    return `M${n(x + r)} ${n(y)}A${n(r)} ${n(r)} 0 1 1 ${n(x - r)} ${n(y)}A${n(r)} ${n(r)} 0 1 1 ${n(x + r)} ${n(y)}Z`
  if (g.kind === 'square') {
    const s = g.half * r
    return `M${n(x - s)} ${n(y - s)}H${n(x + s)}V${n(y + s)}H${n(x - s)}Z`
  }
  const p = g.points
  let d = ''
  for (let i = 0; i < p.length; i += 2)
    d += `${i === 0 ? 'M' : 'L'}${n(x + p[i]! * r)} ${n(y + p[i + 1]! * r)}`
  return `${d}Z`
}

export interface Palette {
  readonly background: string
  readonly nodeFill: string
  readonly nodeStroke: string
  readonly label: string
  readonly labelHalo: string
  readonly accent: string
  /** Opacity of a dimmed relation: 20 % of a normal one's 0.85 ("Dim others" and every dimming). */
  readonly dimAlpha: number
}

/** Opacity of a dimmed actor: 20 %. */
export const DIM_ACTOR_ALPHA = 0.2

export const LIGHT: Palette = {
  background: '#ffffff',
  nodeFill: '#3d4a5c',
  nodeStroke: '#ffffff',
  label: '#1d2430',
  labelHalo: 'rgba(255,255,255,0.9)',
  accent: '#CC79A7',
  dimAlpha: 0.17,
}

export const DARK: Palette = {
  background: '#14181f',
  nodeFill: '#b9c4d4',
  nodeStroke: '#14181f',
  label: '#e7ecf3',
  labelHalo: 'rgba(20,24,31,0.9)',
  accent: '#F0A0D0',
  dimAlpha: 0.17,
}
