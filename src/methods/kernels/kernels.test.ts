/**
 * The kernels against the JavaScript they replace, bit for bit: fdlibm's logarithm against V8's
 * Math.log, the sort against TypedArray sort, and the entropy and disparity sums against the
 * per-cell loops the methods ran before the kernels (kept here as the reference).
 */
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../statistics/synth.ts'
import {
  type Aggregation,
  aggregateLanes,
  type CompiledHierarchy,
  compileHierarchy,
  LANES,
  linearInput,
  ROWS,
} from '../composite/aggregate.ts'
import { buildHierarchy, type MetaRow } from '../composite/hierarchy.ts'
import {
  DISPARITY_ARRAYS,
  type DisparityResult,
  disparityMeasures,
  disparityPlan,
  disparityResult,
} from '../disparity.ts'
import { createMatrix, type Direction, type Matrix } from '../matrix.ts'
import { type ColumnForms, formCell, pooledForms } from '../normalize.ts'
import { obstacle } from '../obstacle.ts'
import { entropyWeightsParallel, WorkerPool } from '../parallel/index.ts'
import { topsisBenefit, topsisScores } from '../topsis.ts'
import {
  ENTROPY_BLOCK_ROWS,
  type EntropyOptions,
  type EntropyZero,
  entropyColumns,
  entropyScratch,
  entropyWeights,
} from '../weights.ts'
import { heapAlloc, heapF64, heapFree, heapRelease, withHeap } from './heap.ts'
import { kernels } from './index.ts'

const SPECIAL = [
  0,
  -0,
  -1,
  Number.NaN,
  Infinity,
  -Infinity,
  5e-324,
  2.2e-308,
  1,
  1 + 2 ** -30,
  1 - 2 ** -30,
  2,
  0.5,
]

/** Values of every kind a column can hold: spread over many magnitudes, ties, zeros, NaN, specials. */
function value(rand: () => number, kind: number): number {
  const r = rand()
  if (kind === 0) return Math.exp((rand() - 0.5) * 80) * (1 + rand())
  if (kind === 1) return r < 0.05 ? SPECIAL[Math.floor(rand() * SPECIAL.length)]! : Math.exp(rand() * 3)
  if (kind === 2) return Math.round(rand() * 6) // many ties and zeros
  if (kind === 3) return r < 0.2 ? Number.NaN : 1e6 + rand() // values crowding one bucket
  return r < 0.01 ? 1e300 : rand() // an outlier stretching the range
}

function randomMatrix(rand: () => number, rows: number, cols: number, negatives: boolean): Matrix {
  const m = createMatrix(
    Array.from({ length: rows }, (_, i) => `u${i}`),
    Array.from({ length: cols }, (_, j) => `c${j}`),
  )
  const kinds = Array.from({ length: cols }, () => Math.floor(rand() * 5))
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      let v = value(rand, kinds[j]!)
      if (!negatives && v < 0) v = -v
      if (!negatives && Object.is(v, -0)) v = 0
      if (!negatives && v === Number.POSITIVE_INFINITY) v = 3
      m.data[i * cols + j] = v
    }
  return m
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).every((x, i) => Object.is(x, b[i]) || (Number.isNaN(x) && Number.isNaN(b[i]!)))

describe('log kernel', () => {
  it('equals Math.log bit for bit, special values included', () => {
    const rand = mulberry32(1)
    const n = 200_001
    const src = heapF64(n)
    const dst = heapF64(n)
    for (let i = 0; i < n; i++) src[i] = i < SPECIAL.length ? SPECIAL[i]! : value(rand, i % 2)
    kernels().logArray(src.byteOffset, dst.byteOffset, n)
    let mismatches = 0
    for (let i = 0; i < n; i++) if (!Object.is(dst[i], Math.log(src[i]!))) mismatches++
    expect(mismatches).toBe(0)
    heapRelease(src)
    heapRelease(dst)
  })
})

describe('exp kernel', () => {
  it('equals Math.exp bit for bit: every reduction branch, overflow, underflow, e^1', () => {
    const rand = mulberry32(7)
    const n = 300_000
    const src = heapF64(n)
    const dst = heapF64(n)
    const edges = [
      0,
      -0,
      1,
      -1,
      709.78,
      709.79,
      -745.13,
      -745.14,
      -720,
      1e-9,
      3e-9,
      Number.NaN,
      Infinity,
      -Infinity,
      0.35,
      1.04,
    ]
    for (let i = 0; i < n; i++) {
      const spread = [1500, 4, 1e-6][i % 3]!
      src[i] = i < edges.length ? edges[i]! : (rand() - 0.5) * spread
    }
    kernels().expArray(src.byteOffset, dst.byteOffset, n)
    let mismatches = 0
    for (let i = 0; i < n; i++) if (!Object.is(dst[i], Math.exp(src[i]!))) mismatches++
    expect(mismatches).toBe(0)
    heapRelease(src)
    heapRelease(dst)
  })
})

