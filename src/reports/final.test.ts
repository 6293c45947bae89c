/** The final report's model on hand-made inputs: forecast where the deadline is not yet published, gaps named, words in one language. */
import { describe, expect, it } from 'vitest'
import type { TargetStatus } from '../plans/assess.ts'
import type { Target } from '../plans/model.ts'
import { buildFinalReport, type FinalInputs, type FinalTarget } from './final.ts'
import type { Table } from './model.ts'
import { renderHtml } from './render/html.ts'

const target = (over: Partial<Target> = {}): Target => ({
  id: 'T1',
  indicator: 'urbanization_rate',
  regions: ['41'],
  deadline: 2025,
  baseline_year: 2020,
  binding: null,
  text: '',
  proposal: false,
  target: { form: 'level', op: '>=', value: 60 },
  ...over,
})

const status = (over: Partial<TargetStatus> = {}): TargetStatus => ({
  targetId: 'T1',
  region: '41',
  status: 'off_track',
  ahead: false,
  method: 'trajectory (level >= 60)',
  baseYear: 2020,
  baseValue: 55,
  currentYear: 2023,
  currentValue: 57,
  quantities: { goal: 60, progress: 0.4, elapsed: 0.6 },
  missing: [],
  reason: '',
  ...over,
})

const series = [55, 55.8, 56.3, 57].map((value, i) => ({
  year: 2020 + i,
  value,
  source: 'test source',
  release: 'r1',
  releaseDate: '2024-06-30',
}))

const row = (over: Partial<FinalTarget> = {}): FinalTarget => ({
  status: status(),
  target: target(),
  item: { zh: '城镇化<提速>', en: 'Urbanisation <faster>' },
  region: { zh: '河南省', en: 'Henan' },
  indicator: { zh: '常住人口城镇化率', en: 'Urbanisation rate', unit: '%', direction: 'higher' },
  series,
  other: null,
  ...over,
})

const inputs = (targets: FinalTarget[]): FinalInputs => ({
  plan: { id: 'P', version: 2, title: { zh: '测试规划', en: 'Test plan' } },
  targets,
  run: null,
  releases: [{ id: 'r1', date: '2024-06-30' }],
  dataAsOf: '2024-06-30',
})

const section = (doc: ReturnType<typeof buildFinalReport>, id: string) =>
  doc.sections.find((s) => s.id === id)

describe('final report model', () => {
  it('judges on the latest year, says the deadline is unpublished and forecasts to it', () => {
    const doc = buildFinalReport(inputs([row()]), 'zh')
    const summary = section(doc, 'summary')!
      .blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))
      .join('\n')
    expect(summary).toContain('河南省常住人口城镇化率由 2020 年的 55% 升至 2023 年的 57%')
    expect(summary).toContain('距目标尚差 3个百分点')
    expect(summary).toContain('2025 年数据尚未发布，以上按 2023 年数据判定')
    expect(summary).toMatch(
      /2025 年预计为 [\d.]+%（95% 预测区间 [\d.]+% 至 [\d.]+%），达到目标的概率约为 \d+%/,
    )
    const targets = section(doc, 'targets')!.blocks[0] as Table
    expect(targets.rows[0]![7]).toBe('40% / 60%')
    const fc = section(doc, 'forecast')!.blocks[0] as Table
    expect(fc.rows).toHaveLength(1)
    const gaps = section(doc, 'gaps')!.blocks[0] as Table
    expect(gaps.rows).toEqual([['常住人口城镇化率', '河南省', '2024–2025', '目标年数据尚未发布']])
  })

  it('lists a missing base year as a gap with region, indicator and year, and keeps the row in the table', () => {
    const missing = row({
      status: status({
        status: 'insufficient_data',
        baseYear: null,
        baseValue: null,
        currentYear: null,
        currentValue: null,
        quantities: {},
      }),
    })
    const doc = buildFinalReport(inputs([row(), missing]), 'en')
    expect((section(doc, 'targets')!.blocks[0] as Table).rows).toHaveLength(2)
    const gaps = section(doc, 'gaps')!.blocks[0] as Table
    expect(gaps.rows).toContainEqual(['Urbanisation rate', 'Henan', '2020', 'no figure for the base year'])
    const text = JSON.stringify(doc)
    expect(text).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('keeps Chinese words out of nothing but codes in zh: units in Chinese', () => {
    const doc = buildFinalReport(
      inputs([
        row({
          indicator: { zh: '居民人均可支配收入', en: 'Income', unit: 'yuan', direction: 'higher' },
          status: status({ quantities: { goal: 30000 }, baseValue: 25000, currentValue: 28000 }),
        }),
      ]),
      'zh',
    )
    const table = section(doc, 'targets')!.blocks[0] as Table
    expect(table.rows[0]![3]).toBe('28,000元 (2023)')
    expect(table.rows[0]![6]).toBe('2,000元')
    expect(table.rows[0]![7]).toBe('—')
  })

  it('escapes every text in the HTML and hashes the body only', () => {
    const doc = buildFinalReport(inputs([row()]), 'en')
    const a = renderHtml(doc, '2026-01-01')
    const b = renderHtml(doc, '2026-02-02')
    expect(a.html).toContain('Urbanisation &lt;faster&gt;')
    expect(a.html).not.toContain('<faster>')
    expect(a.hash).toBe(b.hash)
    expect(a.html).toContain(a.hash)
  })
})
