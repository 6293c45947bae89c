/**
 * The composite pipeline against the numbers COINr prints for its ASEM example. Sources (all at
 * bluefoxr/COINr commit b9682034635df03279896b6cb025cd3534f82cbb, rendered vignettes under
 * docs/articles/, COINr 1.0.0.9000 as printed in their header; R/*.R unchanged in behaviour since):
 * - overview.html "Quick example": new_coin → Denominate → Screen(dat_thresh = 0.9, "byNA") →
 *   Treat(dset = "Screened") → Normalise (min-max [0, 100]) → Aggregate(a_amean, meta weights),
 *   head(get_results(...)) printed to 2 decimals.
 * - results.html: build_example_coin() (R/examples.R: Denominate → Impute(i_mean_grp,
 *   EurAsia_group) → Screen(0.9 on the imputed set) → Treat(winmax 5) → Normalise(n_minmax,
 *   c(0, 100)) → Aggregate(a_amean)), head(get_results) and get_unit_summary("IND") to 2 decimals.
 *   After group-mean imputation no cell is missing, so COINr's later screen removes no unit; here
 *   screening (minData 0) comes first and is a no-op too — checked below.
 * - aggregate.html: the aggregated data set (signif 3) and the weighted harmonic mean example.
 * - imputation.html and screening.html: the stage examples (data frames printed in full).
 */
import { describe, expect, it } from 'vitest'
import { createMatrix, matrixFromRows } from '../matrix.ts'
import { MethodInputError } from '../weights.ts'
import { aggregateLanes, compileHierarchy, LANES, linearInput, ROWS } from './aggregate.ts'
import {
  asemColumn,
  asemData,
  asemDenominators,
  asemRaw,
  asemUnits,
  asemHierarchy as h,
} from './asem-fixture.ts'
import { buildHierarchy, type MetaRow } from './hierarchy.ts'
import { type CompositeOptions, composite, normaliseStage } from './pipeline.ts'
import { impute, screen } from './prepare.ts'

const raw = asemRaw()
const base: CompositeOptions = {
  impute: 'none',
  minData: 0,
  treat: 'winsorise',
  normalize: 'minmax',
  range: [0, 100],
  weights: 'meta',
  aggregation: 'arithmetic',
  denominators: asemDenominators,
}
const COLS = [
  'Index',
  'Conn',
  'Sust',
  'Physical',
  'ConEcFin',
  'Political',
  'Instit',
  'P2P',
  'Environ',
  'Social',
  'SusEcFin',
]
type Row = readonly [string, number, ...number[]]

function expectTable(r: ReturnType<typeof composite>, rows: readonly Row[], digits: number) {
  for (const [u, rank, ...values] of rows) {
    const i = r.units.indexOf(u)
    expect(r.rank[i], u).toBe(rank)
    values.forEach((v, k) => {
      const got = r.scores[i * r.aggregates.length + r.aggregates.indexOf(COLS[k]!)]!
      expect(Math.abs(got - v), `${u} ${COLS[k]}: ${got} vs ${v}`).toBeLessThanOrEqual(
        0.5 * 10 ** -digits + 1e-9,
      )
    })
  }
}

describe('COINr overview vignette: Denominate → Screen 0.9 → Treat → Normalise → Aggregate', () => {
  const r = composite(raw, h, { ...base, minData: 0.9 })
  it('screens 5 of 51 units (46 left), keeps every stage', () => {
    expect(r.units).toHaveLength(46)
    expect(r.screenedOut).toHaveLength(5)
    expect(Object.keys(r.stages)).toEqual([
      'raw',
      'denominated',
      'screened',
      'treated',
      'normalised',
      'aggregated',
    ])
  })
  it('head(get_results()) to 2 decimals, with ranks', () => {
    expectTable(
      r,
      [
        ['CHE', 1, 68.33, 62.18, 74.48, 64.37, 33.3, 73.03, 83.32, 56.87, 78.13, 87.63, 57.67],
        ['DNK', 2, 64.47, 56.05, 72.9, 50.17, 30.52, 76.98, 71.59, 51.01, 70.53, 86.17, 61.99],
        ['NLD', 3, 64.46, 61.32, 67.6, 68.15, 45.11, 83.49, 67.96, 41.86, 57.14, 86.0, 59.65],
        ['NOR', 4, 64.23, 56.53, 71.93, 57.45, 25.39, 78.95, 87.1, 33.75, 71.55, 87.04, 57.2],
        ['BEL', 5, 63.11, 63.02, 63.19, 71.8, 48.65, 79.57, 71.84, 43.27, 52.0, 85.36, 52.22],
        ['SWE', 6, 62.82, 52.88, 72.77, 51.9, 23.93, 80.1, 70.04, 38.43, 68.34, 86.92, 63.04],
      ],
      2,
    )
  })
})

