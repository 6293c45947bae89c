/**
 * Honest charts and numbers: the national GDP gets its own axis on the indicator chart, table
 * cells wrap instead of being cut off (indicator sources, audit details), and the scorecard says
 * how many targets each province could be assessed on.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { apiAs } from './api.ts'
import { launch, signInAs } from './browser.ts'

const base = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

const newPage = async () =>
  (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage()

/** Cells of a table whose content is wider than the cell shows (clipped). */
const clippedCells = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('td')
    .evaluateAll((tds) =>
      tds
        .filter((td) => {
          const style = getComputedStyle(td)
          const hides = style.overflow !== 'visible' || style.textOverflow === 'ellipsis'
          const inner = [td, ...td.querySelectorAll<HTMLElement>('*')]
          return hides && inner.some((el) => el.scrollWidth > el.clientWidth + 1)
        })
        .map((td) => td.textContent),
    )

describe('honest figures', () => {
  it('draws the national GDP on its own axis, and no source cell is cut off', async () => {
    const page = await newPage()
    await page.goto(`${base}/indicators/gdp`)
    await page.getByTestId('observation-table').locator('tbody tr.ant-table-row').first().waitFor()
    await page.waitForFunction(() =>
      Boolean((document.querySelector('[data-testid=series-chart]') as { __echarts?: unknown })?.__echarts),
    )
    const axes = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=series-chart]') as HTMLElement & {
        __echarts: { getOption(): { yAxis: unknown[]; series: { name: string; yAxisIndex: number }[] } }
      }
      const o = el.__echarts.getOption()
      return { yAxes: o.yAxis.length, right: o.series.filter((s) => s.yAxisIndex === 1).map((s) => s.name) }
    })
    expect(axes).toEqual({ yAxes: 2, right: ['全国（右轴）'] })
    await expect(clippedCells(page, 'observation-table')).resolves.toEqual([])
  })

  it('wraps the audit details instead of cutting them off', async () => {
    // at least one entry with details: a task created through the API
    const planner = await apiAs(base, 'planner')
    const created = await planner.post('/api/tasks', {
      title: '推进长江中游城市群政务服务“跨省通办”并扩大事项范围，建立统一的办理标准和结果互认机制',
      regionCode: '42',
      start: '2026-01-01',
      deadline: '2026-12-31',
    })
    expect(created.status).toBe(201)
    const page = await signInAs(browser, base, 'reviewer')
    await page.goto(`${base}/audit`)
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor()
    await expect(clippedCells(page, 'audit-table')).resolves.toEqual([])
    // nor pushed out of sight: the long JSON once made the table wider than the page
    const hidden = await page
      .getByTestId('audit-table')
      .locator('.ant-table-content')
      .evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(hidden).toBeLessThanOrEqual(1)
  })

  it('the scorecard says how many targets each province could be assessed on', async () => {
    const page = await newPage()
    await page.goto(`${base}/scorecard`)
    await page.getByTestId('scorecard-rule').getByText('缺失数据不计分').waitFor()
    const card = (await (await fetch(`${base}/api/scorecard?plan=C21`)).json()) as {
      scores: { province: string; assessed: number; targetCount: number }[]
    }
    for (const s of card.scores)
      await expect(page.getByTestId(`assessed-${s.province}`).textContent()).resolves.toBe(
        `${s.assessed} / ${s.targetCount}`,
      )
  })
})
