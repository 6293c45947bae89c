/**
 * Weighted means for aggregating children into their parent (JRC/OECD Handbook on Constructing
 * Composite Indicators, 2008, §6; COINr a_amean / a_gmean / a_hmean):
 *   arithmetic Σ w x / Σ w,  geometric Π x^(w/Σw),  harmonic Σ w / Σ (w/x)
 * over the children a unit has values for (the weights of missing children are left out, as COINr's
 * weighted means with na.rm = TRUE). Geometric and harmonic means need positive values: a zero or
 * negative value is an error naming it, never a silent skip.
 */
import { MethodInputError } from '../weights.ts'

export const AGGREGATIONS = ['arithmetic', 'geometric', 'harmonic'] as const
export type Aggregation = (typeof AGGREGATIONS)[number]

/** out[i] = mean of columns `cols` of row i of `data` (row-major, `width` columns). */
export function aggregateInto(
  out: Float64Array,
  outCol: number,
  outWidth: number,
  data: Float64Array,
  width: number,
  rows: number,
  cols: readonly number[],
  weights: readonly number[],
  how: Aggregation,
  label: (i: number, j: number) => string,
): void {
  for (let i = 0; i < rows; i++) {
    let wsum = 0
    let acc = 0
    for (let k = 0; k < cols.length; k++) {
      const v = data[i * width + cols[k]!]!
      if (Number.isNaN(v)) continue
      const w = weights[k]!
      if (how !== 'arithmetic' && !(v > 0))
        throw new MethodInputError(
          `${how} mean needs positive values: ${label(i, cols[k]!)} is ${v} (normalise to a positive range, e.g. --range 1,100)`,
        )
      wsum += w
      acc += how === 'arithmetic' ? w * v : how === 'geometric' ? w * Math.log(v) : w / v
    }
    out[i * outWidth + outCol] =
      wsum === 0
        ? Number.NaN
        : how === 'arithmetic'
          ? acc / wsum
          : how === 'geometric'
            ? Math.exp(acc / wsum)
            : wsum / acc
  }
}

/**
 * A hierarchy compiled for repeated aggregation (the uncertainty analysis aggregates the same
 * structure hundreds of times): each indicator column and each aggregate points to its parent's
 * slot, so one row-major pass per level does all the sums with no lookups.
 */
export interface CompiledHierarchy {
  /** slot of each indicator column's parent, in 0..aggregates−1 */
  indicatorParent: Int32Array
  /** aggregates in bottom-up order; parent slot of each (−1 for the top) */
  aggregateParent: Int32Array
  /** the level (2, 3, …) of each aggregate slot */
  aggregateLevel: Int32Array
  top: number
  aggregates: string[]
  /** maximal runs of consecutive columns with the same parent: [start, end, parent] triples */
  runs: Int32Array
}

export function compileHierarchy(
  h: { levels: { nodes: { code: string; children: string[] }[] }[]; top: string },
  columns: readonly string[],
): CompiledHierarchy {
  const aggregates = h.levels.flatMap((l) => l.nodes.map((n) => n.code))
  const slot = new Map(aggregates.map((c, k) => [c, k]))
  const parentOf = new Map<string, string>()
  for (const l of h.levels) for (const n of l.nodes) for (const c of n.children) parentOf.set(c, n.code)
  const indicatorParent = Int32Array.from(columns, (c) => slot.get(parentOf.get(c)!) ?? -1)
  const aggregateParent = Int32Array.from(aggregates, (c) =>
    parentOf.has(c) ? slot.get(parentOf.get(c)!)! : -1,
  )
  const aggregateLevel = Int32Array.from(h.levels.flatMap((l, i) => l.nodes.map(() => i + 2)))
  const runs: number[] = []
  for (let j = 0; j < columns.length; j++) {
    if (j > 0 && indicatorParent[j] === indicatorParent[j - 1]) runs[runs.length - 2] = j + 1
    else runs.push(j, j + 1, indicatorParent[j]!)
  }
  return {
    indicatorParent,
    aggregateParent,
    aggregateLevel,
    top: slot.get(h.top)!,
    aggregates,
    runs: Int32Array.from(runs),
  }
}

