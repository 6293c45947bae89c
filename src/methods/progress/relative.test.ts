/** Relative targets: hand-checkable resolutions (arithmetic in comments) and the in-step test. */
import { describe, expect, it } from 'vitest'
import { annualIncrement, changePct, inStep, resolveGoal } from './relative.ts'
import { trajectory } from './trajectory.ts'
import type { ProgressSeries } from './types.ts'

const series = (o: Partial<ProgressSeries>): ProgressSeries => ({
  id: 's',
  direction: 1,
  baseYear: 2020,
  baseValue: 100,
  currentYear: 2023,
  currentValue: 110,
  target: null,
  targetYear: 2025,
  limit: null,
  referenceBase: null,
  referenceCurrent: null,
  ...o,
})

describe('relative targets', () => {
  it('cumulative change from a base year ("down 13.5% from 2020")', () => {
    // 0.5 t/10⁴ yuan × (1 − 0.135) = 0.4325
    expect(resolveGoal('change_pct', 0.5, -13.5, 2020, 2025)).toBeCloseTo(0.4325, 12)
    // 0.5 → 0.46: (0.46/0.5 − 1)·100 = −8%
    expect(changePct(0.5, 0.46)).toBeCloseTo(-8, 12)
    // paced: 8 of 13.5 points in 3 of 5 years → ratio (8/13.5)/0.6 = 0.9877 → on track
    const r = trajectory({
      direction: -1,
      baseYear: 2020,
      base: 0.5,
      year: 2023,
      value: 0.46,
      goal: 0.4325,
      deadline: 2025,
    })
    expect(r.ratio).toBeCloseTo(8 / 13.5 / 0.6, 12)
    expect(r.status).toBe('on_track')
    expect(Number.isNaN(changePct(0, 1))).toBe(true)
  })

  it('annual increments ("+1 percentage point a year")', () => {
    // 60 + 1 × (2025 − 2020) = 65
    expect(resolveGoal('annual_increment', 60, 1, 2020, 2025)).toBe(65)
    // 60 → 62.4 over 3 years: 0.8 pp a year
    expect(annualIncrement(60, 62.4, 2020, 2023)).toBeCloseTo(0.8, 12)
    expect(() => resolveGoal('annual_increment', 60, 1, 2020, null)).toThrow(/target_year/)
    expect(resolveGoal('absolute', 60, 70, 2020, null)).toBe(70)
    expect(resolveGoal('with_growth', 60, 70, 2020, 2025)).toBeNull()
  })

  it('growth in step with a reference series ("income in step with GDP")', () => {
    // own 100 → 110 over 3 years: 1.1^(1/3) − 1 = 3.228%; GDP 100 → 115: 1.15^(1/3) − 1 = 4.769%;
    // 1.54 pp a year behind > 0.5 → off track
    const r = inStep(series({ referenceBase: 100, referenceCurrent: 115 }))
    expect(r.difference_pp).toBeCloseTo((1.1 ** (1 / 3) - 1.15 ** (1 / 3)) * 100, 12)
    expect(r.status).toBe('off_track')
    // GDP 100 → 111: 3.537%, 0.31 pp behind → within 0.5 pp → on track
    expect(inStep(series({ referenceBase: 100, referenceCurrent: 111 })).status).toBe('on_track')
    expect(inStep(series({ referenceBase: 100, referenceCurrent: 111 }), 0).status).toBe('off_track')
    expect(inStep(series({ currentValue: 95, referenceBase: 100, referenceCurrent: 90 })).status).toBe(
      'regressing',
    )
    expect(inStep(series({})).status).toBe('insufficient_data')
    expect(inStep(series({ baseValue: 0, referenceBase: 1, referenceCurrent: 2 })).status).toBe(
      'not_assessable',
    )
  })
})