describe('sort kernel', () => {
  it('orders like Float64Array.prototype.sort (−0 before +0), whichever of its paths it takes', () => {
    const rand = mulberry32(2)
    const k = kernels()
    const v = heapF64(5000)
    const scratch = heapAlloc(k.sortScratchBytes(5000))
    for (let t = 0; t < 300; t++) {
      const n = [1, 2, 63, 64, 65, 1000, 2900, 5000][t % 8]!
      const a = v.subarray(0, n)
      for (let i = 0; i < n; i++) {
        const x = value(rand, t % 5)
        a[i] = Number.isNaN(x) ? -0 : t % 3 === 0 ? -x : x
      }
      const expected = Float64Array.from(a).sort()
      k.sortArray(a.byteOffset, n, scratch)
      expect(same(a, expected)).toBe(true)
    }
    heapFree(scratch)
    heapRelease(v)
  })
})

/**
 * The entropy sums cell by cell as the formula reads them (weights.ts before the kernel), in
 * blocks of ENTROPY_BLOCK_ROWS rows whose sums are added in block order, as weights.ts now does.
 */
function referenceEntropySums(m: Matrix, c: Float64Array, d: Float64Array, b: Float64Array) {
  const w = m.cols
  const total = {
    n: new Float64Array(w),
    sum: new Float64Array(w),
    ylny: new Float64Array(w),
    yMin: new Float64Array(w).fill(Number.POSITIVE_INFINITY),
    yMax: new Float64Array(w).fill(Number.NEGATIVE_INFINITY),
    lo: new Float64Array(w).fill(Number.POSITIVE_INFINITY),
    hi: new Float64Array(w).fill(Number.NEGATIVE_INFINITY),
  }
  for (let i0 = 0; i0 < m.rows; i0 += ENTROPY_BLOCK_ROWS) {
    const n = new Float64Array(w)
    const sum = new Float64Array(w)
    const ylny = new Float64Array(w)
    for (let i = i0; i < Math.min(m.rows, i0 + ENTROPY_BLOCK_ROWS); i++)
      for (let j = 0; j < w; j++) {
        const x = m.data[i * m.cols + j]!
        if (x < total.lo[j]!) total.lo[j] = x
        if (x > total.hi[j]!) total.hi[j] = x
        if (Number.isNaN(x)) continue
        const y = (x - c[j]!) / d[j]! + b[j]!
        n[j] = n[j]! + 1
        sum[j] = sum[j]! + y
        if (y > 0) ylny[j] = ylny[j]! + y * Math.log(y)
        if (y < total.yMin[j]!) total.yMin[j] = y
        if (y > total.yMax[j]!) total.yMax[j] = y
      }
    for (let j = 0; j < w; j++) {
      total.n[j] = total.n[j]! + n[j]!
      total.sum[j] = total.sum[j]! + sum[j]!
      total.ylny[j] = total.ylny[j]! + ylny[j]!
    }
  }
  return total
}

describe('entropy kernels', () => {
  it('give the per-cell sums bit for bit (in row blocks), either zero rule, one thread or the pool', async () => {
    const rand = mulberry32(3)
    const pool = new WorkerPool(1)
    try {
      for (let t = 0; t < 40; t++) {
        const rows = t % 8 === 0 ? 4096 + Math.floor(rand() * 9000) : 1 + Math.floor(rand() * 300)
        const cols = 1 + Math.floor(rand() * 13)
        const m = randomMatrix(rand, rows, cols, t % 2 === 0)
        const directions: Direction[] = m.columns.map((_, j) => (j % 3 === 1 ? 'lower' : 'higher'))
        const zero: EntropyZero = t % 3 === 0 ? { kind: 'shift', eps: 1e-4 } : { kind: 'xlnx0' }
        const o: EntropyOptions = { on: t % 4 < 2 ? 'minmax' : 'raw', directions, zero }
        const s = entropyScratch(cols)
        entropyColumns(m, o, s)
        const r = referenceEntropySums(m, s.c, s.d, s.b)
        for (const key of ['lo', 'hi', 'n', 'sum', 'ylny', 'yMin', 'yMax'] as const)
          expect(same(s[key], r[key]), `${key}, case ${t}`).toBe(true)
        if (o.on === 'minmax' && rows > ENTROPY_BLOCK_ROWS) {
          // the same weights, or the same refusal (a column left constant at zero, say)
          const settle = async (f: () => unknown) => {
            try {
              const r = (await f()) as { weights: Float64Array; entropy: Float64Array }
              return [...r.weights, ...r.entropy]
            } catch (e) {
              return String(e)
            }
          }
          const one = await settle(() => entropyWeights(m, o))
          const two = await settle(() => entropyWeightsParallel(pool, m, o))
          if (typeof one === 'string') expect(two, `pool, case ${t}`).toBe(one)
          else expect(same(two as number[], one), `pool, case ${t}`).toBe(true)
        }
      }
    } finally {
      await pool.close()
    }
  }, 60_000)
})

