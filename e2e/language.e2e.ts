/**
 * The language crawler: every route of the web app (e2e/routes.ts) in Chinese and in English, signed
 * out and signed in, read once its data has loaded; any word in the other script outside the
 * allow-list of e2e/language.ts is a finding. What a person sees counts: the page's visible text, the
 * titles, labels and placeholders of its elements, and the names drawn in its charts. Citations
 * (`<cite>`) and parts marked with the other language's `lang` are left out. It prints what it found
 * per route, to fix the pages from.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { EXAMPLE_PARTIES, exampleTerms } from '../src/sharing/example.ts'
import { type ApiSession, apiAs } from './api.ts'
import { launch } from './browser.ts'
import { E2E_PASSWORD, E2E_USERS } from './global-setup.ts'
import type { PageLang } from './language.ts'
import { foreignOnPage } from './page-language.ts'
import { KNOWN_PATTERNS, type RouteToVisit, routesWithIds, STATIC_ROUTES } from './routes.ts'

const base = inject('baseUrl')
const SIGNED_IN = 'planner'
let browser: Browser
let routes: RouteToVisit[]
let codes: string[]

/**
 * What the crawled pages show beyond the built-in data: a task and an agreement in force, made
 * through the API as an integration would, so that /tasks/:id and /sharing/:id have content.
 */
async function makeObjects(planner: ApiSession): Promise<void> {
  const task = await planner.post('/api/tasks', {
    title: '推进长江中游城市群协同发展（语言检查）',
    regionCode: '42',
    planId: 'C21',
    planNodeId: 'C21-2-3',
    start: '2026-01-01',
    deadline: '2027-06-30',
    cadence: 'quarterly',
    leadBody: '湖北省发展改革委',
  })
  if (task.status !== 201) throw new Error(`task: ${JSON.stringify(task.body)}`)
  const A = '/api/sharing/agreements/LANG-1'
  const origin = await apiAs(base, 'hubei.park')
  const created = await origin.post('/api/sharing/agreements', {
    id: 'LANG-1',
    ...EXAMPLE_PARTIES,
    parkName: { zh: '语言检查共建园区（合成数据）', en: 'Language check park (synthetic)' },
    effectiveFrom: '2021-01-01',
    terms: exampleTerms(),
  })
  if (created.status !== 201) throw new Error(`agreement: ${JSON.stringify(created.body)}`)
  await origin.post(`${A}/versions/1/confirmation`, { side: 'origin' })
  await (await apiAs(base, 'hunan.park')).post(`${A}/versions/1/confirmation`, { side: 'host' })
}

beforeAll(async () => {
  browser = await launch()
  const planner = await apiAs(base, SIGNED_IN)
  await makeObjects(planner)
  routes = [...STATIC_ROUTES, ...(await routesWithIds(planner))]
  const indicators = (await planner.get('/api/indicators')).body.indicators as { key: string }[]
  const audit = (await (await apiAs(base, 'reviewer')).get('/api/audit?limit=500')).body.entries as {
    actor: string
    objectId: string
  }[]
  // identifiers a page may show as they are: indicator keys, account names (cli:operator for the
  // command line), and the ids of the objects the audit trail names (tasks, agreements, releases)
  codes = [
    ...indicators.map((i) => i.key),
    ...E2E_USERS.map(([name]) => name),
    ...audit.flatMap((e) => [...e.actor.split(':'), e.objectId]),
  ]
})
afterAll(async () => browser?.close())

/** A browser context in `lang` (stored choice and cookie, as the language switch leaves them), maybe signed in. */
async function contextIn(lang: PageLang, username?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: lang })
  await context.addInitScript((l) => localStorage.setItem('jueqi-lang', l), lang)
  await context.addCookies([{ name: 'jueqi-lang', value: lang, url: base }])
  if (username) {
    const page = await context.newPage()
    await page.goto(`${base}/login`)
    await page.getByTestId('login-username').fill(username)
    await page.getByTestId('login-password').fill(E2E_PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('signed-in-as').waitFor()
    await page.close()
  }
  return context
}

/** Open a route and wait until its data is shown: no request in flight and no spinner. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(base + path, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, null, {
    timeout: 20_000,
  })
  await page.waitForLoadState('networkidle')
}

/** The findings of one page: each foreign word with the text it was found in. */
const findings = (page: Page, lang: PageLang) => foreignOnPage(page, lang, codes)

async function crawl(lang: PageLang, signedIn: boolean): Promise<Record<string, string[]>> {
  const contexts = new Map<string | undefined, Promise<BrowserContext>>()
  const contextFor = (user: string | undefined) => {
    if (!contexts.has(user)) contexts.set(user, contextIn(lang, user))
    return contexts.get(user)!
  }
  const found: Record<string, string[]> = {}
  for (const route of routes) {
    const user = signedIn ? (route.user ?? SIGNED_IN) : undefined
    const page = await (await contextFor(user)).newPage()
    try {
      await open(page, route.path)
      const words = await findings(page, lang)
      if (words.length) found[route.path] = words
    } finally {
      await page.close()
    }
  }
  for (const c of contexts.values()) await (await c).close()
  const who = signedIn ? `signed in as ${SIGNED_IN}` : 'signed out'
  const lines = Object.entries(found).flatMap(([path, words]) => [
    `  ${path}`,
    ...words.map((w) => `    ${w}`),
  ])
  console.log(`language crawl, ${lang}, ${who}: ${lines.length ? `\n${lines.join('\n')}` : 'nothing found'}`)
  return found
}

describe('every page wholly in its language', () => {
  it('visits an address for every route pattern the crawlers know', () => {
    const visited = new Set(routes.map((r) => r.pattern))
    expect(KNOWN_PATTERNS.filter((p) => !visited.has(p))).toEqual([])
  })

  for (const lang of ['zh-CN', 'en'] as const)
    for (const signedIn of [false, true])
      it(`${lang}, ${signedIn ? 'signed in' : 'signed out'}: no text in the other script`, {
        timeout: 600_000,
      }, async () => {
        expect(await crawl(lang, signedIn)).toEqual({})
      })
})

describe('names, not codes', () => {
  it('a task page names its region and plan item; the plan page tags its targets by province name', async () => {
    const provinces = (await (await fetch(`${base}/api/regions?level=province`)).json()) as {
      regions: { code: string; nameZh: string; nameEn: string }[]
    }
    const hubei = provinces.regions.find((r) => r.code === '42')!
    for (const lang of ['zh-CN', 'en'] as const) {
      const context = await contextIn(lang)
      const page = await context.newPage()
      // the crawler's task is Hubei's, for item (三) of the 2021 plan (and so is the supervision test's)
      await open(page, routes.find((r) => r.pattern === '/tasks/:id')!.path)
      const hubeiName = lang === 'en' ? hubei.nameEn : hubei.nameZh
      // each waits for the text: the names arrive after the task itself
      await page.getByTestId('task-region').getByText(hubeiName, { exact: true }).waitFor()
      const item =
        lang === 'en' ? '(3) Grow and strengthen advanced manufacturing' : '（三） 做大做强先进制造业'
      await page.getByTestId('task-plan-item').getByText(item, { exact: true }).waitFor()
      await open(page, '/plans/C21')
      await page.getByTestId('plan-tree').locator('[data-region="42"]').getByText(hubeiName).first().waitFor()
      await context.close()
    }
  })
})
