/**
 * The parallel paths give the sequential results bit for bit (same bytes, notes in the same
 * order, same errors), on seeded random panels with missing cells, zeros, negative values,
 * constant columns, unit weights and groups. Two workers plus the calling thread: three shares,
 * so a middle range is exercised too.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../statistics/synth.ts'
import { asemDenominators, asemHierarchy, asemRaw } from '../composite/asem-fixture.ts'
import { DISPARITY_ARRAYS, type DisparityResult, disparityMeasures } from '../disparity.ts'
import { createMatrix, type Direction, type Matrix } from '../matrix.ts'
import { type UncertaintyOptions, type UncertaintyResult, uncertainty } from '../uncertainty.ts'
import { type EntropyOptions, entropyWeights } from '../weights.ts'
import {
  disparityParallel,
  disparityParallelMany,
  entropyWeightsParallel,
  uncertaintyParallel,
  WorkerPool,
} from './index.ts'

const pool = new WorkerPool(2)
const single = new WorkerPool(0)
afterAll(() => Promise.all([pool.close(), single.close()]))

/** Bytes of a Float64Array, so that NaN payloads and −0 count too. */
const bytes = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))

function panel(seed: number, rows: number, cols: number, shared: boolean): Matrix {
  const rand = mulberry32(seed)
  const data = shared
    ? new Float64Array(new SharedArrayBuffer(rows * cols * 8))
    : new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const u = rand()
      data[i * cols + j] =
        j % 11 === 5
          ? 3 // constant column
          : u < 0.05
            ? Number.NaN
            : u < 0.08
              ? 0
              : j % 17 === 9 && u < 0.1
                ? -1 // a few columns with a negative value
                : Math.exp(3 * rand()) * (1 + (j % 4))
    }
  return createMatrix(
    Array.from({ length: rows }, (_, i) => `u${i}`),
    Array.from({ length: cols }, (_, j) => `x${j}`),
    data,
  )
}

const KEYS = DISPARITY_ARRAYS

function expectSameDisparity(a: DisparityResult, b: DisparityResult) {
  for (const k of KEYS) expect(bytes(b[k]), k).toEqual(bytes(a[k]))
  expect(b.notes).toEqual(a.notes)
  expect(b.groups).toEqual(a.groups)
  expect(b.groupUnits).toEqual(a.groupUnits)
  expect(b[KEYS[0]].buffer).toBeInstanceOf(ArrayBuffer) // handed back off shared memory
}

describe('disparityParallel', () => {
  it('equals disparityMeasures bit for bit: unweighted, weighted, grouped, sample sd, 1–40 columns', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rows = 20 + seed * 37
      const cols = seed === 1 ? 1 : seed * 3 + 4
      const m = panel(seed, rows, cols, seed % 2 === 0)
      const rand = mulberry32(seed + 100)
      const weights = Array.from({ length: rows }, () => (rand() < 0.05 ? Number.NaN : 1 + 99 * rand()))
      const groups = Array.from(
        { length: rows },
        () => ['', 'east', 'west', 'north'][Math.floor(4 * rand())]!,
      )
      for (const o of [{}, { sd: 'sample' as const }, { weights }, { groups }, { weights, groups }]) {
        expectSameDisparity(disparityMeasures(m, o), await disparityParallel(pool, m, o))
        expectSameDisparity(disparityMeasures(m, o), await disparityParallel(single, m, o))
      }
    }
  })

  it('refuses what disparityMeasures refuses, with the same message', async () => {
    const m = panel(3, 30, 4, false)
    await expect(disparityParallel(pool, m, { weights: [1, 2] })).rejects.toThrow('2 weights for 30 units')
  })
})

describe('disparityParallelMany', () => {
  it('equals disparityMeasures of each matrix bit for bit, whichever thread takes it', async () => {
    const rows = 150
    const cols = 23
    const years = Array.from({ length: 7 }, (_, y) => panel(40 + y, rows, cols, y % 2 === 0))
    const rand = mulberry32(7)
    const weights = Array.from({ length: rows }, () => (rand() < 0.05 ? Number.NaN : 1 + 99 * rand()))
    const groups = Array.from({ length: rows }, () => ['', 'east', 'west'][Math.floor(3 * rand())]!)
    for (const o of [{}, { weights }, { groups }, { weights, groups, sd: 'population' as const }]) {
      const many = await disparityParallelMany(pool, years, o)
      const alone = await disparityParallelMany(single, years, o)
      years.forEach((m, y) => {
        expectSameDisparity(disparityMeasures(m, o), many[y]!)
        expectSameDisparity(disparityMeasures(m, o), alone[y]!)
      })
    }
    await expect(disparityParallelMany(pool, [years[0]!, panel(1, rows, cols + 1, false)])).rejects.toThrow(
      /matrices of/,
    )
  })
})

