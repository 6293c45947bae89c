/**
 * Keyboard and navigation: the Tab key alone reaches the skip link, every navigation link, the
 * language switch, the sign-in (or sign-out) and each page's main controls, each drawn with a visible
 * focus outline; and at 1280×800 every navigation item is on screen in both languages (none hidden
 * behind "···").
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { apiAs } from './api.ts'
import { launch, signInAs } from './browser.ts'

const base = inject('baseUrl')
let browser: Browser
let taskId: string

beforeAll(async () => {
  browser = await launch()
  const planner = await apiAs(base, 'planner')
  const task = await planner.post('/api/tasks', {
    title: '键盘检查用任务',
    regionCode: '43',
    planId: 'C21',
    planNodeId: 'C21-2-3',
    start: '2026-01-01',
    deadline: '2027-12-31',
    cadence: 'quarterly',
    leadBody: '湖南省发展改革委',
  })
  taskId = task.body.id as string
})
afterAll(async () => browser?.close())

/** One element the Tab key stopped on. */
interface Stop {
  tag: string
  name: string
  href: string | null
  testId: string | null
  /** it, or the control around it (a select around its input), has an outline of 2 px or more */
  outlined: boolean
  /** it takes room on the page: focus never goes to something one cannot see */
  drawn: boolean
}

/** Press Tab from the top of the page until focus comes back round (or 200 presses); every stop. */
async function tabThrough(page: Page): Promise<Stop[]> {
  const stops: Stop[] = []
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate((): Stop | null => {
      const e = document.activeElement as HTMLElement | null
      if (!e || e === document.body) return null
      let outlined = false
      // the outline is on it or on the control drawn around it (a select, several levels up)
      for (let n: HTMLElement | null = e, k = 0; n && k < 8; n = n.parentElement, k++) {
        const s = getComputedStyle(n)
        if (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2) outlined = true
      }
      const r = e.getBoundingClientRect()
      return {
        tag: e.tagName.toLowerCase(),
        // its name as a screen reader reads it: aria-label, a <label>'s text, or its own text
        name: (
          e.getAttribute('aria-label') ??
          (e as HTMLInputElement).labels?.[0]?.textContent ??
          e.textContent ??
          ''
        )
          .trim()
          .slice(0, 60),
        href: e.getAttribute('href'),
        testId: e.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
        outlined,
        drawn: r.width > 0 && r.height > 0,
      }
    })
    if (!stop) break // past the last control: the browser's own UI
    if (stops.length > 0 && stop.href === stops[0]!.href && stop.name === stops[0]!.name) break
    stops.push(stop)
  }
  return stops
}

async function open(path: string, user?: string): Promise<Page> {
  const page = user
    ? await signInAs(browser, base, user)
    : await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage()
  await page.goto(base + path, { waitUntil: 'networkidle' })
  // the header's controls follow the session, loaded after the page
  if (user) await page.getByTestId('signed-in-as').waitFor()
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'))
  return page
}

/** The hrefs of the main navigation's links, as the page draws them. */
const navHrefs = (page: Page) =>
  page
    .getByTestId('main-nav')
    .locator('a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')))

const has = (stops: Stop[], pred: (s: Stop) => boolean, what: string) =>
  expect(
    stops.some(pred),
    `${what} not reached by Tab; reached: ${stops.map((s) => s.name).join(' | ')}`,
  ).toBe(true)

/** What every page's Tab order must include: the skip link, the navigation, the language switch. */
async function expectFrame(page: Page, stops: Stop[]) {
  expect(stops[0]?.href, 'the first stop is the skip link').toBe('#main')
  const hrefs = await navHrefs(page)
  expect(hrefs.length).toBeGreaterThanOrEqual(10)
  for (const href of hrefs) has(stops, (s) => s.testId === 'main-nav' && s.href === href, `nav link ${href}`)
  has(stops, (s) => s.testId === 'lang-switch', 'the language switch')
  const bad = stops.filter((s) => !s.outlined || !s.drawn || s.name === '')
  expect(bad, 'every stop is drawn, outlined and named').toEqual([])
}

