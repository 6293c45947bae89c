/**
 * Regional disparity of each indicator column across units: coefficient of variation, Theil T and
 * L with a between/within-group decomposition, and Gini — unweighted, or weighted by a unit weight
 * such as population.
 *
 * With unit weights w_i (w_i = 1 unweighted), W = Σ w, population shares p_i = w_i/W, mean
 * μ = Σ p_i y_i and income shares s_i = w_i y_i / Σ w y = p_i y_i / μ:
 * - CV = √(Σ p_i (y_i − μ)²) / μ. Unweighted this is sd/mean with the population sd (divide by n;
 *   numpy's default) or, with `sd: 'sample'`, the n − 1 sd. Weighted it is Williamson's (1965)
 *   population-weighted coefficient of variation V_w = √(Σ (w_i/W)(y_i − μ)²)/μ (Economic
 *   Development and Cultural Change 13(4):1–84). PySAL's `inequality` has no CV to follow.
 * - Theil T (GE(1)) = Σ s_i ln(s_i/p_i) = Σ p_i (y_i/μ) ln(y_i/μ). Unweighted: PySAL
 *   `inequality.theil.Theil`, T = Σ s_i ln(n s_i); a zero y contributes 0 (the limit s ln s → 0; PySAL
 *   adds the smallest float to zeros, the same to machine precision). Weighted: R mathmodels `theil(y, pop)`.
 * - Theil L (GE(0), mean log deviation) = Σ p_i ln(μ/y_i); undefined (null) when a y is 0.
 * - Gini = Σ_i Σ_j p_i p_j |y_i − y_j| / (2μ). Unweighted this is PySAL `inequality.gini.Gini`,
 *   (Σ_i (2i − n − 1) y_(i)) / (n Σ y) over sorted y; weighted it equals the Lorenz-curve (trapezoid)
 *   Gini of grouped data (R mathmodels `gini(income, pop)`). O(n log n) by sorting.
 * Decomposition over groups g (e.g. macro-regions) with P_g = Σ_{i∈g} p_i, S_g = Σ_{i∈g} s_i and
 * group means μ_g (Theil 1967; PySAL `inequality.theil.TheilD` for T, unweighted):
 *   T = Σ_g S_g ln(μ_g/μ)  +  Σ_g S_g T_g        (between + within)
 *   L = Σ_g P_g ln(μ/μ_g)  +  Σ_g P_g L_g
 * Within is computed from the groups' own T_g and L_g, not as a difference, and the two parts add up
 * to the total to rounding (~1e-16). A group with S_g = 0 (all its y are 0) contributes 0 to T.
 *
 * Missing data: a NaN cell leaves that unit out of that column; a unit with a missing weight, or
 * with an empty group label when groups are given, is left out of every column. A column with a
 * negative value has all measures NaN (printed null) and a note — the measures need y ≥ 0.
 * Performance: one gather pass and one logarithm pass per column into reused typed buffers.
 */

import { type HeapScope, withHeap } from './kernels/heap.ts'
import { kernels } from './kernels/index.ts'
import type { Matrix } from './matrix.ts'
import { MethodInputError } from './weights.ts'

export interface DisparityOptions {
  /** a weight per unit (e.g. population); absent = unweighted */
  weights?: ArrayLike<number>
  /** a group label per unit; absent = no decomposition; '' = no group (unit left out) */
  groups?: readonly string[]
  sd?: 'population' | 'sample'
}

export interface DisparityResult {
  /** per column */
  n: Float64Array
  mean: Float64Array
  cv: Float64Array
  theilT: Float64Array
  theilL: Float64Array
  gini: Float64Array
  betweenT: Float64Array
  withinT: Float64Array
  betweenL: Float64Array
  withinL: Float64Array
  /** group names in order of first appearance (empty without groups) */
  groups: string[]
  /** units per group (those with a weight, when weighted) */
  groupUnits: number[]
  /** row-major columns × groups: each group's own Theil T and L */
  groupTheilT: Float64Array
  groupTheilL: Float64Array
  notes: string[]
}

/** The measures of one column, as `disparity` lists them. */
export interface ColumnDisparity {
  n: number
  mean: number
  cv: number
  theilT: number
  theilL: number
  gini: number
  betweenT: number
  withinT: number
  betweenL: number
  withinL: number
}

