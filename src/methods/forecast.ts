/**
 * Trend forecast to a deadline with prediction intervals, and the probability of reaching a target.
 *
 * Model: ordinary least squares of z on the year x, z = y (linear) or z = ln y (log-linear, all
 * y > 0):  b = Sxy/Sxx,  a = z̄ − b x̄,  s² = SSR/(n − 2),  Sxx = Σ(x − x̄)².
 * Prediction interval for a new observation at year x₀ (classical OLS interval, Montgomery, Peck
 * & Vining, *Introduction to Linear Regression Analysis*, eq. 2.45):
 *   ẑ₀ ± t_{n−2, 1−α/2} · s · √(1 + 1/n + (x₀ − x̄)²/Sxx),   level = 1 − α (default 0.95).
 * Log-linear: the interval is computed on ln y and exponentiated, so the point forecast is the
 * median, not the mean, of y.
 * Probability of reaching the target g by the deadline D: from the same predictive t distribution
 * at x₀ = D,  P = 1 − F_{t, n−2}((g′ − ẑ_D)/se_D)  for a higher-is-better series (P = F_{t,n−2}(…)
 * for lower-is-better), g′ = g or ln g. It is the probability that the value observed in year D
 * is on the right side of g, given the trend continues and the errors are independent normal —
 * residual autocorrelation, common in annual series, makes it over-confident.
 * Status: achieved when the latest observed value meets the target; on_track when P ≥ ½ (the
 * trend reaches the target by the deadline); off_track otherwise; regressing when the fitted
 * trend itself moves away from the target; insufficient_data with fewer than 3 years (no s);
 * not_assessable for log-linear with a non-positive value or target.
 * Missing values (NaN) are dropped with their year. Years need not be consecutive.
 */
import type { Status } from './progress/status.ts'
import { tCdf, tQuantile } from './stats/t-dist.ts'

export type TrendModel = 'linear' | 'loglinear'

/** What a fitted trend line keeps for prediction. */
export interface OlsFit {
  n: number
  df: number
  a: number
  b: number
  /** residual standard error √(SSR/(n − 2)) */
  s: number
  xbar: number
  sxx: number
  r2: number
}

export interface ForecastPoint {
  year: number
  value: number
  lower: number
  upper: number
}

export interface ForecastResult {
  model: TrendModel
  n: number
  df: number
  a: number
  b: number
  s: number
  r2: number
  level: number
  forecast: ForecastPoint[]
  probability: number | null
  status: Status
  reason: string
}

/** OLS of ys on xs over the first `n` pairs (no NaN allowed); null when n < 2 or Sxx = 0. */
export function olsFit(xs: ArrayLike<number>, ys: ArrayLike<number>, n = xs.length): OlsFit | null {
  if (n < 2) return null
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += xs[i]!
    my += ys[i]!
  }
  mx /= n
  my /= n
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx
    const dy = ys[i]! - my
    sxx += dx * dx
    sxy += dx * dy
    syy += dy * dy
  }
  if (!(sxx > 0)) return null
  const b = sxy / sxx
  const ssr = Math.max(0, syy - b * sxy)
  const df = n - 2
  return {
    n,
    df,
    a: my - b * mx,
    b,
    s: df > 0 ? Math.sqrt(ssr / df) : Number.NaN,
    xbar: mx,
    sxx,
    r2: syy > 0 ? 1 - ssr / syy : Number.NaN,
  }
}

/** Standard error of a new observation at x₀: s·√(1 + 1/n + (x₀ − x̄)²/Sxx). */
export const predictionSe = (f: OlsFit, x0: number): number =>
  f.s * Math.sqrt(1 + 1 / f.n + (x0 - f.xbar) ** 2 / f.sxx)

/** Point prediction and the `level` prediction interval at x₀ (on the fitted scale). */
export function predictAt(
  f: OlsFit,
  x0: number,
  level: number,
): { fit: number; lower: number; upper: number } {
  const fit = f.a + f.b * x0
  const half = tQuantile(1 - (1 - level) / 2, f.df) * predictionSe(f, x0)
  return { fit, lower: fit - half, upper: fit + half }
}

/**
 * P(the new observation at x₀ is at least g) — or at most g when `direction` is −1 — from the
 * predictive t distribution (on the fitted scale). With s = 0 the forecast is certain.
 */
export function probabilityBeyond(f: OlsFit, x0: number, g: number, direction: 1 | -1): number {
  const m = f.a + f.b * x0
  const se = predictionSe(f, x0)
  if (!(se > 0)) return direction * (m - g) >= 0 ? 1 : 0
  const above = 1 - tCdf((g - m) / se, f.df)
  return direction === 1 ? above : 1 - above
}

export interface ForecastOptions {
  model: TrendModel
  level: number
  /** last year to forecast (the deadline) */
  until: number
  target?: number | null
  direction?: 1 | -1
}

export function forecast(
  years: readonly number[],
  values: ArrayLike<number>,
  o: ForecastOptions,
): ForecastResult {
  const log = o.model === 'loglinear'
  const xs = new Float64Array(years.length)
  const zs = new Float64Array(years.length)
  let n = 0
  let last = Number.NEGATIVE_INFINITY
  let latest = Number.NaN
  for (let i = 0; i < years.length; i++) {
    const y = values[i]!
    if (!Number.isFinite(y)) continue
    if (log && !(y > 0)) return empty(o, 'not_assessable', 'log-linear needs positive values')
    xs[n] = years[i]!
    zs[n++] = log ? Math.log(y) : y
    if (years[i]! > last) {
      last = years[i]!
      latest = y
    }
  }
  if (n < 3) return empty(o, 'insufficient_data', 'a trend with an interval needs at least 3 years', n)
  const f = olsFit(xs, zs, n)
  if (f === null) return empty(o, 'insufficient_data', 'all observations are in one year', n)
  const back = (v: number) => (log ? Math.exp(v) : v)
  const points: ForecastPoint[] = []
  for (let x = last + 1; x <= o.until; x++) {
    const p = predictAt(f, x, o.level)
    points.push({ year: x, value: back(p.fit), lower: back(p.lower), upper: back(p.upper) })
  }
  const base = {
    model: o.model,
    n,
    df: f.df,
    a: f.a,
    b: f.b,
    s: f.s,
    r2: f.r2,
    level: o.level,
    forecast: points,
  }
  const target = o.target ?? null
  if (target === null) return { ...base, probability: null, status: 'not_assessable', reason: 'no target' }
  const dir = o.direction ?? 1
  if (dir * (latest - target) >= 0)
    return { ...base, probability: 1, status: 'achieved', reason: 'the latest value meets the target' }
  if (log && !(target > 0))
    return {
      ...base,
      probability: null,
      status: 'not_assessable',
      reason: 'log-linear needs a positive target',
    }
  const probability = probabilityBeyond(f, o.until, log ? Math.log(target) : target, dir)
  const status: Status = probability >= 0.5 ? 'on_track' : dir * f.b < 0 ? 'regressing' : 'off_track'
  return {
    ...base,
    probability,
    status,
    reason: `P(target reached in ${o.until}) = ${(probability * 100).toFixed(1)}% (${o.model} trend)`,
  }
}

function empty(o: ForecastOptions, status: Status, reason: string, n = 0): ForecastResult {
  const nan = Number.NaN
  return {
    model: o.model,
    n,
    df: n - 2,
    a: nan,
    b: nan,
    s: nan,
    r2: nan,
    level: o.level,
    forecast: [],
    probability: null,
    status,
    reason,
  }
}
