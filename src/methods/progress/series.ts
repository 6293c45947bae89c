/** One monitored series as every progress method reads it (a row of the `progress` CSV). */
import type { Sign } from './status.ts'

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
  /** Open SDG's natural limit (methodology without a target), or null */
  limit: number | null
  /** the reference region's values at the base and current year (reference method / in step) */
  referenceBase: number | null
  referenceCurrent: number | null
}

/** Compound annual growth rate between two observations, (v1/v0)^(1/(t1−t0)) − 1. */
export const cagr = (v1: number, v0: number, t1: number, t0: number) => (v1 / v0) ** (1 / (t1 - t0)) - 1
