/**
 * `jueqi method critic` on real CSV files. Expected numbers: scikit-criteria's
 * test_critic_weight_weights_diakoulaki1995determining (github.com/quatrope/scikit-criteria,
 * tests/preprocessing/test_weighters.py @ 35f17eeeafd80d666aac740be7c4eba9b14359b8; np.allclose)
 * and, on the shared PySAL mexico.csv, pymcdm's critic_weights (github.com/kotbaton/pymcdm @
 * 76e773513ae9a259522e2289b271967f07a1d418) (python3, pymcdm imported from that commit's source; 12 decimals):
 *   X = all 12 numeric columns of mexico.csv (32 states); weights.critic_weights(X)
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { criticMethod } from './critic.ts'
import { toJson } from './shared.ts'

const MEXICO = fileURLToPath(new URL('../../../../shared/data/reference/mexico.csv', import.meta.url))
const MEXICO_CRITIC = [
  0.065274725663, 0.055330825945, 0.066847596536, 0.067015141544, 0.065291893687, 0.057687568248,
  0.053654433353, 0.099148156491, 0.111111949548, 0.110853937327, 0.124643400781, 0.123140370878,
]

let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
const round = (xs: ArrayLike<number>, d: number) => Array.from(xs, (x) => Number(x.toFixed(d)))
type Out = {
  columns: string[]
  weights: Float64Array
  sd: Float64Array
  correlation: number[][]
  information: Float64Array
  stamp: { options: Record<string, unknown> }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-critic-'))
})

describe('critic command', () => {
  it('reproduces Diakoulaki et al. (1995) data as scikit-criteria tests it (population sd)', async () => {
    const input = await file(
      'd.csv',
      'a,c1,c2,c3\na1,61,1.08,4.33\na2,20.7,0.26,4.34\na3,16.3,1.98,2.53\na4,9.0,3.29,1.65\na5,5.4,2.77,2.33\na6,4.0,4.12,1.21\na7,-6.1,3.52,2.10\na8,-34.6,3.31,0.98\n',
    )
    const out = (await criticMethod.run({ input, sd: 'population' })) as Out
    const expected = [0.20222554, 0.48090173, 0.31687273]
    for (let j = 0; j < 3; j++)
      expect(Math.abs(out.weights[j]! - expected[j]!)).toBeLessThanOrEqual(1e-8 + 1e-5 * expected[j]!)
    expect(out.columns).toEqual(['c1', 'c2', 'c3'])
    expect(out.correlation.map((r, i) => r[i])).toEqual([1, 1, 1])
    for (let j = 0; j < 3; j++) {
      const conflict = out.correlation[j]!.reduce((s, r) => s + 1 - r, 0)
      expect(out.information[j]).toBeCloseTo(out.sd[j]! * conflict, 14)
    }
    expect(out.stamp.options).toEqual({ sd: 'population', cost: [] })
  })

  it('reproduces pymcdm on the shared mexico.csv (sample sd, 12 decimals)', async () => {
    const out = (await criticMethod.run({ input: MEXICO })) as Out
    expect(round(out.weights, 12)).toEqual(MEXICO_CRITIC)
  })

  it('a cost column flips the min-max; a constant column has weight 0 and null correlations', async () => {
    const input = await file('k.csv', 'u,x,k,y\na,1,9,2\nb,2,9,1\nc,4,9,3\nd,3,9,5\n')
    const out = (await criticMethod.run({ input, cost: 'y' })) as Out
    expect(out.weights[1]).toBe(0)
    const json = JSON.parse(toJson(out)) as { correlation: (number | null)[][] }
    expect(json.correlation[1]).toEqual([null, null, null])
    const plain = (await criticMethod.run({ input })) as Out
    expect(out.correlation[0]![2]).toBeCloseTo(-plain.correlation[0]![2]!, 14)
    expect(out.stamp.options).toEqual({ sd: 'sample', cost: ['y'] })
  })

  it('bad input: a missing cell is named; unknown options and columns are refused', async () => {
    const gap = await file('gap.csv', 'u,x,y\na,1,2\nb,,3\nc,2,1\n')
    await expect(criticMethod.run({ input: gap })).rejects.toThrow(
      'CRITIC needs complete rows: b × x is missing',
    )
    await expect(criticMethod.run({ input: gap, sd: 'both' })).rejects.toThrow('--sd "both"')
    await expect(criticMethod.run({ input: gap, cost: 'z' })).rejects.toThrow(
      'cost column(s) not in the matrix: z',
    )
  })
})
