import { describe, expect, it } from 'vitest'
import { taskStatus } from './task-status.ts'
import { sampleReport, sampleTask } from './test-fixtures.ts'

const task = sampleTask({
  state: 'reported',
  milestones: [{ id: 'm1', name: '选址', due: '2025-06-30', targetPercent: 50 }],
})

describe('task status', () => {
  it('counts a submitted report: 60% meets the missed-by-date 50% milestone, no red', () => {
    const s = taskStatus(task, [sampleReport({ period: '2025-Q2', percentComplete: 60 })], '2025-07-15')
    expect(s.progress).toEqual({ percent: 60, period: '2025-Q2', accepted: false })
    expect(s.warnings.map((w) => w.code)).toEqual([])
    expect(s).toMatchObject({ warning: null, overdue: false })
  })

  it('without the report the same day is a red milestone warning and a yellow one', () => {
    const s = taskStatus(task, [], '2025-07-15')
    expect(s.progress).toBeNull()
    expect(s.warnings.map((w) => w.code)).toEqual(['milestone_missed', 'behind_schedule'])
    expect(s.warning).toBe('red')
  })

  it("ignores another task's reports and returned ones", () => {
    const other = sampleReport({ taskId: 'T2', percentComplete: 90 })
    const returned = sampleReport({ status: 'returned', percentComplete: 80 })
    expect(taskStatus(task, [other, returned], '2025-07-15').progress).toBeNull()
  })
})
