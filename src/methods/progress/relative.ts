/**
 * Relative targets, as development plans word them, resolved to what the progress methods read.
 *   change_pct        "energy intensity down 13.5% from 2020" (target −13.5):
 *                     goal = x_b·(1 + pct/100);  achieved change so far = (x_t/x_b − 1)·100
 *   annual_increment  "+1 percentage point a year" (target 1):
 *                     goal = x_b + step·(T − b);  the path is x_b + step·(year − b)
 *   with_growth       "resident income grows in step with GDP": no goal value; the own CAGR
 *                     g = (x_t/x_b)^(1/(t−b)) − 1 is compared with the reference series' CAGR
 *                     g_r over the same years; d·(g − g_r)·100 is the lead in percentage points a
 *                     year. on_track when the shortfall is at most `tolerancePp` (0.5 pp by
 *                     default, "basically in step"); regressing when the series itself moved the
 *                     wrong way; off_track otherwise. The tolerance is jueqi's choice, not a
 *                     published threshold: set it to 0 for "at least as fast".
 * Once resolved, change_pct and annual_increment goals are absolute targets and every method
 * applies as usual. A base of 0 makes change_pct meaningless (goal 0 whatever the percentage).
 */
import type { Status } from './status.ts'
import { cagr, type ProgressSeries, sameSign } from './types.ts'

export const TARGET_TYPES = ['absolute', 'change_pct', 'annual_increment', 'with_growth'] as const
export type TargetType = (typeof TARGET_TYPES)[number]

/** The absolute goal of a relative target (null for with_growth, which has none). */
export function resolveGoal(
  type: TargetType,
  base: number,
  target: number,
  baseYear: number,
  targetYear: number | null,
): number | null {
  switch (type) {
    case 'absolute':
      return target
    case 'change_pct':
      return base * (1 + target / 100)
    case 'annual_increment':
      if (targetYear === null) throw new RangeError('annual_increment needs target_year')
      return base + target * (targetYear - baseYear)
    case 'with_growth':
      return null
  }
}

/** Cumulative change from the base, in percent: (x_t/x_b − 1)·100; NaN for a zero base. */
export const changePct = (base: number, current: number): number =>
  base === 0 ? Number.NaN : (current / base - 1) * 100

/** Average annual increment so far, (x_t − x_b)/(t − b); NaN when t ≤ b. */
export const annualIncrement = (base: number, current: number, baseYear: number, year: number): number =>
  year > baseYear ? (current - base) / (year - baseYear) : Number.NaN

export interface InStepResult {
  growth_own: number | null
  growth_reference: number | null
  difference_pp: number | null
  status: Status
  ahead: boolean
  reason: string
}

export function inStep(s: ProgressSeries, tolerancePp = 0.5): InStepResult {
  const blank = { growth_own: null, growth_reference: null, difference_pp: null, ahead: false }
  if (s.referenceBase === null || s.referenceCurrent === null)
    return {
      ...blank,
      status: 'insufficient_data',
      reason: 'with_growth needs reference_base and reference_current',
    }
  if (!sameSign(s.baseValue, s.currentValue) || !sameSign(s.referenceBase, s.referenceCurrent))
    return { ...blank, status: 'not_assessable', reason: 'growth rates need non-zero values of one sign' }
  if (!(s.currentYear > s.baseYear))
    return { ...blank, status: 'insufficient_data', reason: 'needs two years of data' }
  const own = cagr(s.currentValue, s.baseValue, s.currentYear, s.baseYear)
  const ref = cagr(s.referenceCurrent, s.referenceBase, s.currentYear, s.baseYear)
  // negative series grow "down" when their magnitude grows, as in Open SDG's sign rule
  const sOwn = s.baseValue < 0 ? -1 : 1
  const sRef = s.referenceBase < 0 ? -1 : 1
  const d = s.direction * (sOwn * own - sRef * ref) * 100
  const q = { growth_own: own, growth_reference: ref, difference_pp: d }
  if (s.direction * sOwn * own < 0)
    return { ...q, status: 'regressing', ahead: false, reason: 'the series moved the wrong way' }
  if (d >= -tolerancePp)
    return {
      ...q,
      status: 'on_track',
      ahead: d > tolerancePp,
      reason: `growth within ${tolerancePp} pp a year of the reference, or faster`,
    }
  return {
    ...q,
    status: 'off_track',
    ahead: false,
    reason: `growth ${(-d).toFixed(2)} pp a year behind the reference`,
  }
}
