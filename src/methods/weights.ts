/**
 * Indicator weights: entropy weight method, CRITIC, equal and user weights. Weights sum to 1.
 *
 * Entropy weight method (Shannon 1948; for indicator weights e.g. Zou, Yun & Sun 2006,
 * J. Environ. Sci. 18(5):1020–1023). For column j over its n_j non-missing units:
 *   p_ij = y_ij / Σ_i y_ij,   e_j = −(1/ln n_j) Σ_i p_ij ln p_ij,   d_j = 1 − e_j,   w_j = d_j / Σ_k d_k
 * where y is the raw value (`on: 'raw'`: direction ignored, values must be ≥ 0; as pymcdm's
 * `entropy_weights` and scikit-criteria's `entropy_weights`) or the direction-aware min-max value
 * (`on: 'minmax'`: (x − min)/(max − min), cost (max − x)/(max − min), a constant column is 1).
 * Zero rules for p = 0 (ln 0 is undefined):
 * - `xlnx0`: 0·ln 0 = 0, its limit (scipy.stats.entropy's convention); an all-zero column has no
 *   p (0/0) and is refused, naming the column;
 * - `shift`: ε is added to every y before p (y + ε > 0), the usual "translation" in applied work;
 * - `column-zero`: as xlnx0, but a column whose y are all zero gets e_j = 1 (d_j = 0, no weight).
 * (pymcdm's `entropy_weights` refuses zeros: its sum normalisation requires values > 0.)
 * Under every rule a column whose y are all equal gets exactly e_j = 1 (no spread, no information;
 * computed it would be 1 ± rounding). d_j is clamped at 0 against rounding. If every d_j is 0 no
 * column carries information and the weights are equal.
 * Missing cells (NaN) are skipped: column j uses its n_j non-missing units, and a column with
 * fewer than two values is refused (ln 1 = 0 leaves e undefined).
 *
 * CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & Operations Research 22(7):763–770):
 * z = direction-aware min-max of each column, σ_j the standard deviation of z_j, r_jk Pearson's
 * correlation of z_j and z_k, C_j = σ_j Σ_k (1 − r_jk), w_j = C_j / Σ_k C_k. σ is the sample sd
 * (n − 1) as pymcdm's `critic_weights`, or the population sd (n) as scikit-criteria's; the choice
 * changes σ and C by the common factor √(n/(n−1)) and so never the weights. A constant column has
 * σ = 0 (C = 0) and undefined correlations (NaN, printed null); it is left out of the other columns'
 * conflict sums, so adding a constant column changes no other weight. Correlations need complete
 * rows: a missing cell is refused, naming the unit and column (impute first).
 *
 * Hot paths walk the row-major Float64Array in order and allocate nothing per cell (CRITIC makes one
 * column-major copy for its c(c+1)/2 dot products: ~0.3 s at 2,900 × 300);
 * `entropyFromValues` and `criticFromNormalized` take an already normalised matrix so a caller
 * (e.g. a Monte-Carlo over weights) normalises once, and every function takes optional output buffers.
 */

import { type HeapScope, withHeap } from './kernels/heap.ts'
import { kernels } from './kernels/index.ts'
import type { Direction, Matrix } from './matrix.ts'
import { normalize } from './normalize.ts'

/** Bad values for a method (exit 2 in the CLI, with this message). */
export class MethodInputError extends Error {}

export type EntropyZero = { kind: 'xlnx0' } | { kind: 'shift'; eps: number } | { kind: 'column-zero' }

export interface EntropyOptions {
  on: 'raw' | 'minmax'
  /** used with `on: 'minmax'` only */
  directions: readonly Direction[]
  zero: EntropyZero
}

export interface EntropyResult {
  weights: Float64Array
  entropy: Float64Array
  divergence: Float64Array
  /** non-missing units per column (the n in k = 1/ln n) */
  n: Float64Array
}

/** Optional output arrays (length cols) reused across calls. */
export type EntropyBuffers = Partial<EntropyResult>

/** Entropy weights of a raw matrix, per `o.on` (raw values or direction-aware min-max). */
export function entropyWeights(m: Matrix, o: EntropyOptions, out?: EntropyBuffers): EntropyResult {
  if (o.on === 'minmax' && o.directions.length !== m.cols)
    throw new RangeError(`${o.directions.length} directions for ${m.cols} columns`)
  const s = entropyScratch(m.cols)
  entropyColumns(m, o, s)
  return entropyFinish(m, o, s, out)
}

/**
 * Entropy weights of values already transformed (e.g. a min-max matrix from `normalize`): p is
 * taken of the values as given, which must be ≥ 0 (plus ε under `shift`).
 */
