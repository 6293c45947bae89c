/** The entropy, critic and topsis commands on real CSV files: fields, options, stamps and errors. */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { criticMethod } from './critic.ts'
import { entropyMethod } from './entropy.ts'
import { topsisMethod } from './topsis.ts'

let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-methods-'))
})

describe('method commands', () => {
  it('topsis: pymcdm example through the CLI, with weights from a file, and ties named by unit', async () => {
    const input = await file('t.csv', 'id,cost,benefit\nA1,1,3000\nA2,2,3750\nA3,5,4500\n')
    const w = await file('w.csv', 'indicator,weight\nbenefit,1\ncost,1\n')
    const out = (await topsisMethod.run({ input, cost: 'cost', normalize: 'minmax', weights: w })) as {
      closeness: Float64Array
      rank: number[]
      ties: string[][]
      stamp: { options: { weights: number[] }; inputHash: string }
    }
    expect(Array.from(out.closeness, (x) => Number(x.toFixed(3)))).toEqual([0.5, 0.617, 0.5])
    expect(out.rank).toEqual([2, 1, 2])
    expect(out.ties).toEqual([['A1', 'A3']])
    expect(out.stamp.options.weights).toEqual([0.5, 0.5])
    expect(out.stamp.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('entropy and critic: weights sum to 1 and options are recorded', async () => {
    const input = await file('e.csv', 'unit,a,b,c\nu1,1,5,2\nu2,2,3,9\nu3,4,1,4\nu4,3,2,7\n')
    const e = (await entropyMethod.run({ input, on: 'minmax', cost: 'b', zero: 'shift:0.001' })) as {
      weights: Float64Array
      stamp: { options: Record<string, unknown> }
    }
    expect(Array.from(e.weights).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12)
    expect(e.stamp.options).toEqual({ on: 'minmax', zero: 'shift:0.001', cost: 'b' })
    const c = (await criticMethod.run({ input, sd: 'population' })) as {
      weights: Float64Array
      correlation: number[][]
    }
    expect(Array.from(c.weights).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12)
    expect(c.correlation.map((r, i) => r[i])).toEqual([1, 1, 1])
  })

  it('bad input names the file, line and column, or the option', async () => {
    const bad = await file('bad.csv', 'unit,a,b\nu1,1,x\nu2,2,3\n')
    await expect(entropyMethod.run({ input: bad })).rejects.toThrow('bad.csv:2:b: "x" is not a number')
    const ok = await file('ok.csv', 'unit,a,b\nu1,1,2\nu2,2,3\n')
    await expect(topsisMethod.run({ input: ok, weights: '1,2,3' })).rejects.toThrow(
      '--weights has 3 values for 2 columns',
    )
    await expect(topsisMethod.run({ input: ok, cost: 'zzz' })).rejects.toThrow(
      'cost column(s) not in the matrix: zzz',
    )
    await expect(topsisMethod.run({ input: ok, normalize: 'l3' })).rejects.toThrow('--normalize "l3"')
    const neg = await file('neg.csv', 'unit,a\nu1,-1\nu2,2\n')
    await expect(entropyMethod.run({ input: neg })).rejects.toThrow('u1 × a is -1')
  })
})
