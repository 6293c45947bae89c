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
import { withHeap } from './kernels/heap.ts'
import { kernels } from './kernels/index.ts'
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
  for (const rows of rowGroups(m, o)) normalizeRows(m, out, rows, o.scheme, o.directions)
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

/** Per-column statistics over the given rows, gathered row by row (the matrix is row-major). */
class ColumnStats {
  n: Float64Array
  min: Float64Array
  max: Float64Array
  sum: Float64Array
  sumSq: Float64Array
  sumInv: Float64Array
  constructor(cols: number) {
    this.n = new Float64Array(cols)
    this.min = new Float64Array(cols).fill(Infinity)
    this.max = new Float64Array(cols).fill(-Infinity)
    this.sum = new Float64Array(cols)
    this.sumSq = new Float64Array(cols)
    this.sumInv = new Float64Array(cols)
  }
}

function stats(m: Matrix, rows: readonly number[], withInverse: boolean): ColumnStats {
  const { cols, data } = m
  const s = new ColumnStats(cols)
  for (const i of rows)
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const x = data[k]!
      if (Number.isNaN(x)) continue
      s.n[j]!++
      if (x < s.min[j]!) s.min[j] = x
      if (x > s.max[j]!) s.max[j] = x
      s.sum[j]! += x
      s.sumSq[j]! += x * x
      if (withInverse) s.sumInv[j]! += 1 / x
    }
  return s
}

/**
 * Every linear scheme written as (x − c)/d + e, or (c − x)/d + e for a cost column (`flip`), which
 * is its formula above bit for bit (1 − x/‖x‖ = (0 − x)/‖x‖ + 1 exactly in IEEE arithmetic). A
 * constant min-max column is 1 (d = ∞); an undefined statistic gives NaN (e = NaN). The cost form
 * of `sum`, (1/x)/Σ(1/x), is not linear: a non-zero `inv[j]` = Σ(1/x) marks it.
 */
export interface ColumnForms {
  c: Float64Array
  d: Float64Array
  e: Float64Array
  flip: Uint8Array
  inv: Float64Array
}

function columnForms(s: ColumnStats, scheme: NormalizeScheme, dirs: readonly Direction[]): ColumnForms {
  const cols = s.n.length
  const f: ColumnForms = {
    c: new Float64Array(cols),
    d: new Float64Array(cols).fill(1),
    e: new Float64Array(cols),
    flip: new Uint8Array(cols),
    inv: new Float64Array(cols),
  }
  for (let j = 0; j < cols; j++) {
    const cost = dirs[j] === 'lower'
    const set = (c: number, d: number, e: number) => {
      f.c[j] = c
      f.d[j] = d
      f.e[j] = e
      f.flip[j] = cost && scheme !== 'sum' ? 1 : 0
    }
    switch (scheme) {
      case 'minmax': {
        const range = s.max[j]! - s.min[j]!
        if (range === 0) set(0, Infinity, 1)
        else set(cost ? s.max[j]! : s.min[j]!, range, 0)
        break
      }
      case 'vector': {
        const norm = Math.sqrt(s.sumSq[j]!)
        if (norm === 0) set(0, 1, Number.NaN)
        else set(0, norm, cost ? 1 : 0)
        break
      }
      case 'sum': {
        if (cost) {
          const inv = s.sumInv[j]!
          if (inv === 0 || !Number.isFinite(inv)) set(0, 1, Number.NaN)
          else f.inv[j] = inv
        } else if (s.sum[j] === 0) set(0, 1, Number.NaN)
        else set(0, s.sum[j]!, 0)
        break
      }
      case 'max': {
        const max = s.max[j]!
        if (max === 0) set(0, 1, Number.NaN)
        else set(0, max, cost ? 1 : 0)
        break
      }
      case 'zscore': {
        const n = s.n[j]!
        const mean = s.sum[j]! / n
        const sd = Math.sqrt(Math.max(0, (s.sumSq[j]! - n * mean * mean) / (n - 1)))
        if (!(sd > 0)) set(0, 1, Number.NaN)
        else set(mean, sd, 0)
        break
      }
    }
  }
  return f
}

/**
 * The forms `normalize` applies with all rows pooled and no zero rule: cell (i, j) of its output is
 * `formCell(f, j, x_ij)`, so a caller can use the normalised values without materialising them.
 */
export function pooledForms(m: Matrix, scheme: NormalizeScheme, dirs: readonly Direction[]): ColumnForms {
  if (dirs.length !== m.cols) throw new RangeError(`${dirs.length} directions for ${m.cols} columns`)
  return columnForms(
    stats(
      m,
      Array.from({ length: m.rows }, (_, i) => i),
      scheme === 'sum',
    ),
    scheme,
    dirs,
  )
}

/** Column j's form applied to x, the expression `normalize` writes (kept identical to normalizeRows). */
export function formCell(f: ColumnForms, j: number, x: number): number {
  const y = f.inv[j] !== 0 ? 1 / x / f.inv[j]! : f.flip[j] ? (f.c[j]! - x) / f.d[j]! : (x - f.c[j]!) / f.d[j]!
  return f.e[j] === 0 ? y : y + f.e[j]!
}

function normalizeRows(
  m: Matrix,
  out: Matrix,
  rows: readonly number[],
  scheme: NormalizeScheme,
  dirs: readonly Direction[],
): void {
  const { cols, data } = m
  const { c, d, e, flip, inv } = columnForms(stats(m, rows, scheme === 'sum'), scheme, dirs)
  if (rows.length === m.rows) {
    // the whole matrix (rows in order): the same expression by the formMatrix kernel
    withHeap((h) => {
      const f5 = h.f64(5 * cols)
      f5.set(c, 0)
      f5.set(d, cols)
      f5.set(e, 2 * cols)
      f5.set(flip, 3 * cols)
      f5.set(inv, 4 * cols)
      const y = h.f64(data.length)
      kernels().formMatrix(h.copy(data).byteOffset, m.rows, cols, f5.byteOffset, y.byteOffset)
      out.data.set(y)
    })
    return
  }
  for (const i of rows)
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const x = data[k]!
      // NaN stays NaN through every form; e = 0 is not added, so a −0 stays as the formula gives it
      const y = inv[j] !== 0 ? 1 / x / inv[j]! : flip[j] ? (c[j]! - x) / d[j]! : (x - c[j]!) / d[j]!
      out.data[k] = e[j] === 0 ? y : y + e[j]!
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
