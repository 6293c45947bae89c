/**
 * The obstacle command on real CSV files. Expected unscaled products w_j(1 − x_ij): the printed
 * example of the R package mathmodels' obstacle_degree(), docs/reference/system_evaluation.md at
 * commit 8bf5e8f89398437163df9dafb4fd61d1d9f9b8b5 (github.com/zhjx19/mathmodels), 3 significant digits.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { obstacleMethod } from './obstacle.ts'

let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-obstacle-'))
})

type Out = {
  units: string[]
  columns: string[]
  obstacle: (number[] | null)[]
  shortfall: Float64Array
  top: ({ indicator: string; value: number }[] | null)[]
  subsystems?: { names: string[]; obstacle: (number[] | null)[]; unmapped: string[] }
  undefined_rows: { unit: string; reason: string }[]
  weights: Float64Array
  weights_from: string
  stamp: { method: string }
}

describe('obstacle command', () => {
  it('matches mathmodels’ weighted example (O · S = w(1 − x)) and lists the top obstacles', async () => {
    const input = await file(
      'df.csv',
      'ID,s1,s2,s3\nA,0.0162,0.2720,0.2655\nB,0.1782,0.6824,0.3721\nF,0.9875,0.5573,0.8984\n',
    )
    const out = (await obstacleMethod.run({ input, weights: '0.4,0.3,0.3', top: '2' })) as Out
    expect(out.units).toEqual(['A', 'B', 'F'])
    expect(out.columns).toEqual(['s1', 's2', 's3'])
    const printed = [
      ['0.394', '0.218', '0.220'],
      ['0.329', '0.0953', '0.188'],
      ['0.00500', '0.133', '0.0305'],
    ]
    for (const [i, row] of printed.entries())
      for (const [j, text] of row.entries()) {
        const decimals = text.split('.')[1]!.length
        expect(Math.abs(out.obstacle[i]![j]! * out.shortfall[i]! - Number(text))).toBeLessThanOrEqual(
          0.5 * 10 ** -decimals + 1e-12,
        )
      }
    expect(out.top[0]!.map((t) => t.indicator)).toEqual(['s1', 's3'])
    expect(out.top[2]!.map((t) => t.indicator)).toEqual(['s2', 's3'])
    expect(out.weights_from).toBe('user')
    expect(out.undefined_rows).toEqual([])
    expect(out.stamp.method).toBe('obstacle')
  })

  it('null rows with reasons instead of failing; subsystems from a file and from --subsystems', async () => {
    const input = await file('x.csv', 'id,a,b,c\nu1,0.2,0.9,0.5\nu2,1,1,1\nu3,0,0.4,\nu4,3,0.2,0.1\n')
    const map = await file('g.csv', 'indicator,subsystem\na,innovation\nb,green\n')
    const out = (await obstacleMethod.run({ input, weights: '0.5,0.3,0.2', groupMap: map, top: '1' })) as Out
    expect(out.obstacle.slice(1)).toEqual([null, null, null])
    expect(out.top.slice(1)).toEqual([null, null, null])
    expect(out.undefined_rows).toEqual([
      { unit: 'u2', reason: 'no-shortfall' },
      { unit: 'u3', reason: 'missing' },
      { unit: 'u4', reason: 'out-of-range', columns: ['a'] },
    ])
    // u1: w(1 − x) = (0.4, 0.03, 0.1), shortfall 0.53
    expect(out.obstacle[0]![0]).toBeCloseTo(0.4 / 0.53, 14)
    expect(out.subsystems!.names).toEqual(['innovation', 'green'])
    expect(out.subsystems!.obstacle[0]![1]).toBeCloseTo(0.03 / 0.53, 14)
    expect(out.subsystems!.obstacle[1]).toBeNull()
    expect(out.subsystems!.unmapped).toEqual(['c'])
    expect(out.top[0]).toEqual([{ indicator: 'a', value: expect.closeTo(0.4 / 0.53, 14) }])
    const spec = (await obstacleMethod.run({ input, subsystems: 'x:a,b;y:c' })) as Out
    expect(spec.subsystems!.obstacle[0]!.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14)
    expect(spec.weights_from).toBe('equal')
  })

  it('bad options give a clear usage error', async () => {
    const input = await file('x.csv', 'id,a,b\nu1,0.2,0.9\n')
    await expect(obstacleMethod.run({ input, subsystems: 's:a,zz' })).rejects.toThrow('not in the matrix: zz')
    await expect(obstacleMethod.run({ input, subsystems: 's:a;t:a' })).rejects.toThrow(
      '"a" is in two subsystems',
    )
    await expect(obstacleMethod.run({ input, top: '0' })).rejects.toThrow('--top must be a whole number')
    await expect(obstacleMethod.run({ input, weights: '1,2,3' })).rejects.toThrow('3 values for 2 columns')
    await expect(obstacleMethod.run({ input, groupMap: join(dir, 'none.csv') })).rejects.toThrow(
      'cannot read',
    )
    const bad = await file('bad.csv', 'indicator,group\na,x\n')
    await expect(obstacleMethod.run({ input, groupMap: bad })).rejects.toThrow(
      'bad.csv: expected columns indicator,subsystem',
    )
  })
})
