/**
 * A newcomer's first day, in zh-CN and again in English, each on its own fresh `jueqi serve` with
 * no accounts: the administrator's password is read from the server's console as a person would
 * read it, the administrator signs in on the login page and changes that password, creates a
 * provincial officer for Hubei and a national planner on the Users page (their passwords shown
 * once), the planner assigns a task to Hubei from a plan measure, the officer acknowledges it,
 * starts it and reports progress, and the report is on the task page for the officer and the planner.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/web/i18n/en.ts'
import { zhCN } from '../src/web/i18n/zh-CN.ts'
import { launch, screenshot } from './browser.ts'
import { foreignOnPage } from './page-language.ts'
import { type Served, startServe } from './serve.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

/** Pick an option of an Ant Design select, typing `search` first when given. */
async function choose(page: Page, select: ReturnType<Page['locator']>, label: string, search?: string) {
  await select.click()
  if (search) await page.keyboard.type(search)
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .getByText(label, { exact: true })
    .click()
}

/** Follow a link of the navigation bar, through its "···" overflow when the bar is too narrow. */
async function openFromMenu(page: Page, label: string) {
  const item = page.locator('.ant-layout-header').getByRole('link', { name: label, exact: true })
  if (!(await item.isVisible())) await page.locator('.ant-menu-overflow-item-rest').hover()
  await page.getByRole('link', { name: label, exact: true }).filter({ visible: true }).click()
}

/** The accounts' user names: identifiers, shown as they are in both languages. */
const ACCOUNT_NAMES = ['admin', 'planner', 'hubei.officer']

const CASES = [
  {
    lang: 'zh-CN' as const,
    L: zhCN,
    hubei: '湖北省',
    officer: { name: 'hubei.officer', display: '湖北省发展改革委 李明' },
    planner: { name: 'planner', display: '国家发展改革委 王芳' },
    task: '建设长江中游协同创新平台（首日）',
    narrative: '平台已挂牌，完成年度计划的六成。',
  },
  {
    lang: 'en' as const,
    L: en,
    hubei: 'Hubei',
    officer: { name: 'hubei.officer', display: 'Li Ming, Hubei DRC' },
    planner: { name: 'planner', display: 'Wang Fang, NDRC' },
    task: 'Build the joint innovation platform (first day)',
    narrative: 'The platform has opened; sixty per cent of the year’s plan is done.',
  },
]

