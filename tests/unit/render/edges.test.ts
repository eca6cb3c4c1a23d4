/**
 * Edge buckets: which relation goes in which batch (type × stance × emphasis), what is culled and
 * thinned, and one stroke() per batch on a recording context.
 */
import { describe, expect, it } from 'vitest'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { createEdgeBucketer, keptByThinning, type EdgeBuckets } from '../../../src/render/edges'
import { edgeSlices } from '../../../src/render/edgeMarks'
import type { Emphasis, Scene } from '../../../src/render/scene'
import { LIGHT } from '../../../src/model/encoding'
import { tinyGraph } from '../helpers'
import { recordingContext } from './recording'

// types: military 0, economic 1, diplomatic 2; stances: cooperative 0, hostile 1, neutral 2
const key = (type: number, stance: number, emphasis: number) => (type * 3 + stance) * 3 + emphasis

function sceneOf(
  rels: Parameters<typeof tinyGraph>[0],
  actors: string[],
  xy: number[],
  opts: { emphasis?: Partial<Emphasis>; quality?: 'full' | 'fast' } = {},
): { scene: Scene; xy: Float64Array } {
  const index = buildIndex(tinyGraph(rels, actors))
  const view = computeView(index, DEFAULT_FILTER)
  const n = actors.length
  const emphasis: Emphasis = {
    active: false,
    actors: new Uint8Array(n),
    relations: new Uint8Array(index.relationCount),
    selectedActor: -1,
    selectedRelation: -1,
    hoveredActor: -1,
    ...opts.emphasis,
  }
  const scene: Scene = {
    view,
    positions: Float32Array.from(xy),
    pinned: new Uint8Array(n),
    radius: new Float32Array(n).fill(4),
    lanes: new Float32Array(index.relationCount),
    shapes: ['circle'],
    shapeOf: new Uint8Array(n),
    labels: actors,
    labelOrder: view.shownActors,
    typeColors: ['#D55E00', '#0072B2', '#009E73'],
    emphasis,
    transform: { k: 1, x: 0, y: 0 },
    palette: LIGHT,
    quality: opts.quality ?? 'full',
  }
  return { scene, xy: Float64Array.from(xy) }
}

/** Bucket contents as { key: [relation indexes] }, non-empty buckets only. */
function contents(b: EdgeBuckets): Record<number, number[]> {
  const out: Record<number, number[]> = {}
  for (let k = 0; k < b.keys; k++) {
    const items = Array.from(b.items.subarray(b.start[k]!, b.start[k + 1]!))
    if (items.length > 0) out[k] = items
  }
  return out
}

// a (100, 100), b (300, 100), c (100, 300), d (110, 300), e far off screen (-500, -500), f (-600, 50)
const ACTORS = ['a', 'b', 'c', 'd', 'e', 'f']
const XY = [100, 100, 300, 100, 100, 300, 110, 300, -500, -500, -600, 50]
const RELS = [
  { source: 'a', target: 'b', type: 'military' }, // r0: cooperative, long
  { source: 'a', target: 'c', type: 'economic', stance: 'hostile' as const }, // r1: hostile, long: dashed
  { source: 'c', target: 'd', type: 'economic', stance: 'hostile' as const }, // r2: hostile, 10 px: solid
  { source: 'e', target: 'f', type: 'diplomatic' }, // r3: both ends left of the screen: culled
  { source: 'b', target: 'e', type: 'diplomatic', stance: 'neutral' as const }, // r4: crosses the screen
]

