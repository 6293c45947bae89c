/**
 * Relative targets, as development plans word them, resolved to what the methods read:
 * - change_pct        "energy intensity down 13.5% from 2020": goal = base·(1 + pct/100)
 * - annual_increment  "+1 percentage point a year":            goal = base + step·(T − b)
 * - with_growth       "income growth in step with GDP growth": no goal; own and reference CAGR
 *   over the same years are compared, on track when the shortfall is at most `tolerancePp`
 *   percentage points a year (0.5 by default), regressing when the series moved the wrong way.
 */
import { cagr, type ProgressSeries } from './series.ts'
import type { Status } from './status.ts'

export const TARGET_TYPES = ['absolute', 'change_pct', 'annual_increment', 'with_growth'] as const
export type TargetType = (typeof TARGET_TYPES)[number]

/** The absolute goal of a relative target (null when the type has none). */
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

export interface InStepResult {
  growth_own: number | null
  growth_reference: number | null
  difference_pp: number | null
  status: Status
  reason: string
}

export function inStep(s: ProgressSeries, tolerancePp = 0.5): InStepResult {
  const blank = { growth_own: null, growth_reference: null, difference_pp: null }
  if (s.referenceBase === null || s.referenceCurrent === null)
    return {
      ...blank,
      status: 'insufficient_data',
      reason: 'with_growth needs reference_base and reference_current',
    }
  if (s.baseValue <= 0 || s.referenceBase <= 0 || s.currentValue <= 0 || s.referenceCurrent <= 0)
    return { ...blank, status: 'not_assessable', reason: 'growth rates need positive values' }
  if (s.currentYear <= s.baseYear)
    return { ...blank, status: 'insufficient_data', reason: 'needs two years of data' }
  const own = cagr(s.currentValue, s.baseValue, s.currentYear, s.baseYear)
  const ref = cagr(s.referenceCurrent, s.referenceBase, s.currentYear, s.baseYear)
  const d = s.direction * (own - ref) * 100
  const q = { growth_own: own, growth_reference: ref, difference_pp: d }
  if (s.direction * own < 0) return { ...q, status: 'regressing', reason: 'the series moved the wrong way' }
  if (d >= -tolerancePp)
    return { ...q, status: 'on_track', reason: `growth within ${tolerancePp} pp a year of the reference` }
  return { ...q, status: 'off_track', reason: `growth ${(-d).toFixed(2)} pp a year behind the reference` }
}