/** One object per column (convenient for a few columns); `disparityMeasures` is the same as arrays. */
export function disparity(m: Matrix, o: DisparityOptions = {}): ColumnDisparity[] {
  return columnDisparities(m, disparityMeasures(m, o))
}

/** The measures of `r` as one object per column of `m`. */
export function columnDisparities(m: Matrix, r: DisparityResult): ColumnDisparity[] {
  return m.columns.map((_, j) => ({
    n: r.n[j]!,
    mean: r.mean[j]!,
    cv: r.cv[j]!,
    theilT: r.theilT[j]!,
    theilL: r.theilL[j]!,
    gini: r.gini[j]!,
    betweenT: r.betweenT[j]!,
    withinT: r.withinT[j]!,
    betweenL: r.betweenL[j]!,
    withinL: r.withinL[j]!,
  }))
}

/** Every measure for every column, as typed arrays in column order. */
export function disparityMeasures(m: Matrix, o: DisparityOptions = {}): DisparityResult {
  const plan = disparityPlan(m, o)
  const r = disparityResult(m.cols, plan)
  disparityColumns(m, plan, 0, m.cols, r)
  return r
}

/**
 * What every column shares: the checked unit weights, group ids and the notes about units left
 * out. `disparityColumns` then fills any range of columns independently of the others (a parallel
 * caller gives each thread a range; the result is the same bit for bit).
 */
export interface DisparityPlan {
  sd: 'population' | 'sample'
  weights: Float64Array | null
  gid: Int32Array | null
  groups: string[]
  groupUnits: number[]
  notes: string[]
}

export function disparityPlan(m: Matrix, o: DisparityOptions = {}): DisparityPlan {
  const sd = o.sd ?? 'population'
  if (sd === 'sample' && o.weights)
    throw new MethodInputError('the sample sd applies to the unweighted CV only')
  const notes: string[] = []
  const weights = unitWeights(m, o.weights, notes)
  const { gid, names, counts } = groupIds(m, o.groups, weights, notes)
  return { sd, weights, gid, groups: names, groupUnits: counts, notes }
}

/** An empty result (every measure NaN, n = 0) for `cols` columns; `alloc` gives the arrays (e.g. shared ones). */
export function disparityResult(
  cols: number,
  plan: DisparityPlan,
  alloc: (length: number) => Float64Array = (length) => new Float64Array(length),
): DisparityResult {
  const G = plan.groups.length
  const nan = (length: number) => alloc(length).fill(Number.NaN)
  return {
    n: alloc(cols).fill(0),
    mean: nan(cols),
    cv: nan(cols),
    theilT: nan(cols),
    theilL: nan(cols),
    gini: nan(cols),
    betweenT: nan(cols),
    withinT: nan(cols),
    betweenL: nan(cols),
    withinL: nan(cols),
    groups: plan.groups,
    groupUnits: plan.groupUnits,
    groupTheilT: nan(cols * G),
    groupTheilL: nan(cols * G),
    notes: [...plan.notes],
  }
}

/** The measures of columns [from, to) into `r` (notes about those columns appended to r.notes in column order). */
export function disparityColumns(
  m: Matrix,
  plan: Pick<DisparityPlan, 'sd' | 'weights' | 'gid'> & { groups: readonly unknown[] },
  from: number,
  to: number,
  r: DisparityResult,
): void {
  let done = false
  disparityRanges(m, plan, r, () => {
    if (done) return null
    done = true
    return [from, to]
  })
}

/** `disparityColumns` over each range `next()` gives until it gives null (one set of scratch buffers for all). */
export function disparityRanges(
  m: Matrix,
  plan: Pick<DisparityPlan, 'sd' | 'weights' | 'gid'> & { groups: readonly unknown[] },
  r: DisparityResult,
  next: () => readonly [number, number] | null,
): void {
  const { sd, weights: w, gid } = plan
  const G = plan.groups.length
  const buf = new Buffers(m.rows)
  withHeap((h) => {
    const data = h.copy(m.data).byteOffset
    const unit = { w: w ? h.copy(w).byteOffset : 0, gid: gid ? h.int32s(gid) : 0, rowOk: 0 }
    if (gid && !w) {
      // the unweighted Gini's gather leaves out the units without a group
      const ok = h.f64(Math.ceil(m.rows / 8))
      const bytes = new Uint8Array(ok.buffer, ok.byteOffset, m.rows)
      for (let i = 0; i < m.rows; i++) bytes[i] = gid[i]! >= 0 ? 1 : 0
      unit.rowOk = ok.byteOffset
    }
    for (let range = next(); range; range = next())
      columnMeasures(m, data, unit, range[0], range[1], { sd, weights: w, gid, G }, buf, r, h)
  })
}

