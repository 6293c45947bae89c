import { describe, expect, it } from 'vitest'
import { beijingDay, dayNumber, daysBetween, isoDaySchema, periodBounds } from './dates.ts'

describe('dates', () => {
  it('refuses days that do not exist', () => {
    expect(dayNumber('2025-02-29')).toBeNaN()
    expect(dayNumber('2024-02-29')).not.toBeNaN()
    expect(isoDaySchema.safeParse('2025-13-01').success).toBe(false)
    expect(isoDaySchema.safeParse('2025-1-01').success).toBe(false)
  })
  it('counts whole days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2025-12-31', '2025-01-01')).toBe(-364)
  })
  it('reads a timestamp as a Beijing calendar day', () => {
    expect(beijingDay('2025-06-30T16:30:00Z')).toBe('2025-07-01')
    expect(beijingDay('2025-06-30T15:59:59Z')).toBe('2025-06-30')
    expect(beijingDay('2025-07-01T00:10:00+08:00')).toBe('2025-07-01')
  })
  it('bounds monthly and quarterly periods and refuses the other cadence’s format', () => {
    expect(periodBounds('monthly', '2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' })
    expect(periodBounds('quarterly', '2025-Q4')).toEqual({ first: '2025-10-01', last: '2025-12-31' })
    expect(periodBounds('monthly', '2025-Q1')).toBeNull()
    expect(periodBounds('quarterly', '2025-03')).toBeNull()
    expect(periodBounds('monthly', '2025-13')).toBeNull()
  })
})
