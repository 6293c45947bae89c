/**
 * σ- and β-convergence of a panel: one row per unit, one column per period (year).
 *
 * σ-convergence: the dispersion of ln y across units in each period, σ_t = sd_i(ln y_it)
 * (population sd by default, sample with `sd: 'sample'`), with the CV series beside it; falling
 * σ means convergence (Barro & Sala-i-Martin 1992, J. Political Economy 100(2):223–251).
 * Absolute β-convergence: OLS across units of the mean annual growth on the initial log level,
 *   g_i = ln(y_iT / y_i0) / τ = a + b ln y_i0 + ε_i,  τ = T − t0 years,
 * with se(b) = √(s² / Σ(x − x̄)²), s² = SSR/(n − 2), R²; b < 0 is convergence. Implied speed
 * λ = −ln(1 + bτ)/τ and half-life ln 2 / λ (Sala-i-Martin 1996, Economic Journal 106:1019–1036).
 * Units with a missing or non-positive value in a period used are left out and listed.
 */
import type { Matrix } from './matrix.ts'
import { MethodInputError } from './weights.ts'

export interface Beta {
  b: number
  a: number
  se_b: number
  r2: number
  lambda: number
  half_life: number
  n: number
  from: number
  to: number
}

export interface ConvergenceResult {
  years: number[]
  sigma: Float64Array
  cv: Float64Array
  beta: Beta
  excluded: string[]
}

/** The 4-digit year in a column name ("2015", "pcgdp1940", "gdp_2020"). */
export function yearOf(column: string): number | null {
  const m = /(1[89]\d\d|2\d\d\d)(?!.*\d{4})/.exec(column)
  return m ? Number(m[1]) : null
}

export function convergence(
  m: Matrix,
  o: { from?: number; to?: number; sd?: 'population' | 'sample' } = {},
): ConvergenceResult {
  const years = m.columns.map((c) => {
    const y = yearOf(c)
    if (y === null)
      throw new MethodInputError(`column "${c}" names no year (expected e.g. 2015 or pcgdp1940)`)
    return y
  })
  const sigma = new Float64Array(m.cols)
  const cv = new Float64Array(m.cols)
  for (let j = 0; j < m.cols; j++) [sigma[j], cv[j]] = dispersion(m, j, o.sd ?? 'population')
  const first = o.from ?? Math.min(...years)
  const last = o.to ?? Math.max(...years)
  const j0 = years.indexOf(first)
  const j1 = years.indexOf(last)
  if (j0 < 0 || j1 < 0) throw new MethodInputError(`no column for year ${j0 < 0 ? first : last}`)
  if (last <= first) throw new MethodInputError(`β needs a later end year than ${first}`)
  const { beta, excluded } = betaConvergence(m, j0, j1, last - first)
  return { years, sigma, cv, beta: { ...beta, from: first, to: last }, excluded }
}

function dispersion(m: Matrix, j: number, sd: 'population' | 'sample'): [number, number] {
  let n = 0
  let sl = 0
  let sl2 = 0
  let s = 0
  let s2 = 0
  for (let i = 0; i < m.rows; i++) {
    const y = m.data[i * m.cols + j]!
    if (!(y > 0)) continue
    const l = Math.log(y)
    n++
    sl += l
    sl2 += l * l
    s += y
    s2 += y * y
  }
  const dof = sd === 'sample' ? n - 1 : n
  if (dof <= 0) return [Number.NaN, Number.NaN]
  const varL = Math.max(0, (sl2 - (sl * sl) / n) / dof)
  const varY = Math.max(0, (s2 - (s * s) / n) / dof)
  return [Math.sqrt(varL), Math.sqrt(varY) / (s / n)]
}

function betaConvergence(m: Matrix, j0: number, j1: number, tau: number) {
  const xs: number[] = []
  const gs: number[] = []
  const excluded: string[] = []
  for (let i = 0; i < m.rows; i++) {
    const y0 = m.data[i * m.cols + j0]!
    const y1 = m.data[i * m.cols + j1]!
    if (!(y0 > 0 && y1 > 0)) {
      excluded.push(m.units[i]!)
      continue
    }
    xs.push(Math.log(y0))
    gs.push(Math.log(y1 / y0) / tau)
  }
  const n = xs.length
  if (n < 3)
    throw new MethodInputError(`β-convergence needs at least 3 units with positive values (have ${n})`)
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const mg = gs.reduce((a, b) => a + b, 0) / n
  let sxx = 0
  let sxg = 0
  let sgg = 0
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2
    sxg += (xs[i]! - mx) * (gs[i]! - mg)
    sgg += (gs[i]! - mg) ** 2
  }
  if (sxx === 0) throw new MethodInputError('β-convergence needs different initial levels')
  const b = sxg / sxx
  const a = mg - b * mx
  const ssr = sgg - b * sxg
  const se_b = Math.sqrt(ssr / (n - 2) / sxx)
  const r2 = sgg === 0 ? Number.NaN : 1 - ssr / sgg
  // 1 + bτ ≤ 0 has no implied speed (the log is undefined): null, not a number
  const lambda = 1 + b * tau > 0 ? -Math.log(1 + b * tau) / tau : Number.NaN
  const half_life = lambda > 0 ? Math.LN2 / lambda : Number.NaN
  return { beta: { b, a, se_b, r2, lambda, half_life, n }, excluded }
}
