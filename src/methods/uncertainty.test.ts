/** Rank uncertainty on COINr's ASEM inputs: reproducible, consistent with the nominal ranks, and strict about choices. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { csvTextToTable } from '../files/csv.ts'
import { buildHierarchy, metaFromTable } from './composite/hierarchy.ts'
import { createMatrix } from './matrix.ts'
import { uncertainty } from './uncertainty.ts'
import { MethodInputError } from './weights.ts'

const ref = (f: string) =>
  readFileSync(new URL(`../../../shared/data/reference/${f}`, import.meta.url), 'utf8')
const data = csvTextToTable(ref('ASEM_iData.csv'), 'ASEM_iData.csv')
const metaTable = csvTextToTable(ref('ASEM_iMeta.csv'), 'ASEM_iMeta.csv')
const h = buildHierarchy(metaFromTable(metaTable.header, metaTable.rows, 'ASEM_iMeta.csv'))
const codes = h.indicators.map((r) => r.code)
const raw = createMatrix(
  data.rows.map((r) => r.cells[1]!),
  codes,
)
codes.forEach((c, j) => {
  const k = data.header.indexOf(c)
  data.rows.forEach((r, i) => {
    raw.data[i * codes.length + j] = r.cells[k] === '' ? Number.NaN : Number(r.cells[k])
  })
})
const base = { impute: 'mean', minData: 0, treat: 'none', range: [1, 100] } as const

describe('rank uncertainty', () => {
  const run = (seed: number) =>
    uncertainty(raw, h, {
      base,
      normalize: ['minmax', 'zscore'].slice(0, 1) as ['minmax'],
      weights: ['meta', 'entropy'],
      aggregation: ['arithmetic', 'geometric'],
      perturb: 0.25,
      draws: 60,
      seed,
    })

  it('the same seed gives identical results; intervals contain the median; sensitivities in [0, 1]', () => {
    const a = run(7)
    const b = run(7)
    expect(Array.from(a.rankMedian)).toEqual(Array.from(b.rankMedian))
    expect(a.sensitivity).toEqual(b.sensitivity)
    for (let i = 0; i < a.units.length; i++) {
      expect(a.rankP05[i]).toBeLessThanOrEqual(a.rankMedian[i]!)
      expect(a.rankMedian[i]).toBeLessThanOrEqual(a.rankP95[i]!)
    }
    for (const v of Object.values(a.sensitivity)) expect(v).toBeGreaterThanOrEqual(0)
    for (const v of Object.values(a.sensitivity)) expect(v).toBeLessThanOrEqual(1)
    expect(Object.keys(a.sensitivity).sort()).toEqual(['aggregation', 'perturb', 'weights'])
  })

  it('with one fixed choice and no perturbation every interval is the nominal rank', () => {
    const r = uncertainty(raw, h, {
      base,
      normalize: ['minmax'],
      weights: ['meta'],
      aggregation: ['arithmetic'],
      perturb: 0,
      draws: 5,
      seed: 1,
    })
    expect(Array.from(r.rankP05)).toEqual(Array.from(r.nominalRank))
    expect(Array.from(r.rankP95)).toEqual(Array.from(r.nominalRank))
  })

  it('refuses a geometric mean over z-scores rather than skipping it', () => {
    expect(() =>
      uncertainty(raw, h, {
        base,
        normalize: ['minmax', 'zscore'],
        weights: ['meta'],
        aggregation: ['geometric'],
        perturb: 0,
        draws: 5,
        seed: 1,
      }),
    ).toThrow(MethodInputError)
  })
})
