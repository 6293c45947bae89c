/**
 * TOPSIS against the worked example pymcdm's tests cite (Opricovic & Tzeng 2004, European Journal
 * of Operational Research 156(2):445–455): test/test_mcdm.py, class TestTOPSIS, read in the copy
 * github.com/leeeeeeeee2/mcda at commit f271546786175e620c34713afe852a06336c988b, three decimals.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromRows } from './matrix.ts'
import { topsis } from './topsis.ts'

const round = (xs: ArrayLike<number>, d: number) => Array.from(xs, (x) => Number(x.toFixed(d)))

describe('TOPSIS', () => {
  const m = matrixFromRows(
    ['A1', 'A2', 'A3'],
    ['cost', 'benefit'],
    [
      [1, 3000],
      [2, 3750],
      [5, 4500],
    ],
  )

  it('reproduces pymcdm / Opricovic & Tzeng (2004) with min-max normalisation: 0.500, 0.617, 0.500', () => {
    const r = topsis(m, {
      normalize: 'minmax',
      weighting: 'matrix',
      directions: ['lower', 'higher'],
      weights: Float64Array.from([0.5, 0.5]),
    })
    expect(round(r.closeness, 3)).toEqual([0.5, 0.617, 0.5])
    expect(Array.from(r.rank)).toEqual([2, 1, 2])
    expect(r.ties).toEqual([[0, 2]])
  })

  it('weights inside the distance differ from weights on the matrix unless the weights are equal', () => {
    const base = { normalize: 'vector' as const, directions: ['lower', 'higher'] as const }
    const eq = Float64Array.from([0.5, 0.5])
    const a = topsis(m, { ...base, directions: [...base.directions], weighting: 'matrix', weights: eq })
    const b = topsis(m, { ...base, directions: [...base.directions], weighting: 'distance', weights: eq })
    // with equal weights w, √Σ w(r−r*)² = √w·√Σ(r−r*)² and √Σ(w r − w r*)² = w·√Σ(r−r*)²: same C
    for (let i = 0; i < 3; i++) expect(a.closeness[i]).toBeCloseTo(b.closeness[i]!, 12)
    const w = Float64Array.from([0.8, 0.2])
    const c = topsis(m, { ...base, directions: [...base.directions], weighting: 'matrix', weights: w })
    const d = topsis(m, { ...base, directions: [...base.directions], weighting: 'distance', weights: w })
    expect(Math.abs(c.closeness[0]! - d.closeness[0]!)).toBeGreaterThan(1e-3)
  })

  it('ranks are a permutation without ties, closeness in [0, 1], and negating a cost column equals flipping it to benefit', () => {
    const cell = fc.double({ min: 1, max: 100, noNaN: true })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 10 }),
        (rows) => {
          const units = rows.map((_, i) => `u${i}`)
          const w = Float64Array.from([0.2, 0.3, 0.5])
          const a = topsis(matrixFromRows(units, ['a', 'b', 'c'], rows), {
            normalize: 'minmax',
            weighting: 'matrix',
            directions: ['lower', 'higher', 'higher'],
            weights: w,
          })
          const flipped = matrixFromRows(
            units,
            ['a', 'b', 'c'],
            rows.map((r) => [-r[0]!, r[1]!, r[2]!]),
          )
          const b = topsis(flipped, {
            normalize: 'minmax',
            weighting: 'matrix',
            directions: ['higher', 'higher', 'higher'],
            weights: w,
          })
          for (let i = 0; i < rows.length; i++) {
            expect(a.closeness[i]).toBeGreaterThanOrEqual(0)
            expect(a.closeness[i]).toBeLessThanOrEqual(1)
            expect(b.closeness[i]).toBeCloseTo(a.closeness[i]!, 9)
          }
          if (a.ties.length === 0)
            expect(Array.from(a.rank).sort((x, y) => x - y)).toEqual(units.map((_, i) => i + 1))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('gives no score to a unit with a missing cell', () => {
    const g = matrixFromRows(
      ['a', 'b', 'c'],
      ['x', 'y'],
      [
        [1, 2],
        [Number.NaN, 3],
        [2, 1],
      ],
    )
    const r = topsis(g, {
      normalize: 'vector',
      weighting: 'matrix',
      directions: ['higher', 'higher'],
      weights: Float64Array.from([0.5, 0.5]),
    })
    expect(Number.isNaN(r.closeness[1]!)).toBe(true)
    expect(Number.isNaN(r.rank[1]!)).toBe(true)
  })
})