describe('COINr build_example_coin() (results and aggregate vignettes)', () => {
  const groups = asemColumn('uCode').map(
    (_, i) => asemData.rows[i]!.cells[asemData.header.indexOf('EurAsia_group')]!,
  )
  const r = composite(raw, h, { ...base, impute: 'group-mean', groups })
  it('group-mean imputation leaves no cell missing, so COINr’s later screen (0.9) drops nobody', () => {
    expect(r.stages.imputed!.data.some(Number.isNaN)).toBe(false)
    expect(r.units).toHaveLength(51)
  })
  it('head(get_results()) to 2 decimals, with ranks (results.html)', () => {
    expectTable(
      r,
      [
        ['CHE', 1, 68.38, 62.79, 73.98, 63.41, 32.87, 74.78, 85.94, 56.93, 77.21, 87.85, 56.88],
        ['NLD', 2, 64.82, 61.94, 67.7, 64.87, 46.62, 84.55, 71.74, 41.92, 58.73, 86.58, 57.78],
        ['DNK', 3, 64.8, 57.1, 72.51, 50.52, 30.43, 78.13, 75.35, 51.04, 69.83, 86.4, 61.29],
        ['NOR', 4, 64.47, 57.44, 71.5, 58.18, 25.7, 80.03, 89.46, 33.8, 70.9, 87.0, 56.59],
        ['BEL', 5, 63.54, 63.99, 63.09, 71.97, 48.22, 80.84, 75.6, 43.32, 53.01, 86.17, 50.09],
        ['SWE', 6, 63.0, 53.87, 72.12, 51.51, 23.87, 80.98, 74.51, 38.5, 66.37, 87.74, 62.27],
      ],
      2,
    )
  })
  it('get_unit_summary("IND"): score and rank at every level (results.html)', () => {
    const i = r.units.indexOf('IND')
    const printed: [string, number, number][] = [
      ['Index', 39.79, 45],
      ['Conn', 28.6, 44],
      ['Sust', 50.99, 43],
      ['Physical', 18.78, 48],
      ['ConEcFin', 6.38, 49],
      ['Political', 51.9, 33],
      ['Instit', 59.84, 37],
      ['P2P', 6.07, 47],
      ['Environ', 75.34, 6],
      ['Social', 22.74, 51],
      ['SusEcFin', 54.88, 36],
    ]
    const A = r.aggregates.length
    for (const [code, score, rank] of printed) {
      const k = r.aggregates.indexOf(code)
      const col = Array.from({ length: r.units.length }, (_, u) => r.scores[u * A + k]!)
      expect(Math.abs(col[i]! - score)).toBeLessThanOrEqual(0.005 + 1e-9)
      expect(1 + col.filter((v) => v > col[i]!).length, code).toBe(rank)
    }
  })
  it('the aggregated set, first five rows (AUS, AUT, BEL, BGD, BGR: COINr orders units by uCode), signif 3 (aggregate.html)', () => {
    const printed: [string, number[]][] = [
      ['AUS', [12.6, 31.9, 52.4, 39.5, 34.8, 52.5, 71.9, 55.7, 38.4, 53.2, 45.8]],
      ['AUT', [26.2, 69.5, 77.5, 54.1, 41.1, 78.2, 72.8, 62.9, 55.4, 68.4, 61.9]],
      ['BEL', [48.2, 53.0, 75.6, 43.3, 72.0, 80.8, 86.2, 50.1, 64.0, 63.1, 63.5]],
      ['BGD', [13.3, 81.7, 26.5, 5.85, 22.9, 32.4, 27.5, 64.6, 20.2, 57.9, 39.0]],
      ['BGR', [24.6, 55.7, 75.9, 27.1, 28.4, 67.5, 53.3, 61.7, 44.7, 56.9, 50.8]],
    ]
    const cols = [
      'ConEcFin',
      'Environ',
      'Instit',
      'P2P',
      'Physical',
      'Political',
      'Social',
      'SusEcFin',
      'Conn',
      'Sust',
      'Index',
    ]
    const A = r.aggregates.length
    for (const [u, values] of printed) {
      const i = r.units.indexOf(u)
      values.forEach((v, k) => {
        const got = r.scores[i * A + r.aggregates.indexOf(cols[k]!)]!
        expect(Number(got.toPrecision(3)), `${u} ${cols[k]}`).toBe(v)
      })
    }
  })
})

