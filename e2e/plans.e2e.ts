/**
 * The plan browser as a planner uses it: open the 2021 plan, filter to Hubei, open the R&D
 * target and read its status, figures and chart. Expected values come from the shipped data file
 * and from the API the page itself reads.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launch, screenshot } from './browser.ts'
import { E2E_PASSWORD } from './global-setup.ts'

const base = inject('baseUrl')
type Row = Record<string, string>
const data: Row[] = parse(readFileSync('data/observations.csv', 'utf8'), { columns: true, bom: true })

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

describe('plan browser', () => {
  it('opens the 2021 plan, filters to Hubei, and shows the R&D target with status and chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${base}/plans`)
    await page.getByTestId('plan-C21').click()
    await page.getByTestId('plan-title').getByText('关于新时代推动中部地区高质量发展的意见').waitFor()

    await page.getByTestId('filter-province').click()
    await page.locator('.ant-select-item-option', { hasText: '湖北省' }).click()
    await page.getByTestId('node-C21-1-2-G1').click()

    const detail = page.getByTestId('node-detail')
    await detail.waitFor()
    const tag = page.getByTestId('status-C21-1-2-G1#0-42')
    await tag.waitFor()
    // the page shows the status the API computed, in Chinese
    const api = (await (await fetch(`${base}/api/plans/C21/status`)).json()) as {
      statuses: {
        targetId: string
        region: string
        label: string
        currentYear: number
        currentValue: number
      }[]
    }
    const hubei = api.statuses.find((s) => s.targetId === 'C21-1-2-G1#0' && s.region === '42')!
    expect(await tag.textContent()).toBe(hubei.label)
    expect(['提前实现', '快于预期', '基本符合预期', '滞后于预期', '倒退']).toContain(hubei.label)
    // with the latest Hubei R&D intensity of the data file, and only Hubei's row
    const years = data
      .filter((r) => r.region_code === '42' && r.indicator === 'rd_intensity')
      .map((r) => Number(r.year))
    expect(hubei.currentYear).toBe(Math.max(...years))
    await page.getByText(`(${hubei.currentYear})`).first().waitFor()
    await expect(page.getByTestId('status-C21-1-2-G1#0-41').count()).resolves.toBe(0)
    // the national item's page lists the provincial items implementing it (the goals item has none; (三) has Hubei's)
    await page.getByTestId('node-C21-2-3').click()
    // by its number and title, not its code
    await page
      .locator('[data-testid="implemented-by"][data-item="H19-1-1"]')
      .getByText('（一） 加快制造业结构优化升级')
      .waitFor()
    // back up the outline (a virtual list: rows scrolled away are not rendered), as a reader would scroll
    await page.locator('[data-testid="plan-tree"] .ant-tree-list-holder').evaluate((el) => {
      el.scrollTop = 0
    })
    await page.getByTestId('node-C21-1-2-G1').click()
    // the chart of the measured indicator is drawn
    const chart = page.getByTestId('target-chart')
    await chart.locator('canvas').waitFor()
    // with the release and time of its figures under it
    const provenance = page.getByTestId('target-provenance')
    await provenance.getByText('数据版本').waitFor()
    await expect(provenance.getByTestId('provenance-computed').textContent()).resolves.toMatch(
      /^计算时间：\d{4}年\d{1,2}月\d{1,2}日/,
    )
    const shot = await screenshot(page, 'plan-C21-hubei')
    expect(readFileSync(shot).length).toBeGreaterThan(20_000)
    await context.close()
  })

  it('shows how the Hubei plan aligns with the national plan, in English', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' })
    await context.addInitScript(() => localStorage.setItem('jueqi-lang', 'en'))
    const page = await context.newPage()
    await page.goto(`${base}/plans/H19`)
    await page.getByText('Alignment with the national plan (Opinions of the CPC Central Committee').waitFor()
    // items by their number and title in English, not by code
    const item = page.getByTestId('align-implemented').locator('[data-item="C21-2-3"]')
    await item.getByText('(3) Grow and strengthen advanced manufacturing').waitFor()
    await expect(item.textContent()).resolves.toContain('(1) Upgrade the structure of manufacturing')
    await expect(page.getByTestId('align-missing').locator('li').count()).resolves.toBeGreaterThan(0)
    await context.close()
  })

  it('a Hubei officer renames an item of the Hubei plan, saves a draft, publishes it, and the public sees the new wording', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${base}/login`)
    await page.getByTestId('login-username').fill('hubei.officer')
    await page.getByTestId('login-password').fill(E2E_PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('signed-in-as').waitFor()
    await page.goto(`${base}/plans/H19`)
    await page.getByTestId('plan-edit').click()
    await page.getByTestId('edit-tree').getByText('加快制造业结构优化升级', { exact: false }).first().click()
    const title = page.getByTestId('edit-title-zh')
    await title.fill('加快制造业结构优化升级（修订稿）')
    await page.getByTestId('edit-save').click()
    await page.getByTestId('edit-message').getByText('已保存为第2版草稿').waitFor()
    await page.getByTestId('edit-publish').click()
    await page.getByTestId('edit-message').getByText('第2版已发布').waitFor()
    const pub = (await (await fetch(`${base}/api/plans/H19`)).json()) as {
      version: number
      tree: { children: { children: { title_zh: string }[] }[] }
    }
    expect(pub.version).toBe(2)
    expect(JSON.stringify(pub.tree)).toContain('加快制造业结构优化升级（修订稿）')
    await context.close()
  })

  it('a national planner turns a plan measure into a task for Hunan', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(`${base}/login`)
    await page.getByTestId('login-username').fill('planner')
    await page.getByTestId('login-password').fill(E2E_PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('signed-in-as').waitFor()
    await page.goto(`${base}/plans/C21`)
    await page.getByTestId('node-C21-2-3').click()
    await page.getByTestId('create-tasks').click()
    const dialog = page.locator('.ant-modal')
    await dialog.locator('.ant-select').click()
    await page.locator('.ant-select-item-option', { hasText: '湖南省' }).click()
    await dialog.locator('.ant-picker input').fill('2027-06-30')
    await dialog.locator('.ant-picker input').press('Enter')
    await dialog.getByRole('button', { name: '立项并交办' }).click()
    await dialog.getByText('已立项并交办 1 项任务').waitFor()
    const tasks = (await (await fetch(`${base}/api/tasks?region=43`)).json()) as {
      tasks: { planNodeId?: string; state: string }[]
    }
    expect(tasks.tasks.some((x) => x.planNodeId === 'C21-2-3' && x.state === 'assigned')).toBe(true)
    await context.close()
  })
})
