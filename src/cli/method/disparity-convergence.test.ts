/** disparity and convergence commands on PySAL's Mexico file and on small real CSV files. */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { convergenceMethod } from './convergence.ts'
import { disparityMethod } from './disparity.ts'

const mexico = new URL('../../../../shared/data/reference/mexico.csv', import.meta.url).pathname
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-disp-'))
})

describe('disparity and convergence commands', () => {
  it('disparity --group: PySAL’s TheilD between-group value for 1940 (0.0345889), per column', async () => {
    const out = (await disparityMethod.run({ input: mexico, group: 'hanson98' })) as {
      columns: string[]
      between: { theil_t: number[] }
      theil_t: number[]
    }
    const k = out.columns.indexOf('pcgdp1940')
    expect(out.between.theil_t[k]).toBeCloseTo(0.0345889, 7)
    expect(out.theil_t[k]).toBeCloseTo(0.20894344, 7)
    expect(out.columns).not.toContain('hanson98')
  })

  it('disparity --weight: a weighted result, and a bad weight named', async () => {
    const p = join(dir, 'w.csv')
    await writeFile(p, 'region,gdp_pc,pop\nA,10,1\nB,20,3\nC,40,x\n')
    await expect(disparityMethod.run({ input: p, weight: 'pop' })).rejects.toThrow(
      '--weight pop: "x" for C is not a number',
    )
    await writeFile(p, 'region,gdp_pc,pop\nA,10,1\nB,20,3\n')
    const out = (await disparityMethod.run({ input: p, weight: 'pop' })) as {
      mean: number[]
      weighted: boolean
    }
    expect(out.mean[0]).toBeCloseTo((10 * 1 + 20 * 3) / 4, 12)
    expect(out.weighted).toBe(true)
  })

  it('convergence reads the years from the names and ignores other columns', async () => {
    const out = (await convergenceMethod.run({ input: mexico, from: '1950', to: '2000' })) as {
      years: number[]
      ignored_columns: string[]
      beta: { from: number; to: number; n: number }
    }
    expect(out.years).toEqual([1940, 1950, 1960, 1970, 1980, 1990, 2000])
    expect(out.ignored_columns).toEqual(['hanson03', 'hanson98', 'esquivel99', 'inegi', 'inegi2'])
    expect(out.beta).toMatchObject({ from: 1950, to: 2000, n: 32 })
    await expect(convergenceMethod.run({ input: mexico, from: '1945' })).rejects.toThrow(
      'no column for year 1945',
    )
  })
})
