import { describe, expect, it } from 'vitest'
import { planToMarkdown } from './markdown.ts'
import { PlanNodeSchema } from './model.ts'

describe('planToMarkdown', () => {
  const plan = PlanNodeSchema.parse({
    id: 'P',
    kind: 'plan',
    title_zh: '某规划',
    title_en: 'A plan',
    children: [
      {
        id: 'P-1',
        kind: 'part',
        number: '一',
        title_zh: '总体要求',
        title_status: 'provisional',
        children: [
          {
            id: 'P-1-1',
            kind: 'item',
            number: '(一)',
            title_zh: '主要目标 <b>*</b>',
            targets: [
              {
                id: 'P-1-1#0',
                indicator: 'rd_intensity',
                regions: ['42'],
                deadline: 2025,
                text: '研发投入强度达到全国平均水平',
                target: { form: 'reference', op: '>=', reference: 'CN' },
              },
            ],
          },
        ],
      },
    ],
  })

  it('writes headings by depth with printed numbers, wording status and targets', () => {
    const md = planToMarkdown(plan)
    const lines = md.split('\n')
    expect(lines[0]).toBe('# 某规划')
    expect(lines).toContain('## 一 总体要求 _(provisional)_')
    expect(lines).toContain('### (一) 主要目标 \\<b\\>\\*\\</b\\>')
    expect(md).toContain('- `rd_intensity` · >= CN (level) · by 2025 · [42] — 研发投入强度达到全国平均水平')
  })

  it('uses English titles when asked and keeps the Chinese as a quote', () => {
    const md = planToMarkdown(plan, 'en')
    expect(md.split('\n').slice(0, 3)).toEqual(['# A plan', '', '> 某规划'])
  })
})
