import { TOPSIS_NORMALIZATIONS, TOPSIS_WEIGHTINGS, topsis } from '../../methods/topsis.ts'
import { choice, cliStamp, directionsOf, list, loadMatrix, optionalString } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput, WEIGHT_OPTIONS, weightsFor } from './weights-options.ts'

export const topsisMethod: MethodCommand = {
  name: 'topsis',
  summary: 'TOPSIS closeness to the ideal, with ranks',
  help: `Input: matrix CSV — header row, first column the unit id, other columns numeric indicators.
Missing cells: the column statistics and ideals use the units that have a value; a unit with a
missing cell gets no distance, closeness or rank (null).

Formula (Hwang & Yoon 1981, Multiple Attribute Decision Making, pp. 128–140):
  1. normalise r_ij (--normalize):
       vector  x/‖x_j‖₂ for every column (Hwang & Yoon; default). Cost columns are not flipped:
               direction is handled by the ideal alone, as in the original method.
       minmax  (x−min)/(max−min), cost columns (max−x)/(max−min), then every column is benefit
               (pymcdm's default TOPSIS); a constant column is 1.
       none    the matrix as given (already normalised); the ideal follows --cost.
  2. ideal A⁺_j / anti-ideal A⁻_j: max / min of r_j for a benefit column, min / max for a cost
     column (--cost names the cost columns).
  3. separations, weights applied one of two published ways (--weighting):
       matrix    (Hwang & Yoon; default) v = w·r, D±_i = √Σ_j (v_ij − v±_j)²
       distance  D±_i = √Σ_j w_j (r_ij − r±_j)²
     Equal weights give the same closeness either way; unequal weights do not.
  4. closeness C_i = D⁻_i / (D⁺_i + D⁻_i), in [0, 1]; rank 1 = highest C; equal C share the
     smallest rank and each tied group is listed in ties. If D⁺ = D⁻ = 0 (every weighted column
     constant) C = ½ for all.
Weights: --weights w1,w2,... in column order, or a CSV file (indicator,weight), rescaled to sum
to 1; otherwise --scheme: equal (default when neither is given), entropy (computed on the input:
on min-max values by default, --on raw for raw values; --zero as in \`entropy\`) or critic (sample
sd). Giving both --weights and --scheme is an error. The choice is recorded in weights_from and
the stamp. Weight scale does not change C.
Tested against pymcdm (Opricovic & Tzeng 2004 data), scikit-criteria (Tzeng & Huang 2011), the R
package MCDA (Hwang & Yoon with a cost column) and pymcdm on COINr's ASEM data.

Output: { units, columns, closeness, rank, ties (groups of unit ids), d_plus, d_minus, ideal,
anti_ideal (per column; in w·r for --weighting matrix, in r for distance), weights,
weights_from, normalize, weighting, directions, stamp }.`,
  options: [
    { flags: '--normalize <scheme>', description: 'vector, minmax or none', default: 'vector' },
    { flags: '--weighting <where>', description: 'matrix or distance', default: 'matrix' },
    ...WEIGHT_OPTIONS,
  ],
  async run(args) {
    const { matrix } = await loadMatrix(args)
    const normalize = choice(args, 'normalize', TOPSIS_NORMALIZATIONS, 'vector')
    const weighting = choice(args, 'weighting', TOPSIS_WEIGHTINGS, 'matrix')
    const directions = directionsOf(args, matrix)
    const { weights, source } = await weightsFor(args, matrix, directions)
    const r = methodInput(() => topsis(matrix, { normalize, weighting, directions, weights }))
    const options = {
      normalize,
      weighting,
      cost: list(optionalString(args, 'cost')),
      weights_from: source,
      weights: Array.from(weights),
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
      directions,
      stamp: cliStamp('topsis', '2', options, { matrix, directions, weights }),
    }
  },
}
