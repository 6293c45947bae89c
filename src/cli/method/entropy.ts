import { entropyWeights } from '../../methods/weights.ts'
import { choice, cliStamp, directionsOf, loadMatrix } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { entropyZero, methodInput } from './weights-options.ts'

export const entropyMethod: MethodCommand = {
  name: 'entropy',
  summary: 'entropy weight method (raw or min-max values; selectable zero rule)',
  help: `Input: matrix CSV (units × indicators). Missing cells are skipped: column j uses its n_j units.

Formula (Shannon entropy as an indicator weight): for column j,
  p_ij = y_ij / Σ_i y_ij,  e_j = −(1/ln n_j) Σ_i p_ij ln p_ij,  d_j = 1 − e_j,  w_j = d_j / Σ_k d_k
where y is the raw value (--on raw: direction is ignored and values must be ≥ 0) or the
direction-aware min-max value (--on minmax: cost columns named by --cost are flipped).
Zero rule for p = 0 (--zero): xlnx0 — 0·ln 0 = 0 (the limit); shift:<eps> — add ε to every y
before p; column-zero — a column holding a zero gets e_j = 0 (as pymcdm's weights.entropy).
A column whose values sum to 0 carries no information (e_j = 1, d_j = 0).
Sources: Shannon (1948); Zou, Yun & Sun (2006), J. Environ. Sci. 18(5):1020–1023; tested against
Elsayed, Dawood & Karthikeyan (2017) as printed in pymcdm's tests.

Output: { columns, weights, entropy, divergence, on, zero, stamp } (weights sum to 1).`,
  options: [
    { flags: '--on <values>', description: 'raw or minmax', default: 'raw' },
    { flags: '--zero <rule>', description: 'xlnx0, column-zero or shift:<eps>', default: 'xlnx0' },
    { flags: '--cost <cols>', description: 'cost columns (used with --on minmax)' },
  ],
  async run(args) {
    const { matrix } = await loadMatrix(args)
    const on = choice(args, 'on', ['raw', 'minmax'] as const, 'raw')
    const zero = entropyZero(args)
    const directions = directionsOf(args, matrix)
    const r = methodInput(() => entropyWeights(matrix, { on, directions, zero }))
    const options = { on, zero: args.zero ?? 'xlnx0', cost: on === 'raw' ? null : (args.cost ?? null) }
    return {
      columns: matrix.columns,
      weights: r.weights,
      entropy: r.entropy,
      divergence: r.divergence,
      on,
      zero: zero.kind === 'shift' ? `shift:${zero.eps}` : zero.kind,
      stamp: cliStamp('entropy', '1', options, { matrix, directions: on === 'raw' ? null : directions }),
    }
  },
}