/** The unweighted disparity measures as disparity.ts computed them column by column before the kernels. */
function referenceDisparity(m: Matrix, sd: 'population' | 'sample') {
  const out = {
    n: [] as number[],
    mean: [] as number[],
    cv: [] as number[],
    theilT: [] as number[],
    theilL: [] as number[],
    gini: [] as number[],
  }
  for (let j = 0; j < m.cols; j++) {
    const y: number[] = []
    let sum = 0
    let negative = 0
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + j]!
      if (Number.isNaN(v)) continue
      if (v < 0) negative++
      y.push(v)
      sum += v
    }
    const n = y.length
    const nan = Number.NaN
    const put = (mean: number, cv: number, t: number, l: number, g: number) => {
      out.n.push(n)
      out.mean.push(mean)
      out.cv.push(cv)
      out.theilT.push(t)
      out.theilL.push(l)
      out.gini.push(g)
    }
    if (negative > 0 || n === 0) {
      put(nan, nan, nan, nan, nan)
      continue
    }
    const mean = sum / n
    if (!(mean > 0)) {
      put(mean, nan, nan, nan, nan)
      continue
    }
    const lnMean = Math.log(mean)
    let ss = 0
    let tSum = 0
    let lSum = 0
    let zero = false
    for (const v of y) {
      const d = v - mean
      ss += d * d
      if (v > 0) {
        const lv = Math.log(v)
        tSum += v * (lv - lnMean)
        lSum += lnMean - lv
      } else zero = true
    }
    const variance = sd === 'sample' ? (n > 1 ? (ss * n) / (n * (n - 1)) : nan) : ss / n
    const sorted = Float64Array.from(y)
    sorted.sort()
    let acc = 0
    for (let i = 0; i < n; i++) acc += (2 * (i + 1) - n - 1) * sorted[i]!
    put(mean, Math.sqrt(variance) / mean, tSum / sum, zero ? nan : lSum / n, acc / (n * sum))
  }
  return out
}

describe('disparity kernels', () => {
  it('give the per-column measures bit for bit: NaN, zeros, negatives, ties, both sds', () => {
    const rand = mulberry32(4)
    for (let t = 0; t < 60; t++) {
      const rows = 1 + Math.floor(rand() * 400)
      const cols = 1 + Math.floor(rand() * 9)
      const m = randomMatrix(rand, rows, cols, t % 5 === 0)
      const sd = t % 2 === 0 ? 'population' : 'sample'
      const r = disparityMeasures(m, { sd })
      const e = referenceDisparity(m, sd)
      for (const key of ['n', 'mean', 'cv', 'theilT', 'theilL', 'gini'] as const)
        expect(same(r[key], e[key]), `${key}, case ${t}`).toBe(true)
    }
  })

  it('give the same bits when the Gini gathers the columns in several tiles (40,000 rows × 70)', () => {
    // giniTile: 8 MB of cells at once, at least 32 columns: 40,000 rows take 32, 32 and 6
    const m = randomMatrix(mulberry32(5), 40_000, 70, false)
    const r = disparityMeasures(m)
    const e = referenceDisparity(m, 'population')
    expect(Array.from(r.gini).filter(Number.isFinite).length).toBeGreaterThan(40)
    for (const key of ['n', 'gini', 'theilL'] as const) expect(same(r[key], e[key]), key).toBe(true)
  })
})

/** The block aggregation as composite/aggregate.ts ran it in JavaScript before the kernel (runSums, finishRow). */
function referenceAggregateLanes(
  input: { t: Float64Array; mask: Float64Array | null },
  rows: number,
  cols: number,
  c: CompiledHierarchy,
  how: Aggregation,
  wInd: Float64Array,
  wAgg: Float64Array,
  out: Float64Array,
  acc: Float64Array,
  wsum: Float64Array,
): void {
  const A = c.aggregates.length
  const { t, mask } = input
  // without missing cells the indicator-level weight sums are the same for every row
  const indicatorSums = new Float64Array(A * LANES)
  if (!mask)
    for (let j = 0; j < cols; j++) {
      const p = c.indicatorParent[j]! * LANES
      for (let b = 0; b < LANES; b++) indicatorSums[p + b] = indicatorSums[p + b]! + wInd[j * LANES + b]!
    }
  for (let i0 = 0; i0 < rows; i0 += ROWS) {
    const n = Math.min(ROWS, rows - i0)
    acc.fill(0)
    referenceRunSums(t, cols, i0, n, c.runs, wInd, A, acc)
    if (mask) {
      wsum.fill(0)
      referenceRunSums(mask, cols, i0, n, c.runs, wInd, A, wsum)
    } else for (let r = 0; r < n; r++) wsum.set(indicatorSums, r * A * LANES)
    for (let r = 0; r < n; r++) referenceFinishRow(c, how, wAgg, acc, wsum, r * A * LANES, out, rows, i0 + r)
  }
}

