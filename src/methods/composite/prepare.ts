/**
 * The data-preparation steps of a composite index, each as COINr does it (bluefoxr/COINr at
 * b9682034635df03279896b6cb025cd3534f82cbb):
 * - denominate (R/denominate.R, `Denominate.data.frame`, f_denom = `/`): x_ij / d_i for every
 *   indicator j whose meta row names a denominator column d. A missing or zero denominator gives
 *   NaN (a missing cell), not ±Infinity.
 * - screen (R/screen_units.R, `Screen.data.frame`, unit_screen = "byNA"): a unit is kept when its
 *   share of non-missing indicators, 1 − N_missing/N_indicators, is ≥ dat_thresh (COINr drops it
 *   when Dat_Avail < dat_thresh). COINr's default dat_thresh is 2/3 (the code sets 2/3; its help
 *   says 0.66). The same table also counts zeros (Non_Zero = 1 − N_zero/N_present) for
 *   unit_screen = "byzeros" (default nonzero_thresh 0.05) and "byNAandzeros".
 * - impute (R/impute.R, impute_by = "column"): i_mean (column mean), i_median (column median),
 *   i_mean_grp / i_median_grp (mean or median of the unit's group; units without a group are
 *   left as they are, skip_f_na = TRUE). A column (or group) with no values stays missing.
 */
import { createMatrix, type Matrix } from '../matrix.ts'
import { MethodInputError } from '../weights.ts'

export function denominate(
  m: Matrix,
  denominatorOf: readonly (string | null)[],
  denominators: Record<string, ArrayLike<number>>,
): Matrix {
  const out = createMatrix(m.units, m.columns, Float64Array.from(m.data))
  denominatorOf.forEach((name, j) => {
    if (!name) return
    const d = denominators[name]
    if (!d) throw new MethodInputError(`denominator "${name}" of ${m.columns[j]} is not a column of the data`)
    if (d.length !== m.rows)
      throw new MethodInputError(`denominator "${name}" has ${d.length} values for ${m.rows} units`)
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + j]! / d[i]!
      out.data[i * m.cols + j] = Number.isFinite(v) ? v : Number.NaN
    }
  })
  return out
}

export type ScreenRule = 'byNA' | 'byzeros' | 'byNAandzeros'

export interface ScreenResult {
  matrix: Matrix
  /** row indices of `m` that were kept */
  kept: number[]
  removed: string[]
  /** COINr get_data_avail: share of indicators present, and share of present values that are non-zero */
  availability: Float64Array
  nonZero: Float64Array
}

export function screen(
  m: Matrix,
  datThresh: number,
  rule: ScreenRule = 'byNA',
  nonzeroThresh = 0.05,
): ScreenResult {
  const kept: number[] = []
  const removed: string[] = []
  const availability = new Float64Array(m.rows)
  const nonZero = new Float64Array(m.rows)
  for (let i = 0; i < m.rows; i++) {
    let missing = 0
    let zeros = 0
    for (let j = 0; j < m.cols; j++) {
      const v = m.data[i * m.cols + j]!
      if (Number.isNaN(v)) missing++
      else if (v === 0) zeros++
    }
    availability[i] = 1 - missing / m.cols
    nonZero[i] = 1 - zeros / (m.cols - missing)
    const lowData = availability[i]! < datThresh
    const lowNonZero = nonZero[i]! < nonzeroThresh
    const drop = rule === 'byNA' ? lowData : rule === 'byzeros' ? lowNonZero : lowData || lowNonZero
    if (drop) removed.push(m.units[i]!)
    else kept.push(i)
  }
  // nothing removed: the same (read-only) matrix, no copy
  return { matrix: removed.length === 0 ? m : selectRows(m, kept), kept, removed, availability, nonZero }
}

export function selectRows(m: Matrix, rows: readonly number[]): Matrix {
  const out = createMatrix(
    rows.map((i) => m.units[i]!),
    m.columns,
  )
  rows.forEach((i, r) => {
    out.data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), r * m.cols)
  })
  return out
}

export const IMPUTATIONS = ['none', 'mean', 'median', 'group-mean', 'group-median'] as const
export type Imputation = (typeof IMPUTATIONS)[number]

/** Fill missing cells column by column; `groups` (one label per row, '' = none) for the group variants. */
export function impute(m: Matrix, how: Imputation, groups?: readonly string[]): Matrix {
  const out = createMatrix(m.units, m.columns, Float64Array.from(m.data))
  if (how === 'none') return out
  const grouped = how === 'group-mean' || how === 'group-median'
  if (grouped && (!groups || groups.length !== m.rows))
    throw new MethodInputError(`${how} imputation needs one group label per unit`)
  const sets: number[][] = []
  if (grouped) {
    const byGroup = new Map<string, number[]>()
    groups!.forEach((g, i) => {
      if (g === '') return // COINr skip_f_na: a unit without a group is not imputed
      const s = byGroup.get(g)
      if (s) s.push(i)
      else byGroup.set(g, [i])
    })
    sets.push(...byGroup.values())
  } else sets.push(Array.from({ length: m.rows }, (_, i) => i))
  const median = how === 'median' || how === 'group-median'
  const buf = new Float64Array(m.rows)
  for (let j = 0; j < m.cols; j++)
    for (const rows of sets) {
      let n = 0
      for (const i of rows) {
        const v = m.data[i * m.cols + j]!
        if (!Number.isNaN(v)) buf[n++] = v
      }
      if (n === 0 || n === rows.length) continue
      const fill = median ? medianOf(buf.subarray(0, n)) : meanOf(buf.subarray(0, n))
      for (const i of rows) if (Number.isNaN(out.data[i * m.cols + j]!)) out.data[i * m.cols + j] = fill
    }
  return out
}

function meanOf(x: Float64Array): number {
  let s = 0
  for (const v of x) s += v
  return s / x.length
}

function medianOf(x: Float64Array): number {
  x.sort()
  const h = x.length >> 1
  return x.length % 2 ? x[h]! : (x[h - 1]! + x[h]!) / 2
}
