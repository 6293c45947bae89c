/** composite and uncertainty commands on COINr's ASEM files: the NumPy reference value, stamps and errors. */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compositeMethod } from './composite.ts'
import { uncertaintyMethod } from './uncertainty.ts'

const dir = new URL('../../../../shared/data/reference/', import.meta.url).pathname
const input = `${dir}ASEM_iData.csv`
const meta = `${dir}ASEM_iMeta.csv`

describe('composite and uncertainty commands', () => {
  it('composite: Belgium’s index equals the NumPy reference (denominated, min-max, arithmetic)', async () => {
    const out = (await compositeMethod.run({ input, meta, treat: 'none', stages: true })) as {
      units: string[]
      index: Float64Array
      levels: Record<string, number[]>
      stages: Record<string, { rows: number[][] }>
    }
    expect(out.index[out.units.indexOf('Belgium')]).toBeCloseTo(60.03148113964431, 9)
    expect(Object.keys(out.levels)).toContain('Conn')
    expect(out.stages.normalised!.rows).toHaveLength(51)
  })

  it('uncertainty: reproducible with a seed, and a geometric mean over z-scores refused', async () => {
    const args = { input, meta, scheme: 'meta,equal', perturb: '0.2', draws: '30', seed: '5', treat: 'none' }
    const a = (await uncertaintyMethod.run(args)) as {
      rank_median: Float64Array
      sensitivity: Record<string, number>
    }
    const b = (await uncertaintyMethod.run(args)) as {
      rank_median: Float64Array
      sensitivity: Record<string, number>
    }
    expect(Array.from(a.rank_median)).toEqual(Array.from(b.rank_median))
    expect(Object.keys(a.sensitivity).sort()).toEqual(['perturb', 'weights'])
    await expect(
      uncertaintyMethod.run({ ...args, normalize: 'minmax,zscore', aggregation: 'geometric' }),
    ).rejects.toThrow(/z-scores/)
  })

  it('a meta table with an unknown parent is refused, naming it', async () => {
    const d = await mkdtemp(join(tmpdir(), 'jueqi-meta-'))
    const bad = join(d, 'meta.csv')
    await writeFile(bad, 'iCode,Parent,Level,Weight,Direction\nLPI,Nowhere,1,1,1\nIndex,,2,1,1\n')
    await expect(compositeMethod.run({ input, meta: bad })).rejects.toThrow(
      'parent "Nowhere" of "LPI" is not in the table',
    )
  })
})
