/**
 * `jueqi method uncertainty`: on COINr's ASEM files (no printed reference exists for COINr's random
 * runs, see src/methods/uncertainty.test.ts) by properties — reproducible with a seed, fixed
 * choices give zero-width intervals at the nominal rank, which equals `composite`'s rank — and on a
 * flat file without --meta.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compositeMethod } from './composite.ts'
import { toJson } from './shared.ts'
import { uncertaintyMethod } from './uncertainty.ts'

const dir = new URL('../../../../shared/data/reference/', import.meta.url).pathname
const input = `${dir}ASEM_iData.csv`
const meta = `${dir}ASEM_iMeta.csv`

interface Out {
  units: string[]
  nominal_rank: Float64Array
  rank_median: Float64Array
  rank_p05: Float64Array
  rank_p95: Float64Array
  sensitivity: Record<string, number>
  sensitivity_total: Record<string, number>
  draws: number
  seed: number
  stamp: { method: string }
}
const run = async (args: Record<string, string | boolean>) =>
  (await uncertaintyMethod.run(args)) as unknown as Out

describe('uncertainty on COINr’s ASEM example', () => {
  const args = {
    input,
    meta,
    impute: 'mean',
    minData: '0',
    range: '1,100',
    normalize: 'minmax,zscore',
    scheme: 'meta,equal,entropy',
    perturb: '0.25',
    draws: '100',
    seed: '5',
  }
  it('reproducible with a seed; all output fields; JSON without NaN', async () => {
    const a = await run(args)
    const b = await run(args)
    expect(toJson(a)).toBe(toJson(b))
    expect(a.units).toHaveLength(51)
    expect(a.draws).toBe(100)
    expect(a.seed).toBe(5)
    expect(Object.keys(a.sensitivity).sort()).toEqual(['normalize', 'perturb', 'scheme'])
    expect(Object.keys(a.sensitivity_total).sort()).toEqual(['normalize', 'perturb', 'scheme'])
    expect(toJson(a)).not.toContain('NaN')
    expect(a.stamp.method).toBe('uncertainty')
  })
  it('one fixed choice: zero-width intervals at the nominal rank = composite’s rank', async () => {
    const one = { input, meta, impute: 'mean', minData: '0', draws: '10', seed: '1' }
    const u = await run(one)
    const c = (await compositeMethod.run(one)) as unknown as { rank: Float64Array }
    expect(Array.from(u.nominal_rank)).toEqual(Array.from(c.rank))
    expect(Array.from(u.rank_p05)).toEqual(Array.from(u.nominal_rank))
    expect(Array.from(u.rank_p95)).toEqual(Array.from(u.nominal_rank))
    expect(u.sensitivity).toEqual({})
  })
  it('refuses a choice it cannot apply, and bad options', async () => {
    await expect(run({ ...args, aggregation: 'arithmetic,geometric' })).rejects.toThrow(
      /geometric aggregation cannot apply to zscore/,
    )
    await expect(
      run({ ...args, range: '0,100', normalize: 'minmax', aggregation: 'harmonic' }),
    ).rejects.toThrow(/positive range/)
    await expect(run({ ...args, scheme: 'meta,meta' })).rejects.toThrow('listed twice')
    await expect(run({ ...args, scheme: 'pca' })).rejects.toThrow('--scheme "pca"')
    await expect(run({ ...args, perturb: '1' })).rejects.toThrow('--perturb')
    await expect(run({ ...args, draws: '1' })).rejects.toThrow('--draws')
  })
})

describe('uncertainty without --meta (one flat index)', () => {
  it('every column is an indicator; --cost reverses', async () => {
    const d = await mkdtemp(join(tmpdir(), 'jueqi-unc-'))
    const data = join(d, 'm.csv')
    await writeFile(data, 'unit,x,y,cost\nA,1,2,9\nB,2,1,5\nC,3,3,1\nD,4,5,2\n')
    const out = await run({
      input: data,
      cost: 'cost',
      minData: '0',
      treat: 'none',
      range: '1,100',
      scheme: 'equal,entropy',
      aggregation: 'arithmetic,geometric',
      perturb: '0.2',
      draws: '60',
      seed: '3',
    })
    expect(out.units).toEqual(['A', 'B', 'C', 'D'])
    // equal weights, min-max: A = (0 + 25 + 0)/3, B = (33 + 0 + 50)/3, C = (67 + 50 + 100)/3, D = (100 + 100 + 88)/3
    expect(Array.from(out.nominal_rank)).toEqual([4, 3, 2, 1])
    expect(Object.keys(out.sensitivity).sort()).toEqual(['aggregation', 'perturb', 'scheme'])
    await expect(run({ input: data, cost: 'nope' })).rejects.toThrow('--cost')
  })
})
