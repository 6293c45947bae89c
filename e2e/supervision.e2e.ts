/**
 * Supervision end to end: a Hubei officer reports on an assigned task with an evidence file; a
 * reviewer returns it; the officer corrects it; the reviewer accepts; the task board updates; the
 * audit log shows every step and verifies. Users were created with `jueqi user add` (global setup).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { apiAs } from './api.ts'
import { launch, screenshot, signInAs } from './browser.ts'

const base = inject('baseUrl')
let browser: Browser
let taskId: string
const pdfPath = join(mkdtempSync(join(tmpdir(), 'jueqi-evidence-')), '平台挂牌通知.pdf')
writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

/** The planner creates the task through the API, as an integration would. */
async function createTask(): Promise<string> {
  const planner = await apiAs(base, 'planner')
  const task = await planner.post('/api/tasks', {
    title: '建设长江中游城市群协同创新平台',
    regionCode: '42',
    planId: 'C21',
    planNodeId: 'C21-2-3',
    start: '2026-01-01',
    deadline: '2027-12-31',
    cadence: 'quarterly',
    leadBody: '湖北省发展改革委',
  })
  return task.body.id as string
}

const signIn = (username: string) => signInAs(browser, base, username)

const stateIs = (page: Page, zh: string) =>
  page.locator('.ant-card-extra').getByTestId('task-state').getByText(zh, { exact: true }).waitFor()

beforeAll(async () => {
  browser = await launch()
  taskId = await createTask()
})
afterAll(async () => browser?.close())

describe('supervision', () => {
  it('report → return → correct → accept, with evidence, and a verified audit trail', async () => {
    const officer = await signIn('hubei.officer')
    await officer.goto(`${base}/tasks`)
    await officer.getByTestId(`task-${taskId}`).click()
    await stateIs(officer, '已交办')
    await officer.getByTestId('event-acknowledge').click()
    await stateIs(officer, '已签收')
    await officer.getByTestId('event-start').click()
    await stateIs(officer, '办理中')
    await officer.getByTestId('report-percent').fill('40')
    await officer.getByTestId('report-narrative').fill('平台已挂牌，完成年度计划的40%。')
    await officer.locator('input[type=file]').setInputFiles(pdfPath)
    await officer.getByTestId('report-submit').click()
    await stateIs(officer, '已反馈')
    await officer.getByText('平台挂牌通知.pdf').first().waitFor()

    const reviewer = await signIn('reviewer')
    await reviewer.goto(`${base}/tasks/${taskId}`)
    await reviewer.getByTestId('review-note').fill('请补充平台运行数据')
    await reviewer.getByTestId('review-return').click()
    await stateIs(reviewer, '已退回')

    await officer.reload()
    await officer.getByText('请补充平台运行数据').first().waitFor()
    await officer.getByTestId('event-start').click()
    await stateIs(officer, '办理中')
    await officer.getByTestId('report-percent').fill('45')
    await officer.getByTestId('report-narrative').fill('已补充运行数据：入驻企业12家。')
    await officer.getByTestId('report-submit').click()
    await stateIs(officer, '已反馈')

    await reviewer.reload()
    await reviewer.getByTestId('review-accept').click()
    await stateIs(reviewer, '已通过复核')

    // the public board shows it accepted, with its progress
    const board = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    await board.goto(`${base}/tasks`)
    const row = board.getByTestId('task-board').locator('tr', { hasText: '建设长江中游城市群协同创新平台' })
    await row.getByText('已通过复核').waitFor()
    await row.getByText('45%').waitFor()

    // the scorecard counts the accepted task for Hubei
    await board.goto(`${base}/scorecard`)
    const hubei = board.getByTestId('scorecard-table').locator('tr', { hasText: '湖北省' })
    await hubei.locator('.ant-table-row-expand-icon').click()
    await board.getByText('任务：按期完成').waitFor()
    await board.getByText(taskId).first().waitFor()
    // computed on request: the day its figures are as of, and when the server computed it
    const provenance = board.getByTestId('provenance')
    await provenance.getByTestId('provenance-as-of').getByText('数据截至').waitFor()
    await expect(provenance.getByTestId('provenance-computed').textContent()).resolves.toMatch(
      /^计算时间：\d{4}年\d{1,2}月\d{1,2}日 .*\d{2}:\d{2}/,
    )

    // the audit trail: every step of this task, and the chain verifies
    await reviewer.goto(`${base}/audit`)
    await reviewer.getByTestId('audit-verification').getByText('哈希链完整').waitFor()
    const rows = reviewer.getByTestId('audit-table').locator('tr', { hasText: taskId })
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(9)
    await screenshot(reviewer, 'audit-zh-CN')
  })
})
