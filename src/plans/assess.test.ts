/**
 * Plan target statuses on small series worked by hand (each expected figure follows from the
 * formula in assess.ts's header; the arithmetic is in the comments).
 */
import { describe, expect, it } from 'vitest'
import { assessTarget, type Series, statusLabel } from './assess.ts'
import { type Target, TargetSchema } from './model.ts'

const target = (form: unknown, extra: Partial<Target> = {}): Target =>
  TargetSchema.parse({
    id: 'T#0',
    indicator: 'x',
    deadline: 2025,
    baseline_year: 2020,
    target: form,
    ...extra,
  })
const s = (o: Record<number, number>): Series => new Map(Object.entries(o).map(([k, v]) => [Number(k), v]))

describe('assessTarget', () => {
  it('paces a level target: 60% of the way in 60% of the time is on track', () => {
    // base 2020: 2.0, goal 2.5 by 2025; 2023: 2.3 → progress 0.3/0.5 = 0.6, elapsed 3/5 = 0.6, ratio 1
    const r = assessTarget({
      target: target({ form: 'level', op: '>=', value: 2.5 }),
      region: '42',
      direction: 'higher',
      series: s({ 2020: 2.0, 2023: 2.3 }),
    })
    expect(r.status).toBe('on_track')
    expect(r.quantities.progress).toBeCloseTo(0.6, 12)
    expect(r.quantities.ratio).toBeCloseTo(1, 12)
    expect(statusLabel(r, 'zh')).toBe('基本符合预期')
  })

  it('is off track below 0.95 of the pace and regressing when moving away', () => {
    // 2.2 in 2023: progress 0.4, elapsed 0.6, ratio 0.667
    const base = { region: '42', direction: 'higher' as const }
    const f = target({ form: 'level', op: '>=', value: 2.5 })
    expect(assessTarget({ ...base, target: f, series: s({ 2020: 2, 2023: 2.2 }) }).status).toBe('off_track')
    expect(assessTarget({ ...base, target: f, series: s({ 2020: 2, 2023: 1.9 }) }).status).toBe('regressing')
    expect(assessTarget({ ...base, target: f, series: s({ 2020: 2, 2022: 2.6 }) }).status).toBe('achieved')
  })

  it('handles a falling goal the same way (direction from the goal, not assumed)', () => {
    // energy intensity down 13.5% from 2020: goal 0.865; 2023 at 0.92 → progress 0.08/0.135 = 0.593,
    // elapsed 0.6, ratio 0.988 ≥ 0.95: on track, not ahead
    const r = assessTarget({
      target: target({ form: 'change', pct: -13.5 }),
      region: '42',
      direction: 'lower',
      series: s({ 2020: 1, 2023: 0.92 }),
    })
    expect(r.quantities.goal).toBeCloseTo(0.865, 12)
    expect(r.quantities.ratio).toBeCloseTo(0.08 / 0.135 / 0.6, 12)
    expect(r).toMatchObject({ status: 'on_track', ahead: false })
  })

  it('gives not_assessable, not a number, for a zero base of a percentage change', () => {
    const r = assessTarget({
      target: target({ form: 'change', pct: -10 }),
      region: '42',
      direction: 'lower',
      series: s({ 2020: 0, 2023: 1 }),
    })
    expect(r.status).toBe('not_assessable')
  })

  it('counts annual increments: +1 a year, 2.5 in 3 years is 83% of the required 3', () => {
    const r = assessTarget({
      target: target({ form: 'increment', per_year: 1 }),
      region: '42',
      direction: 'higher',
      series: s({ 2020: 60, 2023: 62.5 }),
    })
    expect(r.quantities.ratio).toBeCloseTo(2.5 / 3, 12)
    expect(r.status).toBe('off_track')
  })

  it('measures the distance to a reference region and when the gap closes', () => {
    // gap 2020: 1.8 − 2.4 = −0.6; 2023: 2.2 − 2.5 = −0.3; pace +0.1/yr → closes 2023 + 3 = 2026 > 2025
    const r = assessTarget({
      target: target({ form: 'reference', op: '>=', reference: 'CN' }),
      region: '42',
      direction: 'higher',
      series: s({ 2020: 1.8, 2023: 2.2 }),
      other: s({ 2020: 2.4, 2023: 2.5 }),
    })
    expect(r.quantities.gap).toBeCloseTo(-0.3, 12)
    expect(r.quantities.closes_in).toBeCloseTo(2026, 9)
    expect(r.status).toBe('off_track')
  })

  it('names the missing series when the reference has no figure', () => {
    const r = assessTarget({
      target: target({ form: 'reference', op: '<=', reference: 'CN', compare: 'change' }),
      region: '41',
      direction: 'lower',
      series: s({ 2020: 0.5, 2022: 0.45 }),
      other: s({}),
    })
    expect(r.status).toBe('insufficient_data')
    expect(r.missing).toEqual(['x · CN · 2020', 'x · CN · 2022'])
  })

  it('reports insufficient data with the base year named when the base is missing', () => {
    const r = assessTarget({
      target: target({ form: 'increment', per_year: 1 }),
      region: '36',
      direction: 'higher',
      series: s({ 2021: 60 }),
    })
    expect(r).toMatchObject({ status: 'insufficient_data', missing: ['x · 36 · 2020'] })
  })

  it('judges "in step" by the mean difference of growth rates', () => {
    // differences 2021: 8−9 = −1, 2022: 6−5 = 1 → mean 0 ≥ −1
    const r = assessTarget({
      target: target({ form: 'in_step', with: 'gdp_growth', tolerance: 1 }),
      region: '42',
      direction: 'higher',
      series: s({ 2020: 5, 2021: 8, 2022: 6 }),
      other: s({ 2021: 9, 2022: 5 }),
    })
    expect(r.quantities.mean_difference).toBeCloseTo(0, 12)
    expect(r.status).toBe('on_track')
  })

  it('flipping the sign of the series and of the goal gives the same status', () => {
    const up = assessTarget({
      target: target({ form: 'level', op: '>=', value: 3 }),
      region: '42',
      direction: 'higher',
      series: s({ 2020: 1, 2022: 1.7 }),
    })
    const down = assessTarget({
      target: target({ form: 'level', op: '<=', value: -3 }),
      region: '42',
      direction: 'lower',
      series: s({ 2020: -1, 2022: -1.7 }),
    })
    expect(down.status).toBe(up.status)
    expect(down.quantities.ratio).toBeCloseTo(up.quantities.ratio!, 12)
  })

  it('does not pretend to assess a qualitative target', () => {
    const r = assessTarget({
      target: target({ form: 'qualitative' }, { indicator: null }),
      region: '42',
      direction: 'higher',
      series: s({}),
    })
    expect(r.status).toBe('not_assessable')
  })
})
