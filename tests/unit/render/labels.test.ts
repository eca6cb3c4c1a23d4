/**
 * Label placement without a canvas: boxes worked out by hand from the rule (below the node, then
 * above, right, left and the corners; the first place wholly on the canvas, clear of placed labels
 * and of other actors' discs, wins).
 */
import { describe, expect, it } from 'vitest'
import { createLabelPlacer, LABEL_BOX_H, type LabelBox } from '../../../src/render/labels'

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('label placement', () => {
  it('puts a lone label centred below its node', () => {
    const p = createLabelPlacer()
    p.begin(400, 300)
    // node at (100, 100), radius 5, text 40 px wide: box 44 × 15 at (100 - 20 - 2, 100 + 5 + 2)
    expect(p.place(100, 100, 5, 40, false)).toEqual({ x: 78, y: 107, width: 44, height: 15 })
    expect(LABEL_BOX_H).toBe(15)
  })

  it('moves a second label above when below is taken, and drops a third that fits nowhere', () => {
    const p = createLabelPlacer()
    p.begin(400, 300)
    const first = p.place(100, 100, 5, 40, false)!
    const second = p.place(100, 100, 5, 40, false)!
    // above: y = 100 - 5 - 2 - 15
    expect(second).toEqual({ x: 78, y: 78, width: 44, height: 15 })
    expect(overlaps(first, second)).toBe(false)
    // right (108, 92.5) and left (48, 92.5) both touch the boxes above and below
    expect(p.place(100, 100, 5, 40, false)).toBeNull()
  })

  it('gives a forced label a free place if there is one, else its first place regardless', () => {
    const p = createLabelPlacer()
    p.begin(400, 300)
    const first = p.place(100, 100, 5, 40, false)!
    expect(p.place(100, 100, 5, 40, true)).toEqual({ x: 78, y: 78, width: 44, height: 15 })
    expect(p.place(100, 100, 5, 40, false)).toBeNull()
    expect(p.place(100, 100, 5, 40, true)).toEqual(first)
  })

  it("keeps off other actors' discs but not its own", () => {
    const p = createLabelPlacer()
    p.begin(400, 300)
    p.addDisc(100, 100, 5, 0) // the label's own actor
    p.addDisc(100, 118, 4, 1) // another actor just below: the box below (y 107–122) would cover it
    expect(p.place(100, 100, 5, 40, false, 0)).toEqual({ x: 78, y: 78, width: 44, height: 15 })
    // The box below a node at (300, 90), radius 5, is x 278–322, y 97–112. A disc 0.5 px from its
    // left edge blocks it (1 px is kept clear); 2 px away it does not.
    const near = createLabelPlacer()
    near.begin(400, 300)
    near.addDisc(273.5, 105, 4, 3)
    expect(near.place(300, 90, 5, 40, false, 9)).toEqual({ x: 278, y: 68, width: 44, height: 15 })
    const clear = createLabelPlacer()
    clear.begin(400, 300)
    clear.addDisc(272, 105, 4, 3)
    expect(clear.place(300, 90, 5, 40, false, 9)).toEqual({ x: 278, y: 97, width: 44, height: 15 })
  })

  it('takes only places wholly on the canvas, unless forced', () => {
    const p = createLabelPlacer()
    p.begin(400, 300)
    // at x = 10 the places below and above start at x = -12: the right-hand place is the first whole one
    expect(p.place(10, 100, 5, 40, false)).toEqual({ x: 18, y: 92.5, width: 44, height: 15 })
    // a 500 px label fits nowhere on a 400 px canvas
    expect(p.place(200, 150, 5, 500, false)).toBeNull()
    // forced, it takes its first partly visible place: below
    expect(p.place(200, 150, 5, 500, true)).toEqual({ x: -52, y: 157, width: 504, height: 15 })
    // no place for a node whose position is unknown
    expect(p.place(Number.NaN, 10, 5, 40, true)).toBeNull()
  })

  it('never lets two unforced labels overlap, however crowded', () => {
    const p = createLabelPlacer()
    p.begin(300, 200)
    const placed: LabelBox[] = []
    let seed = 7
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 400; i++) {
      const b = p.place(rnd() * 300, rnd() * 200, 2 + rnd() * 6, 10 + rnd() * 60, false)
      if (b !== null) placed.push(b)
    }
    expect(placed.length).toBeGreaterThan(10)
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false)
    for (const b of placed) {
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.y).toBeGreaterThanOrEqual(0)
      expect(b.x + b.width).toBeLessThanOrEqual(300)
      expect(b.y + b.height).toBeLessThanOrEqual(200)
    }
  })
})
