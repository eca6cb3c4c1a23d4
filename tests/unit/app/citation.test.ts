import { describe, expect, it } from 'vitest'
import { citationText } from '../../../src/app/format'

describe('citationText', () => {
  it('names the publication date, or the year an undated text describes', () => {
    expect(citationText({ id: 'k', title: 'Overview', author: 'J. K.', published: '2021-10-05' })).toBe(
      'Overview, J. K., 2021-10-05',
    )
    expect(citationText({ id: 'a', title: 'Are they allies?', asOf: 2023 })).toBe(
      'Are they allies?, as of 2023',
    )
    expect(citationText({ id: 'b', title: 'Both', published: '2019', asOf: 2015 })).toBe('Both, 2019')
    expect(citationText({ id: 'n', title: 'Neither' })).toBe('Neither')
  })
})