describe('entropyWeightsParallel', () => {
  const positive = (m: Matrix) => {
    const data = m.data.map((x) => (Number.isNaN(x) ? x : Math.abs(x)))
    return createMatrix(m.units, m.columns, data)
  }

  it('equals entropyWeights bit for bit: min-max either direction, raw, shift, column-zero', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const cols = seed * 3 + 2
      const m = positive(panel(seed, 30 + seed * 41, cols, seed % 3 === 0))
      const directions = Array.from({ length: cols }, (_, j): Direction => (j % 3 === 1 ? 'lower' : 'higher'))
      const options: EntropyOptions[] = [
        { on: 'minmax', directions, zero: { kind: 'xlnx0' } },
        { on: 'raw', directions, zero: { kind: 'shift', eps: 1e-4 } },
        { on: 'minmax', directions, zero: { kind: 'column-zero' } },
      ]
      for (const o of options) {
        const a = entropyWeights(m, o)
        for (const p of [pool, single]) {
          const b = await entropyWeightsParallel(p, m, o)
          for (const k of ['weights', 'entropy', 'divergence', 'n'] as const)
            expect(bytes(b[k]), k).toEqual(bytes(a[k]))
        }
      }
    }
  })

  it('refuses a negative raw value naming the same unit and column', async () => {
    const m = panel(5, 200, 40, true) // columns 9 and 26 hold −1
    const o: EntropyOptions = { on: 'raw', directions: [], zero: { kind: 'xlnx0' } }
    const message = (() => {
      try {
        entropyWeights(m, o)
      } catch (e) {
        return (e as Error).message
      }
    })()
    expect(message).toMatch(/x9 is -1/)
    await expect(entropyWeightsParallel(pool, m, o)).rejects.toThrow(message!)
  })
})

describe('uncertaintyParallel', () => {
  const raw = asemRaw()
  const same = (a: UncertaintyResult, b: UncertaintyResult) => {
    for (const k of ['nominalRank', 'rankMedian', 'rankP05', 'rankP95'] as const)
      expect(bytes(b[k]), k).toEqual(bytes(a[k]))
    expect(b.units).toEqual(a.units)
    expect(Object.entries(b.sensitivity)).toEqual(Object.entries(a.sensitivity))
    expect(Object.entries(b.sensitivityTotal)).toEqual(Object.entries(a.sensitivityTotal))
    expect([b.baseRows, b.draws]).toEqual([a.baseRows, a.draws])
  }

  it('equals uncertainty bit for bit on COINr’s ASEM inputs, with and without missing cells', async () => {
    const variants: UncertaintyOptions[] = [
      {
        base: { impute: 'none', minData: 0, treat: 'none', range: [1, 100], denominators: asemDenominators },
        normalize: ['minmax'],
        weights: ['meta', 'equal', 'entropy'],
        aggregation: ['arithmetic', 'geometric', 'harmonic'],
        perturb: 0.25,
        draws: 123,
        seed: 11,
      },
      {
        base: {
          impute: 'mean',
          minData: 0,
          treat: 'winsorise',
          range: [1, 100],
          denominators: asemDenominators,
        },
        normalize: ['minmax', 'zscore'],
        weights: ['meta', 'entropy'],
        aggregation: ['arithmetic'],
        perturb: 0.1,
        draws: 40,
        seed: 3,
      },
      {
        base: { impute: 'none', minData: 0, treat: 'none', range: [1, 100], denominators: asemDenominators },
        normalize: ['minmax'],
        weights: ['meta'],
        aggregation: ['geometric'],
        perturb: 0,
        draws: 3, // one block: fewer blocks than threads
        seed: 1,
      },
    ]
    for (const o of variants) {
      const a = uncertainty(raw, asemHierarchy, o)
      same(a, await uncertaintyParallel(pool, raw, asemHierarchy, o))
      same(a, await uncertaintyParallel(single, raw, asemHierarchy, o))
    }
  })

  it('refuses what uncertainty refuses', async () => {
    const o: UncertaintyOptions = {
      base: { impute: 'none', minData: 0, treat: 'none', range: [1, 100] },
      normalize: ['minmax'],
      weights: ['meta'],
      aggregation: ['arithmetic'],
      perturb: 0.25,
      draws: 1,
      seed: 1,
    }
    await expect(uncertaintyParallel(pool, raw, asemHierarchy, o)).rejects.toThrow('at least 2 draws')
  })
})
