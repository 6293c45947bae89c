import { describe, expect, it } from 'vitest'
import { conceptKeys, preferPublished } from './published.ts'

const row = (indicator: string, region: string, period: number, value: number, derived: boolean) => ({
  indicator,
  region,
  period,
  value,
  derived,
  preferred: true,
})

describe('published over derived', () => {
  it('reads the published twin of a derived concept, and only that', () => {
    expect(conceptKeys('urbanization_rate_derived')).toEqual([
      'urbanization_rate_derived',
      'urbanization_rate',
    ])
    expect(conceptKeys('rd_intensity')).toEqual(['rd_intensity'])
  })

  it('takes the published figure where there is one and the derived one elsewhere, saying which', () => {
    const rows = [
      row('urbanization_rate', 'CN', 2024, 67, false),
      row('urbanization_rate', '42', 2023, 65.47, false),
      row('urbanization_rate_derived', '42', 2023, 65.5, true),
      row('urbanization_rate_derived', '42', 2022, 64.7, true),
      // a roll-up of the published series is no published figure
      row('urbanization_rate', 'CENTRAL', 2023, 60, true),
      row('urbanization_rate_derived', 'CENTRAL', 2023, 61, true),
      { ...row('urbanization_rate', '41', 2023, 58, false), preferred: false },
    ]
    const out = preferPublished('urbanization_rate_derived', rows)
    expect(out.map((r) => [r.region, r.period, r.value, r.basis, r.concept])).toEqual([
      ['CN', 2024, 67, 'published', 'urbanization_rate_derived'],
      ['42', 2023, 65.47, 'published', 'urbanization_rate_derived'],
      ['42', 2022, 64.7, 'derived', 'urbanization_rate_derived'],
      ['CENTRAL', 2023, 61, 'derived', 'urbanization_rate_derived'],
    ])
  })

  it('leaves a concept without a published twin as it is, with its own basis', () => {
    const rows = [row('rd_intensity', '42', 2024, 2.3, false), row('energy_intensity', '42', 2022, 0.4, true)]
    expect(preferPublished('rd_intensity', rows).map((r) => r.basis)).toEqual(['published'])
    expect(preferPublished('energy_intensity', rows).map((r) => r.basis)).toEqual(['derived'])
  })
})
