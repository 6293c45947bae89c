/**
 * Distance to a reference region ("reach the national average"): the gap now and at the base year,
 * its trend per year, and the year it closes at the present pace. With `sign` +1 the region must
 * reach or pass the reference from below; −1 from above (a cost indicator).
 *   g = sign·(x − r);  trend = (g_t − g_b)/(t − b);  closes = t − g_t/trend
 * Achieved when g_t ≥ 0; regressing when the region itself moved the wrong way; off track when the
 * gap widens, or closes only after the deadline; on track when it closes by the deadline.
 */
import type { Status } from './status.ts'

export interface Gap {
  status: Status
  gap: number
  gapBase: number
  trend: number
  closesIn: number | null
  reason: string
}

export function referenceGap(o: {
  sign: 1 | -1
  baseYear: number
  year: number
  own: [number, number]
  ref: [number, number]
  deadline: number | null
  /** compare levels (default) or, when the region's own level moved the wrong way, call it regressing */
  judgeOwnMove?: boolean
}): Gap {
  const gapBase = o.sign * (o.own[0] - o.ref[0])
  const gap = o.sign * (o.own[1] - o.ref[1])
  const trend = o.year > o.baseYear ? (gap - gapBase) / (o.year - o.baseYear) : Number.NaN
  const base = { gap, gapBase, trend, closesIn: null }
  if (gap >= 0) return { status: 'achieved', ...base, reason: 'at or beyond the reference' }
  if (!(o.year > o.baseYear))
    return { status: 'insufficient_data', ...base, reason: 'no figure after the base year' }
  if ((o.judgeOwnMove ?? true) && o.sign * (o.own[1] - o.own[0]) < 0)
    return {
      status: 'regressing',
      ...base,
      reason: 'moved away from the reference level since the base year',
    }
  if (trend <= 0) return { status: 'off_track', ...base, reason: 'the gap is widening' }
  const closesIn = o.year - gap / trend
  const onTime = o.deadline === null || closesIn <= o.deadline
  return {
    status: onTime ? 'on_track' : 'off_track',
    ...base,
    closesIn,
    reason: `the gap closes about ${Math.ceil(closesIn)} at the present pace`,
  }
}
