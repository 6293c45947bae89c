import { createInstance, type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { foreignText } from '../../../../e2e/language.ts'
import { AUDIT_ACTIONS } from '../../../supervision/audit-events.ts'
import { en } from '../../i18n/en.ts'
import { zhCN } from '../../i18n/zh-CN.ts'
import { actionName, auditSummary } from './audit-text.ts'

async function tIn(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = createInstance()
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng })
  return i18n.t
}

const names: Record<string, string> = { '42': '湖北省', '43': '湖南省' }
const entry = (action: string, details: Record<string, unknown>) => ({
  action,
  objectType: 'task',
  objectId: 'T-42-1',
  region: '42',
  details,
})

describe('audit entries in words', () => {
  for (const lng of ['zh-CN', 'en'] as const)
    it(`every action has a name in ${lng}`, async () => {
      const t = await tIn(lng)
      for (const action of AUDIT_ACTIONS) {
        const name = actionName(action, t)
        expect(name, action).not.toBe(action)
        expect(foreignText(name, lng), name).toEqual([])
      }
    })

  it('says what a transition changed, in the page language, not as JSON', async () => {
    const details = { event: 'acknowledge', from: 'assigned', to: 'acknowledged', reason: null }
    expect(auditSummary(entry('task.transition', details), await tIn('zh-CN'), (c) => names[c]!)).toBe(
      '签收：已交办 → 已签收',
    )
    expect(auditSummary(entry('task.transition', details), await tIn('en'), (c) => c)).toMatch(/→/)
    const returned = { event: 'return', from: 'reported', to: 'returned', reason: '佐证不足' }
    expect(auditSummary(entry('task.transition', returned), await tIn('zh-CN'), (c) => c)).toBe(
      '退回：已反馈 → 已退回（理由：佐证不足）',
    )
  })

  it('names regions, not codes, and counts lists', async () => {
    const t = await tIn('zh-CN')
    const created = entry('agreement.created', { parkId: 'P', originRegion: '42', hostRegion: '43' })
    expect(auditSummary(created, t, (c) => names[c]!)).toBe('湖北省 → 湖南省')
    const report = entry('report.submitted', {
      taskId: 'T',
      period: '2026-Q1',
      percentComplete: 40,
      evidence: ['a', 'b'],
    })
    expect(auditSummary(report, t, (c) => c)).toBe('报告期 2026-Q1，完成 40%，佐证材料 2 份')
  })
})
