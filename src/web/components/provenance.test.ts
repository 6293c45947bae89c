/**
 * The provenance line: which releases, which time, and the synthetic tag — worked out from
 * observation rows and evaluation runs, then rendered (server-side, no browser) in both languages.
 */
import { createInstance } from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en.ts'
import { zhCN } from '../i18n/zh-CN.ts'
import { Provenance } from './Provenance.tsx'
import { computedTime, formatWhen, fromObservations, fromRun, type ProvenanceData } from './provenance.ts'

const row = (release: string, releaseDate: string, synthetic = false, computedAt?: string) => ({
  release,
  releaseDate,
  synthetic,
  ...(computedAt ? { computedAt } : {}),
})

async function render(data: ProvenanceData, lng: 'zh-CN' | 'en', extra?: { label: string; value: string }[]) {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
  })
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(Provenance, { data, ...(extra ? { extra } : {}) }),
    ),
  )
}

const text = (html: string) => html.replace(/<[^>]+>/g, '')

describe('provenance of observation rows', () => {
  it('names each release once, newest first, and falls back to the newest release date without computedAt', () => {
    const p = fromObservations([
      row('NBS 2023', '2023-09-30'),
      undefined,
      row('NBS 2024', '2024-09-30'),
      row('NBS 2023', '2023-09-30'),
    ])
    expect(p.releases.map((r) => r.name)).toEqual(['NBS 2024', 'NBS 2023'])
    expect(p.synthetic).toBe(false)
    expect(p.computedAt).toBeUndefined()
    expect(computedTime(p)).toEqual({ when: '2024-09-30', isReleaseDate: true })
  })

  it('takes the newest computedAt when the rows carry one, and flags a synthetic row and its release', () => {
    const p = fromObservations([
      row('NBS 2024', '2024-09-30', false, '2026-01-02T03:04:05Z'),
      row('SYNTHETIC panel (seed 1)', '2025-06-30', true, '2026-02-01T00:00:00Z'),
    ])
    expect(p.synthetic).toBe(true)
    expect(p.releases.find((r) => r.name.startsWith('SYNTHETIC'))?.synthetic).toBe(true)
    expect(computedTime(p)).toEqual({ when: '2026-02-01T00:00:00Z', isReleaseDate: false })
  })
})

describe('provenance of an evaluation run', () => {
  it('dates the stamp’s releases from the release list, keeps unknown ones by name, and uses createdAt', () => {
    const p = fromRun({ createdAt: '2026-12-02T05:15:00.000Z', stamp: { releases: ['A', 'B', 'hidden'] } }, [
      { name: 'A', publishedOn: '2024-01-01', synthetic: false },
      { name: 'B', publishedOn: '2025-01-01', synthetic: true },
    ])
    expect(p.releases).toEqual([
      { name: 'B', date: '2025-01-01', synthetic: true },
      { name: 'A', date: '2024-01-01', synthetic: false },
      { name: 'hidden' },
    ])
    expect(p.synthetic).toBe(true)
    expect(computedTime(p)).toEqual({ when: '2026-12-02T05:15:00.000Z', isReleaseDate: false })
  })
})

describe('formatting', () => {
  it('shows a date as that day in any time zone, and a time to the minute in the reader’s zone', () => {
    expect(formatWhen('2024-06-30', 'zh-CN')).toBe('2024年6月30日')
    expect(formatWhen('2024-06-30', 'en')).toBe('Jun 30, 2024')
    const zh = formatWhen('2026-12-02T05:15:00Z', 'zh-CN', 'Asia/Shanghai')
    expect(zh).toContain('2026年12月2日')
    expect(zh).toContain('13:15')
    expect(formatWhen('2026-12-02T05:15:00Z', 'en', 'UTC')).toMatch(/^Dec 2, 2026, 05:15 UTC$/)
    expect(formatWhen('not a date', 'en')).toBe('not a date')
  })
})

describe('the rendered line', () => {
  const real = fromObservations([
    row('NBS yearbook 2024', '2024-09-30'),
    row('NBS yearbook 2023', '2023-09-30'),
  ])
  const synthetic = fromObservations([row('SYNTHETIC panel (seed 1)', '2025-06-30', true)])

  it('in Chinese: releases with dates, the computed time, and no synthetic tag for real data', async () => {
    const html = await render(real, 'zh-CN')
    expect(html).toContain('data-testid="provenance"')
    expect(text(html)).toContain(
      '数据版本：NBS yearbook 2024（2024年9月30日发布）；NBS yearbook 2023（2023年9月30日发布）',
    )
    expect(text(html)).toContain('计算时间：2024年9月30日（以发布日期计）')
    expect(html).toContain('dateTime="2024-09-30"')
    expect(html).not.toContain('provenance-synthetic')
  })

  it('in English, with extra items, and the red synthetic tag when a value is synthetic', async () => {
    const html = await render(synthetic, 'en', [{ label: 'Evaluation run', value: '#7' }])
    expect(text(html)).toContain('Release: SYNTHETIC panel (seed 1) (published Jun 30, 2025)')
    expect(text(html)).toContain('Computed at: Jun 30, 2025 (release date)')
    expect(text(html)).toContain('Evaluation run: #7')
    const tag = /<span([^>]*data-testid="provenance-synthetic"[^>]*)>([^<]*)</.exec(html)
    expect(tag?.[1]).toContain('ant-tag-red')
    expect(tag?.[2]).toBe('SYNTHETIC')
    const zh = await render(synthetic, 'zh-CN')
    expect(text(zh)).toContain('合成数据')
  })

  it('names three releases and counts the rest; renders nothing when there is nothing to say', async () => {
    const many = fromObservations(['a', 'b', 'c', 'd', 'e'].map((n, i) => row(n, `202${i}-01-01`)))
    expect(text(await render(many, 'en'))).toContain('+2 more')
    expect(await render({ releases: [], synthetic: false }, 'en')).toBe('')
  })
})
