/**
 * Forecast against a NumPy/SciPy computation of the textbook OLS prediction interval (numpy
 * polyfit, scipy.stats.t.ppf/cdf; SciPy 1.17.1, run 2026-11-25):
 *   x = 2015..2023, y = [2.0,2.1,2.15,2.3,2.35,2.4,2.55,2.6,2.7]; b, a = polyfit(x, y, 1)
 *   s = sqrt(SSR/(n-2)); se = s*sqrt(1 + 1/n + (2025 - x̄)²/Sxx); ŷ ± t.ppf(.975, 7)·se
 *   P(Y2025 ≥ 3.0) = 1 - t.cdf((3.0 - ŷ)/se, 7); log-linear: the same on log y, exponentiated
 */
import { describe, expect, it } from 'vitest'
import { forecast } from './forecast.ts'

const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
const values = [2.0, 2.1, 2.15, 2.3, 2.35, 2.4, 2.55, 2.6, 2.7]

describe('forecast', () => {
  it('linear trend, 95% prediction interval and the probability of reaching 3.0 by 2025', () => {
    const r = forecast(years, values, {
      model: 'linear',
      level: 0.95,
      until: 2025,
      target: 3.0,
      direction: 1,
    })
    expect(r.b).toBeCloseTo(0.08666666666666833, 10)
    expect(r.s).toBeCloseTo(0.02488066757640539, 12)
    const at = r.forecast.find((p) => p.year === 2025)!
    expect(at.value).toBeCloseTo(2.869999999999976, 9)
    expect(at.lower).toBeCloseTo(2.7930403163398245, 9)
    expect(at.upper).toBeCloseTo(2.9469596836601277, 9)
    expect(r.probability).toBeCloseTo(0.0026138125744608054, 9)
    expect(r.status).toBe('off_track')
    expect(r.forecast.map((p) => p.year)).toEqual([2024, 2025])
  })

  it('log-linear trend, interval exponentiated', () => {
    const r = forecast(years, values, { model: 'loglinear', level: 0.95, until: 2025 })
    const at = r.forecast.at(-1)!
    expect(at.value).toBeCloseTo(2.922079057527396, 9)
    expect(at.lower).toBeCloseTo(2.818931122151481, 9)
    expect(at.upper).toBeCloseTo(3.0290012946195564, 9)
  })

  it('a lower-is-better target and too little data', () => {
    const r = forecast(
      years,
      values.map((v) => 5 - v),
      { model: 'linear', level: 0.9, until: 2025, target: 2.0, direction: -1 },
    )
    // mirror image of the first case: P(Y ≤ 2.0) = P(5 − Y ≥ 3.0)
    expect(r.probability).toBeCloseTo(0.0026138125744608054, 9)
    expect(forecast([2020, 2021], [1, 2], { model: 'linear', level: 0.95, until: 2025 }).status).toBe(
      'insufficient_data',
    )
    expect(
      forecast(
        years,
        values.map((v) => v - 2.1),
        { model: 'loglinear', level: 0.95, until: 2025 },
      ).status,
    ).toBe('not_assessable')
  })
})
