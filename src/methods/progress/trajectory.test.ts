/** Pro-rata pacing (序时进度): hand-checkable examples (arithmetic in the comments) and properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type PaceInput, trajectory } from './trajectory.ts'

const plan = (o: Partial<PaceInput>): PaceInput => ({
  direction: 1,
  baseYear: 2020,
  base: 60,
  year: 2023,
  value: 63,
  goal: 65,
  deadline: 2025,
  ...o,
})

describe('trajectory (序时进度)', () => {
  it('compares the share of the distance covered with the share of time elapsed', () => {
    // urbanisation 60% (2020) → 65% (2025); 63% in 2023: p = 3/5 = 0.6, e = 3/5 = 0.6, ratio 1
    expect(trajectory(plan({}))).toMatchObject({
      progress: 0.6,
      elapsed: 0.6,
      ratio: 1,
      status: 'on_track',
      ahead: false,
    })
    // 62% in 2023: p = 0.4, ratio = 0.4/0.6 = 0.667 → off track
    const slow = trajectory(plan({ value: 62 }))
    expect(slow.ratio).toBeCloseTo(2 / 3, 12)
    expect(slow.status).toBe('off_track')
    // 64% in 2023: p = 0.8, ratio = 1.333 → on track, ahead (快于预期)
    expect(trajectory(plan({ value: 64 }))).toMatchObject({ status: 'on_track', ahead: true })
    // 59%: moved away → regressing; 65% → achieved
    expect(trajectory(plan({ value: 59 })).status).toBe('regressing')
    expect(trajectory(plan({ value: 65 })).status).toBe('achieved')
  })

  it('works for a lower-is-better goal', () => {
    // energy intensity 1.00 → 0.865 (−13.5%) 2020–2025; 0.92 in 2023: p = 0.08/0.135 = 0.5926,
    // e = 0.6, ratio = 0.9877 ≥ 0.95 → on track
    const r = trajectory(plan({ direction: -1, base: 1, goal: 0.865, value: 0.92 }))
    expect(r.progress).toBeCloseTo(0.08 / 0.135, 12)
    expect(r.ratio).toBeCloseTo(0.08 / 0.135 / 0.6, 12)
    expect(r.status).toBe('on_track')
  })

  it('edge cases: past the deadline, goal = base, one year, lost goal', () => {
    // 2027, deadline 2025: e = 1; p = 0.8 → off track
    expect(trajectory(plan({ year: 2027, value: 64 }))).toMatchObject({ elapsed: 1, status: 'off_track' })
    expect(trajectory(plan({ goal: 60, value: 59 })).status).toBe('not_assessable')
    expect(trajectory(plan({ year: 2019, value: 61 })).status).toBe('insufficient_data')
    expect(trajectory(plan({ year: 2020, value: 60 })).status).toBe('insufficient_data')
    expect(trajectory(plan({ goal: 55, value: 54 })).status).toBe('regressing')
  })

  it('a series exactly on the required path is on track', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (k, base, goal) => {
          fc.pre(Math.abs(goal - base) > 1e-6)
          const value = base + ((goal - base) * k) / 10
          const p = trajectory(
            plan({ direction: goal > base ? 1 : -1, base, goal, value, year: 2020 + k, deadline: 2030 }),
          )
          expect(p.status).toBe('on_track')
        },
      ),
    )
  })

  it('flipping direction and negating values gives the same result', () => {
    const v = fc.double({ min: -100, max: 100, noNaN: true })
    fc.assert(
      fc.property(v, v, v, fc.constantFrom(1 as const, -1 as const), (base, value, goal, direction) => {
        const a = trajectory(plan({ direction, base, value, goal }))
        const b = trajectory(
          plan({ direction: direction === 1 ? -1 : 1, base: -base, value: -value, goal: -goal }),
        )
        expect(b.status).toBe(a.status)
        expect(b.ahead).toBe(a.ahead)
      }),
    )
  })
})
