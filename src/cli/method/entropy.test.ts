/**
 * `jueqi method entropy` on real CSV files. Expected numbers: pymcdm's TestEntropyWeights
 * (github.com/kotbaton/pymcdm, test/test_weights.py @ 76e773513ae9a259522e2289b271967f07a1d418,
 * 6 decimals) and, on the shared PySAL mexico.csv, pymcdm's entropy_weights run by
 * python3 with pymcdm imported from that commit's source (12 decimals):
 *   X = all 12 numeric columns of mexico.csv (32 states); weights.entropy_weights(X)
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { entropyMethod } from './entropy.ts'
import { toJson } from './shared.ts'

const MEXICO = fileURLToPath(new URL('../../../../shared/data/reference/mexico.csv', import.meta.url))
const MEXICO_ENTROPY_RAW = [
  0.147113219725, 0.107178463434, 0.07373804726, 0.071779176124, 0.067310988722, 0.074007815465,
  0.075060952122, 0.096727720742, 0.082254871327, 0.0661966578, 0.075136297289, 0.06349578999,
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
  entropy: Float64Array
  divergence: Float64Array
  n: Float64Array
  p: { rows: number[][] } | null
  notes: string[]
  stamp: { method: string; options: Record<string, unknown>; inputHash: string }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-entropy-'))
})

describe('entropy command', () => {
  it('reproduces Elsayed et al. (2017) as pymcdm tests it, with every field and option recorded', async () => {
    const rows = [
      [7, 312, 1891, 6613, 163],
      [72, 88, 728, 941804, 1078],
      [10, 252, 2594, 3466, 117471],
      [10, 145, 980, 2371, 86329],
      [65, 54, 350, 501, 29897],
      [29, 48, 380, 912, 34051],
      [7, 476, 3300, 78470, 2212],
      [70, 87, 650, 733, 819000],
      [4, 86, 591, 3015, 103],
      [12, 79, 579, 3240, 96098],
      [21, 45, 261, 1253, 453],
      [1, 72, 530, 4333, 0.1048],
    ]
    const input = await file(
      'elsayed.csv',
      `alt,c1,c2,c3,c4,c5\n${rows.map((r, i) => `A${i + 1},${r.join(',')}`).join('\n')}\n`,
    )
    const out = (await entropyMethod.run({ input, withP: true })) as Out
    expect(out.columns).toEqual(['c1', 'c2', 'c3', 'c4', 'c5'])
    expect(round(out.weights, 6)).toEqual([0.104991, 0.069124, 0.071373, 0.449937, 0.304575])
    expect(Array.from(out.n)).toEqual([12, 12, 12, 12, 12])
    for (let j = 0; j < 5; j++) expect(out.divergence[j]).toBeCloseTo(1 - out.entropy[j]!, 15)
    for (let j = 0; j < 5; j++) expect(out.p!.rows.reduce((s, r) => s + r[j]!, 0)).toBeCloseTo(1, 14)
    expect(out.stamp.method).toBe('entropy')
    expect(out.stamp.options).toEqual({ on: 'raw', zero: 'xlnx0', cost: [], with_p: true })
    expect(out.stamp.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('reproduces pymcdm on the shared mexico.csv (raw, 12 decimals)', async () => {
    const out = (await entropyMethod.run({ input: MEXICO })) as Out
    expect(out.columns[0]).toBe('pcgdp1940')
    expect(round(out.weights, 12)).toEqual(MEXICO_ENTROPY_RAW)
    expect(out.p).toBeNull()
  })

  it('minmax with cost columns and a shift: weights sum to 1, options recorded; --cost with raw is noted', async () => {
    const input = await file('e.csv', 'unit,a,b,c\nu1,1,5,-2\nu2,2,3,9\nu3,4,1,4\nu4,3,,7\n')
    const e = (await entropyMethod.run({ input, on: 'minmax', cost: 'b', zero: 'shift:0.001' })) as Out
    expect(Array.from(e.weights).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14)
    expect(Array.from(e.n)).toEqual([4, 3, 4])
    expect(e.stamp.options).toEqual({ on: 'minmax', zero: 'shift:0.001', cost: ['b'], with_p: false })
    const pos = await file('pos.csv', 'unit,a,b\nu1,1,5\nu2,2,3\nu3,4,1\n')
    const raw = (await entropyMethod.run({ input: pos, cost: 'b' })) as Out
    expect(raw.notes).toEqual(['--cost is ignored with --on raw (entropy of raw values has no direction)'])
  })

  it('missing cells print as null in p; an all-zero column is refused under xlnx0 and weightless under column-zero', async () => {
    const input = await file('z.csv', 'unit,a,b\nu1,0,1\nu2,0,NA\nu3,0,3\n')
    await expect(entropyMethod.run({ input })).rejects.toThrow('column a: all values are 0')
    const out = (await entropyMethod.run({ input, zero: 'column-zero', withP: 'true' })) as Out
    expect(Array.from(out.weights)).toEqual([0, 1])
    const json = JSON.parse(toJson(out)) as { p: { rows: (number | null)[][] } }
    expect(json.p.rows[1]![1]).toBeNull()
  })

  it('bad input names the file, line and column, the cell, or the option', async () => {
    const bad = await file('bad.csv', 'unit,a,b\nu1,1,x\nu2,2,3\n')
    await expect(entropyMethod.run({ input: bad })).rejects.toThrow('bad.csv:2:b: "x" is not a number')
    const neg = await file('neg.csv', 'unit,a\nu1,-1\nu2,2\n')
    await expect(entropyMethod.run({ input: neg })).rejects.toThrow('u1 × a is -1')
    const ok = await file('ok.csv', 'unit,a\nu1,1\nu2,2\n')
    await expect(entropyMethod.run({ input: ok, zero: 'shift:-1' })).rejects.toThrow('--zero "shift:-1"')
    await expect(entropyMethod.run({ input: ok, on: 'log' })).rejects.toThrow('--on "log"')
    const one = await file('one.csv', 'unit,a\nu1,1\n')
    await expect(entropyMethod.run({ input: one })).rejects.toThrow('at least two units')
  })
})
