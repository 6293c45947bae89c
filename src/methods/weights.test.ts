/**
 * Weights against published examples, as pymcdm's test suite states them (pymcdm by Shekhovtsov &
 * Kizielewicz; file test/test_weights.py, read in the copy github.com/leeeeeeeee2/mcda at commit
 * 0da94cb93463ce2375a66d73d9e9512634986138), to the precision printed there.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromRows } from './matrix.ts'
import { criticWeights, entropyWeights, MethodInputError } from './weights.ts'

const round = (xs: ArrayLike<number>, d: number) => Array.from(xs, (x) => Number(x.toFixed(d)))
const higher = (n: number) => Array.from({ length: n }, () => 'higher' as const)

describe('entropy weights', () => {
  it('reproduces Elsayed, Dawood & Karthikeyan (2017), Int. J. Eng. Trends Technol. 46(2):60–66, via pymcdm', () => {
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
    const r = entropyWeights(m, { on: 'raw', directions: higher(5), zero: { kind: 'xlnx0' } })
    expect(round(r.weights, 6)).toEqual([0.104991, 0.069124, 0.071373, 0.449937, 0.304575])
  })

  it('follows the zero rules: xlnx0 counts a zero as 0·ln 0 = 0, column-zero (pymcdm) zeroes the entropy', () => {
    const m = matrixFromRows(
      ['a', 'b', 'c'],
      ['x', 'y'],
      [
        [0, 1],
        [1, 2],
        [1, 3],
      ],
    )
    const xl = entropyWeights(m, { on: 'raw', directions: higher(2), zero: { kind: 'xlnx0' } })
    // column x: p = (0, ½, ½) → e = ln 2 / ln 3
    expect(xl.entropy[0]).toBeCloseTo(Math.log(2) / Math.log(3), 12)
    const cz = entropyWeights(m, { on: 'raw', directions: higher(2), zero: { kind: 'column-zero' } })
    expect(cz.entropy[0]).toBe(0)
    const sh = entropyWeights(m, { on: 'raw', directions: higher(2), zero: { kind: 'shift', eps: 1 } })
    // shifted by 1: column x = (1, 2, 2) → p = (0.2, 0.4, 0.4)
    const p = [0.2, 0.4, 0.4]
    expect(sh.entropy[0]).toBeCloseTo(-p.reduce((s, q) => s + q * Math.log(q), 0) / Math.log(3), 12)
  })

  it('refuses negative raw values, naming the cell', () => {
    const m = matrixFromRows(['a', 'b'], ['x'], [[1], [-2]])
    expect(() => entropyWeights(m, { on: 'raw', directions: higher(1), zero: { kind: 'xlnx0' } })).toThrow(
      /b × x is -2/,
    )
  })

  it('sums to 1; raw weights ignore a positive rescaling of a column; minmax weights ignore a flip with the direction', () => {
    const cell = fc.double({ min: 0.1, max: 1000, noNaN: true })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 12 }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        (rows, k) => {
          const units = rows.map((_, i) => `u${i}`)
          const m = matrixFromRows(units, ['a', 'b', 'c'], rows)
          const w = entropyWeights(m, { on: 'raw', directions: higher(3), zero: { kind: 'xlnx0' } }).weights
          expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9)
          const scaled = matrixFromRows(
            units,
            ['a', 'b', 'c'],
            rows.map((r) => [r[0]! * k, r[1]!, r[2]!]),
          )
          const ws = entropyWeights(scaled, {
            on: 'raw',
            directions: higher(3),
            zero: { kind: 'xlnx0' },
          }).weights
          for (let j = 0; j < 3; j++) expect(ws[j]).toBeCloseTo(w[j]!, 9)
          const flipped = matrixFromRows(
            units,
            ['a', 'b', 'c'],
            rows.map((r) => [-r[0]!, r[1]!, r[2]!]),
          )
          const a = entropyWeights(m, {
            on: 'minmax',
            directions: higher(3),
            zero: { kind: 'xlnx0' },
          }).weights
          const b = entropyWeights(flipped, {
            on: 'minmax',
            directions: ['lower', 'higher', 'higher'],
            zero: { kind: 'xlnx0' },
          }).weights
          for (let j = 0; j < 3; j++) expect(b[j]).toBeCloseTo(a[j]!, 9)
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('CRITIC weights', () => {
  it('reproduces Tuş & Aytaç Adalı (2019), Opsearch 56(2):528–538, via pymcdm (sample sd, all columns as benefit)', () => {
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
    expect(r.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12)
  })

  it('names a missing cell instead of guessing a correlation', () => {
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
  })
})
