/**
 * Outlier treatment as COINr's default `Treat()` (bluefoxr/COINr R/treat.R; skew and kurtosis as
 * e1071 type 2, i.e. Excel's): a column passes when |skew| < 2 or kurtosis < 3.5. A failing column
 * is winsorised — the most extreme point on the side of the skew is set to the next value inward,
 * one at a time — until it passes or `winmax` (5) points are treated; if it still fails, the
 * original column is log-transformed instead, COINr's log_CT: ln(x − min + 0.01·(max − min)).
 * Missing cells are skipped. (The winsorised count is cumulative, as COINr documents winmax.)
 */
export function skew(x: readonly number[]): number {
  const n = x.length
  if (n < 3) return Number.NaN
  const m = x.reduce((a, b) => a + b, 0) / n
  let s2 = 0
  let s3 = 0
  for (const v of x) {
    s2 += (v - m) ** 2
    s3 += (v - m) ** 3
  }
  return (((Math.sqrt(n) * s3) / s2 ** 1.5) * Math.sqrt(n * (n - 1))) / (n - 2)
}

export function kurt(x: readonly number[]): number {
  const n = x.length
  if (n < 4) return Number.NaN
  const m = x.reduce((a, b) => a + b, 0) / n
  let s2 = 0
  let s4 = 0
  for (const v of x) {
    s2 += (v - m) ** 2
    s4 += (v - m) ** 4
  }
  const r = (n * s4) / (s2 * s2)
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3))
}

export const passes = (x: readonly number[], skewMax = 2, kurtMax = 3.5) => {
  const s = skew(x)
  const k = kurt(x)
  // COINr: (abs(sk) < skew_thresh) | (kt < kurt_thresh); too few points to judge passes
  return !(Math.abs(s) >= skewMax && k >= kurtMax)
}

export interface Treated {
  x: number[]
  treatment: 'none' | 'winsorised' | 'log'
  points: number
}

export function treatColumn(values: readonly number[], winmax = 5): Treated {
  const idx = values.map((v, i) => (Number.isNaN(v) ? -1 : i)).filter((i) => i >= 0)
  const x = idx.map((i) => values[i]!)
  const put = (y: number[]) => {
    const out = [...values]
    idx.forEach((i, k) => {
      out[i] = y[k]!
    })
    return out
  }
  if (passes(x)) return { x: [...values], treatment: 'none', points: 0 }
  const w = [...x]
  let n = 0
  while (!passes(w) && n < winmax) {
    const high = skew(w) >= 0
    const extreme = high ? Math.max(...w) : Math.min(...w)
    const rest = w.filter((v) => v !== extreme)
    if (rest.length === 0) break
    const inward = high ? Math.max(...rest) : Math.min(...rest)
    for (let k = 0; k < w.length; k++)
      if (w[k] === extreme) {
        w[k] = inward
        n++
      }
  }
  if (passes(w)) return { x: put(w), treatment: 'winsorised', points: n }
  const lo = Math.min(...x)
  const hi = Math.max(...x)
  return { x: put(x.map((v) => Math.log(v - lo + 0.01 * (hi - lo)))), treatment: 'log', points: 0 }
}