describe('keyboard', () => {
  it('reaches the navigation, the language switch, the sign-in and the overview table', async () => {
    const page = await open('/')
    const stops = await tabThrough(page)
    await expectFrame(page, stops)
    has(stops, (s) => s.href === '/login', 'the sign-in link')
    has(stops, (s) => s.href === '/indicators/rd_intensity', 'an indicator of the overview table')
    has(stops, (s) => s.href === '/regions/42', 'a province of the overview table')
    // the language switch works from the keyboard, and the page's language follows
    await page.getByTestId('lang-switch').focus()
    await page.keyboard.press('Enter')
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en')
    await page.getByTestId('main-nav').getByText('Plans', { exact: true }).waitFor()
  })

  it('reaches the sign-in form and signs in with the keyboard alone', async () => {
    const page = await open('/login')
    const stops = await tabThrough(page)
    await expectFrame(page, stops)
    for (const id of ['login-username', 'login-password', 'login-submit'])
      has(stops, (s) => s.testId === id, id)
    await page.getByTestId('login-username').focus()
    await page.keyboard.type('planner')
    await page.keyboard.press('Tab')
    await page.keyboard.type('e2e password, long enough')
    await page.keyboard.press('Enter')
    await page.getByTestId('signed-in-as').getByText('planner').waitFor()
  })

  it('reaches the plan page’s filters, switch and outline', async () => {
    const page = await open('/plans/C21')
    const stops = await tabThrough(page)
    await expectFrame(page, stops)
    has(stops, (s) => s.testId === 'filter-province', 'the province filter')
    has(stops, (s) => s.testId === 'filter-part', 'the part filter')
    has(stops, (s) => s.testId === 'only-targets' && s.name === '只看有目标的条目', 'the targets-only switch')
    has(stops, (s) => s.testId === 'plan-tree', 'the plan outline')
  })

  it('reaches the task board’s filter, its tasks and, signed in, the sign-out', async () => {
    const page = await open('/tasks', 'planner')
    const stops = await tabThrough(page)
    await expectFrame(page, stops)
    // Ant spaces out a two-character Chinese button label ("退 出")
    has(stops, (s) => s.name.replace(/\s/g, '') === '退出', 'the sign-out button')
    has(stops, (s) => s.tag === 'input' && s.name === '地区', 'the region filter')
    has(stops, (s) => s.testId === `task-${taskId}`, 'a task link')
  })
})

describe('navigation at 1280×800', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    for (const user of [undefined, 'reviewer'])
      it(`shows every item in ${lang}${user ? `, signed in as ${user}` : ''}`, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang })
        await context.addInitScript((l) => localStorage.setItem('jueqi-lang', l), lang)
        const page = await context.newPage()
        if (user) {
          await page.goto(`${base}/login`)
          await page.getByTestId('login-username').fill(user)
          await page.getByTestId('login-password').fill('e2e password, long enough')
          await page.getByTestId('login-submit').click()
          await page.getByTestId('signed-in-as').waitFor()
        }
        await page.goto(`${base}/`, { waitUntil: 'networkidle' })
        if (user) await page.getByTestId('main-nav').locator('a[href="/audit"]').waitFor()
        const links = page.getByTestId('main-nav').locator('a')
        const boxes = await links.evaluateAll((as) =>
          as.map((a) => {
            const r = a.getBoundingClientRect()
            const s = getComputedStyle(a)
            return { text: a.textContent, href: a.getAttribute('href'), ...r.toJSON(), shown: s.visibility }
          }),
        )
        const expected = ['/', '/plans', '/index', '/disparity', '/tasks', '/scorecard', '/sharing', '/map']
        if (user) expected.push('/audit')
        for (const href of expected) expect(boxes.map((b) => b.href)).toContain(href)
        for (const b of boxes) {
          expect(b.shown, `${b.text} visible`).toBe('visible')
          expect(b.width * b.height, `${b.text} has room`).toBeGreaterThan(0)
          expect(b.left >= 0 && b.right <= 1280 && b.top >= 0 && b.bottom <= 800, `${b.text} on screen`).toBe(
            true,
          )
        }
        // readable: at most two lines of items, and none drawn over another
        expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBeLessThanOrEqual(2)
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1))
            expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(
              true,
            )
        await expect(page.getByText('···').count()).resolves.toBe(0)
        await context.close()
      })
})
