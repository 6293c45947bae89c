import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMatrix, type Direction } from './matrix.ts'
import { NORMALIZE_SCHEMES, type NormalizeScheme, normalize } from './normalize.ts'

/** The formulas as the module's header states them, one cell at a time (the slow, obvious way). */
function byFormula(col: number[], scheme: NormalizeScheme, dir: Direction): number[] {
  const xs = col.filter((x) => !Number.isNaN(x))
  const cost = dir === 'lower'
  const min = Math.min(...xs)
  const max = Math.max(...xs)
  const sum = xs.reduce((a, x) => a + x, 0)
  const sumSq = xs.reduce((a, x) => a + x * x, 0)
  const sumInv = xs.reduce((a, x) => a + 1 / x, 0)
  const f = (x: number): number => {
    switch (scheme) {
      case 'minmax':
        return max === min ? 1 : cost ? (max - x) / (max - min) : (x - min) / (max - min)
      case 'vector':
        return Math.sqrt(sumSq) === 0 ? Number.NaN : cost ? 1 - x / Math.sqrt(sumSq) : x / Math.sqrt(sumSq)
      case 'sum':
        if (cost) return sumInv === 0 || !Number.isFinite(sumInv) ? Number.NaN : 1 / x / sumInv
        return sum === 0 ? Number.NaN : x / sum
      case 'max':
        return max === 0 ? Number.NaN : cost ? 1 - x / max : x / max
      case 'zscore': {
        const n = xs.length
        const mean = sum / n
        const sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)))
        return sd > 0 ? (cost ? (mean - x) / sd : (x - mean) / sd) : Number.NaN
      }
    }
  }
  return col.map((x) => (Number.isNaN(x) ? Number.NaN : f(x)))
}

describe('normalize', () => {
  it('gives every scheme and direction bit for bit as its formula, missing cells staying missing', () => {
    const cell = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
      { weight: 1, arbitrary: fc.constantFrom(0, 1, 5) },
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(cell, { minLength: 60, maxLength: 60 }),
        fc.constantFrom(...NORMALIZE_SCHEMES),
        fc.array(fc.constantFrom<Direction>('higher', 'lower'), { minLength: 5, maxLength: 5 }),
        (rows, cols, cells, scheme, dirs) => {
          const m = createMatrix(
            Array.from({ length: rows }, (_, i) => `u${i}`),
            Array.from({ length: cols }, (_, j) => `x${j}`),
            Float64Array.from(cells.slice(0, rows * cols)),
          )
          const out = normalize(m, { scheme, directions: dirs.slice(0, cols) })
          for (let j = 0; j < cols; j++) {
            const col = Array.from({ length: rows }, (_, i) => m.data[i * cols + j]!)
            const got = Array.from({ length: rows }, (_, i) => out.data[i * cols + j]!)
            if (col.every(Number.isNaN)) continue // no statistic at all: nothing to compare
            expect(got).toEqual(byFormula(col, scheme, dirs[j]!))
          }
        },
      ),
      { numRuns: 2000, seed: 1981 },
    )
  })
})
