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
