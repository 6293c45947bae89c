/**
 * TOPSIS against published examples, each at the precision its source prints:
 * - pymcdm, github.com/kotbaton/pymcdm, test/test_mcdm.py class TestTOPSIS at commit
 *   76e773513ae9a259522e2289b271967f07a1d418 (Opricovic & Tzeng 2004 data, min-max, 3 decimals);
 * - scikit-criteria, github.com/quatrope/scikit-criteria, tests/agg/test_topsis.py at commit
 *   35f17eeeafd80d666aac740be7c4eba9b14359b8: test_TOPSIS (no normalisation; np.allclose) and
 *   test_TOPSIS_tzeng2011multiple (Tzeng & Huang 2011, vector normalisation, atol 1e-4);
 * - R package MCDA, github.com/paterijk/MCDA, tests/TOPSIS.R at commit
 *   ff40fd048cc3c7f73226e0115c8563feecd8f509 (Hwang & Yoon with a cost column, vector
 *   normalisation, round(…, 4); the example of hodgett.co.uk/topsis-in-excel);
 * - COINr's ASEM data (shared/data/reference/ASEM_iData.csv) against pymcdm's own TOPSIS code,
 *   (python3 script summarised in TOPSIS_REFERENCE below), 12 decimals.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromCsvText } from '../files/matrix-csv.ts'
import { createMatrix, type Direction, type Matrix, matrixFromRows } from './matrix.ts'
import { topsis, topsisBenefit, topsisNormalize, topsisScores } from './topsis.ts'
import { entropyWeights } from './weights.ts'

const round = (xs: ArrayLike<number>, d: number) => Array.from(xs, (x) => Number(x.toFixed(d)))
const w = (...xs: number[]) => Float64Array.from(xs)

/**
 * TOPSIS_REFERENCE — python3 (numpy 2.4), pymcdm loaded from its git snapshot:
 *   X = ASEM_iData[LPI, Flights, Goods, Services, FDI, Renew, CO2, MatCon, FreePress, TolMin], 51 rows
 *   types = [1]*6 + [-1]*4;  w = weights.entropy_weights(X)
 *   TOPSIS(vector_normalization)(X, w, types)  → VECTOR (first 12 units); its _method → D⁺, D⁻ (first 5)
 *   TOPSIS()(X, w, types)   (min-max)          → MINMAX (first 12 units)
 *   --weighting distance has no package implementation; numpy formula on R = X/‖X‖:
 *   best = where(types==1, R.max(0), R.min(0)); worst likewise; dp = sqrt(Σ w (R−best)²);
 *   dm = sqrt(Σ w (R−worst)²); dm/(dp+dm)     → DISTANCE (first 12 units)
 */
