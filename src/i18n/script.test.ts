import { describe, expect, it } from 'vitest'
import { hasCjk, latinWords } from './script.ts'

describe('script checks', () => {
  it('finds CJK in a text', () => {
    expect(hasCjk('Issued by: 中共中央')).toBe(true)
    expect(hasCjk('100 million yuan (2015 prices)')).toBe(false)
  })
  it('finds Latin words in a zh text that are not codes', () => {
    expect(latinWords('完整性: partial')).toEqual(['partial'])
    expect(latinWords('R&D经费除以GDP，见SOURCES.md与CEADs，指标A030102')).toEqual([])
    expect(latinWords('Guan等2021', ['Guan'])).toEqual([])
  })
})
