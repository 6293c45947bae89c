/**
 * Convergence on PySAL's Mexico example (../shared/data/reference/mexico.csv, the data of Rey &
 * Sastre Gutierrez 2010). No printed σ- or β-convergence result for these data was found (PySAL
 * inequality/giddy print none; searched package docs, tests and papers), so the reference is this
 * numpy 2.4 / scipy 1.17 script, run in this session (values printed with repr / float()):
 *
 *   rows = list(csv.DictReader(open('mexico.csv'))); years = range(1940, 2001, 10)
 *   Y = np.array([[float(r[f'pcgdp{t}']) for t in years] for r in rows])
 *   sigma = np.log(Y).std(axis=0); cv = Y.std(axis=0) / Y.mean(axis=0)          # ddof=1 for 'sample'
 *   x = np.log(Y[:, j0]); g = np.log(Y[:, j1] / Y[:, j0]) / tau
 *   (a, b) = np.linalg.lstsq(np.column_stack([np.ones_like(x), x]), g)[0]
 *   se_b = np.sqrt(ssr / (n - 2) / ((x - x.mean())**2).sum()); r2 = 1 - ssr / ((g - g.mean())**2).sum()
 *   p_b = 2 * scipy.stats.t.sf(abs(b / se_b), n - 2); lam = -np.log(1 + b*tau)/tau; half_life = np.log(2)/lam
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
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

describe('convergence on the Mexico panel (numpy reference)', () => {
  const r = convergence(matrix)

  it('finds the years in the column names', () => {
    expect(r.years).toEqual([1940, 1950, 1960, 1970, 1980, 1990, 2000])
    expect([
      yearOf('2015'),
      yearOf('gdp_2020'),
      yearOf('pcgdp1940'),
      yearOf('v2_1999'),
      yearOf('state'),
      yearOf('id12345'),
    ]).toEqual([2015, 2020, 1940, 1999, null, null])
  })

  it('σ (population sd of ln y) and CV per decade', () => {
    const sigma = [
      0.6200820450094283, 0.495918568487925, 0.4367790341080977, 0.45778042917999423, 0.43186947841817896,
      0.4375414693357224, 0.4512093424015531,
    ]
    const cv = [
      0.7085205527820183, 0.6147744795671186, 0.4846915950117619, 0.4646050547472346, 0.4553702237599927,
      0.4898902343053215, 0.48480744450624896,
    ]
    for (const [k, s] of sigma.entries()) expect(r.sigma[k]).toBeCloseTo(s, 14)
    for (const [k, c] of cv.entries()) expect(r.cv[k]).toBeCloseTo(c, 14)
    expect(Array.from(r.n)).toEqual(Array(7).fill(32))
  })

  it('σ and CV with the sample sd (n − 1)', () => {
    const s = convergence(matrix, { sd: 'sample' })
    expect(s.sigma[0]).toBeCloseTo(0.630003987733882, 14)
    expect(s.sigma[6]).toBeCloseTo(0.45842915030935744, 14)
    expect(s.cv[0]).toBeCloseTo(0.7198576014844921, 14)
  })

  it('absolute β 1940–2000 with λ and half-life', () => {
    const b = r.beta
    expect(b.a).toBeCloseTo(0.08228927473596924, 13)
    expect(b.b).toBeCloseTo(-0.00725480267783851, 13)
    expect(b.se_b).toBeCloseTo(0.0013963930068126697, 13)
    expect(b.t_b).toBeCloseTo(-5.195387432079688, 10)
    expect(b.p_b).toBeCloseTo(1.341637975184833e-5, 12)
    expect(b.r2).toBeCloseTo(0.4736107983434904, 13)
    expect(b.lambda).toBeCloseTo(0.009523994947084533, 13)
    expect(b.half_life).toBeCloseTo(72.7790369914182, 9)
    expect(b).toMatchObject({ n: 32, from: 1940, to: 2000 })
  })

  it('absolute β 1950–2000 (--from)', () => {
    const b = convergence(matrix, { from: 1950 }).beta
    expect(b.b).toBeCloseTo(-0.007764138278864574, 13)
    expect(b.se_b).toBeCloseTo(0.0024590737833098887, 13)
    expect(b.p_b).toBeCloseTo(0.003613990355497775, 12)
    expect(b.half_life).toBeCloseTo(70.53337274799455, 9)
  })
})

describe('convergence edge cases', () => {
  const m = matrixFromRows(
    ['a', 'b', 'c', 'd', 'e'],
    ['y2010', 'y2000', 'y2005'],
    [
      [2, 1, 1.5],
      [3, 2, 2.4],
      [4, Number.NaN, 3],
      [4.5, 4, 4.2],
      [5, 3, 0],
    ],
  )

  it('sorts the periods by year; balanced sample leaves out and lists units with gaps or zeros', () => {
    const r = convergence(m, { sample: 'balanced' })
    expect(r.years).toEqual([2000, 2005, 2010])
    expect(r.columns).toEqual(['y2000', 'y2005', 'y2010'])
    expect(r.excluded).toEqual([
      { unit: 'c', reason: 'missing in 2000' },
      { unit: 'e', reason: 'not positive in 2005' },
    ])
    expect(Array.from(r.n)).toEqual([3, 3, 3])
    expect(r.beta.n).toBe(3)
    expect(r.beta.b).toBeLessThan(0)
  })

  it('available sample (default): each period its own units, β the units valid in both years', () => {
    const r = convergence(m)
    expect(Array.from(r.n)).toEqual([4, 4, 5])
    expect(r.beta.n).toBe(4)
    expect(r.excluded).toEqual([{ unit: 'c', reason: 'missing in 2000' }])
  })

  it('too few units or equal starts give null β with a note, not a failure', () => {
    const two = convergence(
      matrixFromRows(
        ['a', 'b'],
        ['2000', '2010'],
        [
          [1, 2],
          [2, 3],
        ],
      ),
    )
    expect(Number.isNaN(two.beta.b)).toBe(true)
    expect(two.notes[0]).toContain('at least 3 units')
    const flat = convergence(
      matrixFromRows(
        ['a', 'b', 'c'],
        ['2000', '2010'],
        [
          [1, 2],
          [1, 3],
          [1, 4],
        ],
      ),
    )
    expect(Number.isNaN(flat.beta.b)).toBe(true)
    expect(flat.notes[0]).toContain('same level')
  })

  it('divergence: λ < 0 and no half-life', () => {
    const r = convergence(
      matrixFromRows(
        ['a', 'b', 'c'],
        ['2000', '2010'],
        [
          [1, 1.1],
          [2, 2.6],
          [3, 4.5],
        ],
      ),
    )
    expect(r.beta.b).toBeGreaterThan(0)
    expect(r.beta.lambda).toBeLessThan(0)
    expect(Number.isNaN(r.beta.half_life)).toBe(true)
  })

  it('refuses columns without a year, duplicate years and unknown β years', () => {
    expect(() => convergence(matrixFromRows(['a'], ['2000', 'gdp'], [[1, 2]]))).toThrow('"gdp" names no year')
    expect(() => convergence(matrixFromRows(['a'], ['2000', 'x2000'], [[1, 2]]))).toThrow('same year 2000')
    expect(() => convergence(m, { from: 1999 })).toThrow('no column for year 1999')
    expect(() => convergence(m, { from: 2010, to: 2000 })).toThrow('final year after')
  })
})

describe('convergence properties', () => {
  it('β recovers an exact law of motion g = a + b ln y0 (R² = 1), and λ, half-life follow', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 3, maxLength: 30 }),
        fc.double({ min: -0.02, max: -0.001, noNaN: true }),
        (y0, b) => {
          fc.pre(Math.max(...y0) / Math.min(...y0) > 1.5)
          const tau = 20
          const rows = y0.map((y) => [y, y * Math.exp(tau * (0.1 + b * Math.log(y)))])
          const r = convergence(
            matrixFromRows(
              y0.map((_, i) => `u${i}`),
              ['1990', '2010'],
              rows,
            ),
          )
          expect(r.beta.b).toBeCloseTo(b, 9)
          expect(r.beta.a).toBeCloseTo(0.1, 8)
          expect(r.beta.r2).toBeCloseTo(1, 9)
          expect(r.beta.lambda).toBeCloseTo(-Math.log(1 + b * tau) / tau, 9)
          expect(r.beta.half_life * r.beta.lambda).toBeCloseTo(Math.LN2, 12)
        },
      ),
    )
  })

  it('σ and CV are unchanged when every value is multiplied by the same factor', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 1, max: 1e4, noNaN: true }),
            fc.double({ min: 1, max: 1e4, noNaN: true }),
          ),
          {
            minLength: 3,
            maxLength: 20,
          },
        ),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (rows, k) => {
          const units = rows.map((_, i) => `u${i}`)
          const a = convergence(matrixFromRows(units, ['2000', '2010'], rows))
          const b = convergence(
            matrixFromRows(
              units,
              ['2000', '2010'],
              rows.map(([p, q]) => [p * k, q * k]),
            ),
          )
          for (const t of [0, 1]) {
            expect(b.sigma[t]).toBeCloseTo(a.sigma[t]!, 10)
            expect(b.cv[t]).toBeCloseTo(a.cv[t]!, 10)
          }
        },
      ),
    )
  })
})