export function entropyFromValues(y: Matrix, zero: EntropyZero, out?: EntropyBuffers): EntropyResult {
  const t: Transform = {
    c: new Float64Array(y.cols),
    d: new Float64Array(y.cols).fill(1),
    b: new Float64Array(y.cols).fill(zero.kind === 'shift' ? zero.eps : 0),
  }
  return entropyCore(y, t, zero, out)
}

/** The p matrix (p_ij = y_ij / Σ_i y_ij; NaN where missing) for output; not needed for the weights. */
export function entropyProportions(m: Matrix, o: EntropyOptions): Float64Array {
  const t = entropyScratch(m.cols)
  withHeap((h) => blockedRanges(m, h.copy(m.data).byteOffset, t, h))
  checkRaw(m, o, t)
  transformColumns(o, 0, m.cols, t)
  const { c, d, b } = t
  const { rows, cols, data } = m
  const sum = new Float64Array(cols)
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const x = data[k]!
      if (!Number.isNaN(x)) sum[j] = sum[j]! + (x - c[j]!) / d[j]! + b[j]!
    }
  const p = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++) p[k] = ((data[k]! - c[j]!) / d[j]! + b[j]!) / sum[j]!
  return p
}

/** y = (x − c_j)/d_j + b_j per column; written as normalize.ts writes min-max, so the min maps to exactly 0. */
interface Transform {
  c: Float64Array
  d: Float64Array
  b: Float64Array
}

/**
 * Per-column working arrays of the entropy method (length cols each): the column ranges, the
 * transform y = (x − c)/d + b and the sums over the rows. The rows are taken in blocks of
 * ENTROPY_BLOCK_ROWS: each block's ranges and sums are computed on their own and the blocks'
 * results combined in block order, so that threads computing blocks of their own (parallel/)
 * give the one-thread result bit for bit. (Blocks, not columns, are shared out: a thread reading
 * half of every row streams memory at about half the speed per cell, measured.)
 */
export interface EntropyScratch extends Transform {
  lo: Float64Array
  hi: Float64Array
  n: Float64Array
  sum: Float64Array
  ylny: Float64Array
  yMin: Float64Array
  yMax: Float64Array
}

export function entropyScratch(
  cols: number,
  alloc: (length: number) => Float64Array = (length) => new Float64Array(length),
): EntropyScratch {
  const f = () => alloc(cols)
  return { c: f(), d: f(), b: f(), lo: f(), hi: f(), n: f(), sum: f(), ylny: f(), yMin: f(), yMax: f() }
}

/** Rows per block of the entropy passes. */
export const ENTROPY_BLOCK_ROWS = 4096

export const entropyBlocks = (rows: number): number => Math.max(1, Math.ceil(rows / ENTROPY_BLOCK_ROWS))

const blockRows = (m: Matrix, b: number) => Math.min(ENTROPY_BLOCK_ROWS, m.rows - b * ENTROPY_BLOCK_ROWS)
const blockAddress = (m: Matrix, data: number, b: number) => data + 8 * b * ENTROPY_BLOCK_ROWS * m.cols

/** Block b's column minima then maxima (NaN skipped) into out[0, 2·cols); `data`: m's address on the kernel heap. */
export function entropyBlockRanges(
  m: Matrix,
  data: number,
  b: number,
  out: Float64Array,
  h: HeapScope,
): void {
  const r = h.f64(2 * m.cols)
  kernels().columnRanges(
    blockAddress(m, data, b),
    blockRows(m, b),
    m.cols,
    0,
    m.cols,
    r.byteOffset,
    r.byteOffset + 8 * m.cols,
  )
  out.set(r)
}

/** The blocks' ranges (2·cols each, in block order) into s.lo, s.hi: the first of equal extremes kept, as one pass would. */
export function entropyRangesFrom(parts: Float64Array, blocks: number, s: EntropyScratch): void {
  const cols = s.lo.length
  s.lo.fill(Number.POSITIVE_INFINITY)
  s.hi.fill(Number.NEGATIVE_INFINITY)
  for (let b = 0; b < blocks; b++)
    for (let j = 0; j < cols; j++) {
      const lo = parts[2 * b * cols + j]!
      const hi = parts[(2 * b + 1) * cols + j]!
      if (lo < s.lo[j]!) s.lo[j] = lo
      if (hi > s.hi[j]!) s.hi[j] = hi
    }
}