describe('edge buckets', () => {
  it('groups by type × stance, draws short dashed edges solid, culls what is off screen', () => {
    const { scene, xy } = sceneOf(RELS, ACTORS, XY)
    const b = createEdgeBucketer()(scene, xy, 800, 600)
    expect(b.keys).toBe(27)
    expect(b.onScreen).toBe(4)
    expect(contents(b)).toEqual({
      [key(0, 0, 1)]: [0],
      [key(1, 0, 1)]: [2],
      [key(1, 1, 1)]: [1],
      [key(2, 2, 1)]: [4],
    })
  })

  it('splits highlighted from dimmed relations when something is emphasised', () => {
    const relations = new Uint8Array(RELS.length)
    relations[1] = 1
    const { scene, xy } = sceneOf(RELS, ACTORS, XY, { emphasis: { active: true, relations } })
    expect(contents(createEdgeBucketer()(scene, xy, 800, 600))).toEqual({
      [key(0, 0, 0)]: [0],
      [key(1, 0, 0)]: [2],
      [key(1, 1, 2)]: [1],
      [key(2, 2, 0)]: [4],
    })
  })

  it('draws everything solid in fast quality', () => {
    const { scene, xy } = sceneOf(RELS, ACTORS, XY, { quality: 'fast' })
    expect(contents(createEdgeBucketer()(scene, xy, 800, 600))).toEqual({
      [key(0, 0, 1)]: [0],
      [key(1, 0, 1)]: [1, 2],
      [key(2, 0, 1)]: [4],
    })
  })

  it('thins a crowd to the fast budget: every stride-th relation, the emphasised ones kept', () => {
    // 6,001 relations between two actors on screen: stride ceil(6001 / 3000) = 3
    const rels = Array.from({ length: 6001 }, () => ({ source: 'a', target: 'b', type: 'military' }))
    const relations = new Uint8Array(6001)
    relations[1] = 1
    const { scene, xy } = sceneOf(rels, ['a', 'b'], [10, 10, 500, 400], {
      quality: 'fast',
      emphasis: { active: true, relations },
    })
    const b = createEdgeBucketer()(scene, xy, 800, 600)
    const got = contents(b)
    const kept: number[] = []
    for (let r = 0; r < 6001; r += 3) kept.push(r)
    expect(got[key(0, 0, 0)]).toEqual(kept)
    expect(got[key(0, 0, 2)]).toEqual([1])
    expect(b.onScreen).toBe(6001)
  })

  it('thins emphasised edges too when they alone pass the budget (a hub pointed at), by their own stride', () => {
    // 7,000 relations, 6,500 of them emphasised (0 … 6,499): hi stride ceil(6500 / 3000) = 3;
    // the 500 others: stride ceil(7000 / 3000) = 3 as well, counted over everything on screen.
    const n = 7000
    const rels = Array.from({ length: n }, () => ({ source: 'a', target: 'b', type: 'military' }))
    const relations = new Uint8Array(n)
    relations.fill(1, 0, 6500)
    const { scene, xy } = sceneOf(rels, ['a', 'b'], [10, 10, 500, 400], {
      quality: 'fast',
      emphasis: { active: true, relations },
    })
    const b = createEdgeBucketer()(scene, xy, 800, 600)
    const got = contents(b)
    const every = (from: number, to: number, step: number) => {
      const out: number[] = []
      for (let r = from; r < to; r++) if (r % step === 0) out.push(r)
      return out
    }
    expect(b.hiStride).toBe(3)
    expect(got[key(0, 0, 2)]).toEqual(every(0, 6500, 3))
    expect(got[key(0, 0, 0)]).toEqual(every(6500, 7000, 3))
    // At rest the sharp budget (12,000) holds all 6,500.
    const sharp = createEdgeBucketer()({ ...scene, quality: 'full' }, xy, 800, 600)
    expect(sharp.hiStride).toBe(1)
    expect(contents(sharp)[key(0, 0, 2)]).toHaveLength(6500)
  })

  it('keeps every emphasised relation up to the budget, and says so (keptByThinning)', () => {
    expect(keptByThinning(7, true, 5, 1)).toBe(true)
    expect(keptByThinning(7, false, 5, 1)).toBe(false)
    expect(keptByThinning(10, false, 5, 1)).toBe(true)
    expect(keptByThinning(7, true, 1, 2)).toBe(false)
    expect(keptByThinning(8, true, 1, 2)).toBe(true)
  })
  it('strokes once per batch with the batch style, then the selected relation on top', () => {
    const { scene, xy } = sceneOf(RELS, ACTORS, XY, { emphasis: { selectedRelation: 1 } })
    const b = createEdgeBucketer()(scene, xy, 800, 600)
    const { ctx, calls } = recordingContext()
    for (const _ of edgeSlices({ ctx, width: 800, height: 600, dpr: 1, xy }, scene, b, Infinity)) {
      /* drain */
    }
    const strokes = calls.filter((c) => c.op === 'stroke')
    // four batches, then the selected relation: halo and line
    expect(strokes).toHaveLength(6)
    const styleAtStroke = (i: number) => {
      let n = -1
      let color: unknown
      let dash: unknown
      for (const c of calls) {
        if (c.op === '=strokeStyle') color = c.args[0]
        if (c.op === 'setLineDash') dash = c.args[0]
        if (c.op === 'stroke' && ++n === i) return { color, dash }
      }
      return null
    }
    expect(styleAtStroke(0)).toEqual({ color: '#D55E00', dash: [] })
    expect(styleAtStroke(1)).toEqual({ color: '#0072B2', dash: [] })
    expect(styleAtStroke(2)).toEqual({ color: '#0072B2', dash: [7, 4] })
    expect(styleAtStroke(3)).toEqual({ color: '#009E73', dash: [1.5, 3.5] })
    expect(styleAtStroke(4)!.color).toBe(LIGHT.accent)
    // one segment per drawn edge: four moveTo in the batches
    const beforeSel = calls.slice(
      0,
      calls.findIndex((c) => c.op === '=lineWidth' && c.args[0] === 9),
    )
    expect(beforeSel.filter((c) => c.op === 'moveTo')).toHaveLength(4)
  })
})

