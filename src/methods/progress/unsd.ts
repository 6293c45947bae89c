/**
 * The UN Statistics Division's SDG Progress Chart trend assessment, as documented for reuse by
 * Eustat (EUSTAT-DES/site `_pages/en/metodologia.md` and `_pages/es/metodologia.md`, commit
 * 10f3c702d7a2e175c52e128fc907419e86bc91c0), which transcribes the UN *Progress Chart 2023
 * Technical Note* (unstats.un.org/sdgs/files/report/2023/Progress_Chart_Technical_Note_2023.pdf).
 * The primary PDF could not be read here, so only what that transcription states is implemented:
 *
 *   CAGR_a = (v_t/v_b)^(1/(t − b)) − 1                        actual growth, base b → latest t
 *   v̂_T = v_t (1 + CAGR_a)^(T − t)                           value expected at the target year T
 * With a target v_T:  ratio = (v̂_T − v_b)/(v_T − v_b);  score 3 if ratio ≥ 0.95, 2 if
 *   0.10 ≤ ratio < 0.95, 1 below.
 * Without a target: increase desired: 3 if CAGR_a ≥ 2%, 2 if 0.5% ≤ CAGR_a < 2%, else 1;
 *   decrease desired: 3 if CAGR_a ≤ −2%, 2 if −2% < CAGR_a ≤ −0.5%, else 1.
 * Categories: 3 "target met or on track", 2 "fair progress, but acceleration needed",
 *   1 "stagnation or regression". Exceptions kept: a latest value that meets the target is
 *   "target met" whatever the trend; T defaults to 2030; at least two years are needed.
 * jueqi additions (not in the transcription): `cagr_required` = (v_T/v_b)^(1/(T − b)) − 1 is
 *   reported for comparison with Open SDG; all-negative series flip the growth sign as Open SDG
 *   does, so flipping direction and negating values changes nothing; a zero or sign-changing base
 *   is not_assessable; when T ≤ t the latest value stands for v̂_T; score 1 is split into
 *   regressing (ratio < 0 or growth the wrong way) and off_track (too slow).
 */
import type { Status } from './status.ts'
import { cagr, type ProgressSeries, sameSign } from './types.ts'

export type UnsdStatus =
  | 'target_met_or_on_track'
  | 'fair_progress_acceleration_needed'
  | 'stagnation_or_regression'
  | 'not_available'

const CATEGORY: Record<1 | 2 | 3, UnsdStatus> = {
  3: 'target_met_or_on_track',
  2: 'fair_progress_acceleration_needed',
  1: 'stagnation_or_regression',
}

export interface UnsdResult {
  cagr_actual: number | null
  cagr_required: number | null
  projected: number | null
  ratio: number | null
  score: 1 | 2 | 3 | null
  method_status: UnsdStatus
  status: Status
  ahead: boolean
  reason: string
}

export function unsd(s: ProgressSeries): UnsdResult {
  const blank = { cagr_actual: null, cagr_required: null, projected: null, ratio: null, ahead: false }
  const achieved =
    s.target !== null && (s.direction === 1 ? s.currentValue >= s.target : s.currentValue <= s.target)
  if (achieved)
    return {
      ...blank,
      score: 3,
      method_status: CATEGORY[3],
      status: 'achieved',
      reason: 'the latest value meets the target',
    }
  const none = (status: Status, reason: string): UnsdResult => ({
    ...blank,
    score: null,
    method_status: 'not_available',
    status,
    reason,
  })
  if (s.baseValue === 0) return none('not_assessable', 'base value is zero: growth rates are undefined')
  if (!sameSign(s.baseValue, s.currentValue) && s.currentValue !== 0)
    return none('not_assessable', 'base and current values have opposite signs')
  if (!(s.currentYear > s.baseYear)) return none('insufficient_data', 'needs two years of data')
  const g = cagr(s.currentValue, s.baseValue, s.currentYear, s.baseYear)
  const sign = s.baseValue < 0 ? -1 : 1
  if (s.target === null) {
    const x = sign * s.direction * g
    const score = x >= 0.02 ? 3 : x >= 0.005 ? 2 : 1
    const status: Status = score === 3 ? 'on_track' : x < 0 ? 'regressing' : 'off_track'
    return {
      ...blank,
      cagr_actual: g,
      score,
      method_status: CATEGORY[score],
      status,
      reason: 'growth against 2% and 0.5% a year (no target)',
    }
  }
  const T = s.targetYear ?? 2030
  const required =
    sameSign(s.target, s.baseValue) && T > s.baseYear ? cagr(s.target, s.baseValue, T, s.baseYear) : null
  const projected = T > s.currentYear ? s.currentValue * (1 + g) ** (T - s.currentYear) : s.currentValue
  if (s.target === s.baseValue)
    return { ...none('not_assessable', 'target equals the base value'), cagr_actual: g, projected }
  const ratio = (projected - s.baseValue) / (s.target - s.baseValue)
  const score = ratio >= 0.95 ? 3 : ratio >= 0.1 ? 2 : 1
  const status: Status = score === 3 ? 'on_track' : ratio < 0 ? 'regressing' : 'off_track'
  return {
    cagr_actual: g,
    cagr_required: required,
    projected,
    ratio,
    score,
    method_status: CATEGORY[score],
    status,
    ahead: score === 3 && ratio > 1,
    reason: `value expected in ${T} at the present growth rate, against the target`,
  }
}
