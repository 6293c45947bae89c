/**
 * The progress command on real CSV files: every method side by side, relative targets, and bad
 * rows named. The Open SDG row "1-2-1" is sdg-build's test asset (base 2015 = 14.5, latest 2019 =
 * 10.1, target 7.25, negative); its expected progress value comes from the transcription run in
 * src/methods/progress/fixtures/opensdg_reference.py (see opensdg.test.ts). Other numbers are
 * derived by hand in the comments.
 */
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
const ROWS = [
  'sdg121,decrease,2015,14.5,2019,10.1,7.25,2030,,,,',
  'urban,higher,2020,60,2023,63,65,2025,,,,',
  'energy,lower,2020,0.5,2023,0.46,-13.5,2025,,change_pct,,',
  'forest,higher,2020,24,2023,24.9,0.3,2025,,annual_increment,,',
  'income,higher,2020,100,2023,110,,,,with_growth,100,115',
  'rd,higher,2020,1.64,2024,2.01,,2035,,,2.40,2.69',
  'zero,higher,2020,0,2023,1,2,2025,,,,',
  'flip,higher,2020,-2,2023,3,5,2025,,,,',
  'gap,lower,2020,,2023,5,4,2025,,,,',
]

type Row = Record<string, unknown> & { id: string; status: string; label_zh: string; label_en: string }
type Out = {
  method: string
  source: string
  series: Row[]
  summary: Record<string, number>
  rollup: Record<string, number | null>
}

async function run(method: string, extra: Record<string, string> = {}): Promise<Out> {
  const input = join(dir, 'p.csv')
  await writeFile(input, `${HEAD}\n${ROWS.join('\n')}\n`)
  return (await progressMethod.run({ input, method, ...extra })) as Out
}
const byId = (o: Out, id: string) => o.series.find((s) => s.id === id)!

