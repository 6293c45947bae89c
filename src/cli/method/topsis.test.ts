/**
 * `jueqi method topsis` on real CSV files. Expected numbers: pymcdm's TestTOPSIS
 * (github.com/kotbaton/pymcdm, test/test_mcdm.py @ 76e773513ae9a259522e2289b271967f07a1d418,
 * 3 decimals), the R package MCDA's tests/TOPSIS.R (github.com/paterijk/MCDA @
 * ff40fd048cc3c7f73226e0115c8563feecd8f509, 4 decimals) and, on the shared PySAL mexico.csv,
 * pymcdm's TOPSIS(vector_normalization) (python3, pymcdm imported from that commit's source; 12 decimals):
 *   X = all 12 numeric columns of mexico.csv; types = [1]*7 + [-1]*5 (the five classification
 *   code columns taken as cost, to exercise --cost); w = equal_weights(X)
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { toJson } from './shared.ts'
import { topsisMethod } from './topsis.ts'

const MEXICO = fileURLToPath(new URL('../../../../shared/data/reference/mexico.csv', import.meta.url))
const MEXICO_TOPSIS = [
  0.386584193572, 0.679587939005, 0.538086776169, 0.333909633925, 0.086127339242, 0.521594917258,
  0.478875581514, 0.2633154242, 0.708435871392, 0.411722946344, 0.256940033764, 0.056649016229,
]

let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
const round = (xs: ArrayLike<number>, d: number) => Array.from(xs, (x) => Number(x.toFixed(d)))
type Out = {
  units: string[]
  closeness: Float64Array
  rank: (number | null)[]
  ties: string[][]
  d_plus: Float64Array
  d_minus: Float64Array
  ideal: Float64Array
  anti_ideal: Float64Array
  weights: Float64Array
  weights_from: string
  stamp: { options: Record<string, unknown>; inputHash: string }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-topsis-'))
})

describe('topsis command', () => {
  it('pymcdm TestTOPSIS through the CLI (min-max, weights from a file): ties named by unit', async () => {
    const input = await file('t.csv', 'id,cost,benefit\nA1,1,3000\nA2,2,3750\nA3,5,4500\n')
    const w = await file('w.csv', 'indicator,weight\nbenefit,1\ncost,1\n')
    const out = (await topsisMethod.run({ input, cost: 'cost', normalize: 'minmax', weights: w })) as Out
    expect(round(out.closeness, 3)).toEqual([0.5, 0.617, 0.5])
    expect(out.rank).toEqual([2, 1, 2])
    expect(out.ties).toEqual([['A1', 'A3']])
    expect(out.units).toEqual(['A1', 'A2', 'A3'])
    for (let i = 0; i < 3; i++)
      expect(out.closeness[i]).toBeCloseTo(out.d_minus[i]! / (out.d_plus[i]! + out.d_minus[i]!), 15)
    expect(out.stamp.options).toEqual({
      normalize: 'minmax',
      weighting: 'matrix',
      cost: ['cost'],
      weights_from: 'user',
      weights: [0.5, 0.5],
    })
    expect(out.stamp.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('R MCDA tests/TOPSIS.R (Hwang & Yoon, vector, a cost column): 0.4817, 0.5182, 0.1780', async () => {
    const input = await file(
      'cars.csv',
      'car,Purchase Price,Economy,Aesthetics,Boot Capacity\nCorsa,5490,51.4,8.5,285\nClio,6500,70.6,7,288\nFiesta,6489,54.3,7.5,290\n',
    )
    const out = (await topsisMethod.run({
      input,
      cost: 'Purchase Price',
      weights: '0.35,0.25,0.25,0.15',
    })) as Out
    expect(round(out.closeness, 4)).toEqual([0.4817, 0.5182, 0.178])
    expect(out.rank).toEqual([2, 1, 3])
    expect(out.ties).toEqual([])
    expect(out.ideal[0]).toBeCloseTo(0.179573776, 9)
    expect(out.anti_ideal[0]).toBeCloseTo(0.212610118, 9)
  })

  it('reproduces pymcdm on the shared mexico.csv (vector, equal weights by default, 12 decimals)', async () => {
    const out = (await topsisMethod.run({
      input: MEXICO,
      cost: 'hanson03,hanson98,esquivel99,inegi,inegi2',
    })) as Out
    expect(out.weights_from).toBe('equal')
    expect(round(out.closeness.subarray(0, 12), 12)).toEqual(MEXICO_TOPSIS)
    expect([...out.rank].sort((a, b) => a! - b!)).toEqual(out.units.map((_, i) => i + 1))
  })

  it('--scheme entropy / critic compute weights on the input and record how; --weighting distance differs', async () => {
    const input = await file('s.csv', 'u,a,b,c\nu1,1,5,2\nu2,2,3,9\nu3,4,1,4\nu4,3,2,7\n')
    const e = (await topsisMethod.run({ input, scheme: 'entropy', cost: 'b' })) as Out
    expect(e.weights_from).toBe('entropy (on minmax, zero xlnx0)')
    expect(Array.from(e.weights).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14)
    const c = (await topsisMethod.run({ input, scheme: 'critic', weighting: 'distance' })) as Out
    expect(c.weights_from).toBe('critic (sample sd)')
    expect(c.stamp.options.weighting).toBe('distance')
    const m = (await topsisMethod.run({ input, scheme: 'critic' })) as Out
    expect(Math.abs(m.closeness[0]! - c.closeness[0]!)).toBeGreaterThan(1e-6)
  })

  it('a unit with a missing cell prints null closeness and rank; the others are ranked', async () => {
    const input = await file('gap.csv', 'u,a,b\nu1,1,2\nu2,,3\nu3,2,1\n')
    const out = (await topsisMethod.run({ input })) as Out
    const json = JSON.parse(toJson(out)) as { closeness: (number | null)[]; rank: (number | null)[] }
    expect(json.closeness[1]).toBeNull()
    expect(json.rank[1]).toBeNull()
    expect(json.rank.filter((r) => r !== null).sort()).toEqual([1, 2])
  })

  it('bad input names the option, column or count', async () => {
    const ok = await file('ok.csv', 'unit,a,b\nu1,1,2\nu2,2,3\n')
    await expect(topsisMethod.run({ input: ok, weights: '1,2,3' })).rejects.toThrow(
      '--weights has 3 values for 2 columns',
    )
    await expect(topsisMethod.run({ input: ok, cost: 'zzz' })).rejects.toThrow(
      'cost column(s) not in the matrix: zzz',
    )
    await expect(topsisMethod.run({ input: ok, normalize: 'l3' })).rejects.toThrow('--normalize "l3"')
    await expect(topsisMethod.run({ input: ok, weighting: 'both' })).rejects.toThrow('--weighting "both"')
    await expect(topsisMethod.run({ input: ok, weights: '1,1', scheme: 'equal' })).rejects.toThrow(
      'give either --weights or --scheme, not both',
    )
    await expect(topsisMethod.run({ input: ok, scheme: 'ahp' })).rejects.toThrow('--scheme "ahp"')
  })
})
