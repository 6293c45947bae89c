/**
 * The disparity command on PySAL's Mexico file and small real CSV files. Expected values: PySAL
 * inequality (github.com/pysal/inequality, commit 0f9050ee8abbaf8135570e3f1fbb43b94e4f1929,
 * inequality/theil.py docstring: Theil T and TheilD bg/wg with hanson98, 8 decimals) and the R
 * package mathmodels (github.com/zhjx19/mathmodels, commit 8bf5e8f89398437163df9dafb4fd61d1d9f9b8b5,
 * docs/reference/inequality.md: weighted gini(income, pop) = 0.225, theil_g decomposition).
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { disparityMethod } from './disparity.ts'

const mexico = new URL('../../../../shared/data/reference/mexico.csv', import.meta.url).pathname
let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-disparity-'))
})

type Out = {
  columns: string[]
  n: Float64Array
  cv: Float64Array
  theil_t: Float64Array
  theil_l: Float64Array
  gini: Float64Array
  between: { theil_t: Float64Array; theil_l: Float64Array } | null
  within: { theil_t: Float64Array; theil_l: Float64Array } | null
  groups: { names: string[]; units: number[]; theil_t: number[][]; theil_l: number[][] } | null
  weighted: boolean
  notes: string[]
  stamp: { method: string }
}
const DECADES = 'pcgdp1940,pcgdp1950,pcgdp1960,pcgdp1970,pcgdp1980,pcgdp1990,pcgdp2000'

describe('disparity command', () => {
  it('Mexico by hanson98: PySAL Theil and TheilD per decade, every field present', async () => {
    const out = (await disparityMethod.run({ input: mexico, group: 'hanson98', columns: DECADES })) as Out
    expect(out.columns).toEqual(DECADES.split(','))
    const T = [0.20894344, 0.15222451, 0.10472941, 0.10194725, 0.09560113, 0.10511256, 0.10660832]
    const bg = [0.0345889, 0.02816853, 0.05260921, 0.05931219, 0.03205257, 0.02963731, 0.03635872]
    const wg = [0.17435454, 0.12405598, 0.0521202, 0.04263506, 0.06354856, 0.07547525, 0.0702496]
    T.forEach((t, k) => {
      expect(out.theil_t[k]).toBeCloseTo(t, 7)
      expect(out.between!.theil_t[k]).toBeCloseTo(bg[k]!, 7)
      expect(out.within!.theil_t[k]).toBeCloseTo(wg[k]!, 7)
    })
    expect(out.gini[0]).toBeCloseTo(0.35372371173452849, 12)
    expect(out.groups!.names).toHaveLength(5)
    expect(out.groups!.theil_t).toHaveLength(7)
    expect(out.cv).toHaveLength(7)
    expect(out.theil_l).toHaveLength(7)
    expect(out.weighted).toBe(false)
    expect(out.stamp.method).toBe('disparity')
  })

  it('without --columns every non-group column is an indicator; without --group no decomposition', async () => {
    const out = (await disparityMethod.run({ input: mexico })) as Out
    expect(out.columns).toContain('hanson98')
    expect(out.between).toBeNull()
    expect(out.groups).toBeNull()
  })

  it('--weight: mathmodels’ weighted Gini and theil_g decomposition', async () => {
    const gini = await file(
      'g.csv',
      'region,y,pop\nr1,0.1,100\nr2,0.13333333333333333,150\nr3,0.15,200\nr4,0.16,250\nr5,0.3333333333333333,300\n',
    )
    const g = (await disparityMethod.run({ input: gini, weight: 'pop' })) as Out
    expect(g.columns).toEqual(['y'])
    expect(g.gini[0]).toBeCloseTo(0.225, 12)
    expect(g.weighted).toBe(true)
    const theil = await file('t.csv', 'cell,g,y,pop\nA2,A,2,2\nA4,A,4,4\nA10,A,10,2\nB6,B,6,6\nB8,B,8,4\n')
    const t = (await disparityMethod.run({ input: theil, weight: 'pop', group: 'g' })) as Out
    expect(t.theil_t[0]).toBeCloseTo(0.07907822, 8)
    expect(t.between!.theil_t[0]).toBeCloseTo(0.01127992, 8)
    expect(t.within!.theil_t[0]).toBeCloseTo(0.0677983, 8)
    expect(t.groups!.theil_t[0]![0]).toBeCloseTo(0.1656871, 8)
  })

  it('missing and negative values give nulls and notes, not a failure', async () => {
    const p = await file('n.csv', 'region,income,growth,pop\nA,10,0.1,1\nB,,-0.2,3\nC,40,0.3,\n')
    const out = (await disparityMethod.run({ input: p, weight: 'pop' })) as Out
    expect(Array.from(out.n)).toEqual([1, 2])
    expect(Number.isNaN(out.gini[1]!)).toBe(true)
    expect(out.notes).toEqual([
      'no weight, left out: C',
      'growth: 1 negative value(s); disparity measures need y ≥ 0 (column left null)',
    ])
  })

  it('bad options give a clear usage error', async () => {
    const p = await file('w.csv', 'region,gdp_pc,pop\nA,10,1\nB,20,3\nC,40,x\n')
    await expect(disparityMethod.run({ input: p, weight: 'pop' })).rejects.toThrow(
      'w.csv: --weight pop: "x" for C is not a number ≥ 0',
    )
    await expect(disparityMethod.run({ input: p, group: 'nope' })).rejects.toThrow('no column "nope"')
    await expect(disparityMethod.run({ input: p })).rejects.toThrow('w.csv:4:pop: "x" is not a number')
    const ok = await file('ok.csv', 'region,gdp_pc,pop\nA,10,1\n')
    await expect(disparityMethod.run({ input: ok, columns: 'gdp' })).rejects.toThrow(
      'no indicator column "gdp"',
    )
    await expect(disparityMethod.run({ input: p, weight: 'pop', sd: 'sample' })).rejects.toThrow(
      'unweighted CV only',
    )
    await expect(disparityMethod.run({ input: p, sd: 'both' })).rejects.toThrow(
      'expected one of population, sample',
    )
  })
})