describe('aggregation', () => {
  it('weighted harmonic mean of LPI, Flights, Ship, Bord on [1, 100], w = (1, 1, 2, 1) (aggregate.html, signif 3)', () => {
    const codes = ['LPI', 'Flights', 'Ship', 'Bord']
    const w = [1, 1, 2, 1]
    const flat = buildHierarchy([
      ...codes.map(
        (c, k): MetaRow => ({
          code: c,
          level: 1,
          parent: 'y',
          weight: w[k]!,
          direction: 'higher',
          denominator: null,
        }),
      ),
      { code: 'y', level: 2, parent: null, weight: 1, direction: 'higher', denominator: null },
    ])
    const m = createMatrix(asemUnits, codes)
    codes.forEach((c, j) => {
      asemColumn(c).forEach((v, i) => {
        m.data[i * 4 + j] = v
      })
    })
    const r = composite(m, flat, {
      ...base,
      denominators: undefined,
      treat: 'none',
      range: [1, 100],
      aggregation: 'harmonic',
    })
    expect(Array.from(r.index.subarray(0, 5), (v) => Number(v.toPrecision(3)))).toEqual([
      2.36, 41.5, 14.3, 17.4, 3.93,
    ])
    const n = r.stages.normalised!
    expect(Array.from(n.data.subarray(0, 4), (v) => Number(v.toPrecision(3)))).toEqual([
      94.1, 14.2, 1.0, 29.4,
    ])
  })

  const tiny = buildHierarchy([
    { code: 'a', level: 1, parent: 'I', weight: 1, direction: 'higher', denominator: null },
    { code: 'b', level: 1, parent: 'I', weight: 3, direction: 'lower', denominator: null },
    { code: 'I', level: 2, parent: null, weight: 1, direction: 'higher', denominator: null },
  ])
  const m = matrixFromRows(
    ['u', 'v', 'w'],
    ['a', 'b'],
    [
      [0, 0],
      [5, 10],
      [10, 5],
    ],
  )
  const opts: CompositeOptions = { ...base, denominators: undefined, treat: 'none' }

  it('arithmetic, geometric and harmonic means follow the weights and the direction', () => {
    // normalised a = 0, 50, 100; b (lower is better) = 100, 0, 50; weights 1 and 3 (shares ¼, ¾)
    expect(Array.from(composite(m, tiny, opts).index)).toEqual([75, 12.5, 62.5])
    // on [1, 100]: a = 1, 50.5, 100; b = 100, 1, 50.5
    // python3: import numpy as np; a=np.array([1,50.5,100]); b=np.array([100,1,50.5])
    //   print(np.exp(.25*np.log(a)+.75*np.log(b))) → [31.6227766   2.66577103 59.90575329]
    //   print(1/(.25/a+.75/b))                      → [ 3.88349515  1.32459016 57.63195435]
    const g = composite(m, tiny, { ...opts, range: [1, 100], aggregation: 'geometric' }).index
    expect(Array.from(g).map((v) => Number(v.toFixed(6)))).toEqual([31.622777, 2.665771, 59.905753])
    const hm = composite(m, tiny, { ...opts, range: [1, 100], aggregation: 'harmonic' }).index
    expect(Array.from(hm).map((v) => Number(v.toFixed(6)))).toEqual([3.883495, 1.32459, 57.631954])
  })
  it('a geometric or harmonic mean over a zero is refused, naming the cell, never skipped', () => {
    expect(() => composite(m, tiny, { ...opts, aggregation: 'geometric' })).toThrow(MethodInputError)
    expect(() => composite(m, tiny, { ...opts, aggregation: 'geometric' })).toThrow(/unit u, a/)
    expect(() => composite(m, tiny, { ...opts, normalize: 'zscore', aggregation: 'harmonic' })).toThrow(
      /positive/,
    )
  })
  it('missing children are left out with their weights (COINr a_amean, na.rm)', () => {
    const mm = matrixFromRows(
      ['u', 'v', 'w'],
      ['a', 'b'],
      [
        [0, 0],
        [5, Number.NaN],
        [10, 5],
      ],
    )
    const r = composite(mm, tiny, opts)
    expect(r.index[1]).toBe(50)
  })
  it('entropy weights: aggregate weight = sum of its indicators’, so the arithmetic index is Σ w_j z_j', () => {
    const r = composite(raw, h, {
      ...base,
      impute: 'group-mean',
      groups: asemColumn('uCode').map(() => 'g'),
      weights: 'entropy',
    })
    const ind = h.indicators.map((x) => x.code)
    const pillarW = r.weights.Conn!
    let s = 0
    for (const p of Object.keys(pillarW)) s += Object.values(r.weights[p]!).reduce((a, b) => a + b, 0)
    const subW = Object.values(r.weights.Index!)
    expect(subW.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(s).toBeCloseTo(r.weights.Index!.Conn!, 12)
    const n = r.stages.normalised!
    const flat = new Map<string, number>()
    for (const l of h.levels[0]!.nodes)
      for (const [c, w] of Object.entries(r.weights[l.code]!)) flat.set(c, w)
    for (let i = 0; i < n.rows; i++) {
      let acc = 0
      ind.forEach((c, j) => {
        acc += flat.get(c)! * n.data[i * n.cols + j]!
      })
      expect(r.index[i]).toBeCloseTo(acc, 9)
    }
  })
})

describe('the blocked aggregation used by the uncertainty draws', () => {
  it('equals the general aggregation for every mean and lane, missing cells included', () => {
    for (const how of ['arithmetic', 'geometric', 'harmonic'] as const) {
      const r = composite(raw, h, { ...base, range: [1, 100], aggregation: how })
      const n = r.stages.normalised!
      expect(n.data.some(Number.isNaN)).toBe(true)
      const c = compileHierarchy(h, n.columns)
      const A = c.aggregates.length
      // lane b: every weight × (1 + b/10) — relative weights unchanged, so every lane equals r.index
      const wInd = new Float64Array(n.cols * LANES)
      const wAgg = new Float64Array(A * LANES)
      for (let b = 0; b < LANES; b++) {
        h.indicators.forEach((x, j) => {
          wInd[j * LANES + b] = x.weight * (1 + b / 10)
        })
        c.aggregates.forEach((code, k) => {
          wAgg[k * LANES + b] = h.byCode.get(code)!.weight * (1 + b / 10)
        })
      }
      const out = new Float64Array(n.rows * LANES)
      const scratch = () => new Float64Array(ROWS * A * LANES)
      aggregateLanes(linearInput(n.data, how), n.rows, n.cols, c, how, wInd, wAgg, out, scratch(), scratch())
      for (let b = 0; b < LANES; b++)
        for (let i = 0; i < n.rows; i++) expect(out[b * n.rows + i]).toBeCloseTo(r.index[i]!, 9)
    }
  })
})

describe('stages against COINr’s stage examples', () => {
  const sub = (rows: number[], cols: string[]) =>
    createMatrix(
      rows.map((i) => asemUnits[i]!),
      cols,
      Float64Array.from(rows.flatMap((i) => cols.map((c) => asemColumn(c)[i]!))),
    )
  it('i_mean on ASEM_iData[37:46, c(Pat, CultServ, CultGood, Tourist)] (imputation.html)', () => {
    const m = impute(
      sub([36, 37, 38, 39, 40, 41, 42, 43, 44, 45], ['Pat', 'CultServ', 'CultGood', 'Tourist']),
      'mean',
    )
    expect(m.data[4 * 4]).toBeCloseTo(122.35, 10)
    expect(m.data[4 * 4 + 1]!.toFixed(7)).toBe('0.6470778')
    expect(m.data[2]).toBeCloseTo(4.5395, 10)
  })
  it('i_median_grp with groups a×5, b×5 (imputation.html)', () => {
    const m = impute(
      sub([36, 37, 38, 39, 40, 41, 42, 43, 44, 45], ['Pat', 'CultServ', 'CultGood', 'Tourist']),
      'group-median',
      ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'],
    )
    const at = (i: number, j: number) => m.data[i * 4 + j]!
    expect(at(0, 2)).toBeCloseTo(8.5835, 10)
    expect(at(4, 0)).toBeCloseTo(136.75, 10)
    expect(at(4, 1)).toBeCloseTo(0.966025, 10)
    expect(at(7, 0)).toBeCloseTo(26.85, 10)
    expect(at(7, 2)).toBeCloseTo(1.2345, 10)
  })
  it('Screen(dat_thresh = 0.75) on ASEM_iData[40:51, Research..CultGood] removes LAO, MMR, VNM (screening.html)', () => {
    const s = screen(
      sub([39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50], ['Research', 'Pat', 'CultServ', 'CultGood']),
      0.75,
    )
    expect(s.removed).toEqual(['LAO', 'MMR', 'VNM'])
    expect(Array.from(s.availability.subarray(0, 6))).toEqual([0.75, 0.25, 1, 1, 0.5, 1])
  })
  it('get_data_avail on the raw ASEM set: AUS 0.9387755 non-zero, BRN 0.7959184 availability (imputation.html)', () => {
    const s = screen(raw, 0)
    const i = (u: string) => asemUnits.indexOf(u)
    expect(s.nonZero[i('AUS')]!.toFixed(7)).toBe('0.9387755')
    expect(s.availability[i('BGD')]!.toFixed(7)).toBe('0.8775510')
    expect(s.nonZero[i('BGD')]!.toFixed(7)).toBe('0.9767442')
    expect(s.availability[i('BRN')]!.toFixed(7)).toBe('0.7959184')
    expect(Math.min(...s.availability).toFixed(7)).toBe('0.7959184')
  })
  it('min-max of a constant column is NaN (COINr n_minmax), so it drops out of the aggregates', () => {
    const m = matrixFromRows(
      ['u', 'v'],
      ['a', 'b'],
      [
        [1, 3],
        [1, 4],
      ],
    )
    const n = normaliseStage(m, 'minmax', ['higher', 'higher'], [0, 100])
    expect(Number.isNaN(n.data[0]!)).toBe(true)
    expect(n.data[3]).toBe(100)
  })
})

describe('properties', () => {
  it('ranks are a permutation of 1..n when scores differ; screening keeps the row order', () => {
    const r = composite(raw, h, { ...base, impute: 'mean' })
    expect(r.ties).toEqual([])
    expect(Array.from(r.rank).sort((a, b) => a - b)).toEqual(r.units.map((_, i) => i + 1))
    expect(r.units).toEqual(asemUnits)
  })
  it('reversing an indicator and flipping its direction gives the same index', () => {
    const flipped = buildHierarchy(
      [...h.byCode.values()].map((x) => (x.code === 'CO2' ? { ...x, direction: 'higher' } : x)),
    )
    const m = createMatrix(raw.units, raw.columns, Float64Array.from(raw.data))
    const j = raw.columns.indexOf('CO2')
    for (let i = 0; i < m.rows; i++) m.data[i * m.cols + j] = -m.data[i * m.cols + j]!
    const o = { ...base, denominators: undefined, treat: 'none' } as const
    const a = composite(raw, h, o).index
    const b = composite(m, flipped, o).index
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 10)
  })
})