describe('ties drawn by their evidence', () => {
  const ev = (...sources: string[]) => sources.map((source, i) => ({ source, quote: `q${i}` }))
  const rels = [
    { source: 'a', target: 'b', evidence: ev('s'), start: 2000 }, // r0: 1 source
    { source: 'a', target: 'c', evidence: ev('s', 't'), start: 2000 }, // r1: 2 sources
    { source: 'b', target: 'c', evidence: ev('s', 't', 'u', 's'), start: 2000 }, // r2: 3 distinct sources
    { source: 'c', target: 'd', evidence: ev('s'), approximate: true, start: 2020 }, // r3: approximate
  ]
  const xy = [100, 100, 400, 100, 100, 400, 400, 400]

  it('draws wider lines for more sources and approximate years at reduced opacity', () => {
    const { scene, xy: p } = sceneOf(rels, ['a', 'b', 'c', 'd'], xy)
    const { ctx, calls } = recordingContext()
    const b = createEdgeBucketer()(scene, p, 800, 600)
    for (const _ of edgeSlices({ ctx, width: 800, height: 600, dpr: 1, xy: p }, scene, b, Infinity)) {
      /* drain */
    }
    // One bucket (all military, cooperative), one stroke per evidence variant: 1 source,
    // approximate, 2 sources, 3+; the width and opacity in force at each.
    const at: { width: unknown; alpha: unknown }[] = []
    let width: unknown
    let alpha: unknown
    for (const c of calls) {
      if (c.op === '=lineWidth') width = c.args[0]
      if (c.op === '=globalAlpha') alpha = c.args[0]
      if (c.op === 'stroke') at.push({ width, alpha })
    }
    expect(at.slice(0, 4)).toEqual([
      { width: 1.6, alpha: 0.85 },
      { width: 1.6, alpha: 0.85 * 0.45 },
      { width: 1.6 * 1.7, alpha: 0.85 },
      { width: 1.6 * 2.4, alpha: 0.85 },
    ])
  })

  it('marks the relations of a contested pair at their middle', () => {
    const contestedRels = [
      { source: 'a', target: 'b', stance: 'cooperative' as const },
      { source: 'b', target: 'a', stance: 'hostile' as const },
      { source: 'c', target: 'd', stance: 'hostile' as const },
    ]
    const { scene, xy: p } = sceneOf(contestedRels, ['a', 'b', 'c', 'd'], xy)
    expect(scene.view.contestedPairs).toBe(1)
    const { ctx, calls } = recordingContext()
    const b = createEdgeBucketer()(scene, p, 800, 600)
    for (const _ of edgeSlices({ ctx, width: 800, height: 600, dpr: 1, xy: p }, scene, b, Infinity)) {
      /* drain */
    }
    // A diamond at the middle of a–b (250, 100) for each of its two relations (lanes are 0 here).
    const tops = calls.filter((c) => c.op === 'moveTo' && c.args[0] === 250 && c.args[1] === 100 - 4.5)
    expect(tops).toHaveLength(2)
    expect(calls.some((c) => c.op === 'moveTo' && c.args[0] === 400 && c.args[1] === 400 - 4.5)).toBe(false)
  })
})