/** acc[(r·A + parent)·LANES + b] += Σ_{j in run} w[j·LANES + b] · t[(i0 + r)·cols + j]. */
function referenceRunSums(
  t: Float64Array,
  cols: number,
  i0: number,
  n: number,
  runs: Int32Array,
  w: Float64Array,
  A: number,
  acc: Float64Array,
): void {
  if (n < ROWS) {
    for (let r = 0; r < n; r++) referenceRunSums1(t, (i0 + r) * cols, runs, w, acc, r * A * LANES)
    return
  }
  const b0 = i0 * cols
  const b1 = b0 + cols
  const b2 = b1 + cols
  const b3 = b2 + cols
  const o1 = A * LANES
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1]!
    let a00 = 0
    let a01 = 0
    let a02 = 0
    let a03 = 0
    let a10 = 0
    let a11 = 0
    let a12 = 0
    let a13 = 0
    let a20 = 0
    let a21 = 0
    let a22 = 0
    let a23 = 0
    let a30 = 0
    let a31 = 0
    let a32 = 0
    let a33 = 0
    for (let j = runs[r]!; j < end; j++) {
      const q = j * LANES
      const w0 = w[q]!
      const w1 = w[q + 1]!
      const w2 = w[q + 2]!
      const w3 = w[q + 3]!
      const v0 = t[b0 + j]!
      const v1 = t[b1 + j]!
      const v2 = t[b2 + j]!
      const v3 = t[b3 + j]!
      a00 += w0 * v0
      a01 += w1 * v0
      a02 += w2 * v0
      a03 += w3 * v0
      a10 += w0 * v1
      a11 += w1 * v1
      a12 += w2 * v1
      a13 += w3 * v1
      a20 += w0 * v2
      a21 += w1 * v2
      a22 += w2 * v2
      a23 += w3 * v2
      a30 += w0 * v3
      a31 += w1 * v3
      a32 += w2 * v3
      a33 += w3 * v3
    }
    const p = runs[r + 2]! * LANES
    referenceAdd4(acc, p, a00, a01, a02, a03)
    referenceAdd4(acc, o1 + p, a10, a11, a12, a13)
    referenceAdd4(acc, 2 * o1 + p, a20, a21, a22, a23)
    referenceAdd4(acc, 3 * o1 + p, a30, a31, a32, a33)
  }
}

function referenceRunSums1(
  t: Float64Array,
  base: number,
  runs: Int32Array,
  w: Float64Array,
  acc: Float64Array,
  o: number,
): void {
  for (let r = 0; r < runs.length; r += 3) {
    const end = runs[r + 1]!
    let a0 = 0
    let a1 = 0
    let a2 = 0
    let a3 = 0
    for (let j = runs[r]!; j < end; j++) {
      const q = j * LANES
      const v = t[base + j]!
      a0 += w[q]! * v
      a1 += w[q + 1]! * v
      a2 += w[q + 2]! * v
      a3 += w[q + 3]! * v
    }
    referenceAdd4(acc, o + runs[r + 2]! * LANES, a0, a1, a2, a3)
  }
}

function referenceAdd4(acc: Float64Array, p: number, a: number, b: number, c: number, d: number): void {
  acc[p] = acc[p]! + a
  acc[p + 1] = acc[p + 1]! + b
  acc[p + 2] = acc[p + 2]! + c
  acc[p + 3] = acc[p + 3]! + d
}

/** Means bottom-up for one row (aggregates are stored bottom-up: a child is done before its parent). */
function referenceFinishRow(
  c: CompiledHierarchy,
  how: Aggregation,
  wAgg: Float64Array,
  acc: Float64Array,
  wsum: Float64Array,
  o: number,
  out: Float64Array,
  rows: number,
  i: number,
): void {
  const A = c.aggregates.length
  for (let k = 0; k < A; k++) {
    const parent = c.aggregateParent[k]!
    for (let b = 0; b < LANES; b++) {
      const s = wsum[o + k * LANES + b]!
      const a = acc[o + k * LANES + b]!
      const mean =
        s === 0 ? Number.NaN : how === 'arithmetic' ? a / s : how === 'geometric' ? Math.exp(a / s) : s / a
      if (parent < 0) {
        out[b * rows + i] = mean
        continue
      }
      if (Number.isNaN(mean)) continue
      const w = wAgg[k * LANES + b]!
      const q = o + parent * LANES + b
      acc[q] = acc[q]! + w * (how === 'arithmetic' ? mean : how === 'geometric' ? Math.log(mean) : 1 / mean)
      wsum[q] = wsum[q]! + w
    }
  }
}

