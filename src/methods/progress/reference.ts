/**
 * Distance to a reference region ("reach the national average", "catch up with the eastern
 * region"): the gap now and at the base year, its trend, and the year it closes at that pace.
 *   g_b = d·(x_b − r_b),  g_t = d·(x_t − r_t)       signed gap, ≥ 0 when at or beyond the reference
 *   trend = (g_t − g_b)/(t − b)                      gap change a year (> 0: closing)
 *   closes_year = t − g_t/trend  (when g_t < 0 < trend)                 linear extrapolation
 *   gap_closed = (g_t − g_b)/(−g_b)                  share of the base-year gap closed (g_b < 0)
 * d = +1 when higher is better (the region must reach the reference from below), −1 when lower
 * is better. The reference may be static (r_b = r_t, e.g. a fixed national value).
 * Status: achieved g_t ≥ 0; regressing trend < 0 (the gap widens); on_track the gap closes by
 * the deadline (or, with no deadline, it is closing); off_track it closes only after the deadline,
 * or does not move; insufficient_data when t ≤ b.
 * Variant `judgeOwnMove` (used by src/plans/assess.ts): regressing means the region's own level
 * moved the wrong way (d·(x_t − x_b) < 0, when true); a widening gap is then off_track.
 * `sign`, `gapBase`, `trend` and `closesIn` are the earlier names of `direction`, `gap_base`,
 * `gap_trend` and `closes_year`, kept for existing callers.
 */
import type { Status } from './status.ts'
import type { Sign } from './types.ts'

export interface Gap {
  status: Status
  gap: number
  gap_base: number
  gap_trend: number | null
  gap_closed: number | null
  closes_year: number | null
  reason: string
  /** earlier names of gap_base, gap_trend (NaN when undefined) and closes_year */
  gapBase: number
  trend: number
  closesIn: number | null
}

export interface GapInput {
  direction?: Sign
  /** earlier name of `direction` */
  sign?: Sign
  baseYear: number
  year: number
  /** the region's values at the base and current year */
  own: readonly [number, number]
  /** the reference's values at the base and current year */
  ref: readonly [number, number]
  deadline: number | null
  /** judge regress by the region's own move (see the header); a widening gap is then off_track */
  judgeOwnMove?: boolean
}

export function referenceGap(o: GapInput): Gap {
  const d = o.direction ?? o.sign
  if (d === undefined) throw new RangeError('referenceGap needs a direction')
  const gap_base = d * (o.own[0] - o.ref[0])
  const gap = d * (o.own[1] - o.ref[1])
  const span = o.year - o.baseYear
  const gap_trend = span > 0 ? (gap - gap_base) / span : null
  const gap_closed = gap_base < 0 ? (gap - gap_base) / -gap_base : null
  const out = (status: Status, reason: string, closes_year: number | null = null): Gap => ({
    status,
    gap,
    gap_base,
    gap_trend,
    gap_closed,
    closes_year,
    reason,
    gapBase: gap_base,
    trend: gap_trend ?? Number.NaN,
    closesIn: closes_year,
  })
  if (gap >= 0) return out('achieved', 'at or beyond the reference')
  if (gap_trend === null) return out('insufficient_data', 'no figure after the base year')
  if (o.judgeOwnMove !== undefined) {
    if (o.judgeOwnMove && d * (o.own[1] - o.own[0]) < 0)
      return out('regressing', 'moved away from the reference level since the base year')
    if (gap_trend <= 0) return out('off_track', 'the gap is widening')
  }
  if (gap_trend < 0) return out('regressing', 'the gap is widening')
  if (gap_trend === 0) return out('off_track', 'the gap is not closing')
  const closes_year = o.year - gap / gap_trend
  const onTime = o.deadline === null || closes_year <= o.deadline
  return out(
    onTime ? 'on_track' : 'off_track',
    `the gap closes about ${Math.ceil(closes_year)} at the present pace`,
    closes_year,
  )
}