describe.each(CASES)('first day in $lang', (c) => {
  const { L } = c
  let served: Served
  let dataDir: string
  const passwords: Record<string, string> = {}

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jueqi-first-day-'))
    served = await startServe(dataDir)
  }, 180_000)
  afterAll(async () => {
    await served?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  /** A new browser, in the case's language, signed in through the login page. */
  async function signIn(username: string, password: string, pickLanguage = false): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: c.lang })
    const page = await context.newPage()
    await page.goto(`${served.url}/login`)
    // the web app opens in Chinese; an English reader presses the language button once
    if (c.lang === 'en' && pickLanguage) await page.getByTestId('lang-switch').click()
    else if (c.lang === 'en') {
      await page.evaluate(() => localStorage.setItem('jueqi-lang', 'en'))
      await page.reload()
    }
    await page.getByText(L.auth.heading).first().waitFor()
    await page.getByTestId('login-username').fill(username)
    await page.getByTestId('login-password').fill(password)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('signed-in-as').waitFor()
    return page
  }

  it('prints the first administrator once, and the administrator signs in and changes the password', async () => {
    const m = /user name\s+(\S+)[\s│]+password\s+(\S+)/.exec(served.output())
    expect(m, served.output()).not.toBeNull()
    const [, username, printed] = m!
    expect(username).toBe('admin')
    const admin = await signIn(username!, printed!, true)
    await admin.getByTestId('signed-in-as').click()
    await admin.getByTestId('account-current').fill(printed!)
    passwords.admin = `${c.lang} administrator's own password`
    await admin.getByTestId('account-next').fill(passwords.admin)
    await admin.getByTestId('account-repeat').fill(passwords.admin)
    await admin.getByTestId('account-submit').click()
    await admin.getByTestId('account-result').getByText(L.account.done).waitFor()
    await admin.context().close()
  })

  it('the administrator creates a Hubei officer and a national planner on the Users page', async () => {
    const admin = await signIn('admin', passwords.admin!)
    await openFromMenu(admin, L.users.nav)
    await admin.getByTestId('users-table').getByText(`admin${L.users.you}`).waitFor()
    for (const [who, role, region] of [
      [c.officer, 'provincial_officer', c.hubei],
      [c.planner, 'national_planner', null],
    ] as const) {
      await admin.getByTestId('users-create').click()
      const form = admin.locator('.ant-modal').filter({ visible: true })
      await form.getByTestId('user-form-username').fill(who.name)
      await form.getByTestId('user-form-display-name').fill(who.display)
      await choose(admin, form.getByTestId('user-form-role'), L.roles.names[role])
      // a national planner keeps the form's default scope, the whole country
      if (region) await choose(admin, form.getByTestId('user-form-region'), region, region.slice(0, 2))
      await form.getByTestId('user-form-submit').click()
      const password = admin.getByTestId('users-password')
      await password.waitFor()
      passwords[who.name] = (await password.locator('code').textContent())!.trim()
      expect(passwords[who.name]).toMatch(/^[\w-]{20}$/)
      const row = admin.getByTestId('users-table').locator('tr', { hasText: who.name })
      await row.getByText(L.roles.names[role]).waitFor()
    }
    // names, not codes: Hubei by its name, the planner's scope by the nation's
    const officerRow = admin.getByTestId('users-table').locator('tr', { hasText: c.officer.name })
    await officerRow.getByText(c.hubei, { exact: true }).waitFor()
    await screenshot(admin, `first-day-users-${c.lang}`)
    // wholly in its language: no word of the other script outside codes and citations
    // the generated passwords shown once are codes too (every piece of them, as the check splits words)
    const shown = Object.values(passwords).flatMap((p) => [p, ...(p ?? '').split(/[^A-Za-z]+/)])
    expect(await foreignOnPage(admin, c.lang, [...ACCOUNT_NAMES, ...shown])).toEqual([])
    await admin.context().close()
  })

  it('the planner assigns a task to Hubei from a plan measure', async () => {
    const planner = await signIn(c.planner.name, passwords[c.planner.name]!)
    await planner.goto(`${served.url}/plans/C21`)
    // the outline is a virtual list: scroll it until the measure is drawn
    const measure = planner.getByTestId('node-C21-2-3')
    for (let i = 0; i < 30 && !(await measure.isVisible()); i++) {
      await planner.getByTestId('plan-tree').hover()
      await planner.mouse.wheel(0, 300)
    }
    await measure.click()
    await planner.getByTestId('create-tasks').click()
    const modal = planner.locator('.ant-modal').filter({ visible: true })
    await modal.locator('#title').fill(c.task)
    await choose(planner, modal.locator('.ant-select').first(), c.hubei)
    await modal.locator('#deadline').fill('2027-12-31')
    // Enter takes the typed date and submits the form, as a keyboard user would
    await modal.locator('#deadline').press('Enter')
    const alert = modal.locator('.ant-alert')
    await alert.waitFor()
    expect(await alert.getAttribute('class'), (await alert.textContent()) ?? '').toContain(
      'ant-alert-success',
    )
    await planner.goto(`${served.url}/tasks`)
    const row = planner.getByTestId('task-board').locator('tr', { hasText: c.task }).last()
    await row.getByText(L.tasks.states.assigned).waitFor()
    // one task for Hubei, assigned by the planner
    const tasks = await planner.evaluate(async () => (await (await fetch('/api/tasks')).json()) as unknown)
    const mine = JSON.stringify(tasks).split(JSON.stringify(c.task)).length - 1
    expect(mine).toBe(1)
    await planner.context().close()
  })

  it('the officer acknowledges, starts and reports; the report is on the task page', async () => {
    const officer = await signIn(c.officer.name, passwords[c.officer.name]!)
    await officer.goto(`${served.url}/tasks`)
    await officer.getByTestId('task-board').locator('tr', { hasText: c.task }).locator('a').first().click()
    const state = (label: string) =>
      officer.locator('.ant-card-extra').getByTestId('task-state').getByText(label, { exact: true }).waitFor()
    await state(L.tasks.states.assigned)
    await officer.getByTestId('event-acknowledge').click()
    await state(L.tasks.states.acknowledged)
    await officer.getByTestId('event-start').click()
    await state(L.tasks.states.in_progress)
    await officer.getByTestId('report-percent').fill('60')
    await officer.getByTestId('report-narrative').fill(c.narrative)
    await officer.getByTestId('report-submit').click()
    await state(L.tasks.states.reported)
    const report = officer.getByTestId('report-list').getByTestId('report-submitted')
    await report.getByText(c.narrative).waitFor()
    await report.getByText('60%').waitFor()
    const url = officer.url()
    await screenshot(officer, `first-day-task-${c.lang}`)
    expect(await foreignOnPage(officer, c.lang, ACCOUNT_NAMES)).toEqual([])
    await officer.context().close()
    // the planner who assigned it sees the same report
    const planner = await signIn(c.planner.name, passwords[c.planner.name]!)
    await planner.goto(url)
    await planner.getByTestId('report-list').getByText(c.narrative).waitFor()
    await planner.context().close()
  })

  it('a restart on the same folder creates no account and prints no password', async () => {
    await served.stop()
    served = await startServe(dataDir)
    expect(served.output()).not.toMatch(/password/i)
    const admin = await signIn('admin', passwords.admin!)
    await admin.goto(`${served.url}/users`)
    await admin.getByTestId('users-table').getByText(c.officer.name).waitFor()
    await expect(admin.getByTestId('users-table').locator('.ant-table-row').count()).resolves.toBe(3)
    await admin.context().close()
  }, 180_000)
})
