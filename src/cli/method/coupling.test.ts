/**
 * The coupling command on real CSV files. Expected C/T/D: the printed example of the R package
 * mathmodels, docs/reference/system_evaluation.md at commit 8bf5e8f89398437163df9dafb4fd61d1d9f9b8b5
 * (github.com/zhjx19/mathmodels), 3 decimals.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { couplingMethod } from './coupling.ts'

let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-coupling-'))
})

const MATHMODELS = `ID,s1,s2,s3
A,0.0162,0.2720,0.2655
B,0.1782,0.6824,0.3721
C,0.5490,0.0593,0.5729
D,0.6730,0.4812,0.9082
E,0.0207,0.8891,0.2017
F,0.9875,0.5573,0.8984
`
type Out = {
  units: string[]
  columns: string[]
  C: Float64Array
  T: Float64Array
  D: Float64Array
  level: (string | null)[]
  level_en: (string | null)[]
  form: string
  k: number
  alpha: Float64Array
  stamp: { method: string; options: Record<string, unknown> }
}
const within = (actual: ArrayLike<number>, expected: number[]) =>
  expected.forEach((e, i) => {
    expect(Math.abs(actual[i]! - e)).toBeLessThanOrEqual(0.0005 + 1e-12)
  })

describe('coupling command', () => {
  it('standard form by default, with every output field', async () => {
    const input = await file('m.csv', MATHMODELS)
    const out = (await couplingMethod.run({ input })) as Out
    expect(out.units).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
    expect(out.columns).toEqual(['s1', 's2', 's3'])
    within(out.C, [0.571, 0.867, 0.674, 0.967, 0.418, 0.971])
    within(out.T, [0.185, 0.411, 0.394, 0.687, 0.37, 0.814])
    within(out.D, [0.325, 0.597, 0.515, 0.815, 0.393, 0.889])
    expect(out.level[1]).toBe('勉强协调')
    expect(out.level_en[3]).toBe('good coordination')
    expect(out.k).toBeCloseTo(1 / 3, 15)
    expect(Array.from(out.alpha)).toEqual([1 / 3, 1 / 3, 1 / 3])
    expect(out.stamp.method).toBe('coupling')
  })

  it('--form wang2021 with --weights', async () => {
    const input = await file('m.csv', MATHMODELS)
    const out = (await couplingMethod.run({ input, form: 'wang2021', weights: '0.4,0.3,0.3' })) as Out
    within(out.C, [0.447, 0.501, 0.455, 0.669, 0.175, 0.715])
    within(out.D, [0.274, 0.44, 0.432, 0.678, 0.242, 0.771])
    expect(Number.isNaN(out.k)).toBe(true)
  })

  it('--bands as cut points or a file; a unit with a missing score is null', async () => {
    const input = await file('u.csv', 'id,U1,U2\na,0.2,0.5\nb,0.8,0.8\nc,,0.4\n')
    const cut = (await couplingMethod.run({ input, bands: '0.6' })) as Out
    expect(cut.level).toEqual(['[0, 0.6)', '[0.6, 1]', null])
    const bands = await file('b.csv', 'upper,label_zh,label_en\n0.5,失调,imbalanced\n1,协调,coordinated\n')
    const out = (await couplingMethod.run({ input, bands })) as Out
    expect(out.level).toEqual(['协调', '协调', null])
    expect(out.level_en).toEqual(['coordinated', 'coordinated', null])
    expect(Number.isNaN(out.D[2]!)).toBe(true)
    const k2 = (await couplingMethod.run({ input, k: '2' })) as Out
    expect(k2.C[1]).toBeCloseTo(1, 15)
  })

  it('bad input gives a clear usage error', async () => {
    const input = await file('u.csv', 'id,U1,U2\na,0.2,0.5\nb,0.8,1.7\n')
    await expect(couplingMethod.run({ input })).rejects.toThrow('u.csv: row "b", column "U2" is 1.7')
    await expect(couplingMethod.run({ input, k: '-1' })).rejects.toThrow('--k must be positive')
    await expect(couplingMethod.run({ input, form: 'wang2021', k: '2' })).rejects.toThrow(
      '--form standard only',
    )
    await expect(couplingMethod.run({ input, form: 'other' })).rejects.toThrow(
      'expected one of standard, wang2021',
    )
    const bad = await file('bad-bands.csv', 'upper,label_zh\n0.5,a\n0.4,b\n')
    await expect(couplingMethod.run({ input, bands: bad })).rejects.toThrow('bad-bands.csv:3:upper')
    const one = await file('one.csv', 'id,U1\na,0.2\n')
    await expect(couplingMethod.run({ input: one })).rejects.toThrow('at least two subsystem columns')
  })
})
