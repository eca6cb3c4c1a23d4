/** Visual encoding: one place for colours, dash patterns and shapes, read by the renderer and the legend. */
import type { ActorKind, Stance } from '../model/types'

export const STANCE_DASH: Readonly<Record<Stance, readonly number[]>> = {
  cooperative: [],
  hostile: [7, 4],
  neutral: [1.5, 3.5],
}

export const STANCE_LABEL: Readonly<Record<Stance, string>> = {
  cooperative: 'Cooperative',
  hostile: 'Hostile',
  neutral: 'Neutral',
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

export const KIND_LABEL: Readonly<Record<ActorKind, string>> = {
  state: 'State',
  organisation: 'Organisation',
  bloc: 'Bloc',
  'armed-group': 'Armed group',
  person: 'Person',
  other: 'Other',
}

export interface Palette {
  readonly background: string
  readonly nodeFill: string
  readonly nodeStroke: string
  readonly label: string
  readonly labelHalo: string
  readonly accent: string
  readonly dimAlpha: number
}

export const LIGHT: Palette = {
  background: '#ffffff',
  nodeFill: '#3d4a5c',
  nodeStroke: '#ffffff',
  label: '#1d2430',
  labelHalo: 'rgba(255,255,255,0.9)',
  accent: '#CC79A7',
  dimAlpha: 0.14,
}

export const DARK: Palette = {
  background: '#14181f',
  nodeFill: '#b9c4d4',
  nodeStroke: '#14181f',
  label: '#e7ecf3',
  labelHalo: 'rgba(20,24,31,0.9)',
  accent: '#F0A0D0',
  dimAlpha: 0.18,
}

/**
 * Traces a shape's outline centred on (x, y) with "radius" r into the current path, for filling:
 * polygons are left open (fill() closes every subpath; an explicit closePath per node is costly).
 */
export function traceShape(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  x: number,
  y: number,
  r: number,
): void {
  switch (shape) {
    case 'circle':
    case 'ring':
      ctx.moveTo(x + r, y)
      ctx.arc(x, y, r, 0, Math.PI * 2)
      return
    case 'square': {
      const s = r * 0.88
      ctx.rect(x - s, y - s, 2 * s, 2 * s)
      return
    }
    case 'triangle': {
      const s = r * 1.2
      ctx.moveTo(x, y - s)
      ctx.lineTo(x + s * 0.866, y + s * 0.5)
      ctx.lineTo(x - s * 0.866, y + s * 0.5)
      return
    }
    case 'diamond': {
      const s = r * 1.15
      ctx.moveTo(x, y - s)
      ctx.lineTo(x + s, y)
      ctx.lineTo(x, y + s)
      ctx.lineTo(x - s, y)
      return
    }
    case 'hexagon': {
      for (let i = 0; i < 6; i++) {
        const a = (Math.PI / 3) * i + Math.PI / 6
        const px = x + r * Math.cos(a)
        const py = y + r * Math.sin(a)
        if (i === 0) ctx.moveTo(px, py)
        else ctx.lineTo(px, py)
      }
      return
    }
  }
}
