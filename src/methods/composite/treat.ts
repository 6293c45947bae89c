/**
 * Outlier treatment exactly as COINr's default `Treat()` (bluefoxr/COINr, R/treat.R at commit
 * b9682034635df03279896b6cb025cd3534f82cbb: `Treat.numeric`, `winsorise`, `log_CT`,
 * `check_SkewKurt`, `skew`, `kurt`; defaults winmax = 5, skew_thresh = 2, kurt_thresh = 3.5,
 * f2 = "log_CT", combine_treat = FALSE, na.rm = TRUE). Per indicator column:
 *
 *   skew  = √n Σd³ / (Σd²)^{3/2} · √(n(n−1)) / (n−2)                       (e1071 type 2, n ≥ 3)
 *   kurt  = [(n+1)(n Σd⁴/(Σd²)² − 3) + 6] (n−1) / ((n−2)(n−3))             (e1071 type 2, n ≥ 4)
 *   pass  = |skew| < 2  OR  kurt < 3.5                                       (check_SkewKurt)
 *
 * 1. If the column passes, it is returned unchanged.
 * 2. Else winsorise: while it fails and nwin < winmax, if skew ≥ 0 every point equal to the
 *    maximum is set to the largest other value (else every point equal to the minimum to the
 *    smallest other value); nwin = (points at the maximum in the last high step) + (points at the
 *    minimum in the last low step). Because the earlier winsorised points share the new extreme
 *    value, nwin counts every point moved so far on that side (COINr's own bookkeeping).
 * 3. If it still fails, the ORIGINAL column (combine_treat = FALSE) is log-transformed instead:
 *    log_CT(x) = ln(x − min + 0.01 (max − min)); its result is used whether or not it passes.
 * Missing cells (NaN) are left out of every statistic and stay NaN. If a statistic is undefined
 * (fewer than 3/4 values, zero variance) COINr's f_pass returns NA and the column is returned
 * untreated; so it is here (`pass` null).
 */

export interface SkewKurt {
  /** null where skew or kurtosis is undefined (COINr: NA, column left untreated) */
  pass: boolean | null
  skew: number
  kurt: number
}

export interface TreatOptions {
  /** maximum number of winsorised points; Infinity = no limit (COINr winmax = NULL) */
  winmax: number
  skewThresh: number
  kurtThresh: number
  /** the second treatment when winsorising is not enough */
  f2: 'log_CT' | 'none'
}

export const COINR_TREAT: TreatOptions = { winmax: 5, skewThresh: 2, kurtThresh: 3.5, f2: 'log_CT' }

export interface ColumnTreatment {
  x: Float64Array
  treatment: 'none' | 'winsorised' | 'log_CT'
  /** points winsorised (COINr winsorise.nwin), 0 unless winsorising was tried */
  nwin: number
  /** the checks before treatment, after winsorising, after the log (COINr check_SkewKurt0/1/2) */
  checks: SkewKurt[]
}

function moments(x: ArrayLike<number>): { n: number; s2: number; s3: number; s4: number } {
  let n = 0
  let sum = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (Number.isNaN(v)) continue
    n++
    sum += v
  }
  const mean = sum / n
  let s2 = 0
  let s3 = 0
  let s4 = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (Number.isNaN(v)) continue
    const d = v - mean
    const d2 = d * d
    s2 += d2
    s3 += d2 * d
    s4 += d2 * d2
  }
  return { n, s2, s3, s4 }
}

/** Sample skewness, e1071 type 2 (COINr `skew`); NaN skipped; NaN when fewer than 3 values. */
export function skew(x: ArrayLike<number>): number {
  const { n, s2, s3 } = moments(x)
  if (n < 3) return Number.NaN
  return (((Math.sqrt(n) * s3) / s2 ** 1.5) * Math.sqrt(n * (n - 1))) / (n - 2)
}

/** Sample excess kurtosis, e1071 type 2 (COINr `kurt`); NaN skipped; NaN when fewer than 4 values. */
export function kurt(x: ArrayLike<number>): number {
  const { n, s2, s4 } = moments(x)
  if (n < 4) return Number.NaN
  const r = (n * s4) / (s2 * s2)
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3))
}

export function checkSkewKurt(x: ArrayLike<number>, skewThresh = 2, kurtThresh = 3.5): SkewKurt {
  const s = skew(x)
  const k = kurt(x)
  // R: (abs(sk) < t) | (kt < k) is TRUE if either side is TRUE, NA only if neither is TRUE
  const a = Number.isNaN(s) ? null : Math.abs(s) < skewThresh
  const b = Number.isNaN(k) ? null : k < kurtThresh
  const pass = a === true || b === true ? true : a === null || b === null ? null : false
  return { pass, skew: s, kurt: k }
}

/** COINr `winsorise`; returns null where COINr would stop with an error (undefined statistics). */
export function winsorise(
  values: ArrayLike<number>,
  o: TreatOptions = COINR_TREAT,
): { x: Float64Array; nwin: number } | null {
  const x = Float64Array.from(values)
  let passing = checkSkewKurt(x, o.skewThresh, o.kurtThresh).pass
  let high = 0
  let low = 0
  while (passing === false && high + low < o.winmax) {
    const s = skew(x)
    if (Number.isNaN(s)) return null
    const up = s >= 0
    let extreme = up ? -Infinity : Infinity
    for (const v of x) if (!Number.isNaN(v) && (up ? v > extreme : v < extreme)) extreme = v
    let inward = up ? -Infinity : Infinity
    let count = 0
    for (const v of x) {
      if (Number.isNaN(v)) continue
      if (v === extreme) count++
      else if (up ? v > inward : v < inward) inward = v
    }
    if (!Number.isFinite(inward)) return null // every value is the extreme: nothing to move to
    for (let i = 0; i < x.length; i++) if (x[i] === extreme) x[i] = inward
    if (up) high = count
    else low = count
    passing = checkSkewKurt(x, o.skewThresh, o.kurtThresh).pass
    if (passing === null) return null
  }
  return { x, nwin: high + low }
}

/** COINr `log_CT`: ln(x − min + 0.01 (max − min)); NaN stays NaN. */
export function logCT(values: ArrayLike<number>): Float64Array {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  const a = 0.01 * (hi - lo)
  return Float64Array.from(values, (v) => Math.log(v - lo + a))
}

/** COINr `Treat.numeric` with its default functions (winsorise, then log_CT of the original). */
export function treatColumn(values: ArrayLike<number>, o: TreatOptions = COINR_TREAT): ColumnTreatment {
  const untreated = (checks: SkewKurt[], nwin = 0): ColumnTreatment => ({
    x: Float64Array.from(values),
    treatment: 'none',
    nwin,
    checks,
  })
  const c0 = checkSkewKurt(values, o.skewThresh, o.kurtThresh)
  if (c0.pass !== false) return untreated([c0])
  const w = winsorise(values, o)
  if (!w) return untreated([c0]) // COINr: error caught, "returning untreated indicator"
  const c1 = checkSkewKurt(w.x, o.skewThresh, o.kurtThresh)
  if (c1.pass === true || o.f2 === 'none')
    return { x: w.x, treatment: 'winsorised', nwin: w.nwin, checks: [c0, c1] }
  const l = logCT(values)
  const c2 = checkSkewKurt(l, o.skewThresh, o.kurtThresh)
  if (c2.pass === null) return untreated([c0, c1, c2], w.nwin)
  return { x: l, treatment: 'log_CT', nwin: w.nwin, checks: [c0, c1, c2] }
}
