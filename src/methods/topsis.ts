/**
 * TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, pp. 128–140).
 *
 * Normalisation r_ij: `vector` x/‖x_j‖₂ (Hwang & Yoon; direction is handled by the ideal),
 * `minmax` direction-aware min-max (cost columns flipped, as pymcdm's default TOPSIS does), or
 * `none` (the matrix as given). Ideal A⁺ and anti-ideal A⁻ per column: best and worst value by
 * direction (after `minmax`, every column is benefit).
 * Weighting, both found in published work and giving different scores:
 * - `matrix`   (Hwang & Yoon): v_ij = w_j r_ij; D⁺_i = √Σ_j (v_ij − v⁺_j)², D⁻ likewise;
 * - `distance`: D⁺_i = √Σ_j w_j (r_ij − r⁺_j)² on the unweighted r.
 * Closeness C_i = D⁻_i / (D⁺_i + D⁻_i); rank 1 = highest C (ties shared and listed).
 * A unit with a missing cell gets no score (NaN → null); the ideals use the units that have one.
 */
import type { Direction, Matrix } from './matrix.ts'
import { normalize } from './normalize.ts'
import { type Ranking, rankDescending } from './rank.ts'

export interface TopsisOptions {
  normalize: 'vector' | 'minmax' | 'none'
  weighting: 'matrix' | 'distance'
  directions: readonly Direction[]
  weights: Float64Array
}

export interface TopsisResult extends Ranking {
  closeness: Float64Array
  dPlus: Float64Array
  dMinus: Float64Array
  /** in the space the distances are taken in (weighted for `matrix`) */
  ideal: Float64Array
  antiIdeal: Float64Array
}

export function topsis(m: Matrix, o: TopsisOptions): TopsisResult {
  if (o.weights.length !== m.cols) throw new RangeError(`${o.weights.length} weights for ${m.cols} columns`)
  const r = normalized(m, o)
  const benefit =
    o.normalize === 'minmax' ? m.columns.map(() => true) : o.directions.map((d) => d === 'higher')
  const { rows, cols, data } = r
  const scale = new Float64Array(cols)
  for (let j = 0; j < cols; j++) scale[j] = o.weighting === 'matrix' ? o.weights[j]! : 1
  const ideal = new Float64Array(cols).fill(Number.NaN)
  const antiIdeal = new Float64Array(cols).fill(Number.NaN)
  for (let j = 0; j < cols; j++) {
    let hi = -Infinity
    let lo = Infinity
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j]! * scale[j]!
      if (v > hi) hi = v
      if (v < lo) lo = v
    }
    if (hi === -Infinity) continue
    ideal[j] = benefit[j] ? hi : lo
    antiIdeal[j] = benefit[j] ? lo : hi
  }
  const dPlus = new Float64Array(rows)
  const dMinus = new Float64Array(rows)
  const closeness = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    let sp = 0
    let sm = 0
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j]! * scale[j]!
      const wd = o.weighting === 'distance' ? o.weights[j]! : 1
      sp += wd * (v - ideal[j]!) ** 2
      sm += wd * (v - antiIdeal[j]!) ** 2
    }
    dPlus[i] = Math.sqrt(sp)
    dMinus[i] = Math.sqrt(sm)
    const den = dPlus[i]! + dMinus[i]!
    // every unit equal to both ideals (all columns constant): equally good, C = ½ by symmetry
    closeness[i] = den === 0 ? 0.5 : dMinus[i]! / den
  }
  return { closeness, dPlus, dMinus, ideal, antiIdeal, ...rankDescending(closeness) }
}

function normalized(m: Matrix, o: TopsisOptions): Matrix {
  if (o.normalize === 'none') return m
  if (o.normalize === 'minmax') return normalize(m, { scheme: 'minmax', directions: o.directions })
  return normalize(m, { scheme: 'vector', directions: m.columns.map(() => 'higher') })
}