const COLUMNS = [
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
const COST = ['CO2', 'MatCon', 'FreePress', 'TolMin']
const VECTOR = [
  0.179963132547, 0.253438812102, 0.112613975282, 0.134219900903, 0.114398603918, 0.137657803983,
  0.182313928731, 0.093756779715, 0.152622610526, 0.496405234623, 0.771703640041, 0.132413827685,
]
const VECTOR_DPLUS = [0.162247006113, 0.147556398811, 0.181516896936, 0.181632095077, 0.182942276008]
const VECTOR_DMINUS = [0.035606300918, 0.050091699165, 0.023035453315, 0.028158006666, 0.02363178408]
const MINMAX = [
  0.231869683151, 0.282548968527, 0.159281383052, 0.190273856628, 0.165958580027, 0.183158720009,
  0.240119765582, 0.153077760902, 0.220118573993, 0.512088917648, 0.746560858502, 0.176877649431,
]
const DISTANCE = [
  0.236142162301, 0.282153312509, 0.175338877097, 0.205656289251, 0.178065896749, 0.190961608319,
  0.242709176395, 0.144438170185, 0.219153309771, 0.501537030496, 0.746176331981, 0.192853733645,
]

function asemMatrix(): Matrix {
  const text = readFileSync(new URL('../../../shared/data/reference/ASEM_iData.csv', import.meta.url), 'utf8')
  const keep = ['uCode', 'GDP_group', 'GDPpc_group', 'Pop_group', 'EurAsia_group']
  const m = matrixFromCsvText(text, 'ASEM_iData.csv', keep).matrix
  const idx = COLUMNS.map((c) => m.columns.indexOf(c))
  const out = createMatrix(m.units, COLUMNS)
  for (let i = 0; i < m.rows; i++)
    idx.forEach((c, j) => {
      out.data[i * out.cols + j] = m.data[i * m.cols + c]!
    })
  return out
}

describe('TOPSIS against published examples', () => {
  const ot = matrixFromRows(
    ['A1', 'A2', 'A3'],
    ['cost', 'benefit'],
    [
      [1, 3000],
      [2, 3750],
      [5, 4500],
    ],
  )

  it('pymcdm TestTOPSIS (Opricovic & Tzeng 2004 data), min-max: 0.500, 0.617, 0.500, A1 and A3 tied', () => {
    const r = topsis(ot, {
      normalize: 'minmax',
      weighting: 'matrix',
      directions: ['lower', 'higher'],
      weights: w(0.5, 0.5),
    })
    expect(round(r.closeness, 3)).toEqual([0.5, 0.617, 0.5])
    expect(Array.from(r.rank)).toEqual([2, 1, 2])
    expect(r.ties).toEqual([[0, 2]])
  })

  it('scikit-criteria test_TOPSIS, no normalisation: ideal [1,5,6], anti-ideal [0,0,3], similarity 0.14639248, 0.85360752', () => {
    const m = matrixFromRows(
      ['A0', 'A1'],
      ['C0', 'C1', 'C2'],
      [
        [1, 0, 3],
        [0, 5, 6],
      ],
    )
    const r = topsis(m, {
      normalize: 'none',
      weighting: 'matrix',
      directions: ['higher', 'higher', 'higher'],
      weights: w(1, 1, 1),
    })
    expect(Array.from(r.ideal)).toEqual([1, 5, 6])
    expect(Array.from(r.antiIdeal)).toEqual([0, 0, 3])
    const expected = [0.14639248, 0.85360752]
    for (let i = 0; i < 2; i++)
      expect(Math.abs(r.closeness[i]! - expected[i]!)).toBeLessThanOrEqual(1e-8 + 1e-5 * expected[i]!)
    expect(Array.from(r.rank)).toEqual([2, 1])
  })

  it('scikit-criteria test_TOPSIS_tzeng2011multiple (Tzeng & Huang 2011), vector: 0.5037, 0.6581, 0.7482, 0.3340', () => {
    const m = matrixFromRows(
      ['A0', 'A1', 'A2', 'A3'],
      ['C0', 'C1', 'C2'],
      [
        [5, 8, 4],
        [7, 6, 8],
        [8, 8, 6],
        [7, 4, 6],
      ],
    )
    const r = topsis(m, {
      normalize: 'vector',
      weighting: 'matrix',
      directions: ['higher', 'higher', 'higher'],
      weights: w(0.3, 0.4, 0.3),
    })
    const expected = [0.5037, 0.6581, 0.7482, 0.334]
    for (let i = 0; i < 4; i++) expect(Math.abs(r.closeness[i]! - expected[i]!)).toBeLessThanOrEqual(1e-4)
    expect(Array.from(r.rank)).toEqual([3, 2, 1, 4])
  })

  it('R MCDA tests/TOPSIS.R (Hwang & Yoon, a cost column, vector): 0.4817, 0.5182, 0.1780 and ideals', () => {
    const cars = matrixFromRows(
      ['Corsa', 'Clio', 'Fiesta'],
      ['Purchase Price', 'Economy', 'Aesthetics', 'Boot Capacity'],
      [
        [5490, 51.4, 8.5, 285],
        [6500, 70.6, 7, 288],
        [6489, 54.3, 7.5, 290],
      ],
    )
    const dirs: Direction[] = ['lower', 'higher', 'higher', 'higher']
    const r = topsis(cars, {
      normalize: 'vector',
      weighting: 'matrix',
      directions: dirs,
      weights: w(0.35, 0.25, 0.25, 0.15),
    })
    expect(round(r.closeness, 4)).toEqual([0.4817, 0.5182, 0.178])
    // the test passes these ideals back in and gets the same scores: they are the computed ones
    const pis = [0.179573776, 0.171636015, 0.159499658, 0.087302767]
    const nis = [0.212610118, 0.124958799, 0.131352659, 0.085797547]
    for (let j = 0; j < 4; j++) {
      expect(r.ideal[j]).toBeCloseTo(pis[j]!, 9)
      expect(r.antiIdeal[j]).toBeCloseTo(nis[j]!, 9)
    }
    // overall3: Corsa and Clio only, first three criteria (weights 0.35, 0.25, 0.25 as given)
    const sub = matrixFromRows(
      ['Corsa', 'Clio'],
      ['Purchase Price', 'Economy', 'Aesthetics'],
      [
        [5490, 51.4, 8.5],
        [6500, 70.6, 7],
      ],
    )
    const s = topsis(sub, {
      normalize: 'vector',
      weighting: 'matrix',
      directions: dirs.slice(0, 3),
      weights: w(0.35, 0.25, 0.25),
    })
    expect(round(s.closeness, 4)).toEqual([0.4943, 0.5057])
  })

  it('matches pymcdm on 51 ASEM countries with entropy weights and cost columns (vector, minmax; 12 decimals)', () => {
    const m = asemMatrix()
    const directions = COLUMNS.map((c): Direction => (COST.includes(c) ? 'lower' : 'higher'))
    const weights = entropyWeights(m, { on: 'raw', directions, zero: { kind: 'xlnx0' } }).weights
    const v = topsis(m, { normalize: 'vector', weighting: 'matrix', directions, weights })
    expect(round(v.closeness.subarray(0, 12), 12)).toEqual(VECTOR)
    expect(round(v.dPlus.subarray(0, 5), 12)).toEqual(VECTOR_DPLUS)
    expect(round(v.dMinus.subarray(0, 5), 12)).toEqual(VECTOR_DMINUS)
    const mm = topsis(m, { normalize: 'minmax', weighting: 'matrix', directions, weights })
    expect(round(mm.closeness.subarray(0, 12), 12)).toEqual(MINMAX)
    const d = topsis(m, { normalize: 'vector', weighting: 'distance', directions, weights })
    expect(round(d.closeness.subarray(0, 12), 12)).toEqual(DISTANCE)
    expect(v.ties).toEqual([])
  })
})

describe('TOPSIS variants and edge cases', () => {
  const m = matrixFromRows(
    ['A1', 'A2', 'A3'],
    ['cost', 'benefit'],
    [
      [1, 3000],
      [2, 3750],
      [5, 4500],
    ],
  )
  const dirs: Direction[] = ['lower', 'higher']

  it('weights in the distance equal weights on the matrix only for equal weights', () => {
    const eq = w(0.5, 0.5)
    const a = topsis(m, { normalize: 'vector', weighting: 'matrix', directions: dirs, weights: eq })
    const b = topsis(m, { normalize: 'vector', weighting: 'distance', directions: dirs, weights: eq })
    for (let i = 0; i < 3; i++) expect(a.closeness[i]).toBeCloseTo(b.closeness[i]!, 14)
    const uneq = w(0.8, 0.2)
    const c = topsis(m, { normalize: 'vector', weighting: 'matrix', directions: dirs, weights: uneq })
    const d = topsis(m, { normalize: 'vector', weighting: 'distance', directions: dirs, weights: uneq })
    expect(Math.abs(c.closeness[0]! - d.closeness[0]!)).toBeGreaterThan(1e-3)
    // ideals are reported in the space of the distances: w·r for matrix, r for distance
    expect(c.ideal[0]! / d.ideal[0]!).toBeCloseTo(0.8, 14)
  })

  it('vector normalisation does not flip a cost column: its ideal is the smallest x/‖x‖', () => {
    const r = topsis(m, { normalize: 'vector', weighting: 'distance', directions: dirs, weights: w(1, 1) })
    expect(r.ideal[0]).toBeCloseTo(1 / Math.sqrt(1 + 4 + 25), 15)
    expect(r.antiIdeal[0]).toBeCloseTo(5 / Math.sqrt(1 + 4 + 25), 15)
  })

  it('a unit with a missing cell gets no score; the others are scored on the units with values', () => {
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
      weights: w(0.5, 0.5),
    })
    expect(Number.isNaN(r.closeness[1]!)).toBe(true)
    expect(Number.isNaN(r.rank[1]!)).toBe(true)
    expect(Number.isFinite(r.closeness[0]!) && Number.isFinite(r.closeness[2]!)).toBe(true)
  })

  it('all columns constant: every unit is both ideal and anti-ideal, C = ½ and all tie; one unit likewise', () => {
    const flat = matrixFromRows(['a', 'b'], ['x'], [[3], [3]])
    const r = topsis(flat, {
      normalize: 'minmax',
      weighting: 'matrix',
      directions: ['higher'],
      weights: w(1),
    })
    expect(Array.from(r.closeness)).toEqual([0.5, 0.5])
    expect(r.ties).toEqual([[0, 1]])
    const one = matrixFromRows(['a'], ['x', 'y'], [[1, 2]])
    expect(
      Array.from(
        topsis(one, {
          normalize: 'vector',
          weighting: 'matrix',
          directions: ['higher', 'lower'],
          weights: w(1, 1),
        }).rank,
      ),
    ).toEqual([1])
  })

  it('refuses negative weights and a wrong number of weights', () => {
    expect(() =>
      topsis(m, { normalize: 'vector', weighting: 'matrix', directions: dirs, weights: w(1, -1) }),
    ).toThrow('weight of benefit is -1')
    expect(() =>
      topsis(m, { normalize: 'vector', weighting: 'matrix', directions: dirs, weights: w(1) }),
    ).toThrow('1 weights for 2 columns')
  })

  it('the lower-level steps reuse a normalised matrix and caller buffers', () => {
    const r = topsisNormalize(m, 'vector', dirs)
    const benefit = topsisBenefit('vector', dirs)
    const out = { closeness: new Float64Array(3), dPlus: new Float64Array(3) }
    const s = topsisScores(r, benefit, w(0.3, 0.7), 'matrix', out)
    expect(s.closeness).toBe(out.closeness)
    expect(Array.from(s.closeness)).toEqual(
      Array.from(
        topsis(m, { normalize: 'vector', weighting: 'matrix', directions: dirs, weights: w(0.3, 0.7) })
          .closeness,
      ),
    )
  })

  it('properties: C ∈ [0, 1]; ranks a permutation without ties; x → c − x with the direction flipped (minmax) changes nothing; weight scale and vector-column scale change nothing', () => {
    const cell = fc.integer({ min: 1, max: 100 }) // integers: c − x exact, no near-degenerate column
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: -50, max: 200 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.constantFrom('matrix' as const, 'distance' as const),
        (rows, c, k, weighting) => {
          const units = rows.map((_, i) => `u${i}`)
          const cols = ['a', 'b', 'c']
          const weights = w(0.2, 0.3, 0.5)
          const base = matrixFromRows(units, cols, rows)
          const a = topsis(base, {
            normalize: 'minmax',
            weighting,
            directions: ['lower', 'higher', 'higher'],
            weights,
          })
          const flipped = matrixFromRows(
            units,
            cols,
            rows.map((r) => [c - r[0]!, r[1]!, r[2]!]),
          )
          const b = topsis(flipped, {
            normalize: 'minmax',
            weighting,
            directions: ['higher', 'higher', 'higher'],
            weights,
          })
          const scaledW = topsis(base, {
            normalize: 'vector',
            weighting,
            directions: ['lower', 'higher', 'higher'],
            weights: w(0.2 * k, 0.3 * k, 0.5 * k),
          })
          const v = topsis(base, {
            normalize: 'vector',
            weighting,
            directions: ['lower', 'higher', 'higher'],
            weights,
          })
          const scaledCol = matrixFromRows(
            units,
            cols,
            rows.map((r) => [r[0]! * k, r[1]!, r[2]!]),
          )
          const vs = topsis(scaledCol, {
            normalize: 'vector',
            weighting,
            directions: ['lower', 'higher', 'higher'],
            weights,
          })
          for (let i = 0; i < rows.length; i++) {
            expect(a.closeness[i]).toBeGreaterThanOrEqual(0)
            expect(a.closeness[i]).toBeLessThanOrEqual(1)
            expect(b.closeness[i]).toBeCloseTo(a.closeness[i]!, 9)
            expect(scaledW.closeness[i]).toBeCloseTo(v.closeness[i]!, 9)
            expect(vs.closeness[i]).toBeCloseTo(v.closeness[i]!, 9)
          }
          if (a.ties.length === 0)
            expect(Array.from(a.rank).sort((x, y) => x - y)).toEqual(units.map((_, i) => i + 1))
          else expect(Math.max(...a.rank)).toBeLessThanOrEqual(rows.length)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('topsis without a materialised normalised matrix', () => {
  const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
  it('equals topsisNormalize + topsisScores bit for bit (NaN, constant, zero and cost columns)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(
          fc.oneof(fc.double({ min: -50, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, Number.NaN)),
          {
            minLength: 360,
            maxLength: 360,
          },
        ),
        fc.constantFrom('vector' as const, 'minmax' as const, 'none' as const),
        fc.constantFrom('matrix' as const, 'distance' as const),
        (rows, cols, pool, scheme, weighting) => {
          const data = Float64Array.from({ length: rows * cols }, (_, k) =>
            k % cols === 1 ? 7 : pool[k % pool.length]!,
          )
          const m = createMatrix(
            Array.from({ length: rows }, (_, i) => `u${i}`),
            Array.from({ length: cols }, (_, j) => `x${j}`),
            data,
          )
          const directions = m.columns.map((_, j): Direction => (j % 3 === 2 ? 'lower' : 'higher'))
          const weights = Float64Array.from({ length: cols }, (_, j) => (j % 4 === 3 ? 0 : 1 + j))
          const got = topsis(m, { normalize: scheme, weighting, directions, weights })
          const r = topsisNormalize(m, scheme, directions)
          const want = topsisScores(r, topsisBenefit(scheme, directions), weights, weighting)
          for (const k of ['closeness', 'dPlus', 'dMinus', 'ideal', 'antiIdeal'] as const)
            expect(bits(got[k]), k).toEqual(bits(want[k]))
        },
      ),
      { numRuns: 1000, seed: 20261125 },
    )
  })
})
