import { describe, expect, it } from 'vitest'
import { clampWindow, isFullWindow, playStep, setFrom, setTo } from '../../../src/model/years'

describe('year window', () => {
  const extent = [1991, 2023] as const
  it('clamps and orders', () => {
    expect(clampWindow([1980, 2030], extent)).toEqual([1991, 2023])
    expect(clampWindow([2010, 2000], extent)).toEqual([2000, 2010])
  })
  it('moving From past To pushes To along, and the other way round', () => {
    expect(setFrom([2000, 2005], 2010, extent)).toEqual([2010, 2010])
    expect(setTo([2000, 2005], 1995, extent)).toEqual([1995, 1995])
    expect(setFrom([2000, 2005], 1900, extent)).toEqual([1991, 2005])
  })
  it('plays one year per step and stops at the end', () => {
    expect(playStep([2000, 2002], extent)).toEqual([2001, 2003])
    expect(playStep([2021, 2023], extent)).toBeNull()
  })
  it('knows the full window', () => {
    expect(isFullWindow(null, extent)).toBe(true)
    expect(isFullWindow([1991, 2023], extent)).toBe(true)
    expect(isFullWindow([1992, 2023], extent)).toBe(false)
  })
})
