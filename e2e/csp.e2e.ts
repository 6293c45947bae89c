/**
 * The Content-Security-Policy (src/server/app.ts) holds in Chromium: the web app and the API docs
 * run with no inline script, and no page reports a violation.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launch } from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

describe('Content-Security-Policy', () => {
  it('is sent, forbids inline script, and no page breaks it', async () => {
    const base = inject('baseUrl')
    const res = await fetch(`${base}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    const page = await browser.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`)
    })
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
          `${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`,
        ),
      )
    })
    for (const path of ['/', '/plans', '/indicators/rd_intensity', '/map', '/index', '/api/docs']) {
      await page.goto(`${base}${path}`)
      await page.waitForLoadState('networkidle')
    }
    // the docs page really ran its script (Swagger UI drew the operations)
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 })
    expect(violations).toEqual([])
    // and an inline script is really refused: the policy is enforced, not just sent
    const ran = await page.evaluate(() => {
      const s = document.createElement('script')
      s.textContent = 'window.__inlineRan = true'
      document.body.appendChild(s)
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
    })
    expect(ran).toBe(false)
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    await page.close()
  })
})
