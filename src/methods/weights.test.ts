/**
 * Weights against published examples, each at the precision its source prints:
 * - pymcdm (Shekhovtsov & Kizielewicz), github.com/kotbaton/pymcdm, test/test_weights.py at commit
 *   76e773513ae9a259522e2289b271967f07a1d418: TestEntropyWeights (Elsayed, Dawood & Karthikeyan
 *   2017, 6 decimals) and TestCRITICWeights (Tuş & Aytaç Adalı 2019, 3 decimals);
 * - scikit-criteria, github.com/quatrope/scikit-criteria, tests/preprocessing/test_weighters.py at
 *   commit 35f17eeeafd80d666aac740be7c4eba9b14359b8: test_EntropyWeighter_simple_matrix (atol 1e-5)
 *   and test_critic_weight_weights_diakoulaki1995determining (the data of Diakoulaki, Mavrotas &
 *   Papayannakis 1995; np.allclose, i.e. rtol 1e-5 + atol 1e-8);
 * - COINr's ASEM data (shared/data/reference/ASEM_iData.csv), 51 countries, against pymcdm's own
 *   code and scipy, (python3 script summarised in ASEM_REFERENCE below; pymcdm imported from that commit's source), 12 decimals.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromCsvText } from '../files/matrix-csv.ts'
import { createMatrix, type Direction, type Matrix, matrixFromRows } from './matrix.ts'
import { normalize } from './normalize.ts'
import {
  criticFromNormalized,
  criticWeights,
  entropyFromValues,
  entropyProportions,
  entropyWeights,
  equalWeights,
  MethodInputError,
  userWeights,
} from './weights.ts'

const round = (xs: ArrayLike<number>, d: number) => Array.from(xs, (x) => Number(x.toFixed(d)))
const higher = (n: number): Direction[] => Array.from({ length: n }, () => 'higher')
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0)
const xlnx0 = { kind: 'xlnx0' } as const

/**
 * ASEM_REFERENCE — python3 (numpy 2.4, scipy 1.17), pymcdm loaded from its git snapshot:
 *   X = ASEM_iData[LPI, Flights, Goods, Services, FDI, Renew, CO2, MatCon, FreePress, TolMin]
 *   types = [1]*6 + [-1]*4
 *   weights.entropy_weights(X)                                   → ENTROPY_RAW
 *   e = scipy.stats.entropy(column_stack([X, Ship]), base=51, axis=0); (1-e)/Σ(1-e) → ENTROPY_RAW_SHIP
 *   e = scipy.stats.entropy(normalize_matrix(X, minmax_normalization, types), base=51, axis=0) → ENTROPY_MINMAX
 *   weights.critic_weights(X * types)   (cost columns negated, so pymcdm's min-max flips them) → CRITIC
 */
const ASEM_COLUMNS = [
  'LPI',
  'Flights',
  'Goods',
  'Services',
  'FDI',
  'Renew',
  'CO2',
  'MatCon',
  'FreePress',
  'TolMin',
]
const ASEM_COST = ['CO2', 'MatCon', 'FreePress', 'TolMin']
const ENTROPY_RAW = [
  0.003697789169, 0.16591933654, 0.188284730172, 0.190341901396, 0.181425185165, 0.084861362897,
  0.066900826302, 0.037926297441, 0.056050339893, 0.024592231025,
]
const ENTROPY_RAW_SHIP = [
  0.003454726181, 0.155013130769, 0.175908402894, 0.17783035219, 0.169499749331, 0.079283257867,
  0.062503302824, 0.035433326985, 0.052366040322, 0.022975735096, 0.065731975538,
]
const ENTROPY_MINMAX = [
  0.027119296307, 0.176209788663, 0.199843639091, 0.195306538775, 0.185931424231, 0.084928860385,
  0.016290811112, 0.02459142428, 0.049333028279, 0.040445188877,
]
const CRITIC = [
  0.089856569857, 0.076403282024, 0.070849003655, 0.082067741072, 0.077727604859, 0.141016493189,
  0.100421146134, 0.105926468029, 0.136624321469, 0.119107369713,
]

