/**
 * Open SDG's progress measure (Statistics Canada's CAGR method), reproducing open-sdg/sdg-build
 * `sdg/ProgressMeasure.py` (class SeriesProgress, commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67)
 * and its documentation open-sdg/open-sdg `docs/progress-methodology.md`.
 *
 *   CAGR_o = (y_t/y_0)^(1/(t − t₀)) − 1            observed growth, base year t₀ → latest year t
 *   d = +1 (desired direction positive) | −1;  s = −1 when y_0 < 0, else +1
 * Methodology 1 (no target):   P = s·d·CAGR_o,  thresholds high 0.015, med 0.005, low 0,
 *   each multiplied, when a natural `limit` L is given, by C = 1 − (|y_0|/|L|)^4.44 (|y_0| ≤ |L|),
 *   1 − ((2|L| − |y_0|)/|L|)^4.44 (|L| < |y_0| < 2|L|), 1 (|y_0| ≥ 2|L|).
 * Methodology 2 (target y_T by t_T, default 2030):
 *   CAGR_r = (y_T/y_0)^(1/(t_T − t₀)) − 1,  P = s·d·CAGR_o/|CAGR_r|,  thresholds 0.95, 0.6, 0
 *   (a limit is ignored).
 * Status: target_achieved (d·(y_t − y_T) ≥ 0, checked first, whatever the trend) /
 *   substantial_progress (P ≥ high) / moderate_progress (≥ med) / limited_progress (≥ low) /
 *   deterioration / not_available.
 * Score ∈ [−5, 5] (`get_score`, coefficients as hard-coded there): achieved 5; methodology 1:
 *   P < low: max(125P − 2.5, −5); C = 0: 5; P ≥ high: min(500P/C − 5, 5); P ≥ med: 250P/C − 1.25;
 *   else 500P/C − 2.5. Methodology 2: P ≥ med: min(7.1429P − 4.2857, 5); else max(4.1667P − 2.5, −5).
 * Base and current year (`pickYears`): current = the latest year with data; base = the configured
 * base year (default 2015) or, when it has no value, the first later year with one.
 * Target 0 is replaced by 0.001 (as sdg-build does). A zero base: sdg-build replaces it by 0.001
 * with a warning; jueqi by default reports not_assessable instead (`zeroBase: 'substitute'` gives
 * sdg-build's behaviour). Base and current of opposite sign: no progress value (sdg-build), which
 * jueqi reports as not_assessable; fewer than two years: insufficient_data.
 * A met target is reported as achieved even when the growth rate is undefined, as in sdg-build.
 */
import type { Status } from './status.ts'
import { cagr, type ProgressSeries, sameSign } from './types.ts'

export type OpenSdgStatus =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available'

export interface Thresholds {
  high: number
  med: number
  low: number
  /** the limit's reduction coefficient C, when a limit applied */
  coefficient?: number
}

export interface OpenSdgOptions {
  /** 'not_assessable' (jueqi default) or 'substitute' (sdg-build: a zero base becomes 0.001) */
  zeroBase?: 'not_assessable' | 'substitute'
  /** sdg-build's `progress_thresholds` override (merged over the methodology's defaults) */
  thresholds?: Partial<Thresholds>
}

export interface OpenSdgResult {
  methodology: 1 | 2
  progress_value: number | null
  score: number | null
  cagr_actual: number | null
  cagr_required: number | null
  thresholds: Thresholds
  target_achieved: boolean
  method_status: OpenSdgStatus
  status: Status
  /** growing faster than required (P > 1, methodology 2) */
  ahead: boolean
  reason: string
}

/** How each Open SDG category reads in the common vocabulary. */
export const OPENSDG_TO_STATUS: Record<OpenSdgStatus, Status> = {
  target_achieved: 'achieved',
  substantial_progress: 'on_track',
  moderate_progress: 'off_track',
  limited_progress: 'off_track',
  deterioration: 'regressing',
  not_available: 'insufficient_data',
}

