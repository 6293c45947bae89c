import { describe, expect, it } from 'vitest'
import { deriveIndicator, type Figure, rollUp } from './derive.ts'
import { Indicator } from './indicators.ts'

const ind = (o: Partial<Indicator> & { key: string }) =>
  Indicator.parse({
    nameZh: o.key,
    nameEn: o.key,
    unit: 'index',
    direction: 'higher',
    aggregation: 'sum',
    ...o,
  })

const fig = (
  region: string,
  indicator: string,
  period: number,
  value: number,
  releaseDate = '2024-01-01',
): Figure => ({
  region,
  indicator,
  period,
  value,
  release: `r${releaseDate}`,
  releaseDate,
})

describe('deriveIndicator', () => {
  const catalogue = new Map(
    [
      ind({ key: 'urban' }),
      ind({ key: 'pop' }),
      ind({ key: 'rate', formula: 'urban / pop * 100', aggregation: 'formula' }),
      ind({ key: 'rate_growth', formula: 'growth(rate)', aggregation: 'none' }),
    ].map((i) => [i.key, i]),
  )
  it('computes a derived series per region, through another derived indicator', () => {
    const figures = [
      fig('42', 'urban', 2022, 3000),
      fig('42', 'pop', 2022, 6000),
      fig('42', 'urban', 2023, 3300, '2025-01-01'),
      fig('42', 'pop', 2023, 6000),
    ]
    const rate = deriveIndicator('rate', figures, catalogue)
    expect(rate.map((f) => f.period)).toEqual([2022, 2023])
    expect(rate[0]!.value).toBeCloseTo(50, 12)
    expect(rate[1]!.value).toBeCloseTo(55, 12)
    expect(rate[0]!.source).toContain('urban / pop * 100')
    expect(rate[0]!.release).toBe('r2025-01-01')
    const g = deriveIndicator('rate_growth', figures, catalogue)
    expect(g).toHaveLength(1)
    expect(g[0]!.value).toBeCloseTo(10, 10)
  })
})

describe('rollUp', () => {
  it('sums members and reports the periods where one is missing', () => {
    const r = rollUp(
      ind({ key: 'gdp' }),
      'CENTRAL',
      ['14', '34'],
      [fig('14', 'gdp', 2020, 1), fig('34', 'gdp', 2020, 2), fig('14', 'gdp', 2021, 5)],
    )
    expect(r.figures.map((f) => [f.period, f.value])).toEqual([[2020, 3]])
    expect(r.figures[0]!.coverage).toEqual({ members: 2, withData: 2 })
    expect(r.gaps).toEqual([{ period: 2021, missing: ['34'], coverage: { members: 2, withData: 1 } }])
  })
  it('publishes a mean over the members that have it when at least half do, with the coverage', () => {
    const score = ind({ key: 'score', aggregation: 'mean' })
    const figs = [fig('a', 'score', 2020, 2), fig('b', 'score', 2020, 4), fig('a', 'score', 2021, 6)]
    const r = rollUp(score, 'X', ['a', 'b', 'c'], figs)
    expect(r.figures.map((f) => [f.period, f.value, f.coverage])).toEqual([
      [2020, 3, { members: 3, withData: 2 }],
    ])
    expect(r.gaps).toEqual([{ period: 2021, missing: ['b', 'c'], coverage: { members: 3, withData: 1 } }])
  })
  it('marks a roll-up synthetic when any input was', () => {
    const figs = [fig('a', 'gdp', 2020, 1), { ...fig('b', 'gdp', 2020, 2), synthetic: true }]
    expect(rollUp(ind({ key: 'gdp' }), 'X', ['a', 'b'], figs).figures[0]!.synthetic).toBe(true)
    expect(rollUp(ind({ key: 'gdp' }), 'X', ['a'], figs).figures[0]!.synthetic).toBe(false)
  })
  it('weights a mean by the weight indicator of the same period', () => {
    const income = ind({ key: 'income', aggregation: 'weighted_mean', aggregationWeight: 'pop' })
    const r = rollUp(
      income,
      'X',
      ['a', 'b'],
      [fig('a', 'income', 2020, 100), fig('b', 'income', 2020, 200)],
      [fig('a', 'pop', 2020, 3), fig('b', 'pop', 2020, 1)],
    )
    expect(r.figures[0]!.value).toBe(125)
  })
  it('does not roll up an indicator whose rule is none', () => {
    expect(
      rollUp(ind({ key: 'g', aggregation: 'none' }), 'X', ['a'], [fig('a', 'g', 2020, 1)]).figures,
    ).toEqual([])
  })
})
