/**
 * The UN Statistics Division's SDG Progress Chart trend assessment, as transcribed by Eustat from
 * the *Progress Chart 2023 Technical Note* (EUSTAT-DES/site `_pages/en/metodologia.md` at 10f3c702;
 * the primary PDF was not read): CAGR_a = (v_t/v_b)^(1/(t−b)) − 1, the value projected to the target
 * year v̂ = v_t (1 + CAGR_a)^(T − t).
 * With a target: ratio = (v̂ − v_b)/(v_target − v_b); score 3 if ≥ 0.95, 2 if in [0.10, 0.95), 1
 * below. Without: score 3 if CAGR_a ≥ 2%, 2 if ≥ 0.5%, else 1, mirrored for a decreasing series.
 * A met target scores 3 (achieved). UNSD's headline labels and any further exceptions were not
 * confirmed from the primary text, so the method's own status is the score.
 */
import { cagr, type ProgressSeries } from './series.ts'
import type { Status } from './status.ts'

export interface UnsdResult {
  cagr_actual: number | null
  projected: number | null
  ratio: number | null
  score: 1 | 2 | 3 | null
  method_status: string
  status: Status
  reason: string
}

export function unsd(s: ProgressSeries): UnsdResult {
  const blank = { cagr_actual: null, projected: null, ratio: null, score: null }
  if (s.baseValue === 0 || (Math.sign(s.baseValue) !== Math.sign(s.currentValue) && s.currentValue !== 0))
    return {
      ...blank,
      method_status: 'not_assessable',
      status: 'not_assessable',
      reason: 'zero or sign-changing base',
    }
  if (s.currentYear <= s.baseYear)
    return {
      ...blank,
      method_status: 'not_available',
      status: 'insufficient_data',
      reason: 'needs two years of data',
    }
  const achieved =
    s.target !== null && (s.direction === 1 ? s.currentValue >= s.target : s.currentValue <= s.target)
  const g = cagr(s.currentValue, s.baseValue, s.currentYear, s.baseYear)
  if (achieved)
    return {
      cagr_actual: g,
      projected: null,
      ratio: null,
      score: 3,
      method_status: 'target_met',
      status: 'achieved',
      reason: 'target met',
    }
  if (s.target === null) {
    const x = s.direction * g
    const score = x >= 0.02 ? 3 : x >= 0.005 ? 2 : 1
    const status: Status = score === 3 ? 'on_track' : x < 0 ? 'regressing' : 'off_track'
    return {
      cagr_actual: g,
      projected: null,
      ratio: null,
      score,
      method_status: `score_${score}`,
      status,
      reason: 'growth thresholds 2% and 0.5% a year (no target)',
    }
  }
  const T = s.targetYear ?? 2030
  const projected = s.currentValue * (1 + g) ** (T - s.currentYear)
  if (s.target === s.baseValue)
    return {
      cagr_actual: g,
      projected,
      ratio: null,
      score: null,
      method_status: 'not_assessable',
      status: 'not_assessable',
      reason: 'target equals the base value',
    }
  const ratio = (projected - s.baseValue) / (s.target - s.baseValue)
  const score = ratio >= 0.95 ? 3 : ratio >= 0.1 ? 2 : 1
  const status: Status = score === 3 ? 'on_track' : ratio < 0 ? 'regressing' : 'off_track'
  return {
    cagr_actual: g,
    projected,
    ratio,
    score,
    method_status: `score_${score}`,
    status,
    reason: `projected ${T} value against the target`,
  }
}
