/**
 * One task, one story in the browser: a task with a submitted (unreviewed) 60% report shows the
 * same progress and the same warnings on its page to a signed-out visitor and to its officer, and
 * the visitor sees the report's figure with its content withheld.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { apiAs } from './api.ts'
import { launch, signInAs } from './browser.ts'

const base = inject('baseUrl')
let browser: Browser
let taskId: string

const beijing = new Date(Date.now() + 8 * 3600_000)
const day = (offset: number) => new Date(beijing.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
const quarter = `${beijing.getUTCFullYear()}-Q${Math.floor(beijing.getUTCMonth() / 3) + 1}`

beforeAll(async () => {
  browser = await launch()
  const planner = await apiAs(base, 'planner')
  const task = await planner.post('/api/tasks', {
    title: '推进长江中游城市群创新券互认',
    regionCode: '42',
    start: day(-330),
    deadline: day(30),
    milestones: [{ id: 'm1', name: '互认清单发布', due: day(-1), targetPercent: 50 }],
  })
  taskId = task.body.id as string
  const officer = await apiAs(base, 'hubei.officer')
  for (const event of ['acknowledge', 'start'])
    await officer.post(`/api/tasks/${taskId}/transitions`, { event })
  const report = await officer.post(`/api/tasks/${taskId}/reports`, {
    period: quarter,
    narrative: '互认清单已发布，完成60%。',
    percentComplete: 60,
  })
  expect(report.status).toBe(201)
})
afterAll(async () => browser?.close())

/** The progress line and the warning codes the task page shows. */
async function standing(page: Page) {
  await page.goto(`${base}/tasks/${taskId}`)
  const progress = (await page.getByTestId('task-progress').textContent()) ?? ''
  const warnings = await page
    .locator('[data-testid^="warning-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).sort())
  return { progress, warnings }
}

describe('one truth per task', () => {
  it('the task page tells a signed-out visitor and the officer the same progress and warnings', async () => {
    const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    const seen = await standing(visitor)
    expect(seen.progress).toContain('60%')
    expect(seen.progress).toContain('待复核')
    expect(seen.warnings).not.toContain('warning-milestone_missed')
    await visitor.getByText('复核通过后公开报告内容').waitFor()
    expect(await visitor.getByText('互认清单已发布，完成60%。').count()).toBe(0)

    const officer = await signInAs(browser, base, 'hubei.officer')
    expect(await standing(officer)).toEqual(seen)
    await officer.getByText('互认清单已发布，完成60%。').waitFor()
  })
})
