import { describe, expect, it } from 'vitest'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { computeLanes, MAX_LANES } from '../../../src/render/geometry'
import { lcg } from '../../../src/sim/forceLayout'
import type { Relation } from '../../../src/model/types'
import { tinyGraph } from '../helpers'

/** The rule, written plainly: relations of one pair sorted by type, stance, index; centred lanes. */
function reference(rels: { src: number; tgt: number; type: number; stance: number }[], shown: Uint8Array) {
  const lanes = new Float32Array(rels.length)
  const groups = new Map<string, number[]>()
  rels.forEach((r, i) => {
    if (shown[i] !== 1) return
    const key = `${Math.min(r.src, r.tgt)}-${Math.max(r.src, r.tgt)}`
    groups.set(key, [...(groups.get(key) ?? []), i])
  })
  for (const g of groups.values()) {
    if (g.length === 1) continue
    g.sort((x, y) => rels[x]!.type - rels[y]!.type || rels[x]!.stance - rels[y]!.stance || x - y)
    if (g.length <= MAX_LANES) g.forEach((r, i) => (lanes[r] = i - (g.length - 1) / 2))
    else {
      const keys = [...new Set(g.map((r) => rels[r]!.type * 4 + rels[r]!.stance))]
      for (const r of g) lanes[r] = keys.indexOf(rels[r]!.type * 4 + rels[r]!.stance) - (keys.length - 1) / 2
    }
  }
  return lanes
}

describe('computeLanes', () => {
  it('gives every relation of a pair its own lane, as the plain rule does', () => {
    const rnd = lcg(11)
    const ids = ['a', 'b', 'c', 'd', 'e']
    const types = ['military', 'economic', 'diplomatic']
    const stances = ['cooperative', 'hostile', 'neutral'] as const
    const rels: Partial<Relation>[] = []
    for (let i = 0; i < 120; i++) {
      const s = Math.floor(rnd() * 5)
      let t = Math.floor(rnd() * 4)
      if (t >= s) t++
      rels.push({
        source: ids[s]!,
        target: ids[t]!,
        type: types[Math.floor(rnd() * 3)]!,
        stance: stances[Math.floor(rnd() * 3)]!,
        start: 2000 + Math.floor(rnd() * 20),
      })
    }
    const index = buildIndex(tinyGraph(rels))
    // The pairs are grouped once per graph; each view (a year window, a hidden type) only filters.
    const filters = [
      DEFAULT_FILTER,
      { ...DEFAULT_FILTER, yearWindow: [2005, 2006] as const },
      { ...DEFAULT_FILTER, hiddenTypes: ['military'] },
      DEFAULT_FILTER,
    ]
    for (const filter of filters) {
      const view = computeView(index, filter)
      const plain = Array.from({ length: index.relationCount }, (_, i) => ({
        src: index.src[i]!,
        tgt: index.tgt[i]!,
        type: index.type[i]!,
        stance: index.stance[i]!,
      }))
      const lanes = computeLanes(view)
      const want = reference(plain, view.relationShown)
      for (const r of view.shownRelations) expect(lanes[r]).toBe(want[r])
    }
  })
})
