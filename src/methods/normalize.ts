/**
 * Direction-aware normalisation of a units × indicators matrix.
 *
 * Formulas (benefit column / cost column), per column j over its non-missing values:
 * - minmax: (x − min)/(max − min)            / (max − x)/(max − min)
 * - vector: x/‖x‖₂                            / 1 − x/‖x‖₂
 * - sum:    x/Σx                              / (1/x)/Σ(1/x)
 * - max:    x/max                             / 1 − x/max
 * - zscore: (x − mean)/sd (sd with n − 1)     / (mean − x)/sd
 * Sources: Hwang & Yoon (1981) *Multiple Attribute Decision Making* for vector normalisation;
 * Jahan & Edwards (2015) "A state-of-the-art survey on the influence of normalization techniques
 * in ranking", Materials & Design 65, 335–342, for the cost forms of the linear schemes; the
 * sample standard deviation follows R's `scale()` as COINr's `n_zscore` does.
 *
 * Zero-avoidance (entropy and geometric means cannot take 0): `shift` adds ε to every normalised
 * value; `rescale` maps each column's normalised range linearly onto [a, b] (e.g. [0.01, 1]).
 * Panel data (units × periods stacked as rows): `pooled` takes the statistics over all rows, so
 * scores compare across periods; `by-period` normalises each period's rows on their own.
 * Missing cells (NaN) are skipped by the statistics and stay NaN. A column whose statistic is
 * undefined (max = min, zero norm, sd = 0) gives NaN cells rather than a division by zero —
 * except min-max, where a constant column is conventionally 1 (every unit equals the best).
 */
import { createMatrix, type Direction, type Matrix } from './matrix.ts'

export const NORMALIZE_SCHEMES = ['minmax', 'vector', 'sum', 'max', 'zscore'] as const
export type NormalizeScheme = (typeof NORMALIZE_SCHEMES)[number]

export type ZeroRule =
  | { kind: 'none' }
  | { kind: 'shift'; eps: number }
  | { kind: 'rescale'; a: number; b: number }

export interface NormalizeOptions {
  scheme: NormalizeScheme
  directions: readonly Direction[]
  zero?: ZeroRule
  /** Period label of each row for panel data; with `panel: 'by-period'` rows normalise per period. */
  periods?: readonly string[]
  panel?: 'pooled' | 'by-period'
}

/** Normalise every column; returns a new matrix of the same shape. */
export function normalize(m: Matrix, o: NormalizeOptions): Matrix {
  if (o.directions.length !== m.cols)
    throw new RangeError(`${o.directions.length} directions for ${m.cols} columns`)
  const out = createMatrix(m.units, m.columns)
  for (const rows of rowGroups(m, o)) {
    for (let j = 0; j < m.cols; j++) normalizeColumn(m, out, j, rows, o.scheme, o.directions[j]!)
  }
  applyZeroRule(out, o.zero ?? { kind: 'none' })
  return out
}

function rowGroups(m: Matrix, o: NormalizeOptions): number[][] {
  const all = Array.from({ length: m.rows }, (_, i) => i)
  if ((o.panel ?? 'pooled') === 'pooled') return [all]
  if (!o.periods || o.periods.length !== m.rows)
    throw new RangeError('by-period normalisation needs one period label per row')
  const groups = new Map<string, number[]>()
  for (const i of all) {
    const key = o.periods[i]!
    const g = groups.get(key)
    if (g) g.push(i)
    else groups.set(key, [i])
  }
  return [...groups.values()]
}

interface ColumnStats {
  n: number
  min: number
  max: number
  sum: number
  sumSq: number
  sumInv: number
}

function stats(m: Matrix, j: number, rows: readonly number[]): ColumnStats {
  const s = { n: 0, min: Infinity, max: -Infinity, sum: 0, sumSq: 0, sumInv: 0 }
  for (const i of rows) {
    const x = m.data[i * m.cols + j]!
    if (Number.isNaN(x)) continue
    s.n++
    if (x < s.min) s.min = x
    if (x > s.max) s.max = x
    s.sum += x
    s.sumSq += x * x
    s.sumInv += 1 / x
  }
  return s
}

function normalizeColumn(
  m: Matrix,
  out: Matrix,
  j: number,
  rows: readonly number[],
  scheme: NormalizeScheme,
  dir: Direction,
): void {
  const s = stats(m, j, rows)
  const f = columnFormula(s, scheme, dir)
  for (const i of rows) {
    const x = m.data[i * m.cols + j]!
    out.data[i * m.cols + j] = Number.isNaN(x) ? Number.NaN : f(x)
  }
}

function columnFormula(s: ColumnStats, scheme: NormalizeScheme, dir: Direction): (x: number) => number {
  const cost = dir === 'lower'
  switch (scheme) {
    case 'minmax': {
      const range = s.max - s.min
      if (range === 0) return () => 1
      return cost ? (x) => (s.max - x) / range : (x) => (x - s.min) / range
    }
    case 'vector': {
      const norm = Math.sqrt(s.sumSq)
      if (norm === 0) return () => Number.NaN
      return cost ? (x) => 1 - x / norm : (x) => x / norm
    }
    case 'sum': {
      if (cost)
        return s.sumInv === 0 || !Number.isFinite(s.sumInv) ? () => Number.NaN : (x) => 1 / x / s.sumInv
      return s.sum === 0 ? () => Number.NaN : (x) => x / s.sum
    }
    case 'max': {
      if (s.max === 0) return () => Number.NaN
      return cost ? (x) => 1 - x / s.max : (x) => x / s.max
    }
    case 'zscore': {
      const mean = s.sum / s.n
      const sd = Math.sqrt(Math.max(0, (s.sumSq - s.n * mean * mean) / (s.n - 1)))
      if (!(sd > 0)) return () => Number.NaN
      return cost ? (x) => (mean - x) / sd : (x) => (x - mean) / sd
    }
  }
}

function applyZeroRule(out: Matrix, rule: ZeroRule): void {
  if (rule.kind === 'none') return
  const { data, rows, cols } = out
  if (rule.kind === 'shift') {
    for (let k = 0; k < data.length; k++) data[k] = data[k]! + rule.eps
    return
  }
  for (let j = 0; j < cols; j++) {
    let lo = Infinity
    let hi = -Infinity
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j]!
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
    const span = hi - lo
    for (let i = 0; i < rows; i++) {
      const k = i * cols + j
      if (Number.isNaN(data[k]!)) continue
      data[k] = span === 0 ? rule.b : rule.a + ((rule.b - rule.a) * (data[k]! - lo)) / span
    }
  }
}

/** Parse the CLI/API spelling of a zero rule: `none`, `shift:<eps>`, `rescale:<a>,<b>`. */
export function parseZeroRule(text: string): ZeroRule {
  if (text === 'none') return { kind: 'none' }
  const shift = /^shift:(.+)$/.exec(text)
  if (shift) {
    const eps = Number(shift[1])
    if (!Number.isFinite(eps) || eps <= 0) throw new RangeError(`shift needs a positive ε, got "${shift[1]}"`)
    return { kind: 'shift', eps }
  }
  const rescale = /^rescale:([^,]+),(.+)$/.exec(text)
  if (rescale) {
    const a = Number(rescale[1])
    const b = Number(rescale[2])
    if (!Number.isFinite(a) || !Number.isFinite(b) || a >= b)
      throw new RangeError(`rescale needs a < b, got "${rescale[1]},${rescale[2]}"`)
    return { kind: 'rescale', a, b }
  }
  throw new RangeError(`zero rule "${text}": expected none, shift:<eps> or rescale:<a>,<b>`)
}
