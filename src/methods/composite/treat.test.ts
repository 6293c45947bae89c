/**
 * COINr's outlier treatment, against the numbers COINr prints.
 * Source of every expected number: bluefoxr/COINr at commit
 * b9682034635df03279896b6cb025cd3534f82cbb, `docs/articles/treat.html` (the rendered
 * vignettes/treat.Rmd; R prints 7 significant digits, so values are compared to 6 decimals or to
 * half a unit in the last printed digit), and `tests/testthat/test-treat.R` (test "treat_num").
 * The ASEM columns are COINr's raw example data (../shared/data/reference/ASEM_iData.csv).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { csvTextToTable } from '../../files/csv.ts'
import { COINR_TREAT, checkSkewKurt, kurt, logCT, skew, treatColumn, winsorise } from './treat.ts'

const data = csvTextToTable(
  readFileSync(new URL('../../../../shared/data/reference/ASEM_iData.csv', import.meta.url), 'utf8'),
  'ASEM_iData.csv',
)
const asem = (code: string) => {
  const j = data.header.indexOf(code)
  return data.rows.map((r) => (r.cells[j] === '' ? Number.NaN : Number(r.cells[j])))
}
/** |a − b| ≤ half a unit in the 7th significant digit of the printed b */
const printed = (a: number, b: number) => {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(b))) - 6)
  expect(Math.abs(a - b)).toBeLessThanOrEqual(unit / 2 + 1e-15)
}

describe('skew, kurtosis and the pass test (treat.html, "Numeric vectors")', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]
  it('x = c(1:10, 30, 100): skew 3.063241, kurt 9.741391, fails', () => {
    printed(skew(x), 3.063241)
    printed(kurt(x), 9.741391)
    expect(checkSkewKurt(x).pass).toBe(false)
  })
  it('winmax = 2 winsorises one point; then skew 1.712038, kurt 1.815781, passes', () => {
    const r = treatColumn(x, { ...COINR_TREAT, winmax: 2 })
    expect(r.treatment).toBe('winsorised')
    expect(r.nwin).toBe(1)
    expect(r.x[11]).toBe(30)
    printed(r.checks[1]!.skew, 1.712038)
    printed(r.checks[1]!.kurt, 1.815781)
    expect(r.checks[1]!.pass).toBe(true)
  })
})

describe('ASEM raw indicators with default Treat() (treat.html, "Default treatment")', () => {
  // iCode, skew0, kurt0, nwin, skew1, kurt1 as printed in coin$Analysis$Treated$Dets_Table
  const rows = [
    ['Flights', 2.1032872, 4.5088794, 1, 1.900658, 3.336065],
    ['Bord', 2.148236, 5.7914905, 1, 1.899211, 4.346298],
    ['Elec', 2.2252736, 5.7910268, 1, 1.717744, 2.586062],
    ['Gas', 2.8294486, 10.3346494, 1, 1.602518, 1.525576],
  ] as const
  for (const [code, s0, k0, nwin, s1, k1] of rows)
    it(`${code}: fails, ${nwin} point winsorised, then passes`, () => {
      const r = treatColumn(asem(code))
      printed(r.checks[0]!.skew, s0)
      printed(r.checks[0]!.kurt, k0)
      expect(r.treatment).toBe('winsorised')
      expect(r.nwin).toBe(nwin)
      printed(r.checks[1]!.skew, s1)
      printed(r.checks[1]!.kurt, k1)
    })
  const passing = [
    ['LPI', -0.3042681, -0.6567514],
    ['Ship', -0.575668, -0.6814795],
    ['ConSpeed', 0.4622037, 0.1873214],
    ['Cov4G', -1.3725191, 0.5419314],
    ['Services', 1.7010849, 2.3756557],
  ] as const
  for (const [code, s0, k0] of passing)
    it(`${code}: passes untreated (skew ${s0}, kurt ${k0})`, () => {
      const r = treatColumn(asem(code))
      printed(r.checks[0]!.skew, s0)
      printed(r.checks[0]!.kurt, k0)
      expect(r.treatment).toBe('none')
      expect(Array.from(r.x)).toEqual(asem(code))
    })
  it('Goods: 2 points winsorised (skew 2.649973 → 1.140608, kurt 8.266610 → 0.1572047)', () => {
    const r = treatColumn(asem('Goods'))
    printed(r.checks[0]!.skew, 2.649973)
    printed(r.checks[0]!.kurt, 8.26661)
    expect(r.nwin).toBe(2)
    printed(r.checks[1]!.skew, 1.140608)
    printed(r.checks[1]!.kurt, 0.1572047)
  })
})