/**
 * Aggregate every row of `z` (row-major, `cols` wide; `logz` = ln z for the geometric mean) up
 * the compiled hierarchy with per-column weights `wInd` and per-aggregate weights `wAgg`, writing
 * the top score of each row into `out`. Missing values are left out with their weights, as in
 * `aggregateInto`; `scratch` holds 2 × aggregates numbers.
 */
export function aggregateCompiled(
  z: Float64Array,
  logz: Float64Array | null,
  rows: number,
  cols: number,
  c: CompiledHierarchy,
  wInd: Float64Array,
  wAgg: Float64Array,
  how: Aggregation,
  out: Float64Array,
  scratch: Float64Array,
  /** the caller knows `z` has no missing values: the weight sums are the same for every row */
  complete = false,
): void {
  const A = c.aggregates.length
  const acc = scratch.subarray(0, A)
  const wsum = scratch.subarray(A, 2 * A)
  const geo = how === 'geometric'
  const harm = how === 'harmonic'
  if (!harm && complete) {
    aggregateComplete(geo ? logz! : z, rows, cols, c, wInd, wAgg, geo, out, acc, wsum)
    return
  }
  for (let i = 0; i < rows; i++) {
    acc.fill(0)
    wsum.fill(0)
    const base = i * cols
    for (let j = 0; j < cols; j++) {
      const v = geo ? logz![base + j]! : z[base + j]!
      if (Number.isNaN(v)) continue
      const p = c.indicatorParent[j]!
      const w = wInd[j]!
      acc[p] = acc[p]! + (harm ? w / v : w * v)
      wsum[p] = wsum[p]! + w
    }
    // aggregates are stored bottom-up, so a child is finished before its parent reads it
    for (let k = 0; k < A; k++) {
      const s = wsum[k]!
      const mean = s === 0 ? Number.NaN : geo ? Math.exp(acc[k]! / s) : harm ? s / acc[k]! : acc[k]! / s
      const p = c.aggregateParent[k]!
      if (p < 0) {
        out[i] = mean
        continue
      }
      if (Number.isNaN(mean)) continue
      const w = wAgg[k]!
      acc[p] = acc[p]! + (geo ? w * Math.log(mean) : harm ? w / mean : w * mean)
      wsum[p] = wsum[p]! + w
    }
  }
}

/** The hot loop without missing values: weight sums computed once, one fused pass per row. */
function aggregateComplete(
  v: Float64Array,
  rows: number,
  cols: number,
  c: CompiledHierarchy,
  wInd: Float64Array,
  wAgg: Float64Array,
  geo: boolean,
  out: Float64Array,
  acc: Float64Array,
  wsum: Float64Array,
): void {
  const A = c.aggregates.length
  const parent = c.indicatorParent
  wsum.fill(0)
  for (let j = 0; j < cols; j++) wsum[parent[j]!] = wsum[parent[j]!]! + wInd[j]!
  for (let k = 0; k < A; k++)
    if (c.aggregateParent[k]! >= 0) wsum[c.aggregateParent[k]!] = wsum[c.aggregateParent[k]!]! + wAgg[k]!
  const runs = c.runs
  for (let i = 0; i < rows; i++) {
    acc.fill(0)
    const base = i * cols
    // columns of one parent are usually adjacent: sum each run in a register, one store per run
    for (let r = 0; r < runs.length; r += 3) {
      let sum = 0
      for (let j = runs[r]!, end = runs[r + 1]!; j < end; j++) sum += wInd[j]! * v[base + j]!
      acc[runs[r + 2]!] = acc[runs[r + 2]!]! + sum
    }
    for (let k = 0; k < A; k++) {
      const mean = acc[k]! / wsum[k]!
      const p = c.aggregateParent[k]!
      if (p < 0) out[i] = geo ? Math.exp(mean) : mean
      else acc[p] = acc[p]! + wAgg[k]! * mean
    }
  }
}
