/**
 * Progress methods. Open SDG's formulas are those of open-sdg/sdg-build sdg/ProgressMeasure.py
 * (commit 139fede7); its own test file has no asserted outputs, so the expected values here are
 * worked from those formulas by hand in the comments. The UNSD rule is as transcribed by Eustat.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openSdg } from './opensdg.ts'
import { inStep, resolveGoal } from './relative.ts'
import type { ProgressSeries } from './series.ts'
import { directionSign } from './status.ts'
import { trajectory } from './trajectory.ts'
import { unsd } from './unsd.ts'

const series = (o: Partial<ProgressSeries>): ProgressSeries => ({
  id: 's',
  direction: 1,
  baseYear: 2015,
  baseValue: 100,
  currentYear: 2020,
  currentValue: 110,
  target: null,
  targetYear: 2030,
  limit: null,
  referenceBase: null,
  referenceCurrent: null,
  ...o,
})

describe('Open SDG progress measure', () => {
  it('methodology 2: observed over required CAGR', () => {
    // observed (110/100)^(1/5) − 1; required (150/100)^(1/15) − 1
    const r = openSdg(series({ target: 150 }))
    const obs = 1.1 ** (1 / 5) - 1
    const req = 1.5 ** (1 / 15) - 1
    expect(r.progress_value).toBeCloseTo(obs / req, 12)
    expect(r.methodology).toBe(2)
    // 0.705 is in [0.6, 0.95): moderate; score 7.1429·v − 4.2857
    expect(r.method_status).toBe('moderate_progress')
    expect(r.score).toBeCloseTo(7.1429 * (obs / req) - 4.2857, 9)
    expect(r.status).toBe('off_track')
  })

  it('methodology 1 without a target, and the thresholds reduced near a natural limit', () => {
    const r = openSdg(series({ currentValue: 105 }))
    expect(r.progress_value).toBeCloseTo(1.05 ** 0.2 - 1, 12) // 0.9806%: moderate (≥ 0.5%, < 1.5%)
    expect(r.method_status).toBe('moderate_progress')
    // limit 100, base 95, decreasing: coeff = 1 − (95/100)^4.44
    const near = openSdg(series({ direction: -1, baseValue: 95, currentValue: 94, limit: 100 }))
    const coeff = 1 - 0.95 ** 4.44
    expect(near.thresholds.coefficient).toBeCloseTo(coeff, 12)
    expect(near.thresholds.high).toBeCloseTo(0.015 * coeff, 12)
  })

  it('target achieved scores 5; deterioration is regressing; a zero base is not assessable', () => {
    expect(openSdg(series({ target: 105 }))).toMatchObject({
      method_status: 'target_achieved',
      score: 5,
      status: 'achieved',
    })
    expect(openSdg(series({ target: 150, currentValue: 90 }))).toMatchObject({
      method_status: 'deterioration',
      status: 'regressing',
    })
    expect(openSdg(series({ baseValue: 0, target: 5 }))).toMatchObject({
      status: 'not_assessable',
      progress_value: null,
    })
    expect(openSdg(series({ baseValue: -2, currentValue: 3 }))).toMatchObject({ status: 'not_assessable' })
  })

  it('flipping the direction and negating every value gives the same status and progress', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (b, c, t) => {
          const up = openSdg(series({ baseValue: b, currentValue: c, target: t }))
          const down = openSdg(series({ direction: -1, baseValue: -b, currentValue: -c, target: -t }))
          expect(down.method_status).toBe(up.method_status)
          if (up.progress_value !== null) expect(down.progress_value).toBeCloseTo(up.progress_value, 9)
        },
      ),
    )
  })
})

describe('UNSD progress chart rule', () => {
  it('projects the target-year value and scores the ratio', () => {
    // CAGR = 1.1^(1/5) − 1; projected 2030 = 110·1.1^(10/5) = 133.1; ratio = 33.1/50 = 0.662 → 2
    const r = unsd(series({ target: 150 }))
    expect(r.projected).toBeCloseTo(133.1, 9)
    expect(r.ratio).toBeCloseTo(0.662, 9)
    expect(r).toMatchObject({ score: 2, status: 'off_track' })
    expect(unsd(series({ currentValue: 112 })).score).toBe(3) // 2.29% a year ≥ 2%
    expect(unsd(series({ currentValue: 99 }))).toMatchObject({ score: 1, status: 'regressing' })
  })
})

describe('trajectory and relative targets', () => {
  it('a series exactly on the required path is on track', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.double({ min: 1, max: 100, noNaN: true }), (k, g) => {
        const value = 10 + ((g - 10) * k) / 10
        const p = trajectory({ baseYear: 2020, base: 10, year: 2020 + k, value, goal: g, deadline: 2030 })
        if (g !== 10) expect(['on_track', 'achieved']).toContain(p.status)
      }),
    )
  })

  it('resolves change_pct and annual_increment goals; judges growth in step', () => {
    expect(resolveGoal('change_pct', 0.5, -13.5, 2020, 2025)).toBeCloseTo(0.4325, 12)
    expect(resolveGoal('annual_increment', 60, 1, 2020, 2025)).toBe(65)
    const r = inStep(series({ referenceBase: 100, referenceCurrent: 115 }))
    // own 1.1^(0.2) − 1 = 1.924%, reference 1.15^(0.2) − 1 = 2.834%: 0.91 pp behind > 0.5
    expect(r.status).toBe('off_track')
    expect(r.difference_pp).toBeCloseTo((1.1 ** 0.2 - 1.15 ** 0.2) * 100, 9)
  })

  it('reads direction words, never assuming one', () => {
    expect([directionSign('increase'), directionSign('Lower'), directionSign('')]).toEqual([1, -1, null])
  })
})
