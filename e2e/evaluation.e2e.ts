/**
 * The index & rankings and the disparity pages, fed by the first evaluation run (saved by the
 * global setup's `jueqi assess`, as `jueqi serve` would on a fresh store); the figures shown are
 * the API's. The index page's provenance line is checked in provenance.e2e.ts.
 */
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { formatValue } from '../src/web/format.ts'
import { en } from '../src/web/i18n/en.ts'
import { zhCN } from '../src/web/i18n/zh-CN.ts'
import { launch, screenshot } from './browser.ts'

const base = inject('baseUrl')
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => browser?.close())

describe('evaluation pages', () => {
  it('shows the index ranking with uncertainty intervals and obstacle factors, in Chinese', async () => {
    const run = (await (await fetch(`${base}/api/evaluations/latest`)).json()) as {
      results: {
        year: number
        index: {
          units: string[]
          rank: number[]
          uncertainty: { p05: number[]; p95: number[]; sensitivity: Record<string, number> }
        }
      }
    }
    const ix = run.results.index
    const first = ix.units[ix.rank.indexOf(1)]!
    const page = await (
      await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })
    ).newPage()
    await page.goto(`${base}/index`)
    await page.getByText(`高质量发展指数与排名（${run.results.year}年`).waitFor()
    const table = page.getByTestId('index-table')
    const row = table.locator('tbody tr').first()
    const i = ix.units.indexOf(first)
    await expect(row.locator('td').first().textContent()).resolves.toBe('1')
    const r1 = (x: number) => String(Math.round(x * 10) / 10)
    await row.getByText(`${r1(ix.uncertainty.p05[i]!)}–${r1(ix.uncertainty.p95[i]!)}`).waitFor()
    await page.getByTestId('rank-chart').locator('canvas').waitFor()
    // every sensitivity factor by its Chinese name (the weighting scheme's is "scheme"), none by its own
    const factors = Object.entries(ix.uncertainty.sensitivity)
    expect(factors.map(([k]) => k)).toContain('scheme')
    const sensitivity = page.getByTestId('sensitivity')
    const tags = await sensitivity.locator('.ant-tag').allTextContents()
    const labels = zhCN.index.choices as Record<string, string>
    expect(tags).toEqual(factors.map(([k, v]) => `${labels[k]} ${(v * 100).toFixed(0)}%`))
    const text = (await sensitivity.textContent()) ?? ''
    for (const [k] of factors) expect(text).not.toContain(k)
    const shot = await screenshot(page, 'index-zh-CN')
    expect(readFileSync(shot).length).toBeGreaterThan(20_000)
  })

  it('shows Theil between/within the macro-regions and σ-convergence, in English', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' })
    await context.addInitScript(() => localStorage.setItem('jueqi-lang', 'en'))
    const page = await context.newPage()
    await page.goto(`${base}/disparity`)
    await page.getByText('between and within the four macro-regions').waitFor()
    await page.getByTestId('theil-chart').locator('canvas').waitFor()
    const run = (await (await fetch(`${base}/api/evaluations/latest`)).json()) as {
      id: number
      createdAt: string
      results: { disparity: { beta: { b: number; se_b: number } | null } }
    }
    for (const id of ['theil-provenance', 'sigma-provenance']) {
      const line = page.getByTestId(id)
      await line.getByText('Computed at').waitFor()
      await expect(line.getByTestId('provenance-run').textContent()).resolves.toBe(`#${run.id}`)
      await expect(line.locator('time').getAttribute('datetime')).resolves.toBe(run.createdAt)
    }
    await page.getByTestId('beta').getByText('R²').waitFor()
    // β and its standard error through the shared formatter: never "-0", and a non-zero estimate never "0"
    const beta = run.results.disparity.beta!
    const betaText =
      (await page.getByTestId('beta').locator('.ant-descriptions-item-content').first().textContent()) ?? ''
    expect(betaText).toContain(
      `${formatValue(beta.b, 'en')} (${en.words.standardError} ${formatValue(beta.se_b, 'en')})`,
    )
    expect(betaText).not.toMatch(/(^|\D)-0(?![.\d])/)
    if (beta.b !== 0) expect(betaText).not.toMatch(/^0 /)
    if (beta.se_b !== 0) expect(betaText).not.toContain('(se 0)')
    await screenshot(page, 'disparity-en')
  })
})
