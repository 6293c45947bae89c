import { criticWeights } from '../../methods/weights.ts'
import { choice, cliStamp, directionsOf, list, loadMatrix, optionalString } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const criticMethod: MethodCommand = {
  name: 'critic',
  summary: 'CRITIC weights (contrast × conflict between indicators)',
  help: `Input: matrix CSV — header row, first column the unit id, other columns numeric indicators.
Rows must be complete (correlations): a missing cell is an error naming unit and column — impute
first. At least two units.

Formula (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & Operations Research 22(7):763–770):
  z_ij = (x_ij − min_j)/(max_j − min_j), cost columns (--cost) (max_j − x_ij)/(max_j − min_j)
  σ_j  = standard deviation of z_j: --sd sample (n − 1, as pymcdm's critic_weights; default) or
         population (n, as scikit-criteria's); the choice scales every σ_j and C_j by the same
         √(n/(n−1)) and so never changes the weights
  r_jk = Pearson correlation of z_j and z_k
  C_j  = σ_j Σ_k (1 − r_jk),   w_j = C_j / Σ_k C_k
A constant column has σ = 0, C = 0 (weight 0) and undefined correlations (null); it is left out
of the other columns' conflict sums, so it changes no other weight.
Tested against Tuş & Aytaç Adalı (2019) as in pymcdm's tests, Diakoulaki et al.'s data as in
scikit-criteria's tests, and pymcdm on COINr's ASEM data.

Output: { columns, weights, sd (σ_j), correlation (columns × columns, row j = r_j·),
information (C_j), directions, sd_kind, stamp }. Weights sum to 1.`,
  options: [
    { flags: '--cost <cols>', description: 'cost (lower-is-better) columns' },
    { flags: '--sd <kind>', description: 'sample or population', default: 'sample' },
  ],
  async run(args) {
    const { matrix } = await loadMatrix(args)
    const sd = choice(args, 'sd', ['sample', 'population'] as const, 'sample')
    const directions = directionsOf(args, matrix)
    const r = methodInput(() => criticWeights(matrix, { directions, sd }))
    const c = matrix.cols
    const correlation: number[][] = []
    for (let j = 0; j < c; j++) correlation.push(Array.from(r.correlation.subarray(j * c, (j + 1) * c)))
    const options = { sd, cost: list(optionalString(args, 'cost')) }
    return {
      columns: matrix.columns,
      weights: r.weights,
      sd: r.sd,
      correlation,
      information: r.information,
      directions,
      sd_kind: sd,
      stamp: cliStamp('critic', '2', options, { matrix, directions }),
    }
  },
}
