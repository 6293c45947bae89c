import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMatrix, type Direction } from '../../methods/matrix.ts'
import { entropyWeights } from '../../methods/weights.ts'
import { mulberry32 } from '../../statistics/synth.ts'
import { entropyWeightsParallel } from './entropy-weights.ts'
import { MethodPool } from './pool.ts'

// SYNTHETIC matrix (seeded): 400 units × 25 indicators, some cells missing, a few cost columns
const rand = mulberry32(77)
const m = createMatrix(
  Array.from({ length: 400 }, (_, i) => `u${i}`),
  Array.from({ length: 25 }, (_, j) => `x${j}`),
  Float64Array.from({ length: 400 * 25 }, () => (rand() < 0.02 ? Number.NaN : rand() * 1000)),
)
const directions = m.columns.map((_, j): Direction => (j % 4 === 1 ? 'lower' : 'higher'))

describe('entropy weights with the columns split over worker threads', () => {
  const pool = new MethodPool(2)
  beforeAll(() => pool.start(), 30_000)
  afterAll(() => pool.close())

  it('equals the sequential weights, entropies and counts exactly', async () => {
    for (const o of [
      { on: 'minmax' as const, directions, zero: { kind: 'xlnx0' as const } },
      { on: 'raw' as const, directions, zero: { kind: 'shift' as const, eps: 1e-6 } },
    ]) {
      const par = await entropyWeightsParallel(pool, m, o)
      const seq = entropyWeights(m, o)
      expect(Array.from(par.weights)).toEqual(Array.from(seq.weights))
      expect(Array.from(par.entropy)).toEqual(Array.from(seq.entropy))
      expect(Array.from(par.n)).toEqual(Array.from(seq.n))
    }
  })

  it('rejects with the method’s own message, naming the column', async () => {
    const bad = createMatrix(['a', 'b', 'c'], ['x', 'y'], Float64Array.from([1, 0, 2, 0, 3, 0]))
    await expect(
      entropyWeightsParallel(pool, bad, {
        on: 'raw',
        directions: ['higher', 'higher'],
        zero: { kind: 'xlnx0' },
      }),
    ).rejects.toThrow(/column y: all values are 0/)
  })
})
