import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayFromNumber, dayNumber } from './dates.ts'
import { TASK_STATES } from './tasks.ts'
import { sampleTask } from './test-fixtures.ts'
import { expectedPercent, warningsFor, worstLevel } from './warnings.ts'

// 2025-01-01 .. 2025-12-31: 364 days of schedule.
const task = sampleTask({ state: 'in_progress' })
const codes = (ws: { code: string }[]) => ws.map((w) => w.code)

describe('warnings', () => {
  it('expects progress pro rata to the elapsed share of the schedule', () => {
    expect(expectedPercent(task, '2024-12-01')).toBe(0)
    expect(expectedPercent(task, '2025-07-02')).toBeCloseTo((182 / 364) * 100)
    expect(expectedPercent(task, '2026-03-01')).toBe(100)
    expect(expectedPercent(sampleTask({ deadline: '2025-01-01' }), '2025-01-01')).toBe(100)
  })

  it('is silent for a task on schedule far from its deadline', () => {
    expect(warningsFor(task, 50, '2025-07-02')).toEqual([])
  })

  it('yellow: behind schedule by more than the tolerance', () => {
    expect(codes(warningsFor(task, 41, '2025-07-02'))).toEqual([]) // 50 expected, 10 tolerated
    expect(codes(warningsFor(task, 39, '2025-07-02'))).toEqual(['behind_schedule'])
    expect(codes(warningsFor(task, 45, '2025-07-02', { tolerance: 0 }))).toEqual(['behind_schedule'])
    expect(codes(warningsFor(task, null, '2025-07-02'))).toEqual(['behind_schedule'])
  })

  it('blue: within N days of the deadline and not complete', () => {
    expect(codes(warningsFor(task, 99, '2025-12-01'))).toEqual(['near_deadline'])
    expect(codes(warningsFor(task, 100, '2025-12-01'))).toEqual([])
    expect(codes(warningsFor(task, 99, '2025-11-30'))).toEqual([]) // 31 days left
    expect(codes(warningsFor(task, 99, '2025-11-30', { nearDays: 31 }))).toEqual(['near_deadline'])
    expect(warningsFor(task, 99, '2025-12-31')[0]).toMatchObject({ level: 'blue', daysLeft: 0 })
  })

  it('red: past the deadline and not accepted or closed, even when reported complete', () => {
    const late = warningsFor(sampleTask({ state: 'reported' }), 100, '2026-01-05')
    expect(late).toMatchObject([{ level: 'red', code: 'past_deadline', daysLeft: -5 }])
    expect(warningsFor(sampleTask({ state: 'accepted' }), 100, '2026-01-05')).toEqual([])
    expect(warningsFor(sampleTask({ state: 'closed' }), 10, '2026-01-05')).toEqual([])
  })

  it('warns on milestones and orders warnings worst first', () => {
    const m = sampleTask({
      state: 'in_progress',
      milestones: [
        { id: 'm1', name: '完成选址', due: '2025-03-31', targetPercent: 20 },
        { id: 'm2', name: '开工建设', due: '2025-07-31', targetPercent: 50 },
      ],
    })
    const ws = warningsFor(m, 10, '2025-07-02')
    expect(ws.map((w) => [w.level, w.code, w.milestoneId])).toEqual([
      ['red', 'milestone_missed', 'm1'],
      ['yellow', 'behind_schedule', null],
      ['blue', 'milestone_near', 'm2'],
    ])
    expect(worstLevel(ws)).toBe('red')
    expect(worstLevel([])).toBeNull()
    expect(warningsFor(m, 50, '2025-07-02')).toEqual([])
  })

  it('refuses nonsensical options', () => {
    expect(() => warningsFor(task, 0, '2025-07-02', { nearDays: -1 })).toThrow()
  })

  it('properties: done tasks never warn; red exactly past the deadline; more progress never warns more', () => {
    const day = fc.integer({ min: dayNumber('2024-10-01'), max: dayNumber('2026-06-30') }).map(dayFromNumber)
    const pct = fc.integer({ min: 0, max: 100 })
    fc.assert(
      fc.property(fc.constantFrom(...TASK_STATES), pct, pct, day, (state, a, b, today) => {
        const t = sampleTask({ state })
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const wLo = warningsFor(t, lo, today)
        const wHi = warningsFor(t, hi, today)
        if (state === 'accepted' || state === 'closed') expect(wLo).toEqual([])
        else expect(wLo.some((w) => w.level === 'red')).toBe(today > t.deadline)
        expect(wHi.length).toBeLessThanOrEqual(wLo.length)
      }),
    )
  })
})
