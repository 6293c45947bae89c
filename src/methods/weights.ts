/**
 * Indicator weights: entropy weight method, CRITIC, equal and user weights. Every result sums to 1.
 *
 * Entropy weight method (Shannon 1948; as used for indicator weighting e.g. by Zou, Yun & Sun
 * 2006, J. Environ. Sci. 18(5):1020–1023): for column j over its n_j non-missing units,
 *   p_ij = y_ij / Σ_i y_ij,  e_j = −(1/ln n_j) Σ_i p_ij ln p_ij,  d_j = 1 − e_j,  w_j = d_j / Σ d.
 * y is the raw value (`on: 'raw'`, direction ignored, values must be ≥ 0) or the direction-aware
 * min-max value (`on: 'minmax'`). The zero rule for p = 0: `xlnx0` takes 0·ln 0 = 0 (its limit);
 * `shift` adds ε to every y first; `column-zero` sets e_j = 0 for a column holding a zero, as
 * pymcdm's `weights.entropy` does. A column whose y sum to 0 carries no information: e_j = 1.
 *
 * CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & Operations Research 22(7):763–770):
 * min-max normalise (direction-aware), σ_j the standard deviation of column j (sample, n − 1, as
 * pymcdm; or population), r_jk Pearson's correlation, C_j = σ_j Σ_k (1 − r_jk), w_j = C_j / Σ C.
 * CRITIC needs complete rows (correlations): a missing cell is an error naming unit and column.
 */
import type { Direction, Matrix } from './matrix.ts'
import { normalize } from './normalize.ts'

export type EntropyZero = { kind: 'xlnx0' } | { kind: 'shift'; eps: number } | { kind: 'column-zero' }

export interface EntropyOptions {
  on: 'raw' | 'minmax'
  directions: readonly Direction[]
  zero: EntropyZero
}

export interface EntropyResult {
  weights: Float64Array
  entropy: Float64Array
  divergence: Float64Array
}

export class MethodInputError extends Error {}

export function entropyWeights(m: Matrix, o: EntropyOptions): EntropyResult {
  if (o.on === 'raw') refuseNegative(m)
  const { rows, cols, data } = m
  const shift = o.zero.kind === 'shift' ? o.zero.eps : 0
  // y = raw value or direction-aware min-max value; every pass walks the matrix in row order
  const lo = new Float64Array(cols).fill(Number.POSITIVE_INFINITY)
  const hi = new Float64Array(cols).fill(Number.NEGATIVE_INFINITY)
  const n = new Float64Array(cols)
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const v = data[k]!
      if (Number.isNaN(v)) continue
      n[j] = n[j]! + 1
      if (v < lo[j]!) lo[j] = v
      if (v > hi[j]!) hi[j] = v
    }
  for (let j = 0; j < cols; j++)
    if (n[j]! < 2)
      throw new MethodInputError(`column ${m.columns[j]}: entropy needs at least two units with values`)
  // y = a·x + b per column (raw: a = 1, b = 0), plus the shift
  const a = new Float64Array(cols)
  const b = new Float64Array(cols)
  for (let j = 0; j < cols; j++) {
    const range = hi[j]! - lo[j]!
    if (o.on === 'raw') a[j] = 1
    else if (range === 0)
      b[j] = 1 // a constant column is 1 after min-max (normalize.ts)
    else if (o.directions[j] === 'lower') {
      a[j] = -1 / range
      b[j] = hi[j]! / range
    } else {
      a[j] = 1 / range
      b[j] = -lo[j]! / range
    }
    b[j] = b[j]! + shift
  }
  const sum = new Float64Array(cols)
  const ylny = new Float64Array(cols)
  const zero = new Uint8Array(cols)
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const v = data[k]!
      if (Number.isNaN(v)) continue
      const y = a[j]! * v + b[j]!
      sum[j] = sum[j]! + y
      if (y > 0) ylny[j] = ylny[j]! + y * Math.log(y)
      else zero[j] = 1
    }
  const entropy = new Float64Array(cols)
  const divergence = new Float64Array(cols)
  for (let j = 0; j < cols; j++) {
    const S = sum[j]!
    // Σ p ln p with p = y/S is (Σ y ln y)/S − ln S
    entropy[j] =
      S <= 0
        ? 1
        : o.zero.kind === 'column-zero' && zero[j]
          ? 0
          : -(ylny[j]! / S - Math.log(S)) / Math.log(n[j]!)
    divergence[j] = 1 - entropy[j]!
  }
  return { weights: shares(divergence), entropy, divergence }
}