/** Raw (c = 0, d = 1) or direction-aware min-max, plus ε under `shift`, from s.lo and s.hi; raw values must be ≥ 0 (checked in `entropyFinish`). */
export function entropyTransform(o: EntropyOptions, s: EntropyScratch): void {
  transformColumns(o, 0, s.lo.length, s)
}

/** Block b's n, Σy, Σ y ln y, min and max of y (5·cols, in that order) into out, by the entropySums kernel. */
export function entropyBlockSums(
  m: Matrix,
  data: number,
  b: number,
  t: Transform,
  out: Float64Array,
  h: HeapScope,
): void {
  const cols = m.cols
  const k = h.f64(8 * cols)
  k.set(t.c, 0)
  k.set(t.d, cols)
  k.set(t.b, 2 * cols)
  kernels().entropySums(blockAddress(m, data, b), blockRows(m, b), cols, 0, cols, k.byteOffset)
  out.set(k.subarray(3 * cols))
}

/** The blocks' sums (5·cols each, in block order) added up in block order into s. */
export function entropySumsFrom(parts: Float64Array, blocks: number, s: EntropyScratch): void {
  const cols = s.n.length
  s.n.fill(0)
  s.sum.fill(0)
  s.ylny.fill(0)
  s.yMin.fill(Number.POSITIVE_INFINITY)
  s.yMax.fill(Number.NEGATIVE_INFINITY)
  for (let b = 0; b < blocks; b++) {
    const o = 5 * b * cols
    for (let j = 0; j < cols; j++) {
      s.n[j] = s.n[j]! + parts[o + j]!
      s.sum[j] = s.sum[j]! + parts[o + cols + j]!
      s.ylny[j] = s.ylny[j]! + parts[o + 2 * cols + j]!
      const mn = parts[o + 3 * cols + j]!
      const mx = parts[o + 4 * cols + j]!
      if (mn < s.yMin[j]!) s.yMin[j] = mn
      if (mx > s.yMax[j]!) s.yMax[j] = mx
    }
  }
}

/**
 * Ranges, transform and sums of every column, block by block on one thread. With p = y/S,
 * Σ p ln p = (Σ y ln y)/S − ln S over the y > 0 (whose sum is S), so the logarithms need not wait
 * for S; the subtraction loses ~1e-15 absolute, far below the 6 dp the published examples print.
 * Nothing is checked here (`entropyFinish` checks, in column order).
 */
export function entropyColumns(m: Matrix, o: EntropyOptions, s: EntropyScratch): void {
  withHeap((h) => {
    const data = h.copy(m.data).byteOffset
    blockedRanges(m, data, s, h)
    entropyTransform(o, s)
    blockedSums(m, data, s, s, h)
  })
}

/** Every block's ranges on this thread, combined into s.lo, s.hi. */
function blockedRanges(m: Matrix, data: number, s: EntropyScratch, h: HeapScope): void {
  const blocks = entropyBlocks(m.rows)
  const w = 2 * m.cols
  const ranges = new Float64Array(w * blocks)
  for (let b = 0; b < blocks; b++) entropyBlockRanges(m, data, b, ranges.subarray(b * w, (b + 1) * w), h)
  entropyRangesFrom(ranges, blocks, s)
}

/** Every block's sums under the transform t on this thread, added up into s. */
function blockedSums(m: Matrix, data: number, t: Transform, s: EntropyScratch, h: HeapScope): void {
  const blocks = entropyBlocks(m.rows)
  const w = 5 * m.cols
  const sums = new Float64Array(w * blocks)
  for (let b = 0; b < blocks; b++) entropyBlockSums(m, data, b, t, sums.subarray(b * w, (b + 1) * w), h)
  entropySumsFrom(sums, blocks, s)
}

/** The weights from columns filled by `entropyColumns`, with the checks and errors of `entropyWeights`. */
export function entropyFinish(
  m: Matrix,
  o: EntropyOptions,
  s: EntropyScratch,
  out?: EntropyBuffers,
): EntropyResult {
  if (o.on === 'minmax' && o.directions.length !== m.cols)
    throw new RangeError(`${o.directions.length} directions for ${m.cols} columns`)
  checkRaw(m, o, s)
  return entropyResult(m, s, o.zero, out)
}

function checkRaw(m: Matrix, o: EntropyOptions, s: EntropyScratch): void {
  if (o.on !== 'raw') return
  for (let j = 0; j < m.cols; j++)
    if (s.lo[j]! < 0) throw new MethodInputError(negativeMessage(m, j, s.lo[j]!))
}

