/**
 * The final report of plan C21 on the built-in data, in every format and both languages: the
 * figures found in the PDF's text (pdftotext) and in the DOCX's XML are those store/plan-status.ts
 * gives, every quantified target is listed with its status, and the body hash is reproducible.
 * One seeded PGlite store and one Chromium for the file.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../importer/seed.ts'
import { statusLabel } from '../../plans/assess.ts'
import { openStore, type Store } from '../../store/db.ts'
import { indicatorMap } from '../../store/indicators.ts'
import { type PlanTargetStatus, planStatuses } from '../../store/plan-status.ts'
import { getPlanVersion } from '../../store/plans.ts'
import { finalReportInputs } from '../../store/report-inputs.ts'
import { buildFinalReport, type FinalInputs } from '../final.ts'
import { formatNumber } from '../format.ts'
import type { Lang } from '../model.ts'
import { withUnit } from '../units.ts'
import { renderReport } from './index.ts'
import { launchChromium } from './pdf.ts'

let store: Store
let browser: Browser
let inputs: FinalInputs
let statuses: PlanTargetStatus[]
let units: Map<string, string>
const dir = mkdtempSync(join(tmpdir(), 'jueqi-report-'))

beforeAll(async () => {
  store = await openStore({ kind: 'pglite', dataDir: null })
  await seedStore(store)
  const plan = await getPlanVersion(store.db, 'C21')
  statuses = await planStatuses(store.db, plan!.tree)
  units = new Map([...(await indicatorMap(store.db))].map(([k, i]) => [k, i.unit]))
  inputs = await finalReportInputs(store.db, 'C21')
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Quantified targets with a figure: what each report must print, as plan-status gives it. */
const withFigures = () =>
  statuses.filter((s) => s.indicator && s.currentValue !== null && s.currentYear !== null)
const squash = (s: string) => s.replace(/\s+/g, '')
const latestCell = (s: PlanTargetStatus, lang: Lang) =>
  `${withUnit(formatNumber(s.currentValue), units.get(s.indicator!)!, lang)} (${s.currentYear})`

function pdfText(bytes: Buffer): string {
  const file = join(dir, 'r.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
}

/** Each table row of the DOCX as its cells' text. */
async function docxRows(bytes: Buffer): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    ),
  )
}

describe.each(['zh', 'en'] as const)('final report of C21 (%s)', (lang) => {
  it('has the same figures in the PDF as plan-status', async () => {
    expect(withFigures().length).toBeGreaterThan(6)
    const { bytes } = await renderReport(buildFinalReport(inputs, lang), 'pdf', '2026-01-01', browser)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const text = squash(pdfText(bytes))
    for (const s of withFigures()) expect(text).toContain(squash(latestCell(s, lang)))
    expect(text).toContain(lang === 'zh' ? '数据缺口' : 'Datagaps')
  }, 120_000)

  it('lists every quantified target with its status and latest figure in the DOCX tables', async () => {
    const doc = buildFinalReport(inputs, lang)
    const { bytes } = await renderReport(doc, 'docx', '2026-01-01')
    const rows = await docxRows(bytes)
    const regionNames = new Map(
      inputs.targets.map((t) => [t.status.region, lang === 'zh' ? t.region.zh : t.region.en]),
    )
    const quantified = statuses.filter((s) => s.indicator !== null)
    expect(quantified.length).toBeGreaterThan(0)
    const table = rows.filter((r) => r.length === 9).slice(1)
    expect(table).toHaveLength(quantified.length)
    for (const [i, s] of quantified.entries()) {
      expect(table[i]![1]).toBe(regionNames.get(s.region))
      expect(table[i]![5]).toBe(statusLabel(s, lang))
      expect(table[i]![3]).toBe(s.currentValue === null ? '—' : latestCell(s, lang))
    }
  })
})

describe('reproducibility', () => {
  it('gives the same body hash from a fresh read, in every format', async () => {
    const again = await finalReportInputs(store.db, 'C21')
    const a = await renderReport(buildFinalReport(inputs, 'zh'), 'html', '2026-01-01')
    const b = await renderReport(buildFinalReport(again, 'zh'), 'docx', '2027-05-05')
    expect(b.hash).toBe(a.hash)
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
    const en = await renderReport(buildFinalReport(again, 'en'), 'html', '2026-01-01')
    expect(en.hash).not.toBe(a.hash)
  })
})
