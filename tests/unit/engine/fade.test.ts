/**
 * Fades after a move of the year window: what enters and leaves (worked out by hand from a small
 * graph), the strength over time, and no fade at all under reduced motion.
 */
import { describe, expect, it } from 'vitest'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { createFader, FADE_MS, viewDiff } from '../../../src/engine/fade'
import { tinyGraph } from '../helpers'

// r0 a–b undated (always shown), r1 b–c 2000–2001, r2 c–d 2005–2010, r3 d–e from 2010 on
const index = buildIndex(
  tinyGraph([
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c', start: 2000, end: 2001 },
    { source: 'c', target: 'd', start: 2005, end: 2010 },
    { source: 'd', target: 'e', start: 2010 },
  ]),
)
const at = (from: number, to: number) => computeView(index, { ...DEFAULT_FILTER, yearWindow: [from, to] })
const before = (v: ReturnType<typeof at>) => ({
  view: v,
  lanes: new Float32Array(index.relationCount),
  radius: new Float32Array(index.actorCount).fill(5),
})

describe('view diff', () => {
  it('lists the relations and actors that appear and leave', () => {
    // 2000: r0, r1 (actors a, b, c) → 2008: r0, r2 (a, b, c, d)
    const d = viewDiff(at(2000, 2000), at(2008, 2008))
    expect(Array.from(d.enteringRelations)).toEqual([2])
    expect(Array.from(d.leavingRelations)).toEqual([1])
    expect(Array.from(d.enteringActors)).toEqual([3])
    expect(Array.from(d.leavingActors)).toEqual([])
    // 2008 → 2020: r2 leaves, r3 enters; d stays (r3), e enters, c loses its last relation
    const e = viewDiff(at(2008, 2008), at(2020, 2020))
    expect(Array.from(e.enteringRelations)).toEqual([3])
    expect(Array.from(e.leavingRelations)).toEqual([2])
    expect(Array.from(e.enteringActors)).toEqual([4])
    expect(Array.from(e.leavingActors)).toEqual([2])
  })
})

describe('fader', () => {
  it('fades from the change for FADE_MS, then stops', () => {
    const f = createFader(() => false)
    f.change(before(at(2000, 2000)), at(2008, 2008), 1000)
    const first = f.fade(1000)!
    expect(first.t).toBe(0)
    expect(Array.from(first.leavingRelations)).toEqual([1])
    expect(first.enteringRelationMask[2]).toBe(1)
    expect(first.enteringActorMask[3]).toBe(1)
    expect(f.fade(1000 + FADE_MS / 2)!.t).toBeCloseTo(0.5)
    expect(f.fade(1000 + FADE_MS / 2)!.id).toBe(first.id)
    expect(f.active(1000 + FADE_MS - 1)).toBe(true)
    expect(f.fade(1000 + FADE_MS)).toBeNull()
    expect(f.active(1000 + FADE_MS)).toBe(false)
  })

  it('gives each change its own id, and none when nothing changed', () => {
    const f = createFader(() => false)
    f.change(before(at(2000, 2000)), at(2008, 2008), 0)
    const a = f.fade(0)!.id
    f.change(before(at(2008, 2008)), at(2020, 2020), 10)
    expect(f.fade(10)!.id).not.toBe(a)
    f.change(before(at(2006, 2006)), at(2007, 2007), 20)
    expect(f.fade(20)).toBeNull()
  })

  it('is instant under reduced motion', () => {
    const f = createFader(() => true)
    f.change(before(at(2000, 2000)), at(2008, 2008), 0)
    expect(f.fade(0)).toBeNull()
    expect(f.active(0)).toBe(false)
  })
})