describe('support marks', () => {
  // a (100, 100), b (300, 100), c (100, 300), d (300, 300)
  const at = [100, 100, 300, 100, 100, 300, 300, 300]
  const drain = (scene: Scene, p: Float64Array) => {
    const { ctx, calls } = recordingContext()
    const b = createEdgeBucketer()(scene, p, 800, 600)
    for (const _ of edgeSlices({ ctx, width: 800, height: 600, dpr: 1, xy: p }, scene, b, Infinity)) {
      /* drain */
    }
    return calls
  }

  it('puts ∅ on a tie with no quotation at its middle, and × on a questioned one', () => {
    const rels = [
      { source: 'a', target: 'b' }, // r0 quoted
      { source: 'a', target: 'c', evidence: [] }, // r1 unsupported: ∅ at (100, 200)
      { source: 'c', target: 'd' }, // r2 questioned: × at (200, 300)
    ]
    const { scene, xy: p } = sceneOf(rels, ['a', 'b', 'c', 'd'], at)
    const index = scene.view.index
    const view = computeView(index, DEFAULT_FILTER, {
      graph: index.graph,
      questioned: new Set(['r2']),
    })
    const calls = drain({ ...scene, view }, p)
    const arcs = calls.filter((c) => c.op === 'arc')
    expect(arcs.map((c) => c.args.slice(0, 3))).toEqual([[100, 200, 4.5]])
    // the ∅'s slash from bottom left to top right
    expect(calls.some((c) => c.op === 'moveTo' && c.args[0] === 95.5 && c.args[1] === 204.5)).toBe(true)
    // the ×: its first stroke from (200 − 3.825, 300 − 3.825)
    const moves = calls
      .filter((c) => c.op === 'moveTo')
      .map((c) => c.args.map((v) => Math.round(Number(v) * 1000) / 1000))
    expect(moves).toContainEqual([196.175, 296.175])
    // nothing near the quoted tie's middle (200, 100)
    expect(moves.some(([x, y]) => Math.abs(x! - 200) < 6 && Math.abs(y! - 100) < 6)).toBe(false)
  })

  it('marks nothing in a network that quotes nothing, nor in fast quality', () => {
    const bare = [
      { source: 'a', target: 'b', evidence: [] },
      { source: 'a', target: 'c', evidence: [] },
    ]
    const { scene, xy: p } = sceneOf(bare, ['a', 'b', 'c', 'd'], at)
    expect(drain(scene, p).some((c) => c.op === 'arc')).toBe(false)
    const { scene: fast, xy: q } = sceneOf(
      [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'c', evidence: [] },
      ],
      ['a', 'b', 'c', 'd'],
      at,
      { quality: 'fast' },
    )
    expect(drain(fast, q).some((c) => c.op === 'arc')).toBe(false)
  })

  it('moves the mark a third of the way along when the contested diamond holds the middle', () => {
    const rels = [
      { source: 'a', target: 'b', stance: 'cooperative' as const },
      { source: 'b', target: 'a', stance: 'hostile' as const, evidence: [] },
    ]
    const { scene, xy: p } = sceneOf(rels, ['a', 'b', 'c', 'd'], at)
    const calls = drain(scene, p)
    // b → a from (300, 100) towards (100, 100): 0.3 of the way is x = 240
    const arcs = calls.filter((c) => c.op === 'arc')
    expect(arcs).toHaveLength(1)
    expect(arcs[0]!.args[0]).toBeCloseTo(240)
    expect(arcs[0]!.args[1]).toBeCloseTo(100)
  })
})
