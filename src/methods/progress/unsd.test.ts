/**
 * UNSD Progress Chart rule (as transcribed by Eustat, EUSTAT-DES/site _pages/en/metodologia.md at
 * 10f3c702). The transcription prints no worked numbers, so the examples are hand-checkable:
 * each expected value is derived in the comment beside it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProgressSeries } from './types.ts'
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

describe('UNSD progress chart', () => {
  it('with a target: projects the target-year value and scores the ratio', () => {
    // 1 + CAGR = 1.1^(1/5); v̂_2030 = 110 · 1.1^(10/5) = 110 · 1.21 = 133.1;
    // ratio = (133.1 − 100)/(150 − 100) = 0.662 ∈ [0.10, 0.95) → score 2
    const r = unsd(series({ target: 150 }))
    expect(r.projected).toBeCloseTo(133.1, 9)
    expect(r.ratio).toBeCloseTo(0.662, 12)
    expect(r).toMatchObject({
      score: 2,
      method_status: 'fair_progress_acceleration_needed',
      status: 'off_track',
    })
    expect(r.cagr_required).toBeCloseTo(1.5 ** (1 / 15) - 1, 12)
    // target 130: ratio = 33.1/30 = 1.1033 ≥ 0.95 → score 3, ahead of schedule
    expect(unsd(series({ target: 130 }))).toMatchObject({ score: 3, status: 'on_track', ahead: true })
    // moving away: 100 → 95, target 150: v̂ = 95 · 0.95² = 85.7375; ratio = −0.28525 → 1, regressing
    const away = unsd(series({ currentValue: 95, target: 150 }))
    expect(away.ratio).toBeCloseTo(-0.28525, 12)
    expect(away).toMatchObject({ score: 1, status: 'regressing' })
    // met target wins whatever the trend (exception 1)
    expect(unsd(series({ target: 105 }))).toMatchObject({ score: 3, status: 'achieved' })
  })

  it('without a target: growth thresholds 2% and 0.5%, mirrored for a decrease', () => {
    // 1.12^(1/5) − 1 = 2.2924% ≥ 2% → 3
    expect(unsd(series({ currentValue: 112 }))).toMatchObject({ score: 3, status: 'on_track' })
    // 1.05^(1/5) − 1 = 0.9806% → 2
    expect(unsd(series({ currentValue: 105 }))).toMatchObject({ score: 2, status: 'off_track' })
    // 1.01^(1/5) − 1 = 0.1992% < 0.5% → 1, still moving the right way
    expect(unsd(series({ currentValue: 101 }))).toMatchObject({ score: 1, status: 'off_track' })
    expect(unsd(series({ currentValue: 99 }))).toMatchObject({ score: 1, status: 'regressing' })
    // decrease desired: 0.9^(1/5) − 1 = −2.0852% ≤ −2% → 3
    expect(unsd(series({ direction: -1, currentValue: 90 })).score).toBe(3)
    // 0.97^(1/5) − 1 = −0.6073% → 2; 0.98^(1/5) − 1 = −0.4032% > −0.5% → 1 (too slow)
    expect(unsd(series({ direction: -1, currentValue: 97 })).score).toBe(2)
    expect(unsd(series({ direction: -1, currentValue: 98 }))).toMatchObject({ score: 1, status: 'off_track' })
  })

  it('zero or sign-changing base and a single year are reported, not computed', () => {
    expect(unsd(series({ baseValue: 0, target: 500 })).status).toBe('not_assessable')
    expect(unsd(series({ baseValue: -1, currentValue: 2 })).status).toBe('not_assessable')
    expect(unsd(series({ currentYear: 2015 })).status).toBe('insufficient_data')
  })

  it('flipping direction and negating values changes nothing', () => {
    const v = fc.double({ min: 0.5, max: 200, noNaN: true })
    fc.assert(
      fc.property(v, v, fc.option(v, { nil: null }), (b, c, t) => {
        const up = unsd(series({ baseValue: b, currentValue: c, target: t }))
        const down = unsd(
          series({ direction: -1, baseValue: -b, currentValue: -c, target: t === null ? null : -t }),
        )
        expect(down.status).toBe(up.status)
        expect(down.score).toBe(up.score)
      }),
    )
  })

  it('a series on its required compound path is on track', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 100, noNaN: true }), fc.integer({ min: 1, max: 14 }), (t, k) => {
        fc.pre(Math.abs(t - 50) > 0.1)
        const cur = 50 * (t / 50) ** (k / 15)
        const r = unsd(
          series({
            direction: t > 50 ? 1 : -1,
            baseValue: 50,
            currentValue: cur,
            currentYear: 2015 + k,
            target: t,
          }),
        )
        expect(r.ratio!).toBeCloseTo(1, 9)
        expect(r.status).toBe('on_track')
      }),
    )
  })
})
