import { describe, expect, it } from 'vitest'
import { hasCjk, latinWords } from '../i18n/script.ts'
import { warningText } from './warning-text.ts'
import { warningsFor } from './warnings.ts'

const task = {
  id: 'T-1',
  state: 'in_progress' as const,
  start: '2026-01-01',
  deadline: '2026-12-31',
  milestones: [
    { id: 'm1', name: '方案编制', due: '2026-03-31', targetPercent: 30 },
    { id: 'm2', name: '中期评估', due: '2026-12-20', targetPercent: 80 },
  ],
}

describe('warnings in both languages', () => {
  it('says every kind of warning in zh-CN and English, each in its own script', () => {
    const late = warningsFor(task, 0, '2027-01-10')
    const near = warningsFor(task, 10, '2026-12-10')
    const all = [...late, ...near]
    expect(new Set(all.map((w) => w.code))).toEqual(
      new Set(['past_deadline', 'behind_schedule', 'near_deadline', 'milestone_missed', 'milestone_near']),
    )
    for (const w of all) {
      const zh = warningText(w, task.milestones, 'zh-CN')
      const en = warningText(w, task.milestones, 'en')
      expect(latinWords(zh), zh).toEqual([])
      expect(hasCjk(zh), zh).toBe(true)
      expect(hasCjk(en.replace(/“[^”]*”/g, '')), en).toBe(false)
    }
    expect(warningText(late[0]!, task.milestones, 'zh-CN')).toBe('已超过期限 10 天')
    const behind = near.find((w) => w.code === 'behind_schedule')!
    expect(warningText(behind, task.milestones, 'en')).toMatch(/^10% done where the schedule expects 9\d%$/)
  })
})
