/**
 * Open SDG's progress measure (Statistics Canada's CAGR method), as implemented in open-sdg/sdg-build
 * `sdg/ProgressMeasure.py` (read at commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67).
 *
 * Without a target (methodology 1): progress = sign·dir·CAGR_observed, thresholds high 0.015,
 * med 0.005, low 0, reduced near a natural `limit` by coeff = 1 − (b/L)^4.44 (b ≤ L) or
 * 1 − ((2L − b)/L)^4.44 (L < b < 2L), 1 beyond; with a target (methodology 2): progress =
 * sign·dir·CAGR_observed / |CAGR_required| (required: base → target by the target year), thresholds
 * 0.95, 0.6, 0. sign = −1 for a negative base. Status: target_achieved (the current value has met the
 * target) / substantial_progress (≥ high) / moderate_progress (≥ med) / limited_progress (≥ low) /
 * deterioration; score on [−5, 5] by the piecewise-linear functions of the same file.
 * jueqi differs in one respect, by the platform's rule: a zero base or a base and current value of
 * opposite sign is not assessable (Open SDG substitutes 0.001 for a zero base with a warning).
 */
import { cagr, type ProgressSeries } from './series.ts'
import type { Status } from './status.ts'

export type OpenSdgStatus =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available'

export interface OpenSdgResult {
  methodology: 1 | 2
  progress_value: number | null
  score: number | null
  cagr_observed: number | null
  cagr_required: number | null
  thresholds: { high: number; med: number; low: number; coefficient?: number }
  target_achieved: boolean
  method_status: OpenSdgStatus
  status: Status
  reason: string
}

const COMMON: Record<OpenSdgStatus, Status> = {
  target_achieved: 'achieved',
  substantial_progress: 'on_track',
  moderate_progress: 'off_track',
  limited_progress: 'off_track',
  deterioration: 'regressing',
  not_available: 'insufficient_data',
}

export function openSdg(s: ProgressSeries): OpenSdgResult {
  const target = s.target === 0 ? 0.001 : s.target
  const methodology: 1 | 2 = target === null ? 1 : 2
  const targetYear = s.targetYear ?? 2030
  const thresholds = thresholdsFor(s, methodology)
  const achieved =
    target !== null &&
    ((s.direction === -1 && s.currentValue <= target) || (s.direction === 1 && s.currentValue >= target))
  const out = (
    pv: number | null,
    cO: number | null,
    cR: number | null,
    reason: string,
    forced?: Status,
  ): OpenSdgResult => {
    const method_status = statusOf(pv, thresholds, achieved)
    return {
      methodology,
      progress_value: pv,
      score: scoreOf(pv, thresholds, methodology, achieved),
      cagr_observed: cO,
      cagr_required: cR,
      thresholds,
      target_achieved: achieved,
      method_status,
      status: forced ?? COMMON[method_status],
      reason,
    }
  }
  if (s.baseValue === 0)
    return out(null, null, null, 'base value is zero: growth rates are undefined', 'not_assessable')
  if (Math.sign(s.baseValue) !== Math.sign(s.currentValue) && s.currentValue !== 0)
    return out(null, null, null, 'base and current values have opposite signs', 'not_assessable')
  if (s.currentYear - s.baseYear < 1)
    return out(null, null, null, 'needs two years of data (current after base)', 'insufficient_data')
  const sign = s.baseValue < 0 ? -1 : 1
  const observed = cagr(s.currentValue, s.baseValue, s.currentYear, s.baseYear)
  if (methodology === 1)
    return out(sign * s.direction * observed, observed, null, 'growth against the thresholds (no target)')
  const required = cagr(target!, s.baseValue, targetYear, s.baseYear)
  if (required === 0 || !Number.isFinite(required))
    return achieved
      ? out(null, observed, required, 'target already met')
      : out(null, observed, required, 'target equals the base value: no required growth', 'not_assessable')
  return out(
    (sign * s.direction * observed) / Math.abs(required),
    observed,
    required,
    'observed over required growth',
  )
}

function thresholdsFor(s: ProgressSeries, methodology: 1 | 2): OpenSdgResult['thresholds'] {
  if (methodology === 2) return { high: 0.95, med: 0.6, low: 0 }
  const t = { high: 0.015, med: 0.005, low: 0 }
  if (s.limit === null) return t
  const b = Math.abs(s.baseValue)
  const L = Math.abs(s.limit)
  const a = 4.44
  const coefficient = b >= 2 * L ? 1 : b <= L ? 1 - (b / L) ** a : 1 - ((2 * L - b) / L) ** a
  return { high: t.high * coefficient, med: t.med * coefficient, low: t.low * coefficient, coefficient }
}

function statusOf(v: number | null, t: OpenSdgResult['thresholds'], achieved: boolean): OpenSdgStatus {
  if (achieved) return 'target_achieved'
  if (v === null) return 'not_available'
  if (v >= t.high) return 'substantial_progress'
  if (v >= t.med) return 'moderate_progress'
  if (v >= t.low) return 'limited_progress'
  return 'deterioration'
}

function scoreOf(
  v: number | null,
  t: OpenSdgResult['thresholds'],
  methodology: 1 | 2,
  achieved: boolean,
): number | null {
  if (achieved) return 5
  if (v === null) return null
  if (methodology === 2) return v >= t.med ? Math.min(7.1429 * v - 4.2857, 5) : Math.max(4.1667 * v - 2.5, -5)
  const coeff = t.coefficient ?? 1
  if (v < t.low) return Math.max(125 * v - 2.5, -5)
  if (coeff === 0) return 5
  if (v >= t.high) return Math.min((500 * v) / coeff - 5, 5)
  if (v >= t.med) return (250 * v) / coeff - 1.25
  return (500 * v) / coeff - 2.5
}
