/**
 * TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, Springer, pp. 128–140).
 *
 * 1. Normalise r_ij (`normalize`):
 *    - `vector`: r = x/‖x_j‖₂ for every column, benefit or cost (Hwang & Yoon; R package MCDA's
 *      TOPSIS). Direction enters only through the ideal, so a cost column is not flipped twice.
 *    - `minmax`: direction-aware min-max, cost columns flipped (max − x)/(max − min), then every
 *      column is benefit (pymcdm's default TOPSIS). A constant column is 1.
 *    - `none`: the matrix as given (already normalised); the ideal follows the direction.
 * 2. Ideal A⁺_j and anti-ideal A⁻_j: max/min of r_j for a benefit column, min/max for a cost one.
 * 3. Separation, with weights applied either way (both are published and give different scores):
 *    - `matrix` (Hwang & Yoon): v_ij = w_j r_ij, D±_i = √Σ_j (v_ij − v±_j)²;
 *    - `distance`: D±_i = √Σ_j w_j (r_ij − r±_j)² on the unweighted r.
 *    Both are D±_i = √Σ_j f_j (r_ij − r±_j)² with f = w² or w, so one loop serves both.
 * 4. Closeness C_i = D⁻_i / (D⁺_i + D⁻_i) ∈ [0, 1]; rank 1 = highest C, equal C share the smallest
 *    rank and are listed in `ties` (rank.ts). If D⁺ = D⁻ = 0 (every weighted column constant) every
 *    unit is both best and worst: C = ½ and all tie.
 * The reported ideal/anti-ideal are in the space the distances are taken in: w·r for `matrix`
 * (as pymcdm, scikit-criteria and MCDA report them), r for `distance`.
 * Scale of the weights does not change C (D⁺ and D⁻ scale alike); negative weights are refused.
 * Missing cells (NaN): the statistics (norm, min, max, ideals) use the units that have a value;
 * a unit with a missing cell gets no distance, closeness or rank (NaN, printed null).
 *
 * `topsisNormalize` + `topsisBenefit` + `topsisScores` let a caller normalise once and rescore many
 * weight vectors (Monte-Carlo), writing into its own buffers; the loops walk the row-major array.
 */

import { withHeap } from './kernels/heap.ts'
import { kernels } from './kernels/index.ts'
import type { Direction, Matrix } from './matrix.ts'
import { type ColumnForms, normalize, pooledForms } from './normalize.ts'
import { type Ranking, rankDescending } from './rank.ts'

export const TOPSIS_NORMALIZATIONS = ['vector', 'minmax', 'none'] as const
export type TopsisNormalization = (typeof TOPSIS_NORMALIZATIONS)[number]
export const TOPSIS_WEIGHTINGS = ['matrix', 'distance'] as const
export type TopsisWeighting = (typeof TOPSIS_WEIGHTINGS)[number]

export interface TopsisOptions {
  normalize: TopsisNormalization
  weighting: TopsisWeighting
  directions: readonly Direction[]
  weights: ArrayLike<number>
}

export interface TopsisScores {
  closeness: Float64Array
  dPlus: Float64Array
  dMinus: Float64Array
  ideal: Float64Array
  antiIdeal: Float64Array
}

export interface TopsisResult extends TopsisScores, Ranking {}

/** Optional output arrays: closeness, dPlus, dMinus (length rows), ideal, antiIdeal (length cols). */
export type TopsisBuffers = Partial<TopsisScores>

export function topsis(m: Matrix, o: TopsisOptions, out?: TopsisBuffers): TopsisResult {
  if (o.directions.length !== m.cols)
    throw new RangeError(`${o.directions.length} directions for ${m.cols} columns`)
  // the normalised matrix is not materialised: each pass applies normalize's per-column form to
  // the raw cell (the same expression, so the same bits as topsisNormalize + topsisScores); a fresh
  // 2,900 × 300 array costs more in page faults than the arithmetic it would save
  const forms =
    o.normalize === 'none'
      ? null
      : o.normalize === 'minmax'
        ? pooledForms(m, 'minmax', o.directions)
        : pooledForms(
            m,
            'vector',
            m.columns.map(() => 'higher'),
          )
  const s = topsisScores(m, topsisBenefit(o.normalize, o.directions), o.weights, o.weighting, out, forms)
  return { ...s, ...rankDescending(s.closeness) }
}

