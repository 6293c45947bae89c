/** Distance to a reference: hand-checkable examples (arithmetic in comments) and properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type GapInput, referenceGap } from './reference.ts'

const gap = (o: Partial<GapInput>): GapInput => ({
  direction: 1,
  baseYear: 2020,
  year: 2024,
  own: [1.64, 2.01],
  ref: [2.4, 2.69],
  deadline: 2035,
  ...o,
})

describe('distance to a reference region', () => {
  it('gap now, its trend, and the year it closes', () => {
    // R&D intensity 1.64 → 2.01 against the national 2.40 → 2.69 (2020–2024):
    // g_b = −0.76, g_t = −0.68, trend = 0.08/4 = 0.02 a year, closes 2024 + 0.68/0.02 = 2058
    const r = referenceGap(gap({}))
    expect(r.gap).toBeCloseTo(-0.68, 12)
    expect(r.gap_base).toBeCloseTo(-0.76, 12)
    expect(r.gap_trend).toBeCloseTo(0.02, 12)
    expect(r.closes_year).toBeCloseTo(2058, 9)
    expect(r.gap_closed).toBeCloseTo(0.08 / 0.76, 12)
    expect(r.status).toBe('off_track') // after the 2035 deadline
    expect(referenceGap(gap({ deadline: 2060 })).status).toBe('on_track')
    expect(referenceGap(gap({ deadline: null })).status).toBe('on_track')
  })

  it('a static reference, a lower-is-better indicator, a widening gap', () => {
    // unemployment 6.0 → 5.0 vs national 4.5 (static): g = −(5.0 − 4.5) = −0.5, g_b = −1.5,
    // trend = 1.0/4 = 0.25, closes 2024 + 2 = 2026
    const r = referenceGap(gap({ direction: -1, own: [6, 5], ref: [4.5, 4.5] }))
    expect(r.closes_year).toBeCloseTo(2026, 12)
    expect(r.status).toBe('on_track')
    expect(referenceGap(gap({ own: [2, 2.1], ref: [2.4, 2.9] })).status).toBe('regressing')
    expect(referenceGap(gap({ own: [2, 3] })).status).toBe('achieved')
    expect(referenceGap(gap({ year: 2020 })).status).toBe('insufficient_data')
  })

  it('flipping direction and negating values gives the same result', () => {
    const v = fc.double({ min: -50, max: 50, noNaN: true })
    fc.assert(
      fc.property(v, v, v, v, (a, b, c, d) => {
        const x = referenceGap(gap({ own: [a, b], ref: [c, d] }))
        const y = referenceGap(gap({ direction: -1, own: [-a, -b], ref: [-c, -d] }))
        expect(y.status).toBe(x.status)
        expect(y.gap).toBeCloseTo(x.gap, 12)
      }),
    )
  })
})