/** The order of the measures in the kernels' block (groupedPrep, groupedFinish). */
const MEASURES = [
  'n',
  'mean',
  'cv',
  'theilT',
  'theilL',
  'gini',
  'betweenT',
  'withinT',
  'betweenL',
  'withinL',
] as const

/** Every array of a DisparityResult: the measures per column, then the groups' Theil indices. */
export const DISPARITY_ARRAYS = [...MEASURES, 'groupTheilT', 'groupTheilL'] as const

/**
 * The measures of columns [from, to) by the kernels: groupedSums (row-major, two columns per
 * vector, each column's and group's sums in row order), groupedPrep (the means and their
 * logarithms), groupedLogs, the Gini by giniColumns (unweighted) or from the gathered pairs
 * (weighted, here), and groupedFinish (CV, Theil, the decomposition): the per-column formulas bit
 * for bit. Unweighted and ungrouped is unit weights and one group. `unit` holds the heap
 * addresses of the unit weights and group ids (0: none) and of the unweighted Gini's row mask.
 */
function columnMeasures(
  m: Matrix,
  data: number,
  unit: { w: number; gid: number; rowOk: number },
  from: number,
  to: number,
  plan: { sd: 'population' | 'sample'; weights: Float64Array | null; gid: Int32Array | null; G: number },
  b: Buffers,
  r: DisparityResult,
  h: HeapScope,
): void {
  const k = kernels()
  const { rows, cols } = m
  const { sd, weights, gid } = plan
  const w = to - from
  const g1 = gid ? plan.G || 1 : 1
  const G = gid ? plan.G : 0
  const pass1 = h.f64((4 + 2 * g1) * w) // n, negatives, W, WY | W_g, WY_g
  k.groupedSums(data, rows, cols, from, to, unit.w, unit.gid, g1, pass1.byteOffset)
  for (let c = 0; c < w; c++)
    if (pass1[w + c]! > 0)
      r.notes.push(
        `${m.columns[from + c]}: ${pass1[w + c]} negative value(s); disparity measures need y ≥ 0 (column left null)`,
      )
  const pass2 = h.f64((2 + g1 + 4 + 3 * g1) * w) // mean, ln mean, ln mean_g | ss, T, L, zero, T_g, L_g, zero_g
  const gini = h.f64(3 * w) // wanted, sum | gini
  const res = h.f64((MEASURES.length + 2 * G) * w)
  k.groupedPrep(w, g1, G, pass1.byteOffset, pass2.byteOffset, gini.byteOffset, res.byteOffset)
  k.groupedLogs(data, rows, cols, from, to, unit.w, unit.gid, g1, pass2.byteOffset)
  if (!weights) {
    const scratch = h.f64(Math.ceil(k.giniScratchBytes(rows, w) / 8))
    k.giniColumns(data, rows, cols, from, to, unit.rowOk, gini.byteOffset, scratch.byteOffset)
  }
  k.groupedFinish(
    w,
    g1,
    G,
    sd === 'sample' ? 1 : 0,
    weights ? 1 : 0,
    pass1.byteOffset,
    pass2.byteOffset,
    gini.byteOffset,
    res.byteOffset,
  )
  for (const [i, name] of MEASURES.entries()) r[name].set(res.subarray(i * w, (i + 1) * w), from)
  if (G > 0) {
    r.groupTheilT.set(res.subarray(MEASURES.length * w, (MEASURES.length + G) * w), from * G)
    r.groupTheilL.set(res.subarray((MEASURES.length + G) * w, (MEASURES.length + 2 * G) * w), from * G)
  }
  if (weights)
    for (let c = 0; c < w; c++)
      if (gini[c] !== 0)
        r.gini[from + c] = weightedGini(
          gatherPairs(m, from + c, weights, gid, b),
          pass1[c]!,
          pass1[2 * w + c]!,
          pass1[3 * w + c]!,
        )
}