describe('runSums kernel', () => {
  it('gives the blocked uncertainty sums bit for bit, full blocks of four rows and the rows left over', () => {
    const rand = mulberry32(5)
    const k = kernels()
    for (let t = 0; t < 40; t++) {
      const rows = 1 + Math.floor(rand() * 11)
      const cols = 1 + Math.floor(rand() * 30)
      const A = 1 + Math.floor(rand() * 4)
      const runs: number[] = []
      for (let j = 0; j < cols; ) {
        const end = Math.min(cols, j + 1 + Math.floor(rand() * 6))
        runs.push(j, end, Math.floor(rand() * A))
        j = end
      }
      const runArray = Int32Array.from(runs)
      const data = Float64Array.from({ length: rows * cols }, () => value(rand, t % 5))
      const w = Float64Array.from({ length: cols * LANES }, () => rand() * 2)
      for (let i0 = 0; i0 < rows; i0 += ROWS) {
        const n = Math.min(ROWS, rows - i0)
        const expected = Float64Array.from({ length: ROWS * A * LANES }, () => rand())
        const got = withHeap((h) => {
          const acc = h.copy(expected)
          k.runSums(
            h.copy(data).byteOffset,
            cols,
            i0,
            n,
            h.int32s(runArray),
            runs.length / 3,
            h.copy(w).byteOffset,
            A,
            acc.byteOffset,
          )
          return acc.slice()
        })
        referenceRunSums(data, cols, i0, n, runArray, w, A, expected)
        expect(same(got, expected), `case ${t}, rows from ${i0}`).toBe(true)
      }
    }
  })
})

describe('aggregateRows kernel', () => {
  it('aggregates a block of draws bit for bit as before, every mean, with and without missing cells', () => {
    const rand = mulberry32(6)
    const codes = Array.from({ length: 12 }, (_, j) => `x${j}`)
    const meta: MetaRow[] = [
      ...codes.map((code, j) => ({
        code,
        level: 1,
        parent: `s${j % 3}`,
        weight: 1 + (j % 4),
        direction: 'higher' as const,
        denominator: null,
      })),
      ...[0, 1, 2].map((k) => ({
        code: `s${k}`,
        level: 2,
        parent: 'I',
        weight: 1 + k,
        direction: 'higher' as const,
        denominator: null,
      })),
      { code: 'I', level: 3, parent: null, weight: 1, direction: 'higher' as const, denominator: null },
    ]
    const c = compileHierarchy(buildHierarchy(meta), codes)
    const A = c.aggregates.length
    for (const how of ['arithmetic', 'geometric', 'harmonic'] as const)
      for (const missing of [false, true]) {
        const rows = 1 + Math.floor(rand() * 23)
        const z = Float64Array.from({ length: rows * codes.length }, () =>
          missing && rand() < 0.1 ? Number.NaN : 1 + 99 * rand(),
        )
        const wInd = Float64Array.from({ length: codes.length * LANES }, () => rand() * 2)
        const wAgg = Float64Array.from({ length: A * LANES }, () => 0.5 + rand())
        const input = linearInput(z, how)
        const got = new Float64Array(rows * LANES)
        const expected = new Float64Array(rows * LANES)
        const scratch = () => new Float64Array(ROWS * A * LANES)
        aggregateLanes(input, rows, codes.length, c, how, wInd, wAgg, got, scratch(), scratch())
        referenceAggregateLanes(input, rows, codes.length, c, how, wInd, wAgg, expected, scratch(), scratch())
        expect(same(got, expected), `${how}, missing ${missing}`).toBe(true)
      }
  })
})

/** TOPSIS's two passes as topsis.ts ran them in JavaScript before the kernels (formCell per cell). */
function referenceTopsis(
  r: Matrix,
  benefit: Uint8Array,
  weights: Float64Array,
  matrixWeighting: boolean,
  forms: ColumnForms | null,
) {
  const { rows, cols, data } = r
  const hi = new Float64Array(cols).fill(Number.NEGATIVE_INFINITY)
  const lo = new Float64Array(cols).fill(Number.POSITIVE_INFINITY)
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const v = forms ? formCell(forms, j, data[k]!) : data[k]!
      if (v > hi[j]!) hi[j] = v
      if (v < lo[j]!) lo[j] = v
    }
  const best = new Float64Array(cols)
  const worst = new Float64Array(cols)
  const f = new Float64Array(cols)
  for (let j = 0; j < cols; j++) {
    const none = hi[j] === Number.NEGATIVE_INFINITY
    best[j] = none ? Number.NaN : benefit[j] ? hi[j]! : lo[j]!
    worst[j] = none ? Number.NaN : benefit[j] ? lo[j]! : hi[j]!
    f[j] = matrixWeighting ? weights[j]! * weights[j]! : weights[j]!
  }
  const closeness = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    let sp = 0
    let sm = 0
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const v = forms ? formCell(forms, j, data[k]!) : data[k]!
      const a = v - best[j]!
      const b = v - worst[j]!
      sp += f[j]! * a * a
      sm += f[j]! * b * b
    }
    const dp = Math.sqrt(sp)
    const dm = Math.sqrt(sm)
    closeness[i] = dp + dm === 0 ? 0.5 : dm / (dp + dm)
  }
  return closeness
}

