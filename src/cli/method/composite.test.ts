/**
 * `jueqi method composite` on COINr's ASEM files (../shared/data/reference; first column uName, so
 * units are country names) and on small files. Expected scores: COINr's printed results at
 * bluefoxr/COINr b9682034635df03279896b6cb025cd3534f82cbb, docs/articles/overview.html (head of
 * get_results after Denominate → Screen 0.9 → Treat → Normalise → Aggregate, 2 decimals) and
 * docs/articles/results.html (build_example_coin(): group-mean imputation by EurAsia_group;
 * get_unit_summary("IND"), 2 decimals).
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compositeMethod } from './composite.ts'
import { toJson } from './shared.ts'

const dir = new URL('../../../../shared/data/reference/', import.meta.url).pathname
const input = `${dir}ASEM_iData.csv`
const meta = `${dir}ASEM_iMeta.csv`

interface Out {
  units: string[]
  index: Float64Array
  rank: Float64Array
  levels: Record<string, number[]>
  screened_out: string[]
  treatment: { indicator: string; treatment: string; points: number }[]
  stages?: Record<string, { units: string[]; columns: string[]; rows: number[][] }>
  stamp: { method: string; inputHash: string }
}
const run = async (args: Record<string, string | boolean>) =>
  (await compositeMethod.run(args)) as unknown as Out
const near2 = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.005 + 1e-9)

describe('composite on COINr’s ASEM example', () => {
  it('overview vignette pipeline: Switzerland 68.33 (rank 1), Belgium 63.11 (rank 5); 46 units kept', async () => {
    const out = await run({ input, meta, minData: '0.9', stages: true })
    expect(out.units).toHaveLength(46)
    expect(out.screened_out).toHaveLength(5)
    const i = out.units.indexOf('Switzerland')
    near2(out.index[i]!, 68.33)
    expect(out.rank[i]).toBe(1)
    near2(out.levels.Conn![i]!, 62.18)
    near2(out.levels.SusEcFin![i]!, 57.67)
    const b = out.units.indexOf('Belgium')
    near2(out.index[b]!, 63.11)
    expect(out.rank[b]).toBe(5)
    expect(Object.keys(out.stages!)).toEqual([
      'raw',
      'denominated',
      'screened',
      'treated',
      'normalised',
      'aggregated',
    ])
    expect(out.stages!.normalised!.rows).toHaveLength(46)
    expect(out.stages!.aggregated!.columns).toContain('Index')
    expect(out.stamp.method).toBe('composite')
  })

  it('build_example_coin(): Switzerland 68.38; India 39.79, rank 45, Social 22.74', async () => {
    const out = await run({ input, meta, impute: 'group-mean', group: 'EurAsia_group', minData: '0' })
    expect(out.units).toHaveLength(51)
    near2(out.index[out.units.indexOf('Switzerland')]!, 68.38)
    const i = out.units.indexOf('India')
    near2(out.index[i]!, 39.79)
    expect(out.rank[i]).toBe(45)
    near2(out.levels.Social![i]!, 22.74)
    expect(out.stages).toBeUndefined()
    expect(out.treatment.find((t) => t.indicator === 'Flights')).toMatchObject({
      treatment: 'winsorised',
      points: 1,
    })
  })

  it('COINr’s default screen (2/3) and JSON output without NaN', async () => {
    const out = await run({ input, meta, aggregation: 'geometric', range: '1,100' })
    expect(out.units.length).toBeGreaterThan(45)
    const json = toJson(out)
    expect(json).not.toContain('NaN')
    expect(out.index.every((v) => v >= 1 && v <= 100)).toBe(true)
  })

  it('refuses a geometric mean over min-max [0, 100] (zeros), naming a cell', async () => {
    await expect(run({ input, meta, aggregation: 'geometric' })).rejects.toThrow(
      /geometric mean needs positive values: unit/,
    )
  })
})

describe('composite on a small file with a lower-case meta', () => {
  const files = async () => {
    const d = await mkdtemp(join(tmpdir(), 'jueqi-composite-'))
    const data = join(d, 'data.csv')
    const metaFile = join(d, 'meta.csv')
    await writeFile(data, 'region,a,b,c,region_group\nP1,1,10,5,x\nP2,2,,4,x\nP3,3,30,1,y\nP4,4,40,2,y\n')
    await writeFile(
      metaFile,
      'code,parent,level,weight,direction\na,Innov,1,1,1\nb,Innov,1,1,1\nc,Green,1,1,-1\nInnov,HQD,2,2,\nGreen,HQD,2,1,\nHQD,,3,1,\n',
    )
    return { d, data, metaFile }
  }
  it('levels per aggregate, missing child left out, ranks', async () => {
    const { data, metaFile } = await files()
    const out = await run({ input: data, meta: metaFile, treat: 'none', minData: '0' })
    expect(out.units).toEqual(['P1', 'P2', 'P3', 'P4'])
    expect(Object.keys(out.levels)).toEqual(['Innov', 'Green', 'HQD'])
    // a: 0, 33.3, 66.7, 100; b: 0, –, 66.7, 100; c (lower better): 0, 25, 100, 75
    expect(out.levels.Innov![1]).toBeCloseTo(100 / 3, 10)
    expect(out.levels.Green).toEqual([0, 25, 100, 75])
    // HQD = (2·Innov + Green)/3
    expect(out.index[3]).toBeCloseTo((2 * 100 + 75) / 3, 10)
    expect(Array.from(out.rank)).toEqual([4, 3, 2, 1])
  })
  it('group-mean imputation needs --group; bad options and files are named', async () => {
    const { d, data, metaFile } = await files()
    await expect(run({ input: data, meta: metaFile, impute: 'group-mean' })).rejects.toThrow(
      '--impute group-mean needs --group',
    )
    const out = await run({
      input: data,
      meta: metaFile,
      impute: 'group-mean',
      group: 'region_group',
      minData: '0',
      stages: true,
    })
    expect(out.stages!.imputed!.rows[1]![1]).toBe(10)
    await expect(run({ input: data, meta: metaFile, normalize: 'rank' })).rejects.toThrow(
      '--normalize "rank"',
    )
    await expect(run({ input: data, meta: metaFile, range: '5,1' })).rejects.toThrow('--range')
    await expect(run({ input: data, meta: metaFile, minData: '2' })).rejects.toThrow('--min-data')
    await expect(run({ input: data })).rejects.toThrow('missing --meta')
    const bad = join(d, 'bad.csv')
    await writeFile(bad, 'region,a,b,c\nP1,1,x,5\n')
    await expect(run({ input: bad, meta: metaFile })).rejects.toThrow('bad.csv:2:b: "x" is not a number')
    const badMeta = join(d, 'badmeta.csv')
    await writeFile(badMeta, 'iCode,Parent,Level,Weight,Direction\na,Nowhere,1,1,1\nI,,2,1,1\n')
    await expect(run({ input: data, meta: badMeta })).rejects.toThrow(
      'parent "Nowhere" of "a" is not in the table',
    )
    const skip = join(d, 'skip.csv')
    await writeFile(skip, 'iCode,Parent,Level,Weight,Direction\na,I,1,1,1\nI,,3,1,1\n')
    await expect(run({ input: data, meta: skip })).rejects.toThrow('must be at level 2')
    const missing = join(d, 'missing.csv')
    await writeFile(missing, 'iCode,Parent,Level,Weight,Direction\nzz,I,1,1,1\nI,,2,1,1\n')
    await expect(run({ input: data, meta: missing })).rejects.toThrow('data.csv: no column "zz"')
  })
})