/** Step 1: the normalised matrix r (a new matrix, or `m` itself for `none`). */
export function topsisNormalize(
  m: Matrix,
  scheme: TopsisNormalization,
  directions: readonly Direction[],
): Matrix {
  if (scheme === 'none') return m
  if (scheme === 'minmax') return normalize(m, { scheme: 'minmax', directions })
  return normalize(m, { scheme: 'vector', directions: m.columns.map(() => 'higher') })
}

/** Which columns have their ideal at the maximum of r: all after `minmax`, else the benefit columns. */
export function topsisBenefit(scheme: TopsisNormalization, directions: readonly Direction[]): Uint8Array {
  return Uint8Array.from(directions, (d) => (scheme === 'minmax' || d === 'higher' ? 1 : 0))
}

/**
 * Steps 2–4 on a normalised matrix r: ideals, separations and closeness (no ranking). With
 * `forms`, r is `formCell(forms, j, x)` of the cells x of the matrix given (normalize.ts).
 */
export function topsisScores(
  r: Matrix,
  benefit: Uint8Array,
  weights: ArrayLike<number>,
  weighting: TopsisWeighting,
  out: TopsisBuffers = {},
  forms: ColumnForms | null = null,
): TopsisScores {
  const { rows, cols, data } = r
  if (weights.length !== cols) throw new RangeError(`${weights.length} weights for ${cols} columns`)
  for (let j = 0; j < cols; j++)
    if (!(weights[j]! >= 0) || !Number.isFinite(weights[j]!))
      throw new RangeError(`weight of ${r.columns[j]} is ${weights[j]}: weights must be finite and ≥ 0`)
  // both passes in the topsis kernels (formCell's expression on two columns, then two rows, per vector)
  return withHeap((h) => {
    const k = kernels()
    const x = h.copy(data).byteOffset
    const f5 = h.f64(5 * cols)
    if (forms) {
      f5.set(forms.c, 0)
      f5.set(forms.d, cols)
      f5.set(forms.e, 2 * cols)
      f5.set(forms.flip, 3 * cols)
      f5.set(forms.inv, 4 * cols)
    }
    const range = h.f64(2 * cols)
    k.topsisRanges(x, rows, cols, f5.byteOffset, forms ? 1 : 0, range.byteOffset, range.byteOffset + 8 * cols)
    const hi = range.subarray(0, cols)
    const lo = range.subarray(cols)
    const cw = h.f64(3 * cols) // best, worst, f
    const ideal = out.ideal ?? new Float64Array(cols)
    const antiIdeal = out.antiIdeal ?? new Float64Array(cols)
    for (let j = 0; j < cols; j++) {
      const none = hi[j] === Number.NEGATIVE_INFINITY // no unit has a value
      const best = none ? Number.NaN : benefit[j] ? hi[j]! : lo[j]!
      const worst = none ? Number.NaN : benefit[j] ? lo[j]! : hi[j]!
      const w = weights[j]!
      cw[j] = best
      cw[cols + j] = worst
      cw[2 * cols + j] = weighting === 'matrix' ? w * w : w
      const scale = weighting === 'matrix' ? w : 1
      ideal[j] = best * scale
      antiIdeal[j] = worst * scale
    }
    const sums = h.f64(2 * rows) // Σ f (v − best)², Σ f (v − worst)² per row
    k.topsisDistances(x, rows, cols, f5.byteOffset, forms ? 1 : 0, cw.byteOffset, sums.byteOffset)
    const dPlus = out.dPlus ?? new Float64Array(rows)
    const dMinus = out.dMinus ?? new Float64Array(rows)
    const closeness = out.closeness ?? new Float64Array(rows)
    for (let i = 0; i < rows; i++) {
      const dp = Math.sqrt(sums[i]!)
      const dm = Math.sqrt(sums[rows + i]!)
      dPlus[i] = dp
      dMinus[i] = dm
      closeness[i] = dp + dm === 0 ? 0.5 : dm / (dp + dm)
    }
    return { closeness, dPlus, dMinus, ideal, antiIdeal }
  })
}