describe('topsis kernels', () => {
  it('give the closeness of the per-cell passes bit for bit, every normalisation and weighting', () => {
    const rand = mulberry32(8)
    for (let t = 0; t < 48; t++) {
      const rows = 1 + Math.floor(rand() * 60)
      const cols = 1 + Math.floor(rand() * 9)
      const m = randomMatrix(rand, rows, cols, t % 3 === 0)
      const directions: Direction[] = m.columns.map((_, j) => (j % 2 ? 'lower' : 'higher'))
      const scheme = (['vector', 'minmax', 'none'] as const)[t % 3]!
      const forms =
        scheme === 'none'
          ? null
          : pooledForms(m, scheme, scheme === 'vector' ? m.columns.map(() => 'higher') : directions)
      const weights = Float64Array.from({ length: cols }, () => rand())
      const benefit = topsisBenefit(scheme, directions)
      const matrix = t % 2 === 0
      const got = topsisScores(m, benefit, weights, matrix ? 'matrix' : 'distance', {}, forms).closeness
      expect(same(got, referenceTopsis(m, benefit, weights, matrix, forms)), `case ${t}`).toBe(true)
    }
  })
})

// The weighted and grouped disparity measures as disparity.ts computed them column by column
// before the kernels (its columnMeasures, decompose and Gini functions, kept here as the reference).
/** Scratch space reused by every column: no allocation inside the column loop. */
class RefBuffers {
  y: Float64Array
  w: Float64Array
  g: Int32Array
  sorted: Float64Array
  weightAt: Float64Array
  W: Float64Array
  WY: Float64Array
  tg: Float64Array
  lg: Float64Array
  zero: Uint8Array
  sorter = { sort: (v: Float64Array) => v.sort() }
  constructor(rows: number, groups: number) {
    this.y = new Float64Array(rows)
    this.w = new Float64Array(rows)
    this.g = new Int32Array(rows)
    this.sorted = new Float64Array(rows)
    this.weightAt = new Float64Array(rows)
    this.W = new Float64Array(groups)
    this.WY = new Float64Array(groups)
    this.tg = new Float64Array(groups)
    this.lg = new Float64Array(groups)
    this.zero = new Uint8Array(groups)
  }
}

function refColumnMeasures(
  m: Matrix,
  j: number,
  weights: Float64Array | null,
  gid: Int32Array | null,
  G: number,
  sd: 'population' | 'sample',
  b: RefBuffers,
  r: DisparityResult,
): void {
  // pass 1: gather the column's usable cells and their weighted sums
  let n = 0
  let W = 0
  let WY = 0
  let negative = 0
  b.W.fill(0)
  b.WY.fill(0)
  for (let i = 0; i < m.rows; i++) {
    const y = m.data[i * m.cols + j]!
    const w = weights ? weights[i]! : 1
    const g = gid ? gid[i]! : 0
    if (Number.isNaN(y) || Number.isNaN(w) || g < 0) continue
    if (y < 0) negative++
    b.y[n] = y
    b.w[n] = w
    b.g[n] = g
    n++
    W += w
    WY += w * y
    if (gid) {
      b.W[g]! += w
      b.WY[g]! += w * y
    }
  }
  r.n[j] = n
  if (negative > 0) {
    r.notes.push(
      `${m.columns[j]}: ${negative} negative value(s); disparity measures need y ≥ 0 (column left null)`,
    )
    return
  }
  if (n === 0 || !(W > 0)) return
  const mean = WY / W
  r.mean[j] = mean
  if (!(mean > 0)) return // all zero: no relative dispersion is defined
  // pass 2: squared deviations and logarithms
  const lnMean = Math.log(mean)
  b.tg.fill(0)
  b.lg.fill(0)
  b.zero.fill(0)
  let ss = 0
  let tSum = 0
  let lSum = 0
  let zero = false
  for (let k = 0; k < n; k++) {
    const y = b.y[k]!
    const w = b.w[k]!
    const d = y - mean
    ss += w * d * d
    const g = b.g[k]!
    if (y > 0) {
      const ly = Math.log(y)
      tSum += w * y * (ly - lnMean)
      lSum += w * (lnMean - ly)
      if (gid) {
        const lnMeanG = Math.log(b.WY[g]! / b.W[g]!)
        b.tg[g]! += w * y * (ly - lnMeanG)
        b.lg[g]! += w * (lnMeanG - ly)
      }
    } else if (w > 0) {
      zero = true
      b.zero[g] = 1
    }
  }
  const variance = sd === 'sample' ? (n > 1 ? (ss * n) / (W * (n - 1)) : Number.NaN) : ss / W
  r.cv[j] = Math.sqrt(variance) / mean
  r.theilT[j] = tSum / WY
  r.theilL[j] = zero ? Number.NaN : lSum / W
  r.gini[j] = weights ? refWeightedGini(b, n, W, WY) : refUnweightedGini(b, n, WY)
  if (gid) refDecompose(j, G, W, WY, mean, b, r)
}

