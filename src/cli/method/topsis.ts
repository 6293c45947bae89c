import { topsis } from '../../methods/topsis.ts'
import { choice, cliStamp, directionsOf, loadMatrix } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput, weightsFor } from './weights-options.ts'

export const topsisMethod: MethodCommand = {
  name: 'topsis',
  summary: 'TOPSIS closeness to the ideal, with ranks',
  help: `Input: matrix CSV (units × indicators). A unit with a missing cell gets no score (null).

Formula (Hwang & Yoon 1981, Multiple Attribute Decision Making):
  normalise r_ij (--normalize): vector x/‖x_j‖ (direction handled by the ideal; default),
    minmax (cost columns flipped, as pymcdm), or none;
  ideal A⁺_j / anti-ideal A⁻_j: best / worst value by direction (--cost names cost columns);
  --weighting matrix (Hwang & Yoon; default): v = w·r, D±_i = √Σ_j (v_ij − v±_j)²;
  --weighting distance: D±_i = √Σ_j w_j (r_ij − r±_j)²;
  closeness C_i = D⁻_i / (D⁺_i + D⁻_i); rank 1 = highest C, equal C share a rank (ties listed).
Weights: --weights w1,w2,... (or a CSV file of indicator,weight), else --scheme equal (default),
entropy (on min-max values; --on and --zero as in \`entropy\`) or critic.
Tested against Opricovic & Tzeng (2004) as printed in pymcdm's tests.

Output: { units, columns, closeness, rank, ties (unit ids), d_plus, d_minus, ideal, anti_ideal,
weights, weights_from, normalize, weighting, stamp }.`,
  options: [
    { flags: '--normalize <scheme>', description: 'vector, minmax or none', default: 'vector' },
    { flags: '--weighting <where>', description: 'matrix or distance', default: 'matrix' },
    { flags: '--cost <cols>', description: 'cost (lower-is-better) columns' },
    {
      flags: '--weights <list|file>',
      description: 'weights in column order, or a CSV file indicator,weight',
    },
    { flags: '--scheme <scheme>', description: 'equal, entropy or critic (when no --weights)' },
    { flags: '--on <values>', description: 'entropy scheme: raw or minmax' },
    { flags: '--zero <rule>', description: 'entropy scheme: xlnx0, column-zero or shift:<eps>' },
  ],
  async run(args) {
    const { matrix } = await loadMatrix(args)
    const normalize = choice(args, 'normalize', ['vector', 'minmax', 'none'] as const, 'vector')
    const weighting = choice(args, 'weighting', ['matrix', 'distance'] as const, 'matrix')
    const directions = directionsOf(args, matrix)
    const { weights, source } = await weightsFor(args, matrix, directions)
    const r = methodInput(() => topsis(matrix, { normalize, weighting, directions, weights }))
    const options = {
      normalize,
      weighting,
      cost: args.cost ?? null,
      weights: source === 'user' ? Array.from(weights) : source,
    }
    return {
      units: matrix.units,
      columns: matrix.columns,
      closeness: r.closeness,
      rank: Array.from(r.rank, (x) => (Number.isNaN(x) ? null : x)),
      ties: r.ties.map((g) => g.map((i) => matrix.units[i])),
      d_plus: r.dPlus,
      d_minus: r.dMinus,
      ideal: r.ideal,
      anti_ideal: r.antiIdeal,
      weights,
      weights_from: source,
      normalize,
      weighting,
      stamp: cliStamp('topsis', '1', options, { matrix, directions, weights }),
    }
  },
}
