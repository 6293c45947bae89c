/**
 * Disparity measures against published examples:
 * - PySAL inequality (github.com/pysal/inequality, commit 0f9050ee8abbaf8135570e3f1fbb43b94e4f1929) on
 *   its Mexico example (../shared/data/reference/mexico.csv, from libpysal): Theil T per decade
 *   (inequality/theil.py docstring and inequality/tests/test_theil.py, 8 decimals, checked by
 *   numpy's assert_almost_equal to 7), TheilD between-group `bg` with the hanson98 regions (same
 *   files) and `wg` (theil.py docstring), TheilD on [0,0,0,10,10,10] (test_theil.py), the 1940 Gini
 *   (inequality/tests/test_gini.py) and the 2000 Gini and full-precision 1940 Theil
 *   (docs/user-guide/measure/gini.ipynb and theil.ipynb outputs).
 * - R package mathmodels (github.com/zhjx19/mathmodels, commit 8bf5e8f89398437163df9dafb4fd61d1d9f9b8b5),
 *   docs/reference/inequality.md (rendered examples of R/eval_inequality.R): gini0, weighted gini,
 *   theil0/theil and theil0_g/theil_g decomposition, printed to 8 significant digits (Gini: 0.4, 0.225).
 * - Where neither prints a value (weighted CV, Theil L): numpy 2.4, this session's script
 *     y = np.array([10,20,30,40,100]) / np.array([100,150,200,250,300]); w = np.array([100,150,200,250,300.])
 *     p = w/w.sum(); mu = (p*y).sum(); cv_w = np.sqrt((p*(y-mu)**2).sum())/mu; L_w = (p*np.log(mu/y)).sum()
 *     x = np.array([10,20,30,40,100.]); x.std()/x.mean(); x.std(ddof=1)/x.mean(); np.log(x.mean()/x).mean()
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromCsvText } from '../files/matrix-csv.ts'
import { disparity, disparityMeasures } from './disparity.ts'
import { matrixFromRows } from './matrix.ts'

const text = readFileSync(new URL('../../../shared/data/reference/mexico.csv', import.meta.url), 'utf8')
const REGIONS = ['hanson03', 'hanson98', 'esquivel99', 'inegi', 'inegi2']
const { matrix: mexico, text: labels } = matrixFromCsvText(text, 'mexico.csv', REGIONS)

const col = (values: number[], units = values.map((_, i) => `u${i}`)) =>
  matrixFromRows(
    units,
    ['y'],
    values.map((v) => [v]),
  )

describe('disparity on PySAL’s Mexico example', () => {
  const r = disparityMeasures(mexico, { groups: labels.hanson98 })

  it('reads the seven decades as the indicator columns', () => {
    expect(mexico.columns).toEqual([
      'pcgdp1940',
      'pcgdp1950',
      'pcgdp1960',
      'pcgdp1970',
      'pcgdp1980',
      'pcgdp1990',
      'pcgdp2000',
    ])
  })

  it('Theil T per decade equals inequality.theil.Theil', () => {
    const T = [0.20894344, 0.15222451, 0.10472941, 0.10194725, 0.09560113, 0.10511256, 0.10660832]
    for (const [k, t] of T.entries()) expect(r.theilT[k]).toBeCloseTo(t, 7)
    expect(r.theilT[0]).toBeCloseTo(0.20894344230358594, 14)
  })

  it('between and within hanson98 regions equal inequality.theil.TheilD, and add up to T', () => {
    const bg = [0.0345889, 0.02816853, 0.05260921, 0.05931219, 0.03205257, 0.02963731, 0.03635872]
    const wg = [0.17435454, 0.12405598, 0.0521202, 0.04263506, 0.06354856, 0.07547525, 0.0702496]
    bg.forEach((b, k) => {
      expect(r.betweenT[k]).toBeCloseTo(b, 7)
      expect(r.withinT[k]).toBeCloseTo(wg[k]!, 7)
      expect(r.betweenT[k]! + r.withinT[k]!).toBeCloseTo(r.theilT[k]!, 14)
      expect(r.betweenL[k]! + r.withinL[k]!).toBeCloseTo(r.theilL[k]!, 14)
    })
    expect(r.groups).toHaveLength(5)
    expect(r.groupUnits.reduce((s, c) => s + c, 0)).toBe(32)
  })

  it('Gini 1940 and 2000 equal inequality.gini.Gini', () => {
    expect(r.gini[0]).toBeCloseTo(0.35372371173452849, 14)
    expect(r.gini[6]).toBeCloseTo(0.2581130824882791, 14)
  })

  it('TheilD of [0,0,0,10,10,10] by halves: T = bg = ln 2, wg = 0 (test_theil.py)', () => {
    const z = disparityMeasures(col([0, 0, 0, 10, 10, 10]), { groups: ['0', '0', '0', '1', '1', '1'] })
    // test_theil.py prints 0.6931471805599453 (= ln 2) for T and bg
    const printed = Number('0.6931471805599453')
    expect(z.theilT[0]).toBeCloseTo(printed, 14)
    expect(z.betweenT[0]).toBeCloseTo(printed, 14)
    expect(z.withinT[0]).toBeCloseTo(0, 14)
    expect(Number.isNaN(z.theilL[0]!)).toBe(true)
  })
})

describe('disparity against mathmodels’ printed examples', () => {
  const g = ['A', 'A', ...Array(10).fill('B'), ...Array(6).fill('A')]
  const y = [10, 10, 8, 8, 8, 8, 6, 6, 6, 6, 6, 6, 4, 4, 4, 4, 2, 2]

  it('theil0 and theil0_g: unweighted Theil T with its decomposition and per-group T', () => {
    const r = disparityMeasures(col(y), { groups: g })
    expect(r.theilT[0]).toBeCloseTo(0.07907822, 8)
    expect(r.betweenT[0]).toBeCloseTo(0.01127992, 8)
    expect(r.withinT[0]).toBeCloseTo(0.0677983, 8)
    expect(r.groups).toEqual(['A', 'B'])
    expect(r.groupTheilT[0]).toBeCloseTo(0.1656871, 8)
    expect(r.groupTheilT[1]).toBeCloseTo(0.01021666, 8)
  })

  it('theil and theil_g: the same data as (group, y, count) rows weighted by count', () => {
    // data2 = count(data, g, y, name = "pop")
    const m = col([2, 4, 10, 6, 8])
    const r = disparityMeasures(m, { weights: [2, 4, 2, 6, 4], groups: ['A', 'A', 'A', 'B', 'B'] })
    expect(r.theilT[0]).toBeCloseTo(0.07907822, 8)
    expect(r.betweenT[0]).toBeCloseTo(0.01127992, 8)
    expect(r.withinT[0]).toBeCloseTo(0.0677983, 8)
    expect(r.groupTheilT[0]).toBeCloseTo(0.1656871, 8)
    expect(r.groupTheilT[1]).toBeCloseTo(0.01021666, 8)
  })

  it('gini0(c(10,20,30,40,100)) = 0.4 and gini(income, pop) = 0.225 with per-capita y = income/pop', () => {
    const income = [10, 20, 30, 40, 100]
    const pop = [100, 150, 200, 250, 300]
    expect(disparityMeasures(col(income)).gini[0]).toBeCloseTo(0.4, 14)
    const w = disparityMeasures(col(income.map((x, i) => x / pop[i]!)), { weights: pop })
    expect(w.gini[0]).toBeCloseTo(0.225, 14)
    // numpy reference (header): Williamson CV, weighted Theil L
    expect(w.cv[0]).toBeCloseTo(0.4444097208657794, 14)
    expect(w.theilL[0]).toBeCloseTo(0.09020909946133071, 14)
    expect(w.theilT[0]).toBeCloseTo(0.09242792091357244, 14)
  })

  it('unweighted CV (population and sample sd) and Theil L: numpy reference', () => {
    const m = col([10, 20, 30, 40, 100])
    expect(disparityMeasures(m).cv[0]).toBeCloseTo(0.7905694150420948, 14)
    expect(disparityMeasures(m, { sd: 'sample' }).cv[0]).toBeCloseTo(0.8838834764831844, 14)
    expect(disparityMeasures(m).theilL[0]).toBeCloseTo(0.2901665764514923, 14)
  })
})

describe('disparity edge cases', () => {
  it('missing cells are left out of their column; missing weights and groups out of all columns', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c', 'd'],
      ['x', 'y'],
      [
        [1, 2],
        [2, Number.NaN],
        [4, 8],
        [8, 1],
      ],
    )
    const r = disparityMeasures(m, { weights: [1, 1, Number.NaN, 1], groups: ['n', 's', 's', ''] })
    expect(Array.from(r.n)).toEqual([2, 1])
    expect(r.notes).toEqual(['no weight, left out: c', 'no group, left out: d'])
    expect(r.groupUnits).toEqual([1, 1])
  })

  it('a column with a negative value is null with a note; all zeros and one unit are clear', () => {
    const m = matrixFromRows(
      ['a', 'b'],
      ['growth', 'zeros', 'fine'],
      [
        [-0.1, 0, 3],
        [0.2, 0, 3],
      ],
    )
    const r = disparityMeasures(m)
    expect(Number.isNaN(r.cv[0]!) && Number.isNaN(r.gini[0]!) && Number.isNaN(r.theilT[0]!)).toBe(true)
    expect(r.notes).toEqual(['growth: 1 negative value(s); disparity measures need y ≥ 0 (column left null)'])
    expect(r.mean[1]).toBe(0)
    expect(Number.isNaN(r.cv[1]!)).toBe(true)
    expect([r.cv[2], r.theilT[2], r.theilL[2], r.gini[2]]).toEqual([0, 0, 0, 0])
    const one = disparityMeasures(col([5]))
    expect([one.cv[0], one.theilT[0], one.theilL[0], one.gini[0]]).toEqual([0, 0, 0, 0])
  })

  it('refuses negative weights and the sample sd with weights', () => {
    expect(() => disparityMeasures(col([1, 2]), { weights: [1, -1] })).toThrow('u1: weight -1')
    expect(() => disparityMeasures(col([1, 2]), { weights: [1, 1], sd: 'sample' })).toThrow(
      'unweighted CV only',
    )
  })
})

describe('disparity properties', () => {
  const cell = fc.double({ min: 1, max: 1e5, noNaN: true })
  const data = fc.array(
    fc.tuple(cell, fc.double({ min: 0.1, max: 100, noNaN: true }), fc.constantFrom('a', 'b', 'c')),
    { minLength: 2, maxLength: 30 },
  )

  it('Theil T and L decompose exactly: between + Σ S_g T_g (Σ P_g L_g) from separate per-group runs = total', () => {
    fc.assert(
      fc.property(data, (rows) => {
        const groups = rows.map((r) => r[2])
        const weights = rows.map((r) => r[1])
        const r = disparityMeasures(col(rows.map((x) => x[0])), { groups, weights })
        const W = weights.reduce((s, x) => s + x, 0)
        const WY = rows.reduce((s, x) => s + x[0] * x[1], 0)
        let wT = 0
        let wL = 0
        for (const g of new Set(groups)) {
          const ix = rows.map((_, i) => i).filter((i) => groups[i] === g)
          const sub = disparityMeasures(col(ix.map((i) => rows[i]![0])), {
            weights: ix.map((i) => weights[i]!),
          })
          wT += (ix.reduce((s, i) => s + rows[i]![0] * rows[i]![1], 0) / WY) * sub.theilT[0]!
          wL += (ix.reduce((s, i) => s + weights[i]!, 0) / W) * sub.theilL[0]!
        }
        expect(r.withinT[0]).toBeCloseTo(wT, 10)
        expect(r.withinL[0]).toBeCloseTo(wL, 10)
        expect(r.betweenT[0]! + r.withinT[0]!).toBeCloseTo(r.theilT[0]!, 12)
        expect(r.betweenL[0]! + r.withinL[0]!).toBeCloseTo(r.theilL[0]!, 12)
      }),
      { numRuns: 200 },
    )
  })

  it('every index is 0 for equal values and invariant to scale; Gini in [0, 1); equal weights = unweighted', () => {
    fc.assert(
      fc.property(data, fc.double({ min: 0.01, max: 100, noNaN: true }), (rows, k) => {
        const y = rows.map((r) => r[0])
        const a = disparityMeasures(col(y))
        const b = disparityMeasures(col(y.map((v) => v * k)))
        const e = disparityMeasures(col(y), { weights: y.map(() => 3) })
        for (const key of ['cv', 'theilT', 'theilL', 'gini'] as const) {
          expect(b[key][0]).toBeCloseTo(a[key][0]!, 10)
          expect(e[key][0]).toBeCloseTo(a[key][0]!, 10)
        }
        expect(a.gini[0]).toBeGreaterThanOrEqual(0)
        expect(a.gini[0]).toBeLessThan(1)
        const flat = disparityMeasures(col(y.map(() => 7)))
        for (const key of ['cv', 'theilT', 'theilL', 'gini'] as const) expect(flat[key][0]).toBeCloseTo(0, 12)
      }),
      { numRuns: 200 },
    )
  })
})

describe('weighted Gini', () => {
  it('equals the double sum Σ Σ w_i w_j |y_i − y_j| / (2 W² μ), ties included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 40 }),
            fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
          ),
          {
            minLength: 1,
            maxLength: 80,
          },
        ),
        (rows) => {
          fc.pre(rows.some(([y, w]) => y > 0 && w > 0))
          const y = rows.map(([v]) => v)
          const w = rows.map(([, v]) => v)
          const W = w.reduce((s, v) => s + v, 0)
          const mu = y.reduce((s, v, i) => s + v * w[i]!, 0) / W
          let sad = 0
          for (let i = 0; i < y.length; i++)
            for (let j = 0; j < y.length; j++) sad += w[i]! * w[j]! * Math.abs(y[i]! - y[j]!)
          expect(disparityMeasures(col(y), { weights: w }).gini[0]).toBeCloseTo(sad / (2 * W * W * mu), 12)
        },
      ),
    )
  })
})

describe('disparity as one object per column', () => {
  it('holds the same numbers as disparityMeasures', () => {
    const byColumn = disparity(mexico, { groups: labels.hanson98 })
    const arrays = disparityMeasures(mexico, { groups: labels.hanson98 })
    expect(byColumn).toHaveLength(7)
    expect(byColumn[0]).toMatchObject({
      n: 32,
      theilT: arrays.theilT[0],
      betweenT: arrays.betweenT[0],
      gini: arrays.gini[0],
    })
  })
})

describe('disparity: the unweighted fast path', () => {
  it('equals the general path with every weight 1 (CV, Theil exactly; Gini by the other formula to 1e-12)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(Number.NaN)), {
            minLength: 3,
            maxLength: 3,
          }),
          { minLength: 2, maxLength: 40 },
        ),
        (rows) => {
          const m = matrixFromRows(
            rows.map((_, i) => `u${i}`),
            ['a', 'b', 'c'],
            rows,
          )
          const plain = disparityMeasures(m)
          const general = disparityMeasures(m, { weights: rows.map(() => 1) })
          expect(Array.from(plain.cv)).toEqual(Array.from(general.cv))
          expect(Array.from(plain.theilT)).toEqual(Array.from(general.theilT))
          expect(Array.from(plain.theilL)).toEqual(Array.from(general.theilL))
          for (let j = 0; j < 3; j++) {
            if (Number.isNaN(general.gini[j]!)) expect(plain.gini[j]).toBeNaN()
            else expect(Math.abs(plain.gini[j]! - general.gini[j]!)).toBeLessThan(1e-12)
          }
        },
      ),
      { numRuns: 1000, seed: 1965 },
    )
  })
})
