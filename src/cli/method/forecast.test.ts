/**
 * The forecast command on real CSV files. Reference for the Mexico case (PySAL's mexico.csv,
 * shared/data/reference), computed this session with numpy 2.4.6 / SciPy 1.17.1:
 *   x = 1940..2000 by 10; y = Aguascalientes pcgdp; z = ln y; b, a = np.polyfit(x, z, 1)
 *   s = sqrt(SSR/5); se = s*sqrt(1 + 1/7 + (2010 − x̄)²/Sxx); exp(a + b·2010 ± t.ppf(.975, 5)·se)
 *   P = 1 − t.cdf((ln 40000 − (a + b·2010))/se, 5)
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { forecastMethod } from './forecast.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-forecast-'))
})
const mexico = fileURLToPath(new URL('../../../../shared/data/reference/mexico.csv', import.meta.url))

type Out = {
  years: number[]
  ignored_columns: string[]
  summary: Record<string, number>
  series: {
    id: string
    b: number
    status: string
    label_zh: string
    probability: number | null
    target: number | null
    forecast: { year: number; value: number; lower: number; upper: number }[]
  }[]
}

describe('jueqi method forecast', () => {
  it('log-linear trend of Mexican state GDP per capita to 2010, as numpy/SciPy', async () => {
    const r = (await forecastMethod.run({
      input: mexico,
      model: 'loglinear',
      target: '40000',
      targetYear: '2010',
      direction: 'higher',
    })) as Out
    expect(r.years).toEqual([1940, 1950, 1960, 1970, 1980, 1990, 2000])
    expect(r.ignored_columns).toContain('hanson98')
    const ags = r.series.find((s) => s.id === 'Aguascalientes')!
    expect(ags.b).toBeCloseTo(0.0222915153845812, 12)
    const at = ags.forecast.at(-1)!
    expect(at.year).toBe(2010)
    expect(ags.forecast).toHaveLength(10) // 2001 … 2010, year by year
    expect(at.value).toBeCloseTo(34361.59730329151, 6)
    expect(at.lower).toBeCloseTo(13466.388339117768, 6)
    expect(at.upper).toBeCloseTo(87678.99302322688, 6)
    expect(ags.probability).toBeCloseTo(0.34700609107913927, 9)
    expect(ags.status).toBe('off_track')
    expect(ags.label_zh).toBe('滞后于预期')
    expect(Object.values(r.summary).reduce((a, b) => a + b, 0)).toBe(32)
  })

  it('per-row target columns override the options; missing years are skipped', async () => {
    const input = join(dir, 'f.csv')
    await writeFile(
      input,
      'id,2015,2016,2017,2018,2019,2020,2021,2022,2023,target,target_year,direction\n' +
        'a,2.0,2.1,2.15,2.3,2.35,2.4,2.55,2.6,2.7,3.0,2025,higher\n' +
        'b,2.0,,2.15,NA,2.35,2.4,2.55,2.6,2.7,2.5,2025,increase\n' +
        'c,1,2,,,,,,,,,,\n',
    )
    const r = (await forecastMethod.run({ input })) as Out
    const a = r.series[0]!
    // the 2015–2023 example of src/methods/forecast.test.ts (numpy/SciPy reference there)
    expect(a.probability).toBeCloseTo(0.0026138125744608054, 9)
    expect(a.forecast.map((p) => p.year)).toEqual([2024, 2025])
    expect(r.series[1]!.status).toBe('achieved')
    expect(r.series[2]).toMatchObject({ status: 'insufficient_data', target: null })
  })

  it('refuses a target without a direction, and bad options', async () => {
    const input = join(dir, 'bad.csv')
    await writeFile(input, 'id,2020,2021,2022\nx,1,2,3\n')
    await expect(forecastMethod.run({ input, target: '5' })).rejects.toThrow(
      /bad\.csv:2: series "x" has a target but no direction/,
    )
    await expect(forecastMethod.run({ input, level: '1.5' })).rejects.toThrow(/--level/)
    await expect(forecastMethod.run({ input, model: 'cubic' })).rejects.toThrow(/--model/)
    await expect(forecastMethod.run({ input, direction: 'up-ish', target: '5' })).rejects.toThrow(/direction/)
  })
})
