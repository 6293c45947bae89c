/**
 * The convergence command on PySAL's Mexico file and small real CSV files. The Mexico reference
 * values are the numpy computation shown in src/methods/convergence.test.ts (no printed σ/β result
 * for these data was found).
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { convergenceMethod } from './convergence.ts'

const mexico = new URL('../../../../shared/data/reference/mexico.csv', import.meta.url).pathname
let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-convergence-'))
})

type Out = {
  units: string[]
  years: number[]
  columns: string[]
  n: Float64Array
  sigma: Float64Array
  cv: Float64Array
  beta: Record<string, number>
  excluded: { unit: string; reason: string }[]
  ignored_columns: string[]
  notes: string[]
  stamp: { method: string; options: Record<string, unknown> }
}

describe('convergence command', () => {
  it('Mexico: years from the names, region columns ignored, σ and β as the numpy reference', async () => {
    const out = (await convergenceMethod.run({ input: mexico })) as Out
    expect(out.years).toEqual([1940, 1950, 1960, 1970, 1980, 1990, 2000])
    expect(out.columns[0]).toBe('pcgdp1940')
    expect(out.ignored_columns).toEqual(['hanson03', 'hanson98', 'esquivel99', 'inegi', 'inegi2'])
    expect(out.units).toHaveLength(32)
    expect(out.sigma[0]).toBeCloseTo(0.6200820450094283, 14)
    expect(out.cv[6]).toBeCloseTo(0.48480744450624896, 14)
    expect(out.beta.b).toBeCloseTo(-0.00725480267783851, 13)
    expect(out.beta.half_life).toBeCloseTo(72.7790369914182, 9)
    expect(out.beta).toMatchObject({ n: 32, from: 1940, to: 2000 })
    expect(Object.keys(out.beta).sort()).toEqual(
      ['a', 'b', 'from', 'half_life', 'lambda', 'n', 'p_b', 'r2', 'se_b', 't_b', 'to'].sort(),
    )
    expect(out.excluded).toEqual([])
    expect(out.stamp.options).toEqual({ from: 1940, to: 2000, sd: 'population', sample: 'available' })
  })

  it('--from/--to and --sd sample', async () => {
    const out = (await convergenceMethod.run({
      input: mexico,
      from: '1950',
      to: '2000',
      sd: 'sample',
    })) as Out
    expect(out.beta).toMatchObject({ from: 1950, to: 2000, n: 32 })
    expect(out.beta.b).toBeCloseTo(-0.007764138278864574, 13)
    expect(out.sigma[0]).toBeCloseTo(0.630003987733882, 14)
  })

  it('units with gaps or zeros are excluded and listed', async () => {
    const p = await file('p.csv', 'region,2000,2010,group\nA,1,2,x\nB,2,3,x\nC,,4,y\nD,4,4.5,y\nE,0,3,y\n')
    const out = (await convergenceMethod.run({ input: p })) as Out
    expect(out.excluded).toEqual([
      { unit: 'C', reason: 'missing in 2000' },
      { unit: 'E', reason: 'not positive in 2000' },
    ])
    expect(Array.from(out.n)).toEqual([3, 5])
    expect(out.beta.n).toBe(3)
    const balanced = (await convergenceMethod.run({ input: p, sample: 'balanced' })) as Out
    expect(Array.from(balanced.n)).toEqual([3, 3])
    expect(out.ignored_columns).toEqual(['group'])
  })

  it('bad input gives a clear usage error', async () => {
    await expect(convergenceMethod.run({ input: mexico, from: '1945' })).rejects.toThrow(
      'no column for year 1945',
    )
    await expect(convergenceMethod.run({ input: mexico, from: '1950.5' })).rejects.toThrow('is not a year')
    await expect(convergenceMethod.run({ input: mexico, sample: 'all' })).rejects.toThrow(
      'available, balanced',
    )
    const dup = await file('d.csv', 'id,2000,gdp2000\na,1,2\n')
    await expect(convergenceMethod.run({ input: dup })).rejects.toThrow('same year 2000')
    const one = await file('o.csv', 'id,2000,name\na,1,x\n')
    await expect(convergenceMethod.run({ input: one })).rejects.toThrow('at least two year columns')
    await expect(convergenceMethod.run({ input: join(dir, 'missing.csv') })).rejects.toThrow('missing.csv')
  })
})
