import { describe, expect, it } from 'vitest'
import { hasCjk, latinWords } from '../i18n/script.ts'
import { convertUnit, sameUnit, UNITS, type UnitCode, unitNames, unitOf } from './units.ts'

describe('units', () => {
  it('treats spellings of one unit as equal', () => {
    expect(sameUnit('pp', 'percentage points')).toBe(true)
    expect(sameUnit('% of GDP', '%')).toBe(true)
    expect(sameUnit('亿元', '100 million yuan')).toBe(true)
    expect(sameUnit('yuan_100m', '100 Million  yuan')).toBe(true)
  })
  it('refuses different units', () => {
    expect(sameUnit('yuan', '100 million yuan')).toBe(false)
    expect(sameUnit('%', '% y/y')).toBe(false)
    expect(sameUnit('万元', '元')).toBe(false)
  })
  it('gives every unit a zh and an en name, each in its own script, and no spelling to two units', () => {
    const spellings = new Map<string, string>()
    for (const [code, u] of Object.entries(UNITS)) {
      expect(hasCjk(u.en), code).toBe(false)
      expect(latinWords(u.zh), code).toEqual([])
      for (const s of [code, u.zh, u.en, ...('aliases' in u ? u.aliases : [])]) {
        const key = s.toLowerCase()
        if (spellings.has(key)) expect(spellings.get(key), `${s} of ${code}`).toBe(code)
        spellings.set(key, code)
        expect(unitOf(s)).toBe(code)
      }
    }
  })
  it('names the units the issue lists in both languages', () => {
    const zh = [
      '元',
      '万元',
      '亿元',
      '万人',
      '吨标准煤/万元（2015年价格）',
      '吨二氧化碳/万元（2015年价格）',
      '%',
    ]
    expect(zh.map((s) => unitNames(s).unitCode)).toEqual([
      'yuan',
      'yuan_10k',
      'yuan_100m',
      'persons_10k',
      'tce_per_yuan_10k_2015',
      't_co2_per_yuan_10k_2015',
      'percent',
    ])
    expect(unitNames('tce per 10k yuan (2015 prices)').unitZh).toBe('吨标准煤/万元（2015年价格）')
    expect(unitNames('furlongs')).toEqual({ unitCode: null, unitZh: 'furlongs', unitEn: 'furlongs' })
  })
  it('converts only where an exact factor links two units', () => {
    expect(convertUnit(1, 'yuan_100m', 'yuan_10k')).toBe(10_000)
    expect(convertUnit(3, 'persons_10k', 'persons_10k')).toBe(3)
    expect(convertUnit(1, 'yuan_100m_2015', 'yuan_100m')).toBeUndefined()
    expect(convertUnit(1, 'percent', 'percent_yoy' as UnitCode)).toBeUndefined()
  })
})