function refuseNegative(m: Matrix): void {
  for (let k = 0; k < m.data.length; k++)
    if (m.data[k]! < 0) {
      const i = Math.floor(k / m.cols)
      throw new MethodInputError(
        `entropy on raw values needs values ≥ 0: ${m.units[i]} × ${m.columns[k % m.cols]} is ${m.data[k]} (use --on minmax)`,
      )
    }
}

/** Non-negative scores rescaled to sum to 1; all zero (no information anywhere) gives equal weights. */
export function shares(x: ArrayLike<number>): Float64Array {
  let total = 0
  for (let j = 0; j < x.length; j++) total += x[j]!
  const out = new Float64Array(x.length)
  for (let j = 0; j < x.length; j++) out[j] = total > 0 ? x[j]! / total : 1 / x.length
  return out
}

export function equalWeights(n: number): Float64Array {
  return new Float64Array(n).fill(1 / n)
}

export interface CriticOptions {
  directions: readonly Direction[]
  sd: 'sample' | 'population'
}

export interface CriticResult {
  weights: Float64Array
  sd: Float64Array
  /** row-major cols × cols */
  correlation: Float64Array
  information: Float64Array
}

export function criticWeights(m: Matrix, o: CriticOptions): CriticResult {
  for (let k = 0; k < m.data.length; k++)
    if (Number.isNaN(m.data[k]!))
      throw new MethodInputError(
        `CRITIC needs complete rows: ${m.units[Math.floor(k / m.cols)]} × ${m.columns[k % m.cols]} is missing`,
      )
  if (m.rows < 2) throw new MethodInputError('CRITIC needs at least two units')
  const z = normalize(m, { scheme: 'minmax', directions: o.directions })
  const { rows: n, cols: c } = z
  const mean = new Float64Array(c)
  for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) mean[j] = mean[j]! + z.data[i * c + j]! / n
  // centred sums of squares and cross-products in one pass over the rows
  const ss = new Float64Array(c * c)
  for (let i = 0; i < n; i++) {
    const row = i * c
    for (let j = 0; j < c; j++) {
      const a = z.data[row + j]! - mean[j]!
      for (let k = j; k < c; k++) ss[j * c + k] = ss[j * c + k]! + a * (z.data[row + k]! - mean[k]!)
    }
  }
  const sd = new Float64Array(c)
  const dof = o.sd === 'sample' ? n - 1 : n
  for (let j = 0; j < c; j++) sd[j] = Math.sqrt(ss[j * c + j]! / dof)
  const correlation = new Float64Array(c * c)
  for (let j = 0; j < c; j++)
    for (let k = j; k < c; k++) {
      const den = Math.sqrt(ss[j * c + j]! * ss[k * c + k]!)
      // a constant column has no correlation with anything; count it as uncorrelated (r = 0)
      const r = j === k ? 1 : den > 0 ? ss[j * c + k]! / den : 0
      correlation[j * c + k] = r
      correlation[k * c + j] = r
    }
  const information = new Float64Array(c)
  for (let j = 0; j < c; j++) {
    let conflict = 0
    for (let k = 0; k < c; k++) conflict += 1 - correlation[j * c + k]!
    information[j] = sd[j]! * conflict
  }
  return { weights: shares(information), sd, correlation, information }
}
