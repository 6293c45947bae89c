/**
 * One monitored series as every progress method reads it (a row of the `progress` CSV), the
 * direction words the platform accepts, and the compound annual growth rate all CAGR methods share:
 *   CAGR(v₀ → v₁, t₀ → t₁) = (v₁/v₀)^(1/(t₁ − t₀)) − 1
 * (open-sdg/sdg-build sdg/ProgressMeasure.py `growth_calculation`; UNSD Progress Chart CAGR_a).
 */
export type Sign = 1 | -1

export interface ProgressSeries {
  id: string
  /** +1 higher is better, −1 lower is better; never assumed */
  direction: Sign
  baseYear: number
  baseValue: number
  currentYear: number
  currentValue: number
  /** absolute target value (relative targets are resolved to one first), or null */
  target: number | null
  targetYear: number | null
  /** Open SDG's natural limit (used without a target only), or null */
  limit: number | null
  /** the reference region's values at the base and current year (reference method / in step) */
  referenceBase: number | null
  referenceCurrent: number | null
}

/** Compound annual growth rate; NaN when the ratio is negative or the years coincide. */
export const cagr = (v1: number, v0: number, t1: number, t0: number): number =>
  (v1 / v0) ** (1 / (t1 - t0)) - 1

/**
 * +1 when higher is better. Accepts jueqi's higher/lower, Open SDG's documented
 * increase/decrease and sdg-build's config values positive/negative; null for anything else
 * (including an empty cell), so that a missing direction is refused rather than guessed.
 */
export function directionSign(text: string): Sign | null {
  const t = text.trim().toLowerCase()
  if (['higher', 'increase', 'positive', 'up', '+', '+1', '1'].includes(t)) return 1
  if (['lower', 'decrease', 'negative', 'down', '-', '-1'].includes(t)) return -1
  return null
}

/** True when both values are non-zero and of one sign (the CAGR methods need that). */
export const sameSign = (a: number, b: number): boolean => (a > 0 && b > 0) || (a < 0 && b < 0)
