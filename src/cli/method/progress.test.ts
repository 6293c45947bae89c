/** The progress command on real CSV files: every method side by side, and bad rows named. */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { progressMethod } from './progress.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-progress-'))
})
const HEAD =
  'id,direction,base_year,base_value,current_year,current_value,target,target_year,limit,target_type,reference_base,reference_current'

describe('jueqi method progress', () => {
  it('runs each method on the same series and keeps their disagreement visible', async () => {
    const input = join(dir, 'p.csv')
    await writeFile(
      input,
      `${HEAD}\nrd,higher,2020,1.64,2024,2.01,,2025,,,2.40,2.69\nenergy,lower,2020,1.0,2023,0.92,-13.5,2025,,change_pct,,\nincome,higher,2020,100,2023,112,,,,with_growth,100,115\nzero,higher,2020,0,2023,1,2,2025,,,,\n`,
    )
    type Out = {
      series: { id: string; status: string; label_zh: string; gap?: number; closes_in?: number | null }[]
      summary: Record<string, number>
    }
    const ref = (await progressMethod.run({ input, method: 'reference' })) as Out
    const rd = ref.series.find((s) => s.id === 'rd')!
    // gap 2020: 1.64 − 2.40 = −0.76; 2024: 2.01 − 2.69 = −0.68; closes 2024 + 0.68/0.02 = 2058
    expect(rd.gap).toBeCloseTo(-0.68, 9)
    expect(rd.closes_in).toBeCloseTo(2058, 6)
    expect(rd.status).toBe('off_track')
    const od = (await progressMethod.run({ input, method: 'opensdg' })) as Out
    expect(od.series.find((s) => s.id === 'zero')).toMatchObject({
      status: 'not_assessable',
      label_zh: '无法评估',
    })
    expect(od.series.find((s) => s.id === 'income')?.status).toBe('off_track')
    expect(Object.values(od.summary).reduce((a, b) => a + b, 0)).toBe(4)
  })

  it('names the file, line and column of a bad row, and never assumes a direction', async () => {
    const input = join(dir, 'bad.csv')
    await writeFile(input, `${HEAD}\na,,2020,1,2023,2,,,,,,\nb,higher,2020,x,2023,2,,,,,,\n`)
    const err = await progressMethod.run({ input }).catch((e: Error) => e.message)
    expect(err).toContain('bad.csv:2:direction')
    expect(err).toContain('bad.csv:3:base_value: "x" is not a number')
  })
})
