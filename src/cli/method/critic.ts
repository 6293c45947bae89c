import { toRows } from '../../methods/matrix.ts'
import { criticWeights } from '../../methods/weights.ts'
import { choice, cliStamp, directionsOf, loadMatrix } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const criticMethod: MethodCommand = {
  name: 'critic',
  summary: 'CRITIC weights (contrast × conflict between indicators)',
  help: `Input: matrix CSV (units × indicators), complete rows (a missing cell is an error naming it).

Formula (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & Operations Research 22(7):763–770):
min-max normalise each column (cost columns named by --cost are flipped), σ_j its standard
deviation (--sd sample: n − 1, as pymcdm; population: n), r_jk Pearson's correlation,
  C_j = σ_j Σ_k (1 − r_jk),  w_j = C_j / Σ_k C_k.
A constant column has σ = 0 and is treated as uncorrelated with the others.
Tested against Tuş & Aytaç Adalı (2019), Opsearch 56(2):528–538, as printed in pymcdm's tests.

Output: { columns, weights, sd, correlation (rows × columns), information (C_j), stamp }.`,
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
    const corr = toRows({
      rows: c,
      cols: c,
      data: r.correlation,
      units: matrix.columns,
      columns: matrix.columns,
    })
    return {
      columns: matrix.columns,
      weights: r.weights,
      sd: r.sd,
      correlation: corr,
      information: r.information,
      stamp: cliStamp('critic', '1', { sd, cost: args.cost ?? null }, { matrix, directions }),
    }
  },
}
