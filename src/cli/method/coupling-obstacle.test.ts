/** coupling and obstacle commands on real CSV files: fields, null rows, options and errors. */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { couplingMethod } from './coupling.ts'
import { obstacleMethod } from './obstacle.ts'

let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-co-'))
})

describe('coupling and obstacle commands', () => {
  it('coupling: default form, custom bands, and a unit with a missing score as null', async () => {
    const input = await file('u.csv', 'id,U1,U2\na,0.2,0.5\nb,0.8,0.8\nc,,0.4\n')
    const bands = await file('b.csv', 'upper,label_zh,label_en\n0.5,失调,imbalanced\n1,协调,coordinated\n')
    const out = (await couplingMethod.run({ input, bands })) as {
      C: Float64Array
      D: Float64Array
      level: (string | null)[]
      k: number
    }
    expect(out.C[0]).toBeCloseTo(0.9035079029052513, 12)
    expect(out.k).toBe(0.5)
    expect(out.level).toEqual(['协调', '协调', null])
    expect(Number.isNaN(out.D[2]!)).toBe(true)
    await expect(couplingMethod.run({ input, k: '-1' })).rejects.toThrow('--k must be positive')
  })

  it('obstacle: null rows instead of failing, subsystems from a file, and unknown columns named', async () => {
    const input = await file('x.csv', 'id,a,b,c\nu1,0.2,0.9,0.5\nu2,1,1,1\nu3,0,0.4,\n')
    const map = await file('g.csv', 'indicator,subsystem\na,innovation\nb,green\nc,green\n')
    const out = (await obstacleMethod.run({ input, weights: '0.5,0.3,0.2', groupMap: map, top: '1' })) as {
      obstacle: (number[] | null)[]
      subsystems: { names: string[]; obstacle: (number[] | null)[] }
      top: { indicator: string }[][]
    }
    expect(out.obstacle[1]).toBeNull()
    expect(out.obstacle[2]).toBeNull()
    expect(out.subsystems.names).toEqual(['innovation', 'green'])
    expect(out.subsystems.obstacle[0]![0]).toBeCloseTo(0.7547169811320755, 12)
    expect(out.top[0]).toEqual([{ indicator: 'a', value: expect.closeTo(0.7547169811320755, 12) }])
    await expect(obstacleMethod.run({ input, subsystems: 's:a,zz' })).rejects.toThrow('not in the matrix: zz')
  })
})
