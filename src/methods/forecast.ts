/**
 * Trend forecast to a deadline with prediction intervals, and the probability of reaching a target.
 *
 * OLS of y (linear) or ln y (log-linear, y > 0) on the year: ŷ(x) = a + b x, s² = SSR/(n − 2).
 * Prediction interval at year x₀ (classical OLS, e.g. Montgomery, Peck & Vining, *Introduction to
 * Linear Regression Analysis*, §2.5):  ŷ ± t_{n−2, 1−α/2} · s · √(1 + 1/n + (x₀ − x̄)²/Sxx);
 * for log-linear the interval is computed on ln y and exponentiated (a median forecast).
 * P(target reached at the deadline) comes from the same predictive t distribution:
 * P(Y ≥ g) = 1 − F_t((g − ŷ)/se) for a higher-is-better series (P(Y ≤ g) for lower).
 * Status: achieved when the latest value meets the target; on track when P ≥ ½; off track otherwise.
 */
import type { Status } from './progress/status.ts'
import { tCdf, tQuantile } from './stats/t-dist.ts'

export interface ForecastPoint {
  year: number
  value: number
  lower: number
  upper: number
}

export interface ForecastResult {
  model: 'linear' | 'loglinear'
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

export function forecast(
  years: readonly number[],
  values: readonly number[],
  o: {
    model: 'linear' | 'loglinear'
    level: number
    until: number
    target?: number | null
    direction?: 1 | -1
  },
): ForecastResult {
  const pts = years.map((x, i) => [x, values[i]!] as const).filter(([, y]) => Number.isFinite(y))
  const log = o.model === 'loglinear'
  if (log && pts.some(([, y]) => y <= 0))
    return empty(o, pts.length, 'not_assessable', 'log-linear needs positive values')
  if (pts.length < 3)
    return empty(o, pts.length, 'insufficient_data', 'a trend with an interval needs at least 3 years')
  const xs = pts.map(([x]) => x)
  const ys = pts.map(([, y]) => (log ? Math.log(y) : y))
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2
    sxy += (xs[i]! - mx) * (ys[i]! - my)
    syy += (ys[i]! - my) ** 2
  }
  if (sxx === 0) return empty(o, n, 'insufficient_data', 'all observations are in one year')
  const b = sxy / sxx
  const a = my - b * mx
  const ssr = Math.max(0, syy - b * sxy)
  const df = n - 2
  const s = Math.sqrt(ssr / df)
  const q = tQuantile(1 - (1 - o.level) / 2, df)
  const se = (x: number) => s * Math.sqrt(1 + 1 / n + (x - mx) ** 2 / sxx)
  const back = (v: number) => (log ? Math.exp(v) : v)
  const last = Math.max(...xs)
  const forecast: ForecastPoint[] = []
  for (let x = last + 1; x <= o.until; x++) {
    const m = a + b * x
    forecast.push({ year: x, value: back(m), lower: back(m - q * se(x)), upper: back(m + q * se(x)) })
  }
  const base = {
    model: o.model,
    n,
    df,
    a,
    b,
    s,
    r2: syy === 0 ? Number.NaN : 1 - ssr / syy,
    level: o.level,
    forecast,
  }
  const target = o.target ?? null
  if (target === null) return { ...base, probability: null, status: 'not_assessable', reason: 'no target' }
  const dir = o.direction ?? 1
  const latest = pts.find(([x]) => x === last)![1]
  if (dir * (latest - target) >= 0)
    return { ...base, probability: 1, status: 'achieved', reason: 'the latest value meets the target' }
  if (log && target <= 0)
    return {
      ...base,
      probability: null,
      status: 'not_assessable',
      reason: 'log-linear needs a positive target',
    }
  const g = log ? Math.log(target) : target
  const m = a + b * o.until
  const z = s === 0 ? (g - m) * Number.POSITIVE_INFINITY : (g - m) / se(o.until)
  const pAbove = 1 - tCdf(z, df)
  const probability = dir === 1 ? pAbove : 1 - pAbove
  return {
    ...base,
    probability,
    status: probability >= 0.5 ? 'on_track' : 'off_track',
    reason: `P(target reached in ${o.until}) = ${(probability * 100).toFixed(1)}% (${o.model} trend)`,
  }
}

function empty(
  o: { model: 'linear' | 'loglinear'; level: number },
  n: number,
  status: Status,
  reason: string,
): ForecastResult {
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