describe('jueqi method progress', () => {
  it('opensdg: sdg-build numbers, labels, not-assessable rows kept', async () => {
    const o = await run('opensdg')
    expect(o.method).toBe('opensdg')
    expect(o.source).toMatch(/sdg-build/)
    expect(byId(o, 'sdg121').progress_value).toBeCloseTo(1.9140922217549072, 12)
    expect(byId(o, 'sdg121')).toMatchObject({
      method_status: 'substantial_progress',
      status: 'on_track',
      score: 5,
    })
    expect(byId(o, 'zero')).toMatchObject({
      status: 'not_assessable',
      label_zh: '无法评估',
      progress_value: null,
    })
    expect(byId(o, 'zero').reason).toMatch(/zero/)
    expect(byId(o, 'flip')).toMatchObject({ status: 'not_assessable', label_en: 'Not assessable' })
    expect(byId(o, 'gap')).toMatchObject({ status: 'insufficient_data', label_zh: '数据不足' })
    expect(byId(o, 'gap').reason).toMatch(/base_value/)
    // energy: goal 0.5 × 0.865 = 0.4325
    expect(byId(o, 'energy').goal).toBeCloseTo(0.4325, 12)
    // forest: 24 + 0.3 × 5 = 25.5
    expect(byId(o, 'forest').goal).toBeCloseTo(25.5, 12)
    expect(Object.values(o.summary).reduce((a, b) => a + b, 0)).toBe(ROWS.length)
    expect(o.rollup.n).toBe(ROWS.length)
    // with --zero-base substitute the zero row gets a number (sdg-build behaviour)
    const sub = await run('opensdg', { zeroBase: 'substitute' })
    expect(typeof byId(sub, 'zero').progress_value).toBe('number')
  })

  it('trajectory (序时进度): share of distance against share of time', async () => {
    const o = await run('trajectory')
    // 60 → 63 of 65 in 3 of 5 years: progress 0.6, elapsed 0.6, ratio 1 → 基本符合预期
    expect(byId(o, 'urban')).toMatchObject({
      progress: 0.6,
      elapsed: 0.6,
      ratio: 1,
      status: 'on_track',
      label_zh: '基本符合预期',
    })
    // energy 0.5 → 0.46 of 0.4325: 0.04/0.0675 = 0.5926 in 0.6 → ratio 0.9877 → on track
    expect(byId(o, 'energy').ratio as number).toBeCloseTo(0.04 / 0.0675 / 0.6, 12)
    // forest 24 → 24.9 of 25.5: 0.9/1.5 = 0.6 in 0.6 of the time → on track
    expect(byId(o, 'forest').ratio as number).toBeCloseTo(1, 12)
    // income in step with GDP: 1.1^(1/3) vs 1.15^(1/3): 1.54 pp a year behind → off track
    expect(byId(o, 'income')).toMatchObject({ status: 'off_track', method_status: 'in_step' })
    expect(byId(o, 'rd')).toMatchObject({ status: 'not_assessable' })
  })

  it('reference: gap, trend and the year it closes', async () => {
    const o = await run('reference')
    // g_b = 1.64 − 2.40 = −0.76, g_t = 2.01 − 2.69 = −0.68, trend 0.02 a year, closes 2058 > 2035
    const rd = byId(o, 'rd')
    expect(rd.gap as number).toBeCloseTo(-0.68, 12)
    expect(rd.gap_trend as number).toBeCloseTo(0.02, 12)
    expect(rd.closes_year as number).toBeCloseTo(2058, 9)
    expect(rd.status).toBe('off_track')
    // urban: no reference columns, the target 65 is a static reference: gap −5 → −2, closes 2025
    expect(byId(o, 'urban').closes_year as number).toBeCloseTo(2025, 9)
    expect(o.rollup.mean_score).toBeNull()
  })

  it('unsd, and all methods side by side with their disagreement flagged', async () => {
    const u = await run('unsd')
    // urban: CAGR 1.05^(1/3); projected 2025 = 63·1.05^(2/3) = 65.0919…; ratio ≥ 0.95 → 3
    expect(byId(u, 'urban')).toMatchObject({ score: 3, status: 'on_track' })
    const all = (await run('all')) as unknown as {
      series: { id: string; statuses: Record<string, string>; agree: boolean }[]
      summary: Record<string, Record<string, number>>
    }
    const urban = all.series.find((s) => s.id === 'urban')!
    expect(Object.keys(urban.statuses)).toEqual(['opensdg', 'unsd', 'trajectory', 'reference'])
    // Open SDG: CAGR_o = 1.05^(1/3) − 1 = 1.640%, CAGR_r = (65/60)^(1/5) − 1 = 1.614% → P = 1.016
    expect(urban.statuses.opensdg).toBe('on_track')
    expect(all.summary.opensdg).toBeDefined()
    expect(urban.agree).toBe(true)
    // energy (goal 0.4325 by 2025): paced at ratio 0.9877 (on track by 序时进度, and by both CAGR
    // rules), but the linear gap −0.0275 closing 0.04/3 a year closes only in 2025.06 → off track
    const energy = all.series.find((s) => s.id === 'energy')!
    expect(energy.statuses).toEqual({
      opensdg: 'on_track',
      unsd: 'on_track',
      trajectory: 'on_track',
      reference: 'off_track',
    })
    expect(energy.agree).toBe(false)
  })

  it('names the file, line and column of a bad row, and never assumes a direction', async () => {
    const input = join(dir, 'bad.csv')
    await writeFile(
      input,
      `${HEAD}\na,,2020,1,2023,2,,,,,,\nb,higher,2020,x,2023,2,,,,,,\nc,up,2020,1,2023,2,3,2025,,pct,,\n`,
    )
    const err = await progressMethod.run({ input }).catch((e: Error) => e.message)
    expect(err).toContain('bad.csv:2:direction: series "a"')
    expect(err).toContain('bad.csv:3:base_value: "x" is not a number')
    expect(err).toContain('bad.csv:4:target_type: "pct"')
    await writeFile(input, 'id,direction,base_year\na,higher,2020\n')
    await expect(progressMethod.run({ input })).rejects.toThrow(
      /missing column\(s\) base_value, current_year, current_value/,
    )
    await expect(progressMethod.run({ input, method: 'magic' })).rejects.toThrow(/--method/)
  })
})
