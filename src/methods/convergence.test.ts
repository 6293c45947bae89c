/**
 * Convergence on PySAL's Mexico example (../shared/data/reference/mexico.csv). No published σ/β
 * table for these data was found, so the reference is this numpy computation (numpy 1.x, run
 * 2026-11-25), of the formulas in convergence.ts:
 *   y0, yT = pcgdp1940, pcgdp2000; T = 60; g = log(yT/y0)/T; x = log(y0)
 *   a, b = lstsq([1, x], g); s2 = SSR/(n-2); se_b = sqrt(s2/Σ(x-x̄)²); r2 = 1 - SSR/SST
 *   lam = -log(1+b*T)/T; half_life = log(2)/lam; sigma_t = np.std(log(y_t)); cv_t = np.std(y_t)/mean(y_t)
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { matrixFromCsvText } from '../files/matrix-csv.ts'
import { convergence, yearOf } from './convergence.ts'
import { matrixFromRows } from './matrix.ts'

const text = readFileSync(new URL('../../../shared/data/reference/mexico.csv', import.meta.url), 'utf8')
const { matrix } = matrixFromCsvText(text, 'mexico.csv', [
  'hanson03',
  'hanson98',
  'esquivel99',
  'inegi',
  'inegi2',
])

describe('convergence', () => {
  const r = convergence(matrix)

  it('finds the years in the column names', () => {
    expect(r.years).toEqual([1940, 1950, 1960, 1970, 1980, 1990, 2000])
    expect([yearOf('2015'), yearOf('gdp_2020'), yearOf('pcgdp1940'), yearOf('state')]).toEqual([
      2015,
      2020,
      1940,
      null,
    ])
  })

  it('σ (sd of ln y) and CV per decade match the numpy reference', () => {
    const sigma = [
      0.6200820450094283, 0.49591856848792504, 0.4367790341080977, 0.45778042917999423, 0.4318694784181789,
      0.4375414693357224, 0.451209342401553,
    ]
    const cv = [
      0.7085205527820183, 0.6147744795671186, 0.4846915950117619, 0.4646050547472346, 0.4553702237599927,
      0.4898902343053215, 0.48480744450624896,
    ]
    r.years.forEach((_, k) => {
      expect(r.sigma[k]).toBeCloseTo(sigma[k]!, 12)
      expect(r.cv[k]).toBeCloseTo(cv[k]!, 12)
    })
  })

  it('absolute β 1940–2000 matches the numpy reference', () => {
    expect(r.beta.a).toBeCloseTo(0.08228927473596924, 12)
    expect(r.beta.b).toBeCloseTo(-0.00725480267783851, 12)
    expect(r.beta.se_b).toBeCloseTo(0.0013963930068126697, 12)
    expect(r.beta.r2).toBeCloseTo(0.4736107983434904, 12)
    expect(r.beta.lambda).toBeCloseTo(0.009523994947084533, 12)
    expect(r.beta.half_life).toBeCloseTo(72.7790369914182, 9)
    expect(r.beta).toMatchObject({ n: 32, from: 1940, to: 2000 })
  })

  it('leaves out and lists units with a missing or non-positive value', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c', 'd'],
      ['2000', '2010'],
      [
        [1, 2],
        [2, 3],
        [Number.NaN, 4],
        [4, 4.5],
      ],
    )
    const c = convergence(m)
    expect(c.excluded).toEqual(['c'])
    expect(c.beta.n).toBe(3)
    expect(c.beta.b).toBeLessThan(0)
  })
})
