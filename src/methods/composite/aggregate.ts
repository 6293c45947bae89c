/**
 * Weighted means for aggregating children into their parent (JRC/OECD Handbook on Constructing
 * Composite Indicators, 2008, §6; COINr a_amean / a_gmean / a_hmean):
 *   arithmetic Σ w x / Σ w,  geometric Π x^(w/Σw),  harmonic Σ w / Σ (w/x)
 * over the children a unit has values for (the weights of missing children are left out, as COINr's
 * weighted means with na.rm = TRUE). Geometric and harmonic means need positive values: a zero or
 * negative value is an error naming it, never a silent skip.
 */
import { withHeap } from '../kernels/heap.ts'
import { kernels } from '../kernels/index.ts'
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
 * slot, and runs of adjacent columns with one parent are summed in registers.
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

/** Draws aggregated together in one pass over the data (lanes), and rows per step of that pass. */
export const LANES = 4
export const ROWS = 4

/**
 * The indicator-level value each mean sums: arithmetic x, geometric ln x, harmonic 1/x
 * (Σw·x/Σw, exp(Σw·ln x/Σw), Σw/Σ(w/x)). Missing cells become 0 with a 0/1 presence mask
 * (null when nothing is missing), so the blocked kernel needs no branch per cell. Complete
 * arithmetic input is used as it is, without a copy.
 */
export function linearInput(
  z: Float64Array,
  how: Aggregation,
  alloc: (length: number) => Float64Array = (length) => new Float64Array(length),
): { t: Float64Array; mask: Float64Array | null } {
  let missing = false
  for (let k = 0; k < z.length; k++)
    if (Number.isNaN(z[k]!)) {
      missing = true
      break
    }
  if (how === 'arithmetic' && !missing) return { t: z, mask: null }
  const t = alloc(z.length)
  if (how === 'arithmetic') t.set(z)
  else if (how === 'geometric')
    // Math.log of every cell, by the log kernel (fdlibm as V8, two lanes per vector)
    withHeap((h) => {
      const y = h.copy(z)
      const out = h.f64(z.length)
      kernels().logArray(y.byteOffset, out.byteOffset, z.length)
      t.set(out)
    })
  else for (let k = 0; k < z.length; k++) t[k] = 1 / z[k]!
  if (!missing) return { t, mask: null }
  const mask = alloc(z.length)
  for (let k = 0; k < z.length; k++) {
    const present = !Number.isNaN(t[k]!)
    mask[k] = present ? 1 : 0
    if (!present) t[k] = 0
  }
  return { t, mask }
}

/**
 * LANES draws at once: `wInd[j·LANES + b]`, `wAgg[k·LANES + b]` are draw b's weights; draw b's
 * top score of row i goes to `out[b·rows + i]`. Every cell is read once for all lanes and the
 * rows are taken ROWS at a time, so each weight load serves ROWS rows and each value load LANES
 * draws (one draw at a time, the loads, not the multiplications, bound the loop). Same means as
 * `aggregateInto` up to summation order. `acc` and `wsum` hold ROWS·A·LANES numbers each.
 */
export function aggregateLanes(
  input: { t: Float64Array; mask: Float64Array | null },
  rows: number,
  cols: number,
  c: CompiledHierarchy,
  how: Aggregation,
  wInd: Float64Array,
  wAgg: Float64Array,
  out: Float64Array,
  acc: Float64Array,
  wsum: Float64Array,
): void {
  const A = c.aggregates.length
  // without missing cells the indicator-level weight sums are the same for every row
  const indicatorSums = new Float64Array(A * LANES)
  if (!input.mask)
    for (let j = 0; j < cols; j++) {
      const p = c.indicatorParent[j]! * LANES
      for (let b = 0; b < LANES; b++) indicatorSums[p + b] = indicatorSums[p + b]! + wInd[j * LANES + b]!
    }
  withHeap((h) => {
    // the whole block runs in the aggregateRows kernel, on the heap (inputs already there are not
    // copied; acc and wsum are scratch, so heap copies of them serve as well)
    const outH = h.copy(out)
    kernels().aggregateRows(
      h.copy(input.t).byteOffset,
      input.mask ? h.copy(input.mask).byteOffset : 0,
      rows,
      cols,
      h.int32s(c.runs),
      c.runs.length / 3,
      h.copy(wInd).byteOffset,
      A,
      h.int32s(c.aggregateParent),
      HOW[how],
      h.copy(wAgg).byteOffset,
      h.copy(indicatorSums).byteOffset,
      outH.byteOffset,
      h.copy(acc).byteOffset,
      h.copy(wsum).byteOffset,
    )
    if (outH !== out) out.set(outH)
  })
}

const HOW = { arithmetic: 0, geometric: 1, harmonic: 2 } as const