describe('the log transform when winsorising is not enough (treat.html)', () => {
  it('winmax = 1: Goods still fails (2.469910, 7.087309) and log_CT passes (0.03104001, −0.8888965)', () => {
    const r = treatColumn(asem('Goods'), { ...COINR_TREAT, winmax: 1 })
    expect(r.treatment).toBe('log_CT')
    expect(r.nwin).toBe(1)
    printed(r.checks[1]!.skew, 2.46991)
    printed(r.checks[1]!.kurt, 7.087309)
    expect(r.checks[1]!.pass).toBe(false)
    printed(r.checks[2]!.skew, 0.03104001)
    printed(r.checks[2]!.kurt, -0.8888965)
    expect(Array.from(r.x)).toEqual(Array.from(logCT(asem('Goods'))))
  })
  it('winmax = 0 on Flights: nwin 0, unchanged skew 2.103287, log gives −0.09502644, −0.8305217', () => {
    const r = treatColumn(asem('Flights'), { ...COINR_TREAT, winmax: 0 })
    expect(r.nwin).toBe(0)
    printed(r.checks[1]!.skew, 2.103287)
    printed(r.checks[2]!.skew, -0.09502644)
    printed(r.checks[2]!.kurt, -0.8305217)
  })
  it('qTreat(winmax = 1, skew_thresh = 1.5, kurt_thresh = 3): Flights and Goods logged', () => {
    const o = { ...COINR_TREAT, winmax: 1, skewThresh: 1.5, kurtThresh: 3 }
    const f = treatColumn(asem('Flights'), o)
    expect(f.treatment).toBe('log_CT')
    printed(f.checks[1]!.kurt, 3.336065)
    expect(treatColumn(asem('Goods'), o).treatment).toBe('log_CT')
    expect(treatColumn(asem('Services'), o).treatment).toBe('none')
  })
})

describe('COINr tests/testthat/test-treat.R "treat_num"', () => {
  it('c(1:10, 100): the outlier becomes 10, the rest unchanged, then passes', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]
    expect(checkSkewKurt(x).pass).toBe(false)
    const r = treatColumn(x)
    expect(r.x[10]).toBe(10)
    expect(Array.from(r.x.subarray(0, 10))).toEqual(x.slice(0, 10))
    expect(checkSkewKurt(r.x).pass).toBe(true)
  })
  it('c(1:20, 100, 200) with winmax 1 and no f2 still fails', () => {
    const x = [...Array.from({ length: 20 }, (_, i) => i + 1), 100, 200]
    const r = treatColumn(x, { ...COINR_TREAT, winmax: 1, f2: 'none' })
    expect(r.checks[1]!.pass).toBe(false)
  })
})

describe('properties', () => {
  it('nwin counts every point moved, tied extremes included (COINr counts the points at the extreme)', () => {
    // two high outliers tied: one step moves both
    const x = [...Array.from({ length: 30 }, (_, i) => i), 500, 500]
    const w = winsorise(x)!
    expect(w.nwin).toBe(2)
    expect(w.x[30]).toBe(29)
  })
  it('missing cells stay missing and are left out; too few values → untreated', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN, 100]
    const r = treatColumn(x)
    expect(Number.isNaN(r.x[10]!)).toBe(true)
    expect(r.x[11]).toBe(10)
    expect(treatColumn([1, 100, Number.NaN]).treatment).toBe('none')
    expect(treatColumn([5, 5, 5, 5, 5]).checks[0]!.pass).toBe(null)
  })
})
