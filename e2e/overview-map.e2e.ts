/**
 * What a person sees: the overview and the map, in Chinese (the default) and in English.
 * Expected numbers are read from the shipped data file, not typed.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launch, screenshot } from './browser.ts'

type Row = Record<string, string>
const data: Row[] = parse(readFileSync('data/observations.csv', 'utf8'), { columns: true, bom: true })

/** Latest preferred R&D intensity of a region as the data file states it (the newest year; revised beats first-published). */
function latestRd(region: string): { year: number; value: number } {
  const rows = data.filter((r) => r.region_code === region && r.indicator === 'rd_intensity')
  const year = Math.max(...rows.map((r) => Number(r.year)))
  const inYear = rows.filter((r) => Number(r.year) === year)
  const pick =
    inYear.find((r) => /REVISED/.test(r.note ?? '')) ??
    inYear.find((r) => !/PRELIMINARY/.test(r.note ?? '')) ??
    inYear[0]!
  return { year, value: Number(pick.value) }
}

/** The newest year's figure of a single-vintage series in the data file. */
function latestOf(region: string, indicator: string): { year: number; value: number } {
  const rows = data.filter((r) => r.region_code === region && r.indicator === indicator)
  const latest = rows.reduce((a, b) => (Number(b.year) > Number(a.year) ? b : a))
  return { year: Number(latest.year), value: Number(latest.value) }
}

let browser: Browser
let page: Page
const base = inject('baseUrl')

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

async function open(path: string, lang?: 'en') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })
  page = await context.newPage()
  if (lang) await context.addInitScript(() => localStorage.setItem('jueqi-lang', 'en'))
  await page.goto(base + path)
  return page
}

describe('overview', () => {
  it('shows the five targets with real values in Chinese, and a no-data cell', async () => {
    await open('/')
    await page.getByText('2021年《意见》五项量化目标').waitFor()
    const table = page.getByTestId('overview-table')
    await expect(table.getByText('研发经费投入强度达到全国平均水平').count()).resolves.toBe(1)
    const hubei = latestRd('42')
    const row = table.locator('tr', { hasText: '研发经费投入强度达到全国平均水平' })
    await expect(row.getByText(String(hubei.value), { exact: true }).count()).resolves.toBeGreaterThan(0)
    await expect(row.getByText(String(hubei.year)).count()).resolves.toBeGreaterThan(0)
    await expect(table.getByTestId('no-data').count()).resolves.toBeGreaterThan(0)
    await expect(page.getByText('湖北省').count()).resolves.toBeGreaterThan(0)
    // the national urbanisation rate: the published figure, said to be published
    const urban = latestOf('CN', 'urbanization_rate')
    const national = table
      .locator('tr', { hasText: '常住人口城镇化率年均提高约1个百分点' })
      .locator('td')
      .nth(1)
    await national.getByText(String(urban.value), { exact: true }).waitFor()
    await national.getByText(`${urban.year} · 公开发布`).waitFor()
    // the release and the time of the figures, under the table; the built-in data is not synthetic
    const provenance = page.getByTestId('provenance')
    await expect(provenance.getByTestId('provenance-release').textContent()).resolves.toMatch(/\S/)
    await provenance.getByText('计算时间').waitFor()
    await expect(page.getByTestId('provenance-synthetic').count()).resolves.toBe(0)
    const shot = await screenshot(page, 'overview-zh-CN')
    expect(readFileSync(shot).length).toBeGreaterThan(20_000)
  })

  it('switches to English with one click, and the choice persists', async () => {
    await open('/')
    await page.getByTestId('lang-switch').click()
    await page.getByText('The five quantified targets of the 2021 Opinions').waitFor()
    await expect(page.getByText('Hubei').count()).resolves.toBeGreaterThan(0)
    await page.reload()
    await page.getByText('R&D intensity reaches the national average').waitFor()
    await screenshot(page, 'overview-en')
  })
})

describe('map', () => {
  async function hoverHubei() {
    const chart = page.getByTestId('map-chart')
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid=map-chart]') as
        | (HTMLElement & { __echarts?: unknown })
        | null
      return Boolean(el?.__echarts)
    })
    await page.waitForTimeout(500)
    // a point inside Hubei (longitude, latitude) converted to pixels by the chart itself
    const [x, y] = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=map-chart]') as HTMLElement & {
        __echarts: { convertToPixel(finder: object, coord: number[]): number[] }
      }
      return el.__echarts.convertToPixel({ seriesIndex: 0 }, [112.3, 30.9])
    })
    const box = (await chart.boundingBox())!
    await page.mouse.move(box.x + x! + 1, box.y + y! + 1)
    await page.mouse.move(box.x + x!, box.y + y!)
  }

  it('colours the provinces and shows value, source and release on hover (zh-CN)', async () => {
    await open('/map')
    await page.getByTestId('map-disclaimer').waitFor()
    await expect(page.getByText('底图仅为示意').count()).resolves.toBe(1)
    await hoverHubei()
    const hubei = latestRd('42')
    const tip = page.locator('div', { hasText: /^湖北省/ }).last()
    await tip.waitFor({ timeout: 10_000 })
    const text = (await tip.textContent()) ?? ''
    expect(text).toContain(String(hubei.value))
    expect(text).toContain(`(${hubei.year})`)
    expect(text).toContain('来源')
    expect(text).toContain('数据版本')
    // and under the map, the release and time of the year shown
    await page.getByTestId('provenance').getByText('计算时间').waitFor()
    await screenshot(page, 'map-zh-CN')
  })

  it('shows the same map in English', async () => {
    await open('/map', 'en')
    await page.getByText('The base map is for illustration only').waitFor()
    await hoverHubei()
    const tip = page.locator('div', { hasText: /^Hubei/ }).last()
    await tip.waitFor({ timeout: 10_000 })
    expect((await tip.textContent()) ?? '').toContain('Source')
    await page.getByTestId('provenance').getByText('Computed at').waitFor()
    await screenshot(page, 'map-en')
  })
})