function refDecompose(
  j: number,
  G: number,
  W: number,
  WY: number,
  mean: number,
  b: RefBuffers,
  r: DisparityResult,
) {
  let betweenT = 0
  let withinT = 0
  let betweenL = 0
  let withinL = 0
  for (let g = 0; g < G; g++) {
    const Wg = b.W[g]!
    if (!(Wg > 0)) continue // no unit of this group in this column
    const WYg = b.WY[g]!
    const P = Wg / W
    const S = WYg / WY
    const meanG = WYg / Wg
    const Tg = WYg > 0 ? b.tg[g]! / WYg : Number.NaN
    const Lg = b.zero[g] ? Number.NaN : b.lg[g]! / Wg
    r.groupTheilT[j * G + g] = Tg
    r.groupTheilL[j * G + g] = Lg
    if (S > 0) {
      betweenT += S * Math.log(meanG / mean)
      withinT += S * Tg
    }
    betweenL += P * Math.log(mean / meanG) // +∞ when the group's mean is 0: L is undefined
    withinL += P * Lg
  }
  r.betweenT[j] = betweenT
  r.withinT[j] = withinT
  r.betweenL[j] = Number.isFinite(betweenL) ? betweenL : Number.NaN
  r.withinL[j] = Number.isFinite(betweenL) ? withinL : Number.NaN
}

/** PySAL `_gini`: (Σ 2i·y_(i) − nΣy − Σy)/(nΣy) over y sorted ascending, i = 1..n. */
function refUnweightedGini(b: RefBuffers, n: number, sum: number): number {
  const y = b.y.subarray(0, n)
  // b.w is not needed unweighted: sort the gathered values in place (they are re-gathered per column)
  b.sorter.sort(y)
  let acc = 0
  for (let i = 0; i < n; i++) acc += (2 * (i + 1) - n - 1) * y[i]!
  return acc / (n * sum)
}

/** Σ_i Σ_j w_i w_j |y_i − y_j| / (2 W² μ) = Σ_i w_i y_i (W_below,i − W_above,i) / (W · WY). */
function refWeightedGini(b: RefBuffers, n: number, W: number, WY: number): number {
  const y = b.sorted.subarray(0, n)
  const w = b.weightAt.subarray(0, n)
  y.set(b.y.subarray(0, n))
  w.set(b.w.subarray(0, n))
  refSortPairs(y, w, 0, n - 1)
  // tied values may sit in any order: a tied pair adds w_i w_j y (+1 − 1) = 0 either way
  let below = 0
  let acc = 0
  for (let k = 0; k < n; k++) {
    const wk = w[k]!
    acc += wk * y[k]! * (2 * below + wk - W)
    below += wk
  }
  return acc / (W * WY)
}

/**
 * Sort keys[lo..hi] ascending carrying vals along: quicksort (median of three, Hoare partition,
 * insertion sort below 16). A comparator sort of an index array is ~3× slower on 2,900 units.
 */
function refSortPairs(k: Float64Array, v: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1
    if (k[mid]! < k[lo]!) refSwap(k, v, mid, lo)
    if (k[hi]! < k[lo]!) refSwap(k, v, hi, lo)
    if (k[hi]! < k[mid]!) refSwap(k, v, hi, mid)
    const pivot = k[mid]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (k[i]! < pivot) i++
      while (k[j]! > pivot) j--
      if (i <= j) refSwap(k, v, i++, j--)
    }
    // recurse into the smaller part and loop on the larger: the stack stays O(log n)
    if (j - lo < hi - i) {
      refSortPairs(k, v, lo, j)
      lo = i
    } else {
      refSortPairs(k, v, i, hi)
      hi = j
    }
  }
  for (let a = lo + 1; a <= hi; a++) {
    const key = k[a]!
    const val = v[a]!
    let c = a - 1
    while (c >= lo && k[c]! > key) {
      k[c + 1] = k[c]!
      v[c + 1] = v[c]!
      c--
    }
    k[c + 1] = key
    v[c + 1] = val
  }
}

function refSwap(k: Float64Array, v: Float64Array, a: number, b: number): void {
  const t = k[a]!
  k[a] = k[b]!
  k[b] = t
  const u = v[a]!
  v[a] = v[b]!
  v[b] = u
}

