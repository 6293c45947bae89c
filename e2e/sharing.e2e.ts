/**
 * The sharing ledger end to end: the Hubei side drafts and confirms an agreement through the API;
 * the Hunan (host) park administrator confirms it in the web app, records a year's output and tax,
 * and allocates; both sides see the allocation, the regional totals with their balance check, and
 * the reconciliation; an officer of a third province (Henan) sees neither the assessment-only view
 * nor any way to edit, and the API refuses him too.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { EXAMPLE_PARTIES, exampleTerms } from '../src/sharing/example.ts'
import { apiAs } from './api.ts'
import { launch, screenshot, signInAs } from './browser.ts'

const base = inject('baseUrl')
const A = '/api/sharing/agreements/DEMO-1'
let browser: Browser

beforeAll(async () => {
  browser = await launch()
  const origin = await apiAs(base, 'hubei.park')
  const created = await origin.post('/api/sharing/agreements', {
    id: 'DEMO-1',
    ...EXAMPLE_PARTIES,
    effectiveFrom: '2021-01-01',
    terms: exampleTerms(),
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  await origin.post(`${A}/versions/1/confirmation`, {})
})
afterAll(async () => browser?.close())

describe('sharing ledger in the browser', () => {
  it('the host confirms, records a year’s output and tax, allocates, and sees the balance check', async () => {
    const page = await signInAs(browser, base, 'hunan.park')
    await page.goto(`${base}/sharing`)
    await page.getByTestId('agreements').getByText('示例共建园区（合成数据）').click()
    await page.getByTestId('agreement-state').getByText('待确认').waitFor()
    await page.getByTestId('confirm-host').click()
    await page.getByTestId('agreement-state').getByText('生效').waitFor()
    const form = page.getByTestId('record-form')
    const addRow = async (metricZh: string, amount: string, central?: string) => {
      await page.getByTestId('record-metric').click()
      await page.locator('.ant-select-dropdown:visible').getByText(metricZh, { exact: true }).click()
      await page.getByTestId('record-period').fill('2021')
      await page.getByTestId('record-amount').fill(amount)
      if (central) await page.getByTestId('record-central').fill(central)
      await page.getByTestId('record-add').click()
    }
    await addRow('增值税地方留成', '1600', '1600')
    await addRow('工业总产值', '52000')
    await expect.poll(() => form.getByTestId('record-rows').locator('tbody tr.ant-table-row').count()).toBe(2)
    await page.getByTestId('record-name').fill('2021年统计年报（合成）')
    await page.getByTestId('record-date').fill('2022-03-31')
    await page.getByTestId('record-save').click()
    await page.getByTestId('sharing-message').getByText('已保存发布').waitFor()
    await page.getByTestId('allocate').click()
    await page.getByTestId('sharing-message').getByText('已生成分配').waitFor()
    const credits = page.getByTestId('credits')
    // VAT 1600 × 0.5 = 800 to Hubei; industrial output 52000 × 0.3 = 15600 to Hubei, 36400 to Hunan
    await credits.getByText('15600', { exact: true }).waitFor()
    await credits.getByText('36400', { exact: true }).waitFor()
    await page.getByTestId('balance-check').getByText('核对：各地区分成后合计等于公布合计').waitFor()
    await page.getByTestId('reconciliation').getByText('2021', { exact: true }).first().waitFor()
    await screenshot(page, 'sharing-host')
  })

  it('the origin sees the same allocation, the reconciliation and, as a party, the assessment view', async () => {
    const page = await signInAs(browser, base, 'hubei.park')
    await page.goto(`${base}/sharing/DEMO-1`)
    await page.getByTestId('credits').getByText('15600', { exact: true }).waitFor()
    await page.getByTestId('reconciliation').getByTestId('period-state').getByText('未结算').waitFor()
    await page.getByTestId('view-assessment').click()
    await page.getByText('本口径双方同计，仅供考核，不得公开或对外使用。').waitFor()
    // both sides count the whole 52000 of output in the assessment view
    await expect.poll(() => page.getByTestId('credits').getByText('52000', { exact: true }).count()).toBe(2)
    expect(await page.getByTestId('record-form').count()).toBe(0)
    // Hubei's region page: the park's output as published (0, in-situ) and after sharing (15600)
    await page.goto(`${base}/regions/42`)
    const shared = page.getByTestId('shared-totals')
    await shared.getByText('15600', { exact: true }).waitFor()
    await shared.getByText('核对：各地区分成后合计等于公布合计').waitFor()
  })

  it('a third province’s officer sees no assessment view and cannot edit; the API refuses him', async () => {
    const page = await signInAs(browser, base, 'henan.officer')
    await page.goto(`${base}/sharing/DEMO-1`)
    await page.getByTestId('credits').getByText('15600', { exact: true }).waitFor()
    expect(await page.getByTestId('view-assessment').count()).toBe(0)
    expect(await page.getByTestId('allocate').count()).toBe(0)
    expect(await page.getByTestId('record-form').count()).toBe(0)
    expect(await page.getByTestId('confirm-host').count()).toBe(0)
    const henan = await apiAs(base, 'henan.officer')
    expect((await henan.get(`${A}/allocations/latest?view=assessment`)).status).toBe(404)
    expect(
      (await henan.post(`${A}/versions`, { effectiveFrom: '2023-01-01', terms: exampleTerms() })).status,
    ).toBe(403)
    expect(
      (await henan.post(`${A}/releases`, { name: 'x', publishedOn: '2022-01-01', records: [] })).status,
    ).toBe(400)
    await screenshot(page, 'sharing-third-province')
  })
})
