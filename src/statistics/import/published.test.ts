import { describe, expect, it } from 'vitest'
import { unitConversion } from '../units.ts'
import { bodySkip, isTransposedHeader, preambleRow, yearOf } from './published.ts'

describe('published tables', () => {
  it('takes every spelling of the header as the header, and years with or without 年', () => {
    for (const label of ['地区', '地  区', '省份', '地区名称', 'Region', '地\u3000区'])
      expect(preambleRow([label, '2023', '2024年'])).toBeUndefined()
    expect(['2024', '2024年', '2024 年', ' 2024 '].map(yearOf)).toEqual([2024, 2024, 2024, 2024])
    expect(yearOf('2024年末')).toBeUndefined()
  })

  it('sets aside titles, unit, description, footnote and header-group rows, with the unit stated', () => {
    expect(preambleRow(['表3-9 地区生产总值', '', ''])?.reason).toBe('title')
    expect(preambleRow(['', '', '单位：万元'])).toEqual({ reason: 'unit', unit: { text: '万元', column: 2 } })
    expect(preambleRow(['指标：地区生产总值(亿元)'])).toMatchObject({
      reason: 'description',
      name: '地区生产总值',
      unit: { text: '亿元' },
    })
    expect(preambleRow(['注：按当年价格计算。'])?.reason).toBe('footnote')
    expect(preambleRow(['地  区', '地区生产总值', '地区生产总值'])?.reason).toBe('header_group')
    expect(preambleRow([])?.reason).toBe('blank')
  })

  it('skips footnotes and their next lines below a table, but not a row with figures', () => {
    expect(bodySkip(['数据来源：国家统计局'], false)).toBe('footnote')
    expect(bodySkip(['2. 含港澳台。'], true)).toBe('footnote')
    expect(bodySkip(['湖北', '55803.6'], true)).toBeUndefined()
    expect(isTransposedHeader(['年份', '湖北', '湖南'])).toBe(true)
    expect(isTransposedHeader(['地区', '2023', '2024'])).toBe(false)
  })

  it('converts by stated factors only', () => {
    expect(unitConversion('万元', '亿元')).toEqual([1e4, 1e8])
    expect(unitConversion('人', '万人')).toEqual([1, 1e4])
    expect(unitConversion('亿元', '100 million yuan')).toEqual([1, 1])
    expect(unitConversion('万美元', '亿元')).toBeUndefined()
    expect(unitConversion('万人', '亿元')).toBeUndefined()
  })
})
