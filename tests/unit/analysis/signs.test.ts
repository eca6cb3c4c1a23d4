import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { predict, readPath, readingText, stepSign, type StepSign } from '../../../src/analysis/signs'
import { computeView, DEFAULT_FILTER } from '../../../src/model/filter'
import { buildIndex } from '../../../src/model/graphIndex'
import { HAND } from './graphs'

const index = buildIndex(HAND)
const A = (id: string) => index.actorIndex.get(id)!
const COOP = 0
const HOSTILE = 1
const NEUTRAL = 2

describe('signs of a step', () => {
  it('reads the stances of the pair', () => {
    expect(stepSign([COOP])).toBe('cooperative')
    expect(stepSign([COOP, NEUTRAL])).toBe('cooperative')
    expect(stepSign([HOSTILE, HOSTILE])).toBe('hostile')
    expect(stepSign([NEUTRAL])).toBe('neutral')
    expect(stepSign([COOP, HOSTILE])).toBe('contested')
  })
})

describe('reading a path', () => {
  it('an enemy of an ally is predicted hostile', () => {
    expect(readingText(['cooperative', 'hostile'])).toBe('an enemy of an ally → predicted hostile')
    expect(readingText(['hostile', 'hostile'])).toBe('an enemy of an enemy → predicted cooperative')
    expect(readingText(['cooperative', 'contested'])).toBe(
      'a contested partner of an ally → undetermined (a contested step)',
    )
  })

  it('reads a path of the hand-worked graph and what the data says about the end pair', () => {
    // Without diplomatic relations a–b is cooperative (r0) and b–d hostile (r2).
    const v = computeView(index, { ...DEFAULT_FILTER, hiddenTypes: ['diplomatic'] })
    const r = readPath(index, v.relationShown, [A('a'), A('b'), A('d'), A('e')])
    expect(r.steps.map((s) => s.sign)).toEqual(['cooperative', 'hostile', 'cooperative'])
    expect(r.steps.map((s) => s.relations)).toEqual([[0], [2], [4]])
    expect(r.prediction).toBe('hostile')
    expect(r.text).toBe('an ally of an enemy of an ally → predicted hostile')
    expect(r.direct).toEqual({ relations: [], sign: 'none' })
  })

  it('a contested step (cooperative and hostile relations of any types) makes it undetermined', () => {
    const r = readPath(index, new Uint8Array(8).fill(1), [A('a'), A('b'), A('d')])
    expect(r.steps[0]!.sign).toBe('contested')
    expect(r.prediction).toBe('undetermined')
    expect(r.reason).toBe('a contested step')
  })

  it('compares with the direct relation of the end pair', () => {
    const r = readPath(index, new Uint8Array(8).fill(1), [A('a'), A('b')])
    expect(r.direct).toEqual({ relations: [0, 5], sign: 'contested' })
  })
})

describe('properties', () => {
  it('the sign of a path is the product of its steps', () => {
    const sign = fc.constantFrom<StepSign>('cooperative', 'hostile', 'neutral', 'contested')
    fc.assert(
      fc.property(fc.array(sign, { minLength: 1, maxLength: 12 }), (signs) => {
        const { prediction } = predict(signs)
        let product = 1
        let known = true
        for (const s of signs) {
          if (s === 'contested') known = false
          else product *= s === 'cooperative' ? 1 : s === 'hostile' ? -1 : 0
        }
        const expected = !known || product === 0 ? 'undetermined' : product > 0 ? 'cooperative' : 'hostile'
        expect(prediction).toBe(expected)
      }),
    )
  })
})