export function openSdg(s: ProgressSeries, o: OpenSdgOptions = {}): OpenSdgResult {
  const target = s.target === 0 ? 0.001 : s.target
  const methodology: 1 | 2 = target === null ? 1 : 2
  const targetYear = s.targetYear ?? 2030
  const thresholds = thresholdsFor(s.baseValue, s.limit, methodology, o.thresholds)
  const achieved =
    target !== null &&
    ((s.direction === -1 && s.currentValue <= target) || (s.direction === 1 && s.currentValue >= target))
  const sign = s.baseValue < 0 ? -1 : 1
  const result = (p: {
    pv?: number | null
    cO?: number | null
    cR?: number | null
    reason: string
    forced?: Status
  }): OpenSdgResult => {
    const pv = p.pv ?? null
    const method_status = progressStatus(pv, thresholds, achieved)
    return {
      methodology,
      progress_value: pv,
      score: progressScore(pv, thresholds, methodology, achieved),
      cagr_actual: p.cO ?? null,
      cagr_required: p.cR ?? null,
      thresholds,
      target_achieved: achieved,
      method_status,
      status: achieved ? 'achieved' : (p.forced ?? OPENSDG_TO_STATUS[method_status]),
      ahead: !achieved && methodology === 2 && pv !== null && pv > 1,
      reason: achieved ? 'the current value meets the target' : p.reason,
    }
  }
  let base = s.baseValue
  if (base === 0) {
    if ((o.zeroBase ?? 'not_assessable') === 'not_assessable')
      return result({ reason: 'base value is zero: growth rates are undefined', forced: 'not_assessable' })
    base = 0.001
  }
  if (!sameSign(base, s.currentValue) && s.currentValue !== 0)
    return result({ reason: 'base and current values have opposite signs', forced: 'not_assessable' })
  if (s.currentYear - s.baseYear < 1)
    return result({ reason: 'needs two years of data (current after base)', forced: 'insufficient_data' })
  const observed = cagr(s.currentValue, base, s.currentYear, s.baseYear)
  if (methodology === 1)
    return result({ pv: sign * s.direction * observed, cO: observed, reason: 'observed growth (no target)' })
  if (!sameSign(base, target!))
    return result({ cO: observed, reason: 'target and base have opposite signs', forced: 'not_assessable' })
  const required = cagr(target!, base, targetYear, s.baseYear)
  if (!(Math.abs(required) > 0) || !Number.isFinite(required))
    return result({
      cO: observed,
      cR: required,
      reason: 'no required growth (target equals base, or target year not after base year)',
      forced: 'not_assessable',
    })
  const pv = (sign * s.direction * observed) / Math.abs(required)
  return result({ pv, cO: observed, cR: required, reason: 'observed over required growth' })
}

/** sdg-build `get_progress_thresholds`: defaults, user overrides, then the limit's reduction. */
export function thresholdsFor(
  baseValue: number,
  limit: number | null,
  methodology: 1 | 2,
  user: Partial<Thresholds> = {},
): Thresholds {
  if (methodology === 2) return { high: 0.95, med: 0.6, low: 0, ...user }
  const t: Thresholds = { high: 0.015, med: 0.005, low: 0, ...user }
  if (limit === null) return t
  const b = Math.abs(baseValue)
  const L = Math.abs(limit)
  const a = 4.44
  // sdg-build tests b ≥ 2L first so that b = L = 0 gives C = 1
  const coefficient = b >= 2 * L ? 1 : b <= L ? 1 - (b / L) ** a : 1 - ((2 * L - b) / L) ** a
  return { high: t.high * coefficient, med: t.med * coefficient, low: t.low * coefficient, coefficient }
}

/** sdg-build `get_progress_status`. */
export function progressStatus(v: number | null, t: Thresholds, achieved: boolean): OpenSdgStatus {
  if (achieved) return 'target_achieved'
  if (v === null) return 'not_available'
  if (v >= t.high) return 'substantial_progress'
  if (v >= t.med) return 'moderate_progress'
  if (v >= t.low) return 'limited_progress'
  return 'deterioration'
}

/** sdg-build `SeriesProgress.get_score` (its coefficients assume the default thresholds). */
export function progressScore(
  v: number | null,
  t: Thresholds,
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

/** sdg-build `get_progress_status_from_score`: the category of an (averaged) score. */
export function statusFromScore(score: number | null, allAchieved: boolean): OpenSdgStatus {
  if (allAchieved) return 'target_achieved'
  if (score === null) return 'not_available'
  if (score >= 2.5) return 'substantial_progress'
  if (score >= 0) return 'moderate_progress'
  if (score >= -2.5) return 'limited_progress'
  return 'deterioration'
}

/**
 * sdg-build `IndicatorProgress.get_indicator_progress`: the mean of the series' scores (series
 * without a score are left out) and its category; "target achieved" only when every scored
 * series has achieved its target.
 */
export function openSdgIndicator(series: readonly Pick<OpenSdgResult, 'score' | 'target_achieved'>[]): {
  score: number | null
  method_status: OpenSdgStatus
  status: Status
} {
  let sum = 0
  let n = 0
  let all = true
  for (const s of series) {
    if (s.score === null) continue
    sum += s.score
    n++
    all &&= s.target_achieved
  }
  const score = n > 0 ? sum / n : null
  const method_status = statusFromScore(score, n > 0 && all)
  return { score, method_status, status: OPENSDG_TO_STATUS[method_status] }
}

/**
 * sdg-build's choice of years from a series (NaN values are skipped): current = the latest
 * year; base = `baseYear` (default 2015) if it has a value, else the first later year that has
 * one. Null when no year qualifies (sdg-build then has no progress value). A base after the
 * current year cannot occur here since the current year is the latest.
 */
export function pickYears(
  years: readonly number[],
  values: readonly number[],
  baseYear = 2015,
): { baseYear: number; baseValue: number; currentYear: number; currentValue: number } | null {
  let cur = -1
  let base = -1
  for (let i = 0; i < years.length; i++) {
    if (!Number.isFinite(values[i]!)) continue
    const y = years[i]!
    if (cur < 0 || y > years[cur]!) cur = i
    if (y === baseYear) base = i
  }
  if (cur < 0) return null
  if (base < 0)
    for (let i = 0; i < years.length; i++) {
      if (!Number.isFinite(values[i]!) || !(years[i]! > baseYear)) continue
      if (base < 0 || years[i]! < years[base]!) base = i
    }
  if (base < 0) return null
  return {
    baseYear: years[base]!,
    baseValue: values[base]!,
    currentYear: years[cur]!,
    currentValue: values[cur]!,
  }
}