describe('grouped and weighted disparity kernels', () => {
  it('give the per-column measures and the decomposition bit for bit', () => {
    const rand = mulberry32(9)
    for (let t = 0; t < 48; t++) {
      const rows = 2 + Math.floor(rand() * 300)
      const cols = 1 + Math.floor(rand() * 7)
      const m = randomMatrix(rand, rows, cols, t % 7 === 0)
      const G = 1 + Math.floor(rand() * 5)
      const labels = Array.from({ length: rows }, () => (rand() < 0.05 ? '' : `g${Math.floor(rand() * G)}`))
      const weighted = t % 2 === 0
      const weights = weighted
        ? Array.from({ length: rows }, () => (rand() < 0.03 ? Number.NaN : rand() * 10))
        : undefined
      const grouped = t % 3 !== 0 || !weighted
      const sd = !weighted && t % 4 === 1 ? 'sample' : 'population'
      const r = disparityMeasures(m, {
        ...(weights ? { weights } : {}),
        ...(grouped ? { groups: labels } : {}),
        sd,
      })
      // the reference, over the same plan (weights and group ids as disparity.ts checks them)
      const plan = disparityPlan(m, {
        ...(weights ? { weights } : {}),
        ...(grouped ? { groups: labels } : {}),
        sd,
      })
      const e = disparityResult(m.cols, plan)
      const b = new RefBuffers(m.rows, plan.groups.length)
      for (let j = 0; j < m.cols; j++)
        refColumnMeasures(m, j, plan.weights, plan.gid, plan.groups.length, sd, b, e)
      for (const key of DISPARITY_ARRAYS) expect(same(r[key], e[key]), `${key}, case ${t}`).toBe(true)
      expect(r.notes).toEqual(e.notes)
    }
  })
})

const SLACK = 1e-9

/** The obstacle degree as obstacle.ts computed it in JavaScript before the kernel. */
function referenceObstacle(m: Matrix, weights: ArrayLike<number>) {
  const { rows, cols, data } = m
  if (weights.length !== cols) throw new Error(`${weights.length} weights for ${cols} indicators`)
  for (let j = 0; j < cols; j++)
    if (!(weights[j]! >= 0)) throw new Error(`weight of ${m.columns[j]} is ${weights[j]}, not ≥ 0`)
  const w = Float64Array.from(weights)
  const out = new Float64Array(rows * cols)
  const shortfall = new Float64Array(rows).fill(Number.NaN)
  const reason: (string | null)[] = new Array(rows).fill(null)
  for (let i = 0; i < rows; i++) {
    const at = i * cols
    // pass 1 writes F_j I_ij into the output row, pass 2 divides it by the row's total
    let total = 0
    let missing = false
    let outside = false
    for (let j = 0; j < cols; j++) {
      const x = data[at + j]!
      if (x >= 0 && x <= 1) {
        const f = w[j]! * (1 - x)
        out[at + j] = f
        total += f
      } else if (Number.isNaN(x)) missing = true
      else if (x < -SLACK || x > 1 + SLACK) outside = true
      else {
        // rounding just outside [0, 1] from the normalisation: clamp
        const f = w[j]! * (x < 0 ? 1 : 0)
        out[at + j] = f
        total += f
      }
    }
    const bad: string | null = missing
      ? 'missing'
      : outside
        ? 'out-of-range'
        : total > 0
          ? null
          : 'no-shortfall'
    if (!missing && !outside) shortfall[i] = total
    if (bad) {
      reason[i] = bad
      out.fill(Number.NaN, at, at + cols)
      continue
    }
    const inv = 1 / total
    for (let j = 0; j < cols; j++) out[at + j]! *= inv
  }
  return { obstacle: out, shortfall, reason, defined: reason.map((x) => x === null) }
}

describe('obstacle kernel', () => {
  it('gives the obstacle degrees, shortfalls and reasons of the per-cell loop bit for bit', () => {
    const rand = mulberry32(10)
    for (let t = 0; t < 40; t++) {
      const rows = 1 + Math.floor(rand() * 50)
      const cols = 1 + Math.floor(rand() * 9)
      const m = createMatrix(
        Array.from({ length: rows }, (_, i) => `u${i}`),
        Array.from({ length: cols }, (_, j) => `c${j}`),
      )
      for (let k = 0; k < m.data.length; k++) {
        const r = rand()
        m.data[k] =
          r < 0.02
            ? Number.NaN
            : r < 0.04
              ? 1 + 5e-10
              : r < 0.05
                ? -2e-10
                : r < 0.055
                  ? 1.5
                  : r < 0.1
                    ? 1
                    : rand()
      }
      const w = Float64Array.from({ length: cols }, () => (rand() < 0.1 ? 0 : rand()))
      const got = obstacle(m, w)
      const want = referenceObstacle(m, w)
      expect(same(got.obstacle, want.obstacle), `case ${t}`).toBe(true)
      expect(same(got.shortfall, want.shortfall), `case ${t}`).toBe(true)
      expect(got.reason).toEqual(want.reason)
    }
  })
})