/** Scratch space of the weighted Gini, reused by every column: no allocation inside the column loop. */
class Buffers {
  y: Float64Array
  w: Float64Array
  sorted: Float64Array
  weightAt: Float64Array
  constructor(rows: number) {
    this.y = new Float64Array(rows)
    this.w = new Float64Array(rows)
    this.sorted = new Float64Array(rows)
    this.weightAt = new Float64Array(rows)
  }
}

/** Column j's usable cells and their weights into b.y, b.w (in row order), for the weighted Gini. */
function gatherPairs(
  m: Matrix,
  j: number,
  weights: Float64Array,
  gid: Int32Array | null,
  b: Buffers,
): Buffers {
  let n = 0
  for (let i = 0; i < m.rows; i++) {
    const y = m.data[i * m.cols + j]!
    const w = weights[i]!
    if (Number.isNaN(y) || Number.isNaN(w) || (gid && gid[i]! < 0)) continue
    b.y[n] = y
    b.w[n] = w
    n++
  }
  return b
}

/** Σ_i Σ_j w_i w_j |y_i − y_j| / (2 W² μ) = Σ_i w_i y_i (W_below,i − W_above,i) / (W · WY). */
function weightedGini(b: Buffers, n: number, W: number, WY: number): number {
  const y = b.sorted.subarray(0, n)
  const w = b.weightAt.subarray(0, n)
  y.set(b.y.subarray(0, n))
  w.set(b.w.subarray(0, n))
  sortPairs(y, w, 0, n - 1)
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
function sortPairs(k: Float64Array, v: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1
    if (k[mid]! < k[lo]!) swap(k, v, mid, lo)
    if (k[hi]! < k[lo]!) swap(k, v, hi, lo)
    if (k[hi]! < k[mid]!) swap(k, v, hi, mid)
    const pivot = k[mid]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (k[i]! < pivot) i++
      while (k[j]! > pivot) j--
      if (i <= j) swap(k, v, i++, j--)
    }
    // recurse into the smaller part and loop on the larger: the stack stays O(log n)
    if (j - lo < hi - i) {
      sortPairs(k, v, lo, j)
      lo = i
    } else {
      sortPairs(k, v, i, hi)
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

function swap(k: Float64Array, v: Float64Array, a: number, b: number): void {
  const t = k[a]!
  k[a] = k[b]!
  k[b] = t
  const u = v[a]!
  v[a] = v[b]!
  v[b] = u
}

function unitWeights(m: Matrix, given: ArrayLike<number> | undefined, notes: string[]): Float64Array | null {
  if (!given) return null
  if (given.length !== m.rows) throw new MethodInputError(`${given.length} weights for ${m.rows} units`)
  const w = Float64Array.from(given)
  const missing: string[] = []
  for (let i = 0; i < m.rows; i++) {
    if (Number.isNaN(w[i]!)) missing.push(m.units[i]!)
    else if (!(w[i]! >= 0) || !Number.isFinite(w[i]!))
      throw new MethodInputError(`${m.units[i]}: weight ${w[i]} is not a finite number ≥ 0`)
  }
  if (missing.length) notes.push(`no weight, left out: ${missing.join(', ')}`)
  return w
}

function groupIds(
  m: Matrix,
  labels: readonly string[] | undefined,
  w: Float64Array | null,
  notes: string[],
): { gid: Int32Array | null; names: string[]; counts: number[] } {
  if (!labels) return { gid: null, names: [], counts: [] }
  if (labels.length !== m.rows)
    throw new MethodInputError(`${labels.length} group labels for ${m.rows} units`)
  const gid = new Int32Array(m.rows)
  const names: string[] = []
  const counts: number[] = []
  const index = new Map<string, number>()
  const ungrouped: string[] = []
  for (let i = 0; i < m.rows; i++) {
    const label = labels[i]!.trim()
    if (label === '') {
      gid[i] = -1
      ungrouped.push(m.units[i]!)
      continue
    }
    let g = index.get(label)
    if (g === undefined) {
      g = names.push(label) - 1
      index.set(label, g)
      counts.push(0)
    }
    gid[i] = g
    if (!w || !Number.isNaN(w[i]!)) counts[g]!++
  }
  if (ungrouped.length) notes.push(`no group, left out: ${ungrouped.join(', ')}`)
  return { gid, names, counts }
}
