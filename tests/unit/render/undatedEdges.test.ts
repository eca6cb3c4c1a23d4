/**
 * Undated relations are drawn apart from dated ones: in the same batch, stroked in a pass of their
 * own at UNDATED_ALPHA of the dated opacity. Expected values worked by hand: a normal edge is drawn
 * at 0.85, so an undated one at 0.85 × 0.4 = 0.34.
 */
import { describe, expect, it } from 'vitest'
import { computeView, DEFAULT_FILTER, type UndatedMode } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { createEdgeBucketer, UNDATED_ALPHA } from '../../../src/render/edges'
import { edgeSlices } from '../../../src/render/edgeMarks'
import type { Scene } from '../../../src/render/scene'
import { LIGHT } from '../../../src/model/encoding'
import { drawLegend } from '../../../src/render/exportImage'
import { tinyGraph } from '../helpers'
import { recordingContext } from './recording'

// a (100, 100), b (400, 100), c (100, 400): long edges, all of one batch (military, cooperative)
const XY = [100, 100, 400, 100, 100, 400]
const RELS = [
  { source: 'a', target: 'b', start: 2000, end: 2001 }, // r0: dated
  { source: 'a', target: 'c' }, // r1: undated
  { source: 'b', target: 'c', start: 2005 }, // r2: dated
]

function strokesOf(undated: UndatedMode, selected = -1) {
  const index = buildIndex(tinyGraph(RELS, ['a', 'b', 'c']))
  const view = computeView(index, { ...DEFAULT_FILTER, undated })
  const n = 3
  const scene: Scene = {
    view,
    positions: Float32Array.from(XY),
    pinned: new Uint8Array(n),
    radius: new Float32Array(n).fill(4),
    lanes: new Float32Array(index.relationCount),
    shapes: ['circle'],
    shapeOf: new Uint8Array(n),
    labels: ['a', 'b', 'c'],
    labelOrder: view.shownActors,
    typeColors: ['#D55E00', '#0072B2', '#009E73'],
    emphasis: {
      active: selected >= 0,
      actors: new Uint8Array(n),
      relations: new Uint8Array(index.relationCount).fill(selected >= 0 ? 1 : 0),
      selectedActor: -1,
      selectedRelation: -1,
      hoveredActor: -1,
    },
    transform: { k: 1, x: 0, y: 0 },
    palette: LIGHT,
    quality: 'full',
  }
  const xy = Float64Array.from(XY)
  const b = createEdgeBucketer()(scene, xy, 800, 600)
  const { ctx, calls } = recordingContext()
  for (const _ of edgeSlices({ ctx, width: 800, height: 600, dpr: 1, xy }, scene, b, Infinity)) {
    /* drain */
  }
  // Per stroke: the opacity then in force and how many segments it drew.
  const out: { alpha: number; segments: number }[] = []
  let alpha = 1
  let segments = 0
  for (const c of calls) {
    if (c.op === '=globalAlpha') alpha = c.args[0] as number
    if (c.op === 'beginPath') segments = 0
    if (c.op === 'moveTo') segments++
    if (c.op === 'stroke') out.push({ alpha, segments })
  }
  return out
}

describe('undated relations on the canvas', () => {
  it('are stroked in a lighter pass of their own', () => {
    expect(UNDATED_ALPHA).toBe(0.4)
    const s = strokesOf('always')
    expect(s).toHaveLength(2)
    expect(s[0]).toEqual({ alpha: 0.85, segments: 2 })
    expect(s[1]!.segments).toBe(1)
    expect(s[1]!.alpha).toBeCloseTo(0.34, 10)
  })

  it('are not drawn when hidden, and dated edges keep one stroke', () => {
    expect(strokesOf('hidden')).toEqual([{ alpha: 0.85, segments: 2 }])
  })

  it('stay lighter among highlighted edges', () => {
    const s = strokesOf('always', 0)
    expect(s.map((x) => x.segments)).toEqual([2, 1])
    expect(s[1]!.alpha).toBeCloseTo(s[0]!.alpha * 0.4, 10)
  })
})

describe('undated relations in the PNG legend', () => {
  it('has an entry, its line drawn at the undated strength, only when asked', () => {
    const info = { title: 'T', subtitle: 'S', types: [], kinds: [] }
    const { ctx, calls } = recordingContext()
    drawLegend(ctx, { ...info, undated: true }, LIGHT, 0, 800)
    const text = calls.findIndex((c) => c.op === 'fillText' && c.args[0] === 'Undated (lighter)')
    expect(text).toBeGreaterThan(0)
    const stroke = calls.slice(0, text).findLastIndex((c) => c.op === 'stroke')
    const alpha = calls.slice(0, stroke).findLast((c) => c.op === '=globalAlpha')
    expect(alpha?.args[0]).toBe(UNDATED_ALPHA)
    const plain = recordingContext()
    drawLegend(plain.ctx, info, LIGHT, 0, 800)
    expect(plain.calls.some((c) => c.op === 'fillText' && c.args[0] === 'Undated (lighter)')).toBe(false)
  })
})
