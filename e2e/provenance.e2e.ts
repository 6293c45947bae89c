/**
 * Issue #7: every figure says which release it comes from and when it was computed, and a
 * synthetic value is flagged. The expected releases and times are the API's; the synthetic
 * release is the tiny `jueqi synth --load` panel of the global setup.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type Columns, fromColumns } from '../src/statistics/columns.ts'
import { formatWhen } from '../src/web/components/provenance.ts'
import { en } from '../src/web/i18n/en.ts'
import { zhCN } from '../src/web/i18n/zh-CN.ts'
import { launch, screenshot } from './browser.ts'

interface Obs {
  region: string
  release: string
  releaseDate: string
  computedAt?: string
  preferred: boolean
  synthetic: boolean
}
interface Run {
  id: number
  createdAt: string
  stamp: { method: string; version: string; releases: string[] }
}

const base = inject('baseUrl')
const ZONE = 'Asia/Shanghai'
const CENTRAL = ['14', '34', '36', '41', '42', '43']
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

const json = async <T>(path: string): Promise<T> => (await fetch(base + path)).json() as Promise<T>
/**
 * The rows in the form the web app asks for (columns). Derived figures are computed per answer and
 * the answer is cached per query and form, so the page's `computedAt` is that of the columns answer.
 */
const observations = async (q: Record<string, string>) =>
  fromColumns(
    await json<Columns<Obs>>(`/api/observations?${new URLSearchParams({ ...q, format: 'columns' })}`),
  )

async function open(path: string, lang: 'zh-CN' | 'en'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: lang === 'en' ? 'en-US' : 'zh-CN',
    timezoneId: ZONE,
  })
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('jueqi-lang', 'en'))
  const page = await context.newPage()
  await page.goto(base + path)
  return page
}

const LABELS = {
  'zh-CN': { release: '数据版本', computed: '计算时间', synthetic: '合成数据', standsIn: '以发布日期计' },
  en: { release: 'Release', computed: 'Computed at', synthetic: 'SYNTHETIC', standsIn: 'release date' },
} as const

/**
 * A provenance line names `release` and shows the time the rows say (their newest computedAt,
 * else their newest release date, marked as such) in the page's language and time zone.
 */
async function expectLine(line: Locator, lang: 'zh-CN' | 'en', release: string, rows: Obs[]) {
  await line.waitFor()
  const l = LABELS[lang]
  const releaseText = (await line.getByTestId('provenance-release').textContent()) ?? ''
  expect(releaseText).toContain(release)
  expect((await line.textContent()) ?? '').toContain(l.release)
  const computed = line.getByTestId('provenance-computed')
  const withTime = rows.map((r) => r.computedAt).filter((x): x is string => Boolean(x))
  const when = withTime.length
    ? withTime.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1)!
    : rows
        .map((r) => r.releaseDate)
        .sort()
        .at(-1)!
  await expect(computed.locator('time').getAttribute('datetime')).resolves.toBe(when)
  const text = (await computed.textContent()) ?? ''
  expect(text).toContain(l.computed)
  expect(text).toContain(formatWhen(when, lang, ZONE))
  if (!withTime.length) expect(text).toContain(l.standsIn)
}

const newest = (rows: Obs[]) => [...rows].sort((a, b) => b.releaseDate.localeCompare(a.releaseDate))[0]!

describe('indicator page', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`shows release and time under the chart and the table (${lang})`, async () => {
      const rows = await observations({ indicator: 'rd_intensity', region: ['CN', ...CENTRAL].join(',') })
      const charted = rows.filter((r) => r.preferred)
      const page = await open('/indicators/rd_intensity', lang)
      await page.getByTestId('series-chart').locator('canvas').waitFor()
      await expectLine(page.getByTestId('series-provenance'), lang, newest(charted).release, charted)
      await expectLine(page.getByTestId('table-provenance'), lang, newest(rows).release, rows)
      // the built-in data is real: nothing is flagged
      await expect(page.getByTestId('provenance-synthetic').count()).resolves.toBe(0)
      await expect(page.getByText(LABELS[lang].synthetic, { exact: true }).count()).resolves.toBe(0)
      await screenshot(page, `indicator-provenance-${lang}`)
    })

  for (const lang of ['zh-CN', 'en'] as const)
    it(`names the chart's lines by region, not by code (${lang})`, async () => {
      const codes = ['CN', ...CENTRAL]
      const expected = await Promise.all(
        codes.map(async (c) => {
          const r = await json<{ nameZh: string; nameEn: string }>(`/api/regions/${c}`)
          return lang === 'en' ? r.nameEn : r.nameZh
        }),
      )
      const page = await open('/indicators/rd_intensity', lang)
      const chart = page.getByTestId('series-chart')
      await chart.locator('canvas').waitFor()
      // the legend shows the series' names (the chart exposes its ECharts instance for the tests)
      type WithChart = { __echarts: { getOption(): { series: { name: string }[] } } }
      const names = await chart.evaluate((el) =>
        (el as unknown as WithChart).__echarts.getOption().series.map((s) => s.name),
      )
      expect(names).toEqual(expected)
      for (const c of codes) expect(names).not.toContain(c)
    })
})

