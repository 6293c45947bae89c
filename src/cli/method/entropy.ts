import { entropyProportions, entropyWeights } from '../../methods/weights.ts'
import { choice, cliStamp, directionsOf, list, loadMatrix, optionalString } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { entropyZero, methodInput } from './weights-options.ts'

export const entropyMethod: MethodCommand = {
  name: 'entropy',
  summary: 'entropy weight method (raw or min-max values; selectable zero rule)',
  help: `Input: matrix CSV — header row, first column the unit id, other columns numeric indicators.
Missing cells (empty, NA, NaN) are skipped: column j uses its n_j units with values (k = 1/ln n_j);
a column with fewer than two values is an error naming it.

Formula (Shannon entropy as an indicator weight), for column j:
  p_ij = y_ij / Σ_i y_ij,  e_j = −(1/ln n_j) Σ_i p_ij ln p_ij,  d_j = 1 − e_j,  w_j = d_j / Σ_k d_k
y is chosen by --on:
  raw     y = x; direction is ignored (--cost has no effect) and values must be ≥ 0 (a negative
          value is an error naming the cell). As pymcdm's and scikit-criteria's entropy weights.
  minmax  y = (x − min)/(max − min), cost columns (--cost) (max − x)/(max − min); a constant
          column is 1. The usual first step of entropy–TOPSIS studies; accepts negative values.
Zero rule for p = 0 (--zero):
  xlnx0          0·ln 0 = 0 (the limit; scipy.stats.entropy); an all-zero column is an error
  shift:<eps>    add ε to every y before p (e.g. shift:0.0001), so no p is 0
  column-zero    as xlnx0, but an all-zero column gets e_j = 1 (d_j = 0, weight 0)
Under every rule a column whose y are all equal has e_j = 1 exactly (no information, weight 0);
if every column is so, the weights are equal. d_j is clamped at 0 against rounding.
Sources: Shannon (1948); Zou, Yun & Sun (2006), J. Environ. Sci. 18(5):1020–1023. Tested against
Elsayed, Dawood & Karthikeyan (2017) as in pymcdm's tests, scikit-criteria's entropy test, and
pymcdm/scipy on COINr's ASEM data.

Output: { columns, weights, entropy (e_j), divergence (d_j), n (units used per column), on, zero,
directions (minmax only, else null), p (with --with-p: { units, columns, rows } of p_ij, null where
missing), notes, stamp }. Weights sum to 1.`,
  options: [
    { flags: '--on <values>', description: 'raw or minmax', default: 'raw' },
    { flags: '--zero <rule>', description: 'xlnx0, column-zero or shift:<eps>', default: 'xlnx0' },
    { flags: '--cost <cols>', description: 'cost (lower-is-better) columns, used with --on minmax' },
    { flags: '--with-p', description: 'also output the matrix p_ij' },
  ],
  async run(args) {
    const { matrix } = await loadMatrix(args)
    const on = choice(args, 'on', ['raw', 'minmax'] as const, 'raw')
    const zero = entropyZero(args)
    const directions = directionsOf(args, matrix)
    const withP = args.withP === true || args.withP === 'true'
    const o = { on, directions, zero }
    const r = methodInput(() => entropyWeights(matrix, o))
    const zeroText = zero.kind === 'shift' ? `shift:${zero.eps}` : zero.kind
    const cost = list(optionalString(args, 'cost'))
    const notes: string[] = []
    if (on === 'raw' && cost.length > 0)
      notes.push('--cost is ignored with --on raw (entropy of raw values has no direction)')
    let p = null
    if (withP) {
      const data = entropyProportions(matrix, o)
      const rows: number[][] = []
      for (let i = 0; i < matrix.rows; i++)
        rows.push(Array.from(data.subarray(i * matrix.cols, (i + 1) * matrix.cols)))
      p = { units: matrix.units, columns: matrix.columns, rows }
    }
    const options = { on, zero: zeroText, cost, with_p: withP }
    return {
      columns: matrix.columns,
      weights: r.weights,
      entropy: r.entropy,
      divergence: r.divergence,
      n: r.n,
      on,
      zero: zeroText,
      directions: on === 'raw' ? null : directions,
      p,
      notes,
      stamp: cliStamp('entropy', '2', options, { matrix, directions: on === 'raw' ? null : directions }),
    }
  },
}
