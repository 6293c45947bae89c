/**
 * Obstacle degree (障碍度) of each indicator for each unit, from a standardised matrix x ∈ [0, 1]
 * (1 = best): factor contribution F_j = w_j, deviation I_ij = 1 − x_ij, and
 *   O_ij = F_j I_ij / Σ_j F_j I_ij,
 * the share of the unit's shortfall that indicator j accounts for (rows sum to 1); a subsystem's
 * obstacle is the sum over its indicators. This is the obstacle degree model (障碍度模型) of the
 * Chinese regional-evaluation literature, usually run on entropy weights.
 * A unit with a missing cell, or with no shortfall at all (every x = 1), has no obstacle degree:
 * its row is null, and the rest of the matrix is still computed.
 */
import type { Matrix } from './matrix.ts'

export interface ObstacleResult {
  /** row-major units × indicators; NaN for an undefined row */
  obstacle: Float64Array
  defined: boolean[]
}

export function obstacle(m: Matrix, weights: ArrayLike<number>): ObstacleResult {
  const { rows, cols, data } = m
  const out = new Float64Array(rows * cols).fill(Number.NaN)
  const defined: boolean[] = []
  for (let i = 0; i < rows; i++) {
    let total = 0
    let ok = true
    for (let j = 0; j < cols; j++) {
      const x = data[i * cols + j]!
      if (Number.isNaN(x)) ok = false
      total += weights[j]! * (1 - x)
    }
    if (!ok || !(total > 0)) {
      defined.push(false)
      continue
    }
    for (let j = 0; j < cols; j++) out[i * cols + j] = (weights[j]! * (1 - data[i * cols + j]!)) / total
    defined.push(true)
  }
  return { obstacle: out, defined }
}

/** Sum the obstacle of each subsystem's indicators (column indices per subsystem). */
export function subsystemObstacle(
  r: ObstacleResult,
  cols: number,
  groups: readonly number[][],
): Float64Array {
  const rows = r.defined.length
  const out = new Float64Array(rows * groups.length).fill(Number.NaN)
  for (let i = 0; i < rows; i++) {
    if (!r.defined[i]) continue
    groups.forEach((g, s) => {
      let sum = 0
      for (const j of g) sum += r.obstacle[i * cols + j]!
      out[i * groups.length + s] = sum
    })
  }
  return out
}

/** The k largest obstacles of row i (column indices, largest first). */
export function topObstacles(r: ObstacleResult, cols: number, i: number, k: number): number[] {
  if (!r.defined[i]) return []
  return Array.from({ length: cols }, (_, j) => j)
    .sort((a, b) => r.obstacle[i * cols + b]! - r.obstacle[i * cols + a]! || a - b)
    .slice(0, k)
}