function transformColumns(o: EntropyOptions, from: number, to: number, s: EntropyScratch): void {
  const { lo, hi, c, d, b } = s
  const shift = o.zero.kind === 'shift' ? o.zero.eps : 0
  for (let j = from; j < to; j++) {
    const range = hi[j]! - lo[j]!
    c[j] = 0
    d[j] = 1
    b[j] = 0
    if (o.on === 'raw') {
      // raw values are used as they are (negative ones are refused by checkRaw)
    } else if (range === 0) {
      c[j] = lo[j]!
      b[j] = 1 // a constant column is 1 after min-max, as normalize.ts
    } else if (o.directions[j] === 'lower') {
      c[j] = hi[j]!
      d[j] = -range
    } else {
      c[j] = lo[j]!
      d[j] = range
    }
    b[j] = b[j]! + shift
  }
}

function negativeMessage(m: Matrix, j: number, value: number): string {
  let unit = ''
  for (let i = 0; i < m.rows && unit === ''; i++) if (m.data[i * m.cols + j] === value) unit = m.units[i]!
  return `entropy on raw values needs values ≥ 0: ${unit} × ${m.columns[j]} is ${value} (use --on minmax)`
}

function entropyCore(m: Matrix, t: Transform, zero: EntropyZero, out: EntropyBuffers = {}): EntropyResult {
  const cols = m.cols
  const s: EntropyScratch = {
    ...t,
    lo: t.c,
    hi: t.c,
    n: out.n ?? new Float64Array(cols),
    sum: new Float64Array(cols),
    ylny: new Float64Array(cols),
    yMin: new Float64Array(cols),
    yMax: new Float64Array(cols),
  }
  withHeap((h) => blockedSums(m, h.copy(m.data).byteOffset, t, s, h))
  return entropyResult(m, s, zero, out)
}

function entropyResult(
  m: Matrix,
  s: EntropyScratch,
  zero: EntropyZero,
  out: EntropyBuffers = {},
): EntropyResult {
  const cols = m.cols
  const { sum, ylny, yMin, yMax } = s
  const n = out.n ?? new Float64Array(cols)
  if (n !== s.n) n.set(s.n)
  const plnp = new Float64Array(cols)
  for (let j = 0; j < cols; j++) {
    checkColumn(m.columns[j]!, n[j]!, yMin[j]!)
    if (sum[j]! > 0) plnp[j] = ylny[j]! / sum[j]! - Math.log(sum[j]!)
  }
  const entropy = out.entropy ?? new Float64Array(cols)
  const divergence = out.divergence ?? new Float64Array(cols)
  for (let j = 0; j < cols; j++) {
    let e: number
    if (yMax[j] === yMin[j] && (sum[j]! > 0 || zero.kind === 'column-zero')) e = 1
    else if (!(sum[j]! > 0))
      throw new MethodInputError(
        `column ${m.columns[j]}: all values are 0, so p = 0/0 is undefined (use --zero column-zero or shift:<eps>)`,
      )
    else e = -plnp[j]! / Math.log(n[j]!)
    entropy[j] = e
    divergence[j] = Math.max(0, 1 - e)
  }
  const weights = shares(divergence, out.weights)
  return { weights, entropy, divergence, n }
}

function checkColumn(name: string, n: number, yMin: number): void {
  if (n < 2)
    throw new MethodInputError(`column ${name}: entropy needs at least two units with values, has ${n}`)
  if (yMin < 0) throw new MethodInputError(`column ${name}: entropy needs values ≥ 0, has ${yMin}`)
}

/** Non-negative scores rescaled to sum to 1; all zero (no information anywhere) gives equal weights. */
export function shares(x: ArrayLike<number>, out?: Float64Array): Float64Array {
  let total = 0
  for (let j = 0; j < x.length; j++) total += x[j]!
  const w = out ?? new Float64Array(x.length)
  for (let j = 0; j < x.length; j++) w[j] = total > 0 ? x[j]! / total : 1 / x.length
  return w
}

export function equalWeights(n: number): Float64Array {
  if (!(n >= 1)) throw new MethodInputError('equal weights need at least one column')
  return new Float64Array(n).fill(1 / n)
}

/**
 * User weights, one per column in column order, rescaled to sum to 1. Refused: a wrong count, a
 * negative or non-finite weight, or all zero.
 */
export function userWeights(values: ArrayLike<number>, columns: readonly string[]): Float64Array {
  if (values.length !== columns.length)
    throw new MethodInputError(
      `${values.length} weights for ${columns.length} columns (${columns.join(', ')})`,
    )
  let total = 0
  for (let j = 0; j < values.length; j++) {
    const w = values[j]!
    if (!Number.isFinite(w) || w < 0)
      throw new MethodInputError(`weight of ${columns[j]} is ${w}: weights must be finite and ≥ 0`)
    total += w
  }
  if (!(total > 0)) throw new MethodInputError('weights must not all be zero')
  return Float64Array.from(values, (w) => w / total)
}

