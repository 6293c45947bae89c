import { describe, expect, it } from 'vitest'
import { buildRegionCatalogue, pinyinName } from './region-catalogue.ts'
import { loadChinaDivision } from './region-catalogue-load.ts'

describe('region catalogue', async () => {
  const src = await loadChinaDivision()
  const { regions, links } = buildRegionCatalogue(src, '2023-01-01')
  const byCode = new Map(regions.map((r) => [r.code, r]))
  const parent = new Map(links.map((l) => [l.childCode, l.parentCode]))

  it('has 31 mainland provinces, each in exactly one macro-region', () => {
    const provinces = regions.filter((r) => r.level === 'province' && r.inMainlandStats)
    expect(provinces).toHaveLength(31)
    expect(new Set(provinces.map((p) => parent.get(p.code)))).toEqual(
      new Set(['EAST', 'CENTRAL', 'WEST', 'NORTHEAST']),
    )
    expect(regions.filter((r) => parent.get(r.code) === 'CENTRAL').map((r) => r.code)).toEqual([
      '14',
      '34',
      '36',
      '41',
      '42',
      '43',
    ])
  })

  it('takes every county of the package, and every chain reaches the nation', () => {
    const counties = regions.filter((r) => r.level === 'county')
    expect(counties).toHaveLength(src.areas.length)
    expect(counties.length).toBeGreaterThan(2_800)
    expect(counties.length).toBeLessThan(3_000)
    for (const c of counties) {
      let code: string | undefined = c.code
      for (let depth = 0; code && code !== 'CN' && depth < 6; depth++) code = parent.get(code)
      expect(code, c.code).toBe('CN')
    }
  })

  it('names regions in Chinese and English', () => {
    expect(byCode.get('42')).toMatchObject({ nameZh: '湖北省', nameEn: 'Hubei', nameEnStatus: 'official' })
    expect(byCode.get('4201')).toMatchObject({
      nameZh: '武汉市',
      nameEn: 'Wuhan City',
      nameEnStatus: 'pinyin',
    })
    expect(byCode.get('420102')?.nameEn).toBe("Jiang'an District")
    expect(regions.every((r) => /^[\x20-\x7e]+$/.test(r.nameEn))).toBe(true)
  })

  it('hangs municipal districts on the municipality, not on a pseudo-prefecture', () => {
    expect(byCode.has('1101')).toBe(false)
    expect(parent.get('110101')).toBe('11')
  })

  it('renders suffixes and apostrophes of pinyin names', () => {
    expect(pinyinName('恩施土家族苗族自治州')).toBe('Enshitujiazumiaozu Autonomous Prefecture')
    expect(pinyinName('西安市')).toBe("Xi'an City")
  })
})
