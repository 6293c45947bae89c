/**
 * Obstacle degree.
 *
 * Published example: the R package mathmodels (github.com/zhjx19/mathmodels, commit
 * 8bf5e8f89398437163df9dafb4fd61d1d9f9b8b5), docs/reference/system_evaluation.md — the rendered
 * example of `obstacle_degree(df)` and `obstacle_degree(df, c(0.4, 0.3, 0.3))` (source
 * R/eval_system.R), which print the unscaled products w_j(1 − x_ij) to 3 significant digits
 * (tibble). Here those products are O_ij · S_i, and each printed string is matched to within half a
 * unit of its last printed digit.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromRows } from './matrix.ts'
import { obstacle, subsystemObstacle, topObstacles } from './obstacle.ts'

const df = matrixFromRows(
  ['A', 'B', 'C', 'D', 'E', 'F'],
  ['s1', 's2', 's3'],
  [
    [0.0162, 0.272, 0.2655],
    [0.1782, 0.6824, 0.3721],
    [0.549, 0.0593, 0.5729],
    [0.673, 0.4812, 0.9082],
    [0.0207, 0.8891, 0.2017],
    [0.9875, 0.5573, 0.8984],
  ],
)

const EQUAL = [
  ['0.328', '0.243', '0.245'],
  ['0.274', '0.106', '0.209'],
  ['0.150', '0.314', '0.142'],
  ['0.109', '0.173', '0.0306'],
  ['0.326', '0.0370', '0.266'],
  ['0.00417', '0.148', '0.0339'],
]
const WEIGHTED = [
  ['0.394', '0.218', '0.220'],
  ['0.329', '0.0953', '0.188'],
  ['0.180', '0.282', '0.128'],
  ['0.131', '0.156', '0.0275'],
  ['0.392', '0.0333', '0.239'],
  ['0.00500', '0.133', '0.0305'],
]

function matchesPrinted(weights: number[], printed: string[][]) {
  const r = obstacle(df, weights)
  for (const [i, row] of printed.entries())
    for (const [j, text] of row.entries()) {
      const decimals = text.split('.')[1]!.length
      const product = r.obstacle[i * 3 + j]! * r.shortfall[i]!
      expect(Math.abs(product - Number(text))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12)
    }
  return r
}

describe('obstacle degree against mathmodels’ printed example', () => {
  it('equal weights', () => {
    matchesPrinted([1 / 3, 1 / 3, 1 / 3], EQUAL)
  })

  it('weights (0.4, 0.3, 0.3); rows of O sum to 1', () => {
    const r = matchesPrinted([0.4, 0.3, 0.3], WEIGHTED)
    for (let i = 0; i < 6; i++)
      expect(r.obstacle[i * 3]! + r.obstacle[i * 3 + 1]! + r.obstacle[i * 3 + 2]!).toBeCloseTo(1, 14)
  })
})

describe('undefined rows, subsystems and top-k', () => {
  const m = matrixFromRows(
    ['a', 'best', 'gap', 'raw'],
    ['x', 'y', 'z'],
    [
      [0.2, 0.9, 0.5],
      [1, 1, 1],
      [0, Number.NaN, 0.7],
      [12, 0.5, 0.5],
    ],
  )
  const r = obstacle(m, [0.5, 0.3, 0.2])

  it('a row with no shortfall, a missing cell or a value outside [0, 1] is NaN, with its reason', () => {
    expect(r.reason).toEqual([null, 'no-shortfall', 'missing', 'out-of-range'])
    expect(r.defined).toEqual([true, false, false, false])
    expect(r.shortfall[1]).toBe(0)
    for (const i of [1, 2, 3])
      expect(Array.from(r.obstacle.subarray(i * 3, i * 3 + 3)).every(Number.isNaN)).toBe(true)
    // row a: F·I = (0.4, 0.03, 0.1), S = 0.53
    expect(r.shortfall[0]).toBeCloseTo(0.53, 15)
    expect(r.obstacle[0]).toBeCloseTo(0.4 / 0.53, 15)
  })

  it('sums subsystems, skips unmapped indicators and keeps undefined rows NaN', () => {
    const s = subsystemObstacle(r, 3, [[0], [1, 2]])
    expect(s[0]).toBeCloseTo(0.4 / 0.53, 15)
    expect(s[1]).toBeCloseTo(0.13 / 0.53, 15)
    expect(Number.isNaN(s[2]!)).toBe(true)
    const partial = subsystemObstacle(r, 3, [[0, 2]])
    expect(partial[0]).toBeCloseTo(0.5 / 0.53, 15)
  })

  it('lists the k largest, largest first, ties in column order', () => {
    expect(topObstacles(r, 3, 0, 2)).toEqual([0, 2])
    expect(topObstacles(r, 3, 0, 10)).toEqual([0, 2, 1])
    expect(topObstacles(r, 3, 1, 2)).toEqual([])
    const tie = obstacle(matrixFromRows(['t'], ['p', 'q', 'r'], [[0.5, 0.5, 0.9]]), [1 / 3, 1 / 3, 1 / 3])
    expect(topObstacles(tie, 3, 0, 2)).toEqual([0, 1])
  })

  it('refuses a weight vector of the wrong length or with a negative weight', () => {
    expect(() => obstacle(m, [0.5, 0.5])).toThrow('2 weights for 3 indicators')
    expect(() => obstacle(m, [0.5, 0.6, -0.1])).toThrow('weight of z is -0.1')
  })
})

describe('obstacle properties', () => {
  const rows = fc.array(
    fc.array(fc.double({ min: 0, max: 0.99, noNaN: true }), { minLength: 5, maxLength: 5 }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  const weights = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 })

  it('each defined row sums to 1 and top-k agrees with a full sort', () => {
    fc.assert(
      fc.property(rows, weights, fc.integer({ min: 1, max: 5 }), (x, w, k) => {
        const r = obstacle(
          matrixFromRows(
            x.map((_, i) => `u${i}`),
            ['a', 'b', 'c', 'd', 'e'],
            x,
          ),
          w,
        )
        x.forEach((_, i) => {
          const row = Array.from(r.obstacle.subarray(i * 5, i * 5 + 5))
          expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12)
          const sorted = row
            .map((v, j) => [v, j] as const)
            .sort((p, q) => q[0] - p[0] || p[1] - q[1])
            .slice(0, k)
            .map(([, j]) => j)
          expect(topObstacles(r, 5, i, k)).toEqual(sorted)
        })
      }),
    )
  })
})
