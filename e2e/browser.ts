import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../src/reports/render/pdf.ts'
import { E2E_PASSWORD } from './global-setup.ts'

/** Debian's Chromium, headless: the same launch the reports print their PDFs with (one place for its flags). */
export const launch = launchChromium

export const SHOTS = 'test-results'

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true })
  const path = `${SHOTS}/${name}.png`
  await page.screenshot({ path, fullPage: true })
  return path
}

/** A new browser context signed in through the login page, in Chinese. */
export async function signInAs(browser: Browser, base: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${base}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(E2E_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('signed-in-as').getByText(username).waitFor()
  return page
}
