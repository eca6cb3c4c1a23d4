/** Camp fills and tie marks on a recording context. */
import { describe, expect, it } from 'vitest'
import {
  CAMP_COLORS,
  drawCampFills,
  drawTieMarks,
  MARK_COLORS,
  OUTSIDE_COLOR,
} from '../../../src/render/analysisMarks'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import type { Emphasis, Frame, Scene } from '../../../src/render/scene'
import { LIGHT } from '../../../src/model/encoding'
import { tinyGraph } from '../helpers'
import { recordingContext } from './recording'

function setup(emphasis: Partial<Emphasis>) {
  // a (0, 0) – b (100, 0) – c (100, 100): r0 a–b, r1 b–c.
  const index = buildIndex(tinyGraph([{}, { source: 'b', target: 'c' }], ['a', 'b', 'c']))
  const view = computeView(index, DEFAULT_FILTER)
  const { ctx, calls } = recordingContext()
  const xy = Float64Array.of(0, 0, 100, 0, 100, 100)
  const scene = {
    view,
    positions: Float32Array.from(xy),
    radius: new Float32Array(3).fill(5),
    lanes: new Float32Array(2),
    shapes: ['circle'],
    shapeOf: new Uint8Array(3),
    transform: { k: 1, x: 0, y: 0 },
    palette: LIGHT,
    emphasis: {
      active: false,
      actors: new Uint8Array(3),
      relations: new Uint8Array(2),
      selectedActor: -1,
      selectedRelation: -1,
      hoveredActor: -1,
      ...emphasis,
    },
  } as unknown as Scene
  const frame: Frame = { ctx, width: 400, height: 400, dpr: 1, xy }
  return { scene, frame, calls }
}

describe('analysis marks in the renderer', () => {
  it('draws nothing without camps or marks', () => {
    const { scene, frame, calls } = setup({})
    drawCampFills(frame, scene)
    drawTieMarks(frame, scene)
    expect(calls).toEqual([])
  })

  it('fills each camp in its colour, one path per camp', () => {
    const { scene, frame, calls } = setup({ camp: Uint8Array.of(1, 2, 3) })
    drawCampFills(frame, scene)
    const fills = calls.filter((c) => c.op === '=fillStyle').map((c) => c.args[0])
    expect(fills).toEqual([CAMP_COLORS[0], CAMP_COLORS[1], OUTSIDE_COLOR])
    expect(calls.filter((c) => c.op === 'fill')).toHaveLength(3)
  })

  it('puts a formed disc at the middle of r0 and a changed diamond at the middle of r1', () => {
    const { scene, frame, calls } = setup({ mark: Uint8Array.of(2, 4) })
    drawTieMarks(frame, scene)
    const arc = calls.find((c) => c.op === 'arc')!
    expect(arc.args.slice(0, 3)).toEqual([50, 0, 6])
    const fills = calls.filter((c) => c.op === '=fillStyle').map((c) => c.args[0])
    expect(fills).toEqual([MARK_COLORS.formed, MARK_COLORS.changed])
    // The diamond around (100, 50).
    expect(
      calls.find((c, i) => c.op === 'moveTo' && calls[i - 1]?.op === 'beginPath' && c.args[1] === 43)?.args,
    ).toEqual([100, 43])
  })

  it('marks a frustrated tie with two slashes (halo, then ink)', () => {
    const { scene, frame, calls } = setup({ mark: Uint8Array.of(1, 0) })
    drawTieMarks(frame, scene)
    expect(calls.filter((c) => c.op === 'stroke')).toHaveLength(2)
    expect(calls.filter((c) => c.op === 'moveTo')).toHaveLength(4)
    expect(calls.filter((c) => c.op === '=strokeStyle').map((c) => c.args[0])).toEqual([
      LIGHT.background,
      LIGHT.label,
    ])
  })
})
