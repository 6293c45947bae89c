/**
 * Composite index. Outlier treatment against COINr's own tests (tests/testthat/test-treat.R at
 * bluefoxr/COINr 338b21ce); the whole pipeline on COINr's ASEM example inputs
 * (../shared/data/reference) against a NumPy computation of the same steps (run 2026-11-25):
 *   denominate by the meta Denominator; min-max to [0, 100] per indicator, flipped for
 *   Direction −1; weighted arithmetic mean of the available children, level 2, 3, then 4 (Index).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { csvTextToTable } from '../../files/csv.ts'
import { createMatrix, matrixFromRows } from '../matrix.ts'
import { MethodInputError } from '../weights.ts'
import { aggregateCompiled, compileHierarchy } from './aggregate.ts'
import { buildHierarchy, metaFromTable } from './hierarchy.ts'
import { composite } from './pipeline.ts'
import { kurt, passes, skew, treatColumn } from './treat.ts'

const ref = (f: string) =>
  readFileSync(new URL(`../../../../shared/data/reference/${f}`, import.meta.url), 'utf8')

describe('COINr outlier treatment', () => {
  it('winsorises the one outlier of c(1:10, 100) to 10 and then passes (test-treat.R)', () => {
    const x = [...Array.from({ length: 10 }, (_, i) => i + 1), 100]
    expect(passes(x)).toBe(false)
    const r = treatColumn(x, 5)
    expect(r.x[10]).toBe(10)
    expect(r.x.slice(0, 10)).toEqual(x.slice(0, 10))
    expect(passes(r.x)).toBe(true)
  })

  it('with winmax 1, c(1:20, 100, 200) still fails, and the original is log-transformed (log_CT)', () => {
    const x = [...Array.from({ length: 20 }, (_, i) => i + 1), 100, 200]
    const r = treatColumn(x, 1)
    expect(r.treatment).toBe('log')
    for (const [i, v] of r.x.entries()) expect(v).toBeCloseTo(Math.log(x[i]! - 1 + 0.01 * 199), 12)
  })

  it('skew and kurtosis are e1071 type 2 (Excel): zero skew for a symmetric vector', () => {
    expect(skew([1, 2, 3, 4, 5])).toBeCloseTo(0, 12)
    // n = 5, deviations −2..2: Σd² = 10, Σd⁴ = 34, r = 5·34/100 = 1.7; ((6)(1.7 − 3) + 6)·4/(3·2) = −1.2
    expect(kurt([1, 2, 3, 4, 5])).toBeCloseTo(-1.2, 12)
  })
})

describe('composite index on COINr’s ASEM inputs', () => {
  const data = csvTextToTable(ref('ASEM_iData.csv'), 'ASEM_iData.csv')
  const metaTable = csvTextToTable(ref('ASEM_iMeta.csv'), 'ASEM_iMeta.csv')
  const h = buildHierarchy(metaFromTable(metaTable.header, metaTable.rows, 'ASEM_iMeta.csv'))
  const units = data.rows.map((r) => r.cells[data.header.indexOf('uCode')]!)
  const numeric = (name: string) =>
    data.rows.map((r) => {
      const v = r.cells[data.header.indexOf(name)] ?? ''
      return v === '' ? Number.NaN : Number(v)
    })
  const codes = h.indicators.map((r) => r.code)
  const raw = createMatrix(units, codes)
  for (const [j, c] of codes.entries())
    for (const [i, v] of numeric(c).entries()) raw.data[i * codes.length + j] = v
  const denominators = Object.fromEntries(['Area', 'Energy', 'GDP', 'Population'].map((d) => [d, numeric(d)]))
  const base = {
    impute: 'none',
    minData: 0,
    treat: 'none',
    normalize: 'minmax',
    range: [0, 100],
    weights: 'meta',
    aggregation: 'arithmetic',
    denominators,
  } as const

  it('reads the structure: 49 indicators, 8 pillars, 2 sub-indices, one index', () => {
    expect(h.indicators).toHaveLength(49)
    expect(h.levels.map((l) => l.nodes.length)).toEqual([8, 2, 1])
    expect(h.top).toBe('Index')
  })

  it('the index and ranks match the NumPy reference', () => {
    const r = composite(raw, h, { ...base, range: [0, 100] })
    const top = [
      ['CHE', 64.27865120877446],
      ['DNK', 61.3521989001882],
      ['SWE', 61.291589054510084],
      ['NOR', 60.97882110785554],
      ['BEL', 60.03148113964431],
    ] as const
    for (const [k, [u, v]] of top.entries()) {
      const i = r.units.indexOf(u)
      expect(r.index[i]).toBeCloseTo(v, 9)
      expect(r.rank[i]).toBe(k + 1)
    }
    const conn = r.aggregates.indexOf('Conn')
    expect(r.scores[r.units.indexOf('NZL') * r.aggregates.length + conn]).toBeCloseTo(36.59284565415211, 9)
    expect(r.rank[r.units.indexOf('RUS')]).toBe(51)
    expect(Object.keys(r.stages)).toEqual(['raw', 'denominated', 'screened', 'normalised', 'aggregated'])
  })

  it('the full default pipeline runs, keeps every stage, and ranks are a permutation', () => {
    const r = composite(raw, h, { ...base, impute: 'mean', treat: 'winsorise', minData: 0.66 })
    expect(Object.keys(r.stages)).toEqual([
      'raw',
      'denominated',
      'screened',
      'imputed',
      'treated',
      'normalised',
      'aggregated',
    ])
    expect(r.treatment.length).toBeGreaterThan(0)
    const ranks = Array.from(r.rank).sort((a, b) => a - b)
    if (r.ties.length === 0) expect(ranks).toEqual(ranks.map((_, i) => i + 1))
  })

  it('the compiled aggregation (used by the uncertainty draws) equals the general one, missing values included', () => {
    for (const aggregation of ['arithmetic', 'geometric', 'harmonic'] as const) {
      const r = composite(raw, h, { ...base, range: [1, 100], aggregation })
      const n = r.stages.normalised!
      const c = compileHierarchy(h, n.columns)
      const wInd = Float64Array.from(n.columns, () => 1)
      const wAgg = Float64Array.from(c.aggregates, () => 1)
      const out = new Float64Array(n.rows)
      aggregateCompiled(
        n.data,
        n.data.map(Math.log),
        n.rows,
        n.cols,
        c,
        wInd,
        wAgg,
        aggregation,
        out,
        new Float64Array(2 * c.aggregates.length),
      )
      for (let i = 0; i < n.rows; i++) expect(out[i]).toBeCloseTo(r.index[i]!, 9)
    }
    expect(raw.data.some(Number.isNaN)).toBe(true)
    // the fused path for complete data (after imputation) agrees too
    for (const aggregation of ['arithmetic', 'geometric'] as const) {
      const r = composite(raw, h, { ...base, impute: 'mean', range: [1, 100], aggregation })
      const n = r.stages.normalised!
      expect(n.data.some(Number.isNaN)).toBe(false)
      const c = compileHierarchy(h, n.columns)
      const out = new Float64Array(n.rows)
      const ones = (k: number) => new Float64Array(k).fill(1)
      aggregateCompiled(
        n.data,
        n.data.map(Math.log),
        n.rows,
        n.cols,
        c,
        ones(n.cols),
        ones(c.aggregates.length),
        aggregation,
        out,
        new Float64Array(2 * c.aggregates.length),
        true,
      )
      for (let i = 0; i < n.rows; i++) expect(out[i]).toBeCloseTo(r.index[i]!, 9)
    }
  })

  it('refuses a geometric mean over zeros instead of skipping them', () => {
    expect(() => composite(raw, h, { ...base, aggregation: 'geometric' })).toThrow(MethodInputError)
    const ok = composite(raw, h, { ...base, aggregation: 'geometric', range: [1, 100] })
    expect(ok.index.every((v) => v >= 1 && v <= 100)).toBe(true)
  })
})

describe('aggregation', () => {
  it('weighted arithmetic mean follows the weights (as COINr a_amean)', () => {
    const h = buildHierarchy([
      { code: 'a', level: 1, parent: 'I', weight: 1, direction: 'higher', denominator: null },
      { code: 'b', level: 1, parent: 'I', weight: 3, direction: 'higher', denominator: null },
      { code: 'I', level: 2, parent: null, weight: 1, direction: 'higher', denominator: null },
    ])
    const m = matrixFromRows(
      ['u', 'v', 'w'],
      ['a', 'b'],
      [
        [0, 10],
        [5, 0],
        [10, 5],
      ],
    )
    const r = composite(m, h, {
      impute: 'none',
      minData: 0,
      treat: 'none',
      normalize: 'minmax',
      range: [0, 100],
      weights: 'meta',
      aggregation: 'arithmetic',
    })
    // normalised: a = 0, 50, 100; b = 100, 0, 50 → (1·a + 3·b)/4 = 75, 12.5, 62.5
    expect(Array.from(r.index)).toEqual([75, 12.5, 62.5])
  })
})