export interface CriticOptions {
  directions: readonly Direction[]
  sd: 'sample' | 'population'
}

export interface CriticResult {
  weights: Float64Array
  sd: Float64Array
  /** row-major cols × cols; NaN where a column is constant */
  correlation: Float64Array
  /** C_j = σ_j Σ_k (1 − r_jk) */
  information: Float64Array
}

export type CriticBuffers = Partial<CriticResult>

/** CRITIC weights of a raw matrix: direction-aware min-max, then `criticFromNormalized`. */
export function criticWeights(m: Matrix, o: CriticOptions, out?: CriticBuffers): CriticResult {
  if (o.directions.length !== m.cols)
    throw new RangeError(`${o.directions.length} directions for ${m.cols} columns`)
  refuseMissing(m)
  const z = normalize(m, { scheme: 'minmax', directions: o.directions })
  return criticFromNormalized(z, o.sd, out)
}

function refuseMissing(m: Matrix): void {
  for (let k = 0; k < m.data.length; k++)
    if (Number.isNaN(m.data[k]!))
      throw new MethodInputError(
        `CRITIC needs complete rows: ${m.units[Math.floor(k / m.cols)]} × ${m.columns[k % m.cols]} is missing`,
      )
}

/** CRITIC on a matrix already normalised (complete rows): σ, Pearson r, C and the weights. */
export function criticFromNormalized(
  z: Matrix,
  sdKind: 'sample' | 'population',
  out: CriticBuffers = {},
): CriticResult {
  const { rows: n, cols: c, data } = z
  if (n < 2) throw new MethodInputError(`CRITIC needs at least two units, has ${n}`)
  refuseMissing(z)
  const mean = new Float64Array(c)
  for (let i = 0; i < n; i++) for (let j = 0, k = i * c; j < c; j++, k++) mean[j] = mean[j]! + data[k]!
  for (let j = 0; j < c; j++) mean[j] = mean[j]! / n
  const ss = crossProducts(data, n, c, mean)
  const sd = out.sd ?? new Float64Array(c)
  const dof = sdKind === 'sample' ? n - 1 : n
  for (let j = 0; j < c; j++) sd[j] = Math.sqrt(ss[j * c + j]! / dof)
  const correlation = out.correlation ?? new Float64Array(c * c)
  for (let j = 0; j < c; j++)
    for (let k = j; k < c; k++) {
      const den = Math.sqrt(ss[j * c + j]! * ss[k * c + k]!)
      const r = !(den > 0) ? Number.NaN : j === k ? 1 : Math.max(-1, Math.min(1, ss[j * c + k]! / den))
      correlation[j * c + k] = r
      correlation[k * c + j] = r
    }
  const information = out.information ?? new Float64Array(c)
  for (let j = 0; j < c; j++) {
    let conflict = 0
    for (let k = 0; k < c; k++) {
      const r = correlation[j * c + k]!
      if (!Number.isNaN(r)) conflict += 1 - r
    }
    information[j] = sd[j]! > 0 ? sd[j]! * conflict : 0
  }
  return { weights: shares(information, out.weights), sd, correlation, information }
}

/**
 * Centred sums of squares and cross-products Σ_i (z_ij − z̄_j)(z_ik − z̄_k), upper triangle of a
 * row-major c × c array. The centred columns are laid out contiguously once (one copy of the
 * matrix) so each of the c(c+1)/2 sums is a dot product accumulated in registers.
 */
function crossProducts(data: Float64Array, n: number, c: number, mean: Float64Array): Float64Array {
  const t = new Float64Array(n * c)
  for (let i = 0; i < n; i++) for (let j = 0, k = i * c; j < c; j++, k++) t[j * n + i] = data[k]! - mean[j]!
  const ss = new Float64Array(c * c)
  for (let j = 0; j < c; j++) {
    const oj = j * n
    for (let k = j; k < c; k++) {
      const ok = k * n
      let s0 = 0
      let s1 = 0
      let i = 0
      for (; i + 1 < n; i += 2) {
        s0 += t[oj + i]! * t[ok + i]!
        s1 += t[oj + i + 1]! * t[ok + i + 1]!
      }
      if (i < n) s0 += t[oj + i]! * t[ok + i]!
      ss[j * c + k] = s0 + s1
    }
  }
  return ss
}