/** Selected ASEM columns as a matrix (unit id = uName, the file's first column). */
function asemMatrix(columns: readonly string[]): Matrix {
  const text = readFileSync(new URL('../../../shared/data/reference/ASEM_iData.csv', import.meta.url), 'utf8')
  const keep = ['uCode', 'GDP_group', 'GDPpc_group', 'Pop_group', 'EurAsia_group']
  const m = matrixFromCsvText(text, 'ASEM_iData.csv', keep).matrix
  const idx = columns.map((c) => m.columns.indexOf(c))
  const out = createMatrix(m.units, columns)
  for (let i = 0; i < m.rows; i++)
    idx.forEach((c, j) => {
      out.data[i * out.cols + j] = m.data[i * m.cols + c]!
    })
  return out
}

describe('entropy weights', () => {
  it('reproduces Elsayed, Dawood & Karthikeyan (2017) as pymcdm tests it (raw values, 6 decimals)', () => {
    const rows = [
      [7, 312, 1891, 6613, 163],
      [72, 88, 728, 941804, 1078],
      [10, 252, 2594, 3466, 117471],
      [10, 145, 980, 2371, 86329],
      [65, 54, 350, 501, 29897],
      [29, 48, 380, 912, 34051],
      [7, 476, 3300, 78470, 2212],
      [70, 87, 650, 733, 819000],
      [4, 86, 591, 3015, 103],
      [12, 79, 579, 3240, 96098],
      [21, 45, 261, 1253, 453],
      [1, 72, 530, 4333, 0.1048],
    ]
    const m = matrixFromRows(
      rows.map((_, i) => `A${i + 1}`),
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      rows,
    )
    const r = entropyWeights(m, { on: 'raw', directions: higher(5), zero: xlnx0 })
    expect(round(r.weights, 6)).toEqual([0.104991, 0.069124, 0.071373, 0.449937, 0.304575])
    for (let j = 0; j < 5; j++) expect(r.divergence[j]).toBeCloseTo(1 - r.entropy[j]!, 15)
  })

  it('reproduces scikit-criteria test_EntropyWeighter_simple_matrix: [[1,2],[4,16]] → 0.358889, 0.641111', () => {
    const m = matrixFromRows(
      ['A0', 'A1'],
      ['C0', 'C1'],
      [
        [1, 2],
        [4, 16],
      ],
    )
    // scikit-criteria's entropy ignores the objectives (min, max): raw values
    const r = entropyWeights(m, { on: 'raw', directions: ['lower', 'higher'], zero: xlnx0 })
    expect(Math.abs(r.weights[0]! - 0.358889)).toBeLessThan(1e-5)
    expect(Math.abs(r.weights[1]! - 0.641111)).toBeLessThan(1e-5)
  })

  it('matches pymcdm and scipy on 51 ASEM countries (raw, raw with zeros under xlnx0, minmax), 12 decimals', () => {
    const m = asemMatrix(ASEM_COLUMNS)
    expect(m.rows).toBe(51)
    const dirs = ASEM_COLUMNS.map((c): Direction => (ASEM_COST.includes(c) ? 'lower' : 'higher'))
    const raw = entropyWeights(m, { on: 'raw', directions: dirs, zero: xlnx0 })
    expect(round(raw.weights, 12)).toEqual(ENTROPY_RAW)
    const ship = asemMatrix([...ASEM_COLUMNS, 'Ship'])
    const rs = entropyWeights(ship, { on: 'raw', directions: higher(11), zero: xlnx0 })
    expect(round(rs.weights, 12)).toEqual(ENTROPY_RAW_SHIP)
    const mm = entropyWeights(m, { on: 'minmax', directions: dirs, zero: xlnx0 })
    expect(round(mm.weights, 12)).toEqual(ENTROPY_MINMAX)
    // the lower-level entry point on a precomputed min-max matrix gives the same weights
    const z = normalize(m, { scheme: 'minmax', directions: dirs })
    const buffers = { weights: new Float64Array(10), entropy: new Float64Array(10) }
    const low = entropyFromValues(z, xlnx0, buffers)
    expect(low.weights).toBe(buffers.weights)
    for (let j = 0; j < 10; j++) expect(low.weights[j]).toBeCloseTo(mm.weights[j]!, 14)
  })

  it('zero rules: xlnx0 takes 0·ln 0 = 0, shift adds ε first, column-zero gives an all-zero column e = 1', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c'],
      ['x', 'y'],
      [
        [0, 1],
        [1, 2],
        [1, 3],
      ],
    )
    // column x: p = (0, ½, ½) → e = ln 2 / ln 3 (hand computation)
    const xl = entropyWeights(m, { on: 'raw', directions: higher(2), zero: xlnx0 })
    expect(xl.entropy[0]).toBeCloseTo(Math.log(2) / Math.log(3), 14)
    const sh = entropyWeights(m, { on: 'raw', directions: higher(2), zero: { kind: 'shift', eps: 1 } })
    const p = [0.2, 0.4, 0.4] // x + 1 = (1, 2, 2)
    expect(sh.entropy[0]).toBeCloseTo(-p.reduce((s, q) => s + q * Math.log(q), 0) / Math.log(3), 14)
    const allZero = matrixFromRows(
      ['a', 'b', 'c'],
      ['x', 'y'],
      [
        [0, 1],
        [0, 2],
        [0, 3],
      ],
    )
    expect(() => entropyWeights(allZero, { on: 'raw', directions: higher(2), zero: xlnx0 })).toThrow(
      /column x: all values are 0/,
    )
    const cz = entropyWeights(allZero, { on: 'raw', directions: higher(2), zero: { kind: 'column-zero' } })
    expect(cz.entropy[0]).toBe(1)
    expect(cz.divergence[0]).toBe(0)
    expect(Array.from(cz.weights)).toEqual([0, 1])
  })

  it('a constant column has e = 1 exactly under every rule; all columns constant gives equal weights', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c'],
      ['k', 'y'],
      [
        [7, 1],
        [7, 2],
        [7, 4],
      ],
    )
    for (const on of ['raw', 'minmax'] as const) {
      const r = entropyWeights(m, { on, directions: higher(2), zero: xlnx0 })
      expect(r.entropy[0]).toBe(1)
      expect(r.weights[0]).toBe(0)
    }
    const flat = matrixFromRows(
      ['a', 'b'],
      ['k', 'l'],
      [
        [3, 5],
        [3, 5],
      ],
    )
    expect(
      Array.from(entropyWeights(flat, { on: 'raw', directions: higher(2), zero: xlnx0 }).weights),
    ).toEqual([0.5, 0.5])
  })

  it('missing cells are skipped: column j uses its n_j units (k = 1/ln n_j); fewer than two is refused', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c', 'd'],
      ['x', 'y'],
      [
        [1, 1],
        [Number.NaN, 2],
        [3, 3],
        [2, 4],
      ],
    )
    const r = entropyWeights(m, { on: 'raw', directions: higher(2), zero: xlnx0 })
    expect(Array.from(r.n)).toEqual([3, 4])
    const three = matrixFromRows(['a', 'c', 'd'], ['x'], [[1], [3], [2]])
    const ref = entropyWeights(three, { on: 'raw', directions: higher(1), zero: xlnx0 })
    expect(r.entropy[0]).toBeCloseTo(ref.entropy[0]!, 15)
    const p = entropyProportions(m, { on: 'raw', directions: higher(2), zero: xlnx0 })
    expect(Number.isNaN(p[2]!)).toBe(true)
    expect(p[0]).toBeCloseTo(1 / 6, 15)
    const one = matrixFromRows(['a', 'b'], ['x'], [[1], [Number.NaN]])
    expect(() => entropyWeights(one, { on: 'raw', directions: higher(1), zero: xlnx0 })).toThrow(
      'column x: entropy needs at least two units with values, has 1',
    )
  })

  it('refuses negative raw values, naming the cell', () => {
    const m = matrixFromRows(['a', 'b'], ['x'], [[1], [-2]])
    expect(() => entropyWeights(m, { on: 'raw', directions: higher(1), zero: xlnx0 })).toThrow(
      MethodInputError,
    )
    expect(() => entropyWeights(m, { on: 'raw', directions: higher(1), zero: xlnx0 })).toThrow(/b × x is -2/)
  })

  it('properties: weights sum to 1; raw ignores scaling a column; minmax ignores x → c − x with the direction flipped', () => {
    const cell = fc.integer({ min: 1, max: 1000 }) // integers: c − x exact, no near-degenerate column
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 12 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.integer({ min: -100, max: 100 }),
        (rows, k, c) => {
          const units = rows.map((_, i) => `u${i}`)
          const cols = ['a', 'b', 'c']
          const m = matrixFromRows(units, cols, rows)
          const w = entropyWeights(m, { on: 'raw', directions: higher(3), zero: xlnx0 }).weights
          expect(sum(w)).toBeCloseTo(1, 12)
          const scaled = matrixFromRows(
            units,
            cols,
            rows.map((r) => [r[0]! * k, r[1]!, r[2]!]),
          )
          const ws = entropyWeights(scaled, { on: 'raw', directions: higher(3), zero: xlnx0 }).weights
          for (let j = 0; j < 3; j++) expect(ws[j]).toBeCloseTo(w[j]!, 10)
          const flipped = matrixFromRows(
            units,
            cols,
            rows.map((r) => [c - r[0]!, r[1]!, r[2]!]),
          )
          const a = entropyWeights(m, { on: 'minmax', directions: higher(3), zero: xlnx0 }).weights
          const b = entropyWeights(flipped, {
            on: 'minmax',
            directions: ['lower', 'higher', 'higher'],
            zero: xlnx0,
          })
          expect(sum(a)).toBeCloseTo(1, 12)
          for (let j = 0; j < 3; j++) expect(b.weights[j]).toBeCloseTo(a[j]!, 9)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('CRITIC weights', () => {
  it('reproduces Tuş & Aytaç Adalı (2019) as pymcdm tests it (sample sd, all benefit, 3 decimals)', () => {
    const rows = [
      [5000, 3, 3, 4, 3, 2],
      [680, 5, 3, 2, 2, 1],
      [2000, 3, 2, 3, 4, 3],
      [600, 4, 3, 1, 2, 2],
      [800, 2, 4, 3, 3, 4],
    ]
    const m = matrixFromRows(['A1', 'A2', 'A3', 'A4', 'A5'], ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], rows)
    const r = criticWeights(m, { directions: higher(6), sd: 'sample' })
    expect(round(r.weights, 3)).toEqual([0.157, 0.249, 0.168, 0.121, 0.154, 0.151])
    expect(sum(r.weights)).toBeCloseTo(1, 14)
  })

  it('reproduces Diakoulaki et al. (1995) data as scikit-criteria tests it: 0.20222554, 0.48090173, 0.31687273', () => {
    const rows = [
      [61, 1.08, 4.33],
      [20.7, 0.26, 4.34],
      [16.3, 1.98, 2.53],
      [9.0, 3.29, 1.65],
      [5.4, 2.77, 2.33],
      [4.0, 4.12, 1.21],
      [-6.1, 3.52, 2.1],
      [-34.6, 3.31, 0.98],
    ]
    const m = matrixFromRows(
      rows.map((_, i) => `a${i + 1}`),
      ['c1', 'c2', 'c3'],
      rows,
    )
    const expected = [0.20222554, 0.48090173, 0.31687273]
    const pop = criticWeights(m, { directions: higher(3), sd: 'population' })
    const smp = criticWeights(m, { directions: higher(3), sd: 'sample' })
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(pop.weights[j]! - expected[j]!)).toBeLessThanOrEqual(1e-8 + 1e-5 * expected[j]!)
      // sample vs population sd: a common factor √(n/(n−1)), same weights
      expect(smp.weights[j]).toBeCloseTo(pop.weights[j]!, 14)
      expect(smp.sd[j]! / pop.sd[j]!).toBeCloseTo(Math.sqrt(8 / 7), 14)
      expect(smp.information[j]! / pop.information[j]!).toBeCloseTo(Math.sqrt(8 / 7), 14)
    }
  })

  it('matches pymcdm on 51 ASEM countries with cost columns (12 decimals)', () => {
    const m = asemMatrix(ASEM_COLUMNS)
    const dirs = ASEM_COLUMNS.map((c): Direction => (ASEM_COST.includes(c) ? 'lower' : 'higher'))
    const r = criticWeights(m, { directions: dirs, sd: 'sample' })
    expect(round(r.weights, 12)).toEqual(CRITIC)
    // correlation matrix: symmetric, unit diagonal, and C_j = σ_j Σ_k (1 − r_jk)
    const c = m.cols
    for (let j = 0; j < c; j++) {
      expect(r.correlation[j * c + j]).toBe(1)
      let conflict = 0
      for (let k = 0; k < c; k++) {
        expect(r.correlation[j * c + k]).toBe(r.correlation[k * c + j])
        conflict += 1 - r.correlation[j * c + k]!
      }
      expect(r.information[j]).toBeCloseTo(r.sd[j]! * conflict, 13)
    }
  })

  it('a constant column gets weight 0, null correlations, and changes no other weight', () => {
    const base = matrixFromRows(
      ['a', 'b', 'c', 'd'],
      ['x', 'y'],
      [
        [1, 2],
        [2, 1],
        [4, 3],
        [3, 5],
      ],
    )
    const withK = matrixFromRows(
      ['a', 'b', 'c', 'd'],
      ['x', 'k', 'y'],
      [
        [1, 9, 2],
        [2, 9, 1],
        [4, 9, 3],
        [3, 9, 5],
      ],
    )
    const a = criticWeights(base, { directions: higher(2), sd: 'sample' })
    const b = criticWeights(withK, { directions: higher(3), sd: 'sample' })
    expect(b.weights[1]).toBe(0)
    expect(Number.isNaN(b.correlation[1]!)).toBe(true)
    expect(b.weights[0]).toBeCloseTo(a.weights[0]!, 14)
    expect(b.weights[2]).toBeCloseTo(a.weights[1]!, 14)
  })

  it('refuses a missing cell (naming it) and a single unit', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c'],
      ['x', 'y'],
      [
        [1, 2],
        [Number.NaN, 3],
        [2, 1],
      ],
    )
    expect(() => criticWeights(m, { directions: higher(2), sd: 'sample' })).toThrow(MethodInputError)
    expect(() => criticWeights(m, { directions: higher(2), sd: 'sample' })).toThrow(/b × x is missing/)
    const one = matrixFromRows(['a'], ['x', 'y'], [[1, 2]])
    expect(() => criticWeights(one, { directions: higher(2), sd: 'sample' })).toThrow('at least two units')
  })

  it('properties: weights sum to 1, x → c − x with the direction flipped changes nothing, buffers are reused', () => {
    const cell = fc.integer({ min: -50, max: 50 })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 10 }),
        (rows) => {
          const units = rows.map((_, i) => `u${i}`)
          const m = matrixFromRows(units, ['a', 'b', 'c'], rows)
          const r = criticWeights(m, { directions: higher(3), sd: 'sample' })
          expect(sum(r.weights)).toBeCloseTo(1, 12)
          const f = matrixFromRows(
            units,
            ['a', 'b', 'c'],
            rows.map((x) => [10 - x[0]!, x[1]!, x[2]!]),
          )
          const out = { weights: new Float64Array(3) }
          const g = criticWeights(f, { directions: ['lower', 'higher', 'higher'], sd: 'sample' }, out)
          expect(g.weights).toBe(out.weights)
          for (let j = 0; j < 3; j++) expect(g.weights[j]).toBeCloseTo(r.weights[j]!, 12)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('criticFromNormalized takes any precomputed normalisation', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c'],
      ['x', 'y'],
      [
        [1, 2],
        [2, 1],
        [4, 3],
      ],
    )
    const z = normalize(m, { scheme: 'minmax', directions: higher(2) })
    expect(Array.from(criticFromNormalized(z, 'sample').weights)).toEqual(
      Array.from(criticWeights(m, { directions: higher(2), sd: 'sample' }).weights),
    )
  })
})

describe('equal and user weights', () => {
  it('pymcdm TestEqualWeights: four columns → 0.25 each', () => {
    expect(Array.from(equalWeights(4))).toEqual([0.25, 0.25, 0.25, 0.25])
  })

  it('user weights are rescaled to sum to 1; bad weights are refused with the column named', () => {
    expect(Array.from(userWeights([1, 3], ['a', 'b']))).toEqual([0.25, 0.75])
    expect(() => userWeights([1], ['a', 'b'])).toThrow('1 weights for 2 columns (a, b)')
    expect(() => userWeights([1, -1], ['a', 'b'])).toThrow('weight of b is -1')
    expect(() => userWeights([0, 0], ['a', 'b'])).toThrow('must not all be zero')
  })
})
