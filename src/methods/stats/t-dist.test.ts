/**
 * Student t against SciPy 1.17.1 (scipy.stats.t.ppf / t.cdf, run on this machine 2026-11-25),
 * which agree with the printed t tables (e.g. t_{0.975,10} = 2.228).
 */
import { describe, expect, it } from 'vitest'
import { lnGamma, tCdf, tQuantile } from './t-dist.ts'

describe('Student t', () => {
  it('quantiles match SciPy', () => {
    const cases: [number, number, number][] = [
      [0.975, 1, 12.706204736174694],
      [0.975, 2, 4.302652729749462],
      [0.975, 5, 2.5705818356363146],
      [0.975, 10, 2.228138851986274],
      [0.95, 30, 1.697260886593957],
      [0.995, 3, 5.840909309733355],
    ]
    for (const [p, nu, q] of cases) expect(tQuantile(p, nu)).toBeCloseTo(q, 9)
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 9)
  })

  it('CDF matches SciPy', () => {
    const cases: [number, number, number][] = [
      [1.5, 4, 0.896],
      [-2.0, 7, 0.042809664281488025],
      [0.3, 1, 0.5927735790777423],
      [3.0, 50, 0.9978991484064659],
    ]
    for (const [t, nu, p] of cases) expect(tCdf(t, nu)).toBeCloseTo(p, 12)
  })

  it('ln Γ at known points: Γ(1) = Γ(2) = 1, Γ(½) = √π, Γ(5) = 24', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13)
    expect(lnGamma(2)).toBeCloseTo(0, 13)
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13)
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12)
  })
})
