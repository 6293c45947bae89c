/**
 * Obstacle degree (障碍度) of each indicator for each unit, from a standardised matrix x ∈ [0, 1]
 * (1 = best), as in the obstacle degree model of the Chinese regional-evaluation literature:
 *   factor contribution  F_j = w_j                    (indicator weight, Σ w = 1)
 *   deviation            I_ij = 1 − x_ij
 *   obstacle degree      O_ij = F_j I_ij / Σ_j F_j I_ij
 * O_ij is indicator j's share of unit i's weighted shortfall S_i = Σ_j F_j I_ij (= 1 − the unit's
 * weighted score), so a defined row sums to 1. A subsystem's obstacle degree is the sum of O_ij
 * over its indicators. The unscaled products F_j I_ij are what the R package mathmodels'
 * `obstacle_degree()` returns by default (R/eval_system.R, github.com/zhjx19/mathmodels); its
 * `scaled = TRUE` is O_ij. Here O_ij = (F_j I_ij) / S_i and S_i is returned beside it.
 *
 * A row that cannot be defined is NaN (printed null) and the rest of the matrix is still computed:
 * a missing cell (NaN), a value outside [0, 1] (not a standardised matrix), or no shortfall at all
 * (S_i = 0: every weighted indicator at its best). `reason` says which.
 *
 * Inputs as published (domain.ts): a value outside [0, 1] by no more than the rounding tolerance
 * (0.001) is taken as the nearest bound and listed in `notes`; only a value farther out makes its
 * row out of range (`outside` names those cells). The kernel's own 1e-9 slack then never applies:
 * every value it sees is in [0, 1], missing, or beyond the tolerance.
 */
import { type Cell, clampToDomain } from './domain.ts'
import { withHeap } from './kernels/heap.ts'
import { kernels } from './kernels/index.ts'
import type { Matrix } from './matrix.ts'
import { MethodInputError } from './weights.ts'

export type UndefinedReason = 'missing' | 'out-of-range' | 'no-shortfall'

export interface ObstacleResult {
  /** row-major units × indicators; NaN for an undefined row */
  obstacle: Float64Array
  /** S_i = Σ_j w_j (1 − x_ij); NaN for a row with a missing or out-of-range cell */
  shortfall: Float64Array
  /** null for a defined row */
  reason: (UndefinedReason | null)[]
  /** reason === null, per row */
  defined: boolean[]
  /** values taken within the rounding tolerance (domain.ts), one line each */
  notes: string[]
  /** cells outside [0, 1] beyond the tolerance (their rows are out of range) */
  outside: Cell[]
}

export function obstacle(m: Matrix, weights: ArrayLike<number>): ObstacleResult {
  const { matrix, notes, outside } = clampToDomain(m, 0, 1)
  const { rows, cols, data } = matrix
  if (weights.length !== cols) throw new MethodInputError(`${weights.length} weights for ${cols} indicators`)
  for (let j = 0; j < cols; j++)
    if (!(weights[j]! >= 0)) throw new MethodInputError(`weight of ${m.columns[j]} is ${weights[j]}, not ≥ 0`)
  const out = new Float64Array(rows * cols)
  const shortfall = new Float64Array(rows).fill(Number.NaN)
  const reason: (UndefinedReason | null)[] = new Array(rows).fill(null)
  // pass 1 writes F_j I_ij into the output row, pass 2 divides it by the row's total (obstacleRows kernel)
  withHeap((h) => {
    const o = h.f64(rows * cols)
    const totals = h.f64(rows)
    const flags = h.f64(rows)
    const w = h.copy(Float64Array.from(weights))
    kernels().obstacleRows(
      h.copy(data).byteOffset,
      rows,
      cols,
      w.byteOffset,
      o.byteOffset,
      totals.byteOffset,
      flags.byteOffset,
    )
    out.set(o)
    for (let i = 0; i < rows; i++) {
      const total = totals[i]!
      const flag = flags[i]!
      const bad: UndefinedReason | null =
        flag === 1 ? 'missing' : flag === 2 ? 'out-of-range' : total > 0 ? null : 'no-shortfall'
      if (flag === 0) shortfall[i] = total
      if (bad) {
        reason[i] = bad
        out.fill(Number.NaN, i * cols, (i + 1) * cols)
      }
    }
  })
  return { obstacle: out, shortfall, reason, defined: reason.map((x) => x === null), notes, outside }
}

/**
 * Sum each subsystem's obstacle degrees: `groups[s]` lists the column indices of subsystem s (an
 * indicator may be in no subsystem). Returns row-major units × subsystems; undefined rows stay NaN.
 */
export function subsystemObstacle(
  r: ObstacleResult,
  cols: number,
  groups: readonly (readonly number[])[],
): Float64Array {
  const rows = r.reason.length
  const S = groups.length
  const out = new Float64Array(rows * S)
  for (let i = 0; i < rows; i++) {
    if (r.reason[i]) {
      out.fill(Number.NaN, i * S, (i + 1) * S)
      continue
    }
    for (let s = 0; s < S; s++) {
      let sum = 0
      for (const j of groups[s]!) sum += r.obstacle[i * cols + j]!
      out[i * S + s] = sum
    }
  }
  return out
}

/**
 * The k largest obstacle degrees of row i, as column indices, largest first (ties: the earlier
 * column first). Insertion into a k-slot buffer: O(cols · k), no sort and no per-cell allocation.
 */
export function topObstacles(r: ObstacleResult, cols: number, i: number, k: number): number[] {
  if (r.reason[i]) return []
  const slots = Math.min(k, cols)
  const idx = new Int32Array(slots)
  let filled = 0
  const at = i * cols
  for (let j = 0; j < cols; j++) {
    const v = r.obstacle[at + j]!
    if (filled === slots && !(v > r.obstacle[at + idx[slots - 1]!]!)) continue
    let p = filled < slots ? filled++ : slots - 1
    while (p > 0 && v > r.obstacle[at + idx[p - 1]!]!) {
      idx[p] = idx[p - 1]!
      p--
    }
    idx[p] = j
  }
  return Array.from(idx.subarray(0, filled))
}
