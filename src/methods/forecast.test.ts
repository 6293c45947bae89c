/**
 * Trend forecast and prediction intervals against printed examples:
 *  1. Montgomery, Peck & Vining, *Introduction to Linear Regression Analysis*, Example 2.7 (rocket
 *     propellant, read at fliphtml5.com/cviyu/ldsa/Introduction_to_Linear_Regression_Analysis/52):
 *     95% prediction interval at x₀ = 10 from ŷ₀ = 2256.32, t_{.025,18} = 2.101, MS_Res = 9244.59,
 *     n = 20, x̄ = 13.3625, Sxx = 1106.56: 2048.32 ≤ y₀ ≤ 2464.32 (2 decimals; the book's t is
 *     rounded to 3 decimals, worth ±0.01 here, so the test allows 0.02).
 *  2. A worked exercise with its data printed (brilliantassignmenthelp.com/construct-the-indicated-predic/):
 *     x = 9 7 2 3 4 22 17, y = 43 35 16 21 23 102 81; ŷ = 6.1829 + 4.3394x, s_e = 1.6419,
 *     99% prediction interval at x = 14: (59.6490, 74.2192) (4 decimals).
 *  3. A forecast to 2025 checked against NumPy/SciPy (numpy 2.4.6, SciPy 1.17.1, run this session):
 *       x = np.arange(2015, 2024); y = [2.0, 2.1, 2.15, 2.3, 2.35, 2.4, 2.55, 2.6, 2.7]
 *       b, a = np.polyfit(x, y, 1); s = sqrt(SSR/(n−2)); se = s·sqrt(1 + 1/n + (x0 − x̄)²/Sxx)
 *       ŷ ± stats.t.ppf(.975, n−2)·se;  P = 1 − stats.t.cdf((3.0 − ŷ)/se, n−2)
 *     and the same on np.log(y), exponentiated, for the log-linear model.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forecast, type OlsFit, olsFit, predictAt, probabilityBeyond } from './forecast.ts'

describe('prediction interval, published examples', () => {
  it('Montgomery et al. Example 2.7: 2048.32 ≤ y₀ ≤ 2464.32', () => {
    const b = -37.15
    const fit: OlsFit = {
      n: 20,
      df: 18,
      a: 2256.32 - b * 10,
      b,
      s: Math.sqrt(9244.59),
      xbar: 13.3625,
      sxx: 1106.56,
      r2: Number.NaN,
    }
    const p = predictAt(fit, 10, 0.95)
    expect(p.fit).toBeCloseTo(2256.32, 9)
    expect(Math.abs(p.lower - 2048.32)).toBeLessThan(0.02)
    expect(Math.abs(p.upper - 2464.32)).toBeLessThan(0.02)
  })

  it('worked exercise: fit 6.1829 + 4.3394x, s 1.6419, 99% PI at 14 = (59.6490, 74.2192)', () => {
    const f = olsFit([9, 7, 2, 3, 4, 22, 17], [43, 35, 16, 21, 23, 102, 81])!
    expect(f.a).toBeCloseTo(6.1829, 4)
    expect(f.b).toBeCloseTo(4.3394, 4)
    expect(f.s).toBeCloseTo(1.6419, 4)
    const p = predictAt(f, 14, 0.99)
    expect(p.lower).toBeCloseTo(59.649, 4)
    expect(p.upper).toBeCloseTo(74.2192, 4)
  })
})

const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
const values = [2.0, 2.1, 2.15, 2.3, 2.35, 2.4, 2.55, 2.6, 2.7]

describe('forecast to the deadline', () => {
  it('linear: year-by-year interval and P(reaching 3.0 by 2025), as SciPy', () => {
    const r = forecast(years, values, {
      model: 'linear',
      level: 0.95,
      until: 2025,
      target: 3.0,
      direction: 1,
    })
    expect(r.b).toBeCloseTo(0.08666666666666833, 10)
    expect(r.s).toBeCloseTo(0.02488066757640539, 12)
    expect(r.forecast.map((p) => p.year)).toEqual([2024, 2025])
    const [y24, y25] = r.forecast
    expect(y24!.value).toBeCloseTo(2.783333333333303, 9)
    expect(y24!.lower).toBeCloseTo(2.710613267639388, 9)
    expect(y24!.upper).toBeCloseTo(2.856053399027218, 9)
    expect(y25!.value).toBeCloseTo(2.869999999999976, 9)
    expect(y25!.lower).toBeCloseTo(2.7930403163398245, 9)
    expect(y25!.upper).toBeCloseTo(2.9469596836601277, 9)
    expect(r.probability).toBeCloseTo(0.0026138125744608054, 9)
    expect(r.status).toBe('off_track')
  })

  it('log-linear: interval on ln y, exponentiated, as SciPy', () => {
    const r = forecast(years, values, { model: 'loglinear', level: 0.95, until: 2025 })
    const at = r.forecast.at(-1)!
    expect(at.value).toBeCloseTo(2.922079057527396, 9)
    expect(at.lower).toBeCloseTo(2.818931122151481, 9)
    expect(at.upper).toBeCloseTo(3.0290012946195564, 9)
    expect(r.probability).toBeNull()
  })

  it('lower-is-better mirror, achieved, regressing, too little data, bad logs', () => {
    const mirror = forecast(
      years,
      values.map((v) => 5 - v),
      { model: 'linear', level: 0.9, until: 2025, target: 2.0, direction: -1 },
    )
    // P(Y ≤ 2.0) for 5 − y equals P(y ≥ 3.0)
    expect(mirror.probability).toBeCloseTo(0.0026138125744608054, 9)
    expect(
      forecast(years, values, { model: 'linear', level: 0.95, until: 2025, target: 2.5, direction: 1 })
        .status,
    ).toBe('achieved')
    expect(
      forecast(years, values, { model: 'linear', level: 0.95, until: 2030, target: 1.0, direction: -1 })
        .status,
    ).toBe('regressing')
    expect(forecast([2020, 2021], [1, 2], { model: 'linear', level: 0.95, until: 2025 }).status).toBe(
      'insufficient_data',
    )
    expect(
      forecast([2020, 2021, 2022, 2023], [1, Number.NaN, Number.NaN, 2], {
        model: 'linear',
        level: 0.95,
        until: 2025,
      }).status,
    ).toBe('insufficient_data')
    const neg = values.map((v) => v - 2.1)
    expect(forecast(years, neg, { model: 'loglinear', level: 0.95, until: 2025 }).status).toBe(
      'not_assessable',
    )
  })
})

describe('forecast properties', () => {
  const fit = fc.record({
    a: fc.double({ min: -100, max: 100, noNaN: true }),
    b: fc.double({ min: -5, max: 5, noNaN: true }),
    s: fc.double({ min: 0.01, max: 10, noNaN: true }),
  })
  it('P = ½ when the target is the point forecast; P rises as the target falls', () => {
    fc.assert(
      fc.property(fit, fc.double({ min: 0.01, max: 50, noNaN: true }), ({ a, b, s }, d) => {
        const f: OlsFit = { n: 10, df: 8, a, b, s, xbar: 2020, sxx: 82.5, r2: Number.NaN }
        const m = a + b * 2030
        expect(probabilityBeyond(f, 2030, m, 1)).toBeCloseTo(0.5, 12)
        expect(probabilityBeyond(f, 2030, m - d, 1)).toBeGreaterThan(0.5)
        expect(probabilityBeyond(f, 2030, m - d, -1)).toBeCloseTo(
          1 - probabilityBeyond(f, 2030, m - d, 1),
          12,
        )
      }),
    )
  })

  it('the interval contains the forecast and widens away from x̄', () => {
    fc.assert(
      fc.property(fit, ({ a, b, s }) => {
        const f: OlsFit = { n: 10, df: 8, a, b, s, xbar: 2020, sxx: 82.5, r2: Number.NaN }
        const near = predictAt(f, 2021, 0.95)
        const far = predictAt(f, 2030, 0.95)
        expect(near.lower).toBeLessThan(near.fit)
        expect(far.upper - far.lower).toBeGreaterThan(near.upper - near.lower)
      }),
    )
  })
})