/** The figures the region page shows: the latest preferred row of each indicator for the region, the nation and the central region. */
async function regionFigures(code: string): Promise<Obs[]> {
  const indicators = (await json<{ indicators: { key: string }[] }>('/api/indicators')).indicators
  const rows = (await observations({
    indicator: indicators.map((i) => i.key).join(','),
    region: `${code},CN,CENTRAL`,
    preferredOnly: 'true',
  })) as (Obs & { period: number; indicator: string })[]
  const latest = new Map<string, (typeof rows)[number]>()
  for (const r of rows) {
    const k = `${r.indicator}|${r.region}`
    if (r.preferred && (!latest.get(k) || latest.get(k)!.period < r.period)) latest.set(k, r)
  }
  return [...latest.values()]
}

describe('region page', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`shows the releases and time of Hubei's figures (${lang})`, async () => {
      const shown = await regionFigures('42')
      const page = await open('/regions/42', lang)
      await page.getByTestId('region-table').waitFor()
      // the newest release of the figures shown is named first
      await expectLine(page.getByTestId('provenance'), lang, newest(shown).release, shown)
      await expect(page.getByTestId('provenance-synthetic').count()).resolves.toBe(0)
      await screenshot(page, `region-provenance-${lang}`)
    })

  it('flags the synthetic release’s values with a red tag, in Chinese and in English', async () => {
    const synth = await observations({ indicator: 'synthetic_001', level: 'county' })
    expect(synth.length).toBeGreaterThan(0)
    expect(synth.every((r) => r.synthetic)).toBe(true)
    const code = synth[0]!.region
    const shown = await regionFigures(code)
    expect(shown.some((r) => r.release === 'SYNTHETIC panel (seed 1)')).toBe(true)
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = await open(`/regions/${code}`, lang)
      const line = page.getByTestId('provenance')
      await expectLine(line, lang, newest(shown).release, shown)
      const tag = line.getByTestId('provenance-synthetic')
      await expect(tag.textContent()).resolves.toBe(LABELS[lang].synthetic)
      await expect(tag.evaluate((el) => getComputedStyle(el).color)).resolves.toMatch(
        /^rgb\(2\d\d, \d\d?, \d\d?\)/,
      )
      await expect(page.getByTestId('cell-synthetic').first().textContent()).resolves.toBe(
        LABELS[lang].synthetic,
      )
      await screenshot(page, `region-synthetic-${lang}`)
    }
  })
})

describe('index page', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`shows the run, when it was computed, its releases and method version (${lang})`, async () => {
      const run = await json<Run>('/api/evaluations/latest')
      const releases = (
        await json<{ releases: { name: string; publishedOn: string; synthetic: boolean }[] }>('/api/releases')
      ).releases
      const stamped = releases
        .filter((r) => run.stamp.releases.includes(r.name))
        .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))
      // the run was saved before the synthetic trial release was loaded
      expect(stamped.some((r) => r.synthetic)).toBe(false)
      const page = await open('/index', lang)
      const line = page.getByTestId('rank-provenance')
      await line.waitFor()
      await expect(line.getByTestId('provenance-release').textContent()).resolves.toContain(stamped[0]!.name)
      const computed = line.getByTestId('provenance-computed')
      await expect(computed.locator('time').getAttribute('datetime')).resolves.toBe(run.createdAt)
      const text = (await computed.textContent()) ?? ''
      expect(text).toContain(LABELS[lang].computed)
      expect(text).toContain(formatWhen(run.createdAt, lang, ZONE))
      // a time to the minute, in the browser's zone
      const hhmm = new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: ZONE,
      }).format(new Date(run.createdAt))
      expect(text).toContain(hhmm)
      await expect(line.getByTestId('provenance-run').textContent()).resolves.toBe(`#${run.id}`)
      await expect(line.getByTestId('provenance-method').textContent()).resolves.toBe(
        // the method by its name in the page language
        `${(lang === 'en' ? en : zhCN).methods.run[run.stamp.method as 'assess']} ${run.stamp.version}`,
      )
      await expect(line.getByTestId('provenance-synthetic').count()).resolves.toBe(0)
      await page.getByTestId('table-provenance').waitFor()
      await screenshot(page, `index-provenance-${lang}`)
    })
})
