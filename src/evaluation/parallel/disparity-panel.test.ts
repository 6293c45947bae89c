import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disparityMeasures } from '../../methods/disparity.ts'
import { createMatrix } from '../../methods/matrix.ts'
import { mulberry32 } from '../../statistics/synth.ts'
import { disparityPanel, MethodPool } from './disparity-panel.ts'

// SYNTHETIC panel (seeded): 5 years × 150 units × 12 indicators, lognormal, some cells missing
const Y = 5
const U = 150
const K = 12
const rand = mulberry32(2026)
const panel = Float64Array.from({ length: Y * U * K }, () =>
  rand() < 0.03 ? Number.NaN : Math.exp(2 * (rand() - 0.5)) * 100,
)
const units = Array.from({ length: U }, (_, i) => `u${i}`)
const columns = Array.from({ length: K }, (_, j) => `x${j}`)

describe('disparity over a panel in worker threads', () => {
  const pool = new MethodPool(2)
  beforeAll(() => pool.start(), 30_000)
  afterAll(() => pool.close())

  it('gives every year exactly what the sequential method gives', async () => {
    const parallel = await disparityPanel(pool, panel, units, columns)
    expect(parallel).toHaveLength(Y)
    for (let y = 0; y < Y; y++) {
      const seq = disparityMeasures(createMatrix(units, columns, panel.subarray(y * U * K, (y + 1) * U * K)))
      for (const key of ['n', 'cv', 'theilT', 'theilL', 'gini'] as const)
        expect(Array.from(parallel[y]![key]), `${key} in year ${y}`).toEqual(Array.from(seq[key]))
    }
  })

  it('passes weights and groups through, and reports a method error as a rejection', async () => {
    const weights = Array.from({ length: U }, (_, i) => 1 + (i % 7))
    const groups = units.map((_, i) => (i < 50 ? 'east' : 'west'))
    const [first] = await disparityPanel(pool, panel, units, columns, { weights, groups })
    const seq = disparityMeasures(createMatrix(units, columns, panel.subarray(0, U * K)), { weights, groups })
    expect(Array.from(first!.betweenT)).toEqual(Array.from(seq.betweenT))
    expect(Array.from(first!.gini)).toEqual(Array.from(seq.gini))
    await expect(disparityPanel(pool, panel, units, columns, { weights: [1, 2] })).rejects.toThrow(
      /2 weights for 150 units/,
    )
  })
})
