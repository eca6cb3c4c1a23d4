// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { blockSegments, textBlocks } from '../../../src/evidence/blocks'

const TEXT =
  'Recent news\n\nIran held exercises. Baku protested.\nA second line.\n\n# Background\n\nLast words.'

describe('textBlocks', () => {
  it('keeps paragraphs and headings, with the offsets of the text', () => {
    const b = textBlocks(TEXT)
    expect(b.map((x) => [x.kind, TEXT.slice(x.start, x.end)])).toEqual([
      ['h', 'Recent news'],
      ['p', 'Iran held exercises. Baku protested.'],
      ['p', 'A second line.'],
      ['h', '# Background'],
      ['p', 'Last words.'],
    ])
  })
  it('drops carriage returns and blank lines', () => {
    const t = 'One.\r\n\r\n  \r\nTwo.'
    expect(textBlocks(t).map((x) => t.slice(x.start, x.end))).toEqual(['One.', 'Two.'])
  })
})

describe('blockSegments', () => {
  it('cuts blocks at mark boundaries, marks crossing blocks and overlapping', () => {
    const blocks = textBlocks(TEXT)
    const a = TEXT.indexOf('Baku')
    const b = TEXT.indexOf('second')
    const marks = [
      { start: TEXT.indexOf('held'), end: TEXT.indexOf('protested') },
      { start: a, end: b + 6 },
    ]
    const segs = blockSegments(blocks, marks)
    const para = segs[1]!.map((s) => [TEXT.slice(s.start, s.end), s.marks])
    expect(para).toEqual([
      ['Iran ', []],
      ['held exercises. ', [0]],
      ['Baku ', [0, 1]],
      ['protested.', [1]],
    ])
    expect(segs[2]!.map((s) => [TEXT.slice(s.start, s.end), s.marks])).toEqual([
      ['A second', [1]],
      [' line.', []],
    ])
    expect(segs[0]).toEqual([{ start: 0, end: 11, marks: [] }])
  })
})
