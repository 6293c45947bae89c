/**
 * Accessibility: axe-core's WCAG 2.1 A/AA rules on every route of `routes.ts`, in Chinese and in English,
 * signed out and signed in as the planner. Any violation fails the test, printed with its rule, element
 * and route.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { apiAs } from './api.ts'
import { type AxeFinding, describeFindings, runAxe } from './axe.ts'
import { launch, signInAs } from './browser.ts'
import { type RouteToVisit, routesWithIds, STATIC_ROUTES } from './routes.ts'

const base = inject('baseUrl')
type Lang = 'zh-CN' | 'en'

/** A task and a sharing agreement exist, so that their pages are visited with content. */
async function seed(): Promise<RouteToVisit[]> {
  const planner = await apiAs(base, 'planner')
  await planner.post('/api/tasks', {
    title: '无障碍检查用任务',
    regionCode: '42',
    planId: 'C21',
    planNodeId: 'C21-2-3',
    start: '2026-01-01',
    deadline: '2027-12-31',
    cadence: 'quarterly',
    leadBody: '湖北省发展改革委',
  })
  return [...STATIC_ROUTES, ...(await routesWithIds(planner))]
}

const routes = await seed()
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

/** A browser context in the language, signed out or signed in as the user. */
async function contextFor(lang: Lang, user?: string): Promise<BrowserContext> {
  if (user) {
    const page = await signInAs(browser, base, user)
    await page.evaluate((l) => localStorage.setItem('jueqi-lang', l), lang)
    return page.context()
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: lang })
  await context.addInitScript((l) => localStorage.setItem('jueqi-lang', l), lang)
  return context
}

/** Open the route and wait until its data has arrived and the spinners and animations are over. */
async function settle(page: Page, path: string): Promise<void> {
  await page.goto(base + path, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), null, { timeout: 20_000 })
  await page.waitForTimeout(400)
}

describe.each([
  ['zh-CN', false],
  ['en', false],
  ['zh-CN', true],
  ['en', true],
] as const)('axe (WCAG 2.1 A/AA) in %s, signed in: %s', (lang, signedIn) => {
  // one signed-in context per user: the planner, and whoever a route needs instead (the audit: a reviewer)
  const contexts = new Map<string, Promise<BrowserContext>>()
  const pageFor = async (route: RouteToVisit) => {
    const user = signedIn ? (route.user ?? 'planner') : ''
    if (!contexts.has(user)) contexts.set(user, contextFor(lang, user || undefined))
    return (await contexts.get(user)!).newPage()
  }
  afterAll(async () => {
    for (const c of contexts.values()) await (await c).close()
  })

  it('finds no violation on any route', { timeout: 300_000 }, async () => {
    const report: string[] = []
    let all: AxeFinding[] = []
    for (const route of routes) {
      if (route.signedIn && !signedIn) continue
      const page = await pageFor(route)
      await settle(page, route.path)
      const findings = await runAxe(page)
      await page.close()
      all = all.concat(findings)
      if (findings.length) report.push(describeFindings(`${route.path} (${lang})`, findings))
    }
    expect(all.length, report.join('\n')).toBe(0)
  })
})

describe('axe on states a visit alone does not reach', () => {
  it('the plan editor with an item selected (its title fields, links, targets)', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const context = await contextFor(lang, 'planner')
      const page = await context.newPage()
      await settle(page, '/plans/C21/edit')
      await page.getByTestId('edit-tree').locator('.ant-tree-node-content-wrapper').nth(2).click()
      await page.getByTestId('edit-node').waitFor()
      const findings = await runAxe(page)
      expect(findings, describeFindings(`/plans/C21/edit, an item selected (${lang})`, findings)).toEqual([])
      await context.close()
    }
  })
})

/** The chart's own series, as ECharts holds them after drawing, and the table under the chart. */
async function chartAndTable(page: Page, testId: string) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement & {
      __echarts: {
        getOption: () => { xAxis?: { data?: unknown[] }[]; series: { name?: string; data: unknown[] }[] }
      }
    }
    const option = el.__echarts.getOption()
    const table = document.querySelector(`[data-testid="${id}-figure"] table`)!
    return {
      categories: (option.xAxis?.[0]?.data ?? []).map(String),
      series: option.series.map((s) => ({ name: s.name ?? '', data: s.data as (number | null)[] })),
      header: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
        key: tr.querySelector('th')?.textContent ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    }
  }, testId)
}

describe('charts have a table of their figures', () => {
  it('the indicator chart’s table shows the numbers its series draw, by region name, with the unit', async () => {
    const context = await contextFor('zh-CN')
    const page = await context.newPage()
    await settle(page, '/indicators/rd_intensity')
    const toggle = page.getByTestId('series-chart-table-toggle')
    await expect(toggle.textContent()).resolves.toBe('显示数据表')
    await toggle.click()
    await expect(toggle.textContent()).resolves.toBe('隐藏数据表')
    const { categories, series, header, rows } = await chartAndTable(page, 'series-chart')
    expect(series.map((s) => s.name)).toContain('湖北省')
    expect(header).toEqual(['年份', ...series.map((s) => `${s.name} (%)`)])
    expect(rows.map((r) => r.key)).toEqual(categories)
    let compared = 0
    for (const [i, row] of rows.entries())
      for (const [k, s] of series.entries()) {
        const drawn = s.data[i]
        const shown = row.cells[k]!
        if (drawn === null || drawn === undefined) expect(shown).toBe('暂无数据')
        else {
          // printed with at most two decimals, grouped thousands
          expect(
            Math.abs(Number(shown.replace(/,/g, '')) - drawn),
            `${row.key} ${s.name}`,
          ).toBeLessThanOrEqual(0.005)
          compared++
        }
      }
    expect(compared).toBeGreaterThan(20)
    await context.close()
  })

  it('the map’s table names the provinces, not their codes', async () => {
    const context = await contextFor('en')
    const page = await context.newPage()
    await settle(page, '/map')
    const { header, rows } = await chartAndTable(page, 'map-chart')
    expect(header[0]).toBe('Region')
    expect(header[1]).toMatch(/R&D.*\(%\)$/)
    expect(rows.map((r) => r.key)).toContain('Hubei')
    expect(rows.filter((r) => /^\d+$/.test(r.key))).toEqual([])
    await context.close()
  })
})
