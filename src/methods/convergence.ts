/**
 * σ- and absolute β-convergence of a panel: one row per unit, one column per period named by its
 * year ("2015", "pcgdp1940": the last 4-digit year in the name).
 *
 * σ-convergence (Barro & Sala-i-Martin 1992, "Convergence", J. Political Economy 100(2):223–251;
 * Sala-i-Martin 1996, "The classical approach to convergence analysis", Economic Journal
 * 106(437):1019–1036): the dispersion of ln y across units in each period,
 *   σ_t = sd_i(ln y_it),
 * with the population sd (divide by n, numpy's default) or, with `sd: 'sample'`, the n − 1 sd; the
 * coefficient of variation CV_t = sd_i(y_it)/mean_i(y_it) (same divisor) is given beside it. A falling
 * σ means convergence.
 * Absolute β-convergence: OLS across units of the average annual growth on the initial log level,
 *   g_i = ln(y_iT / y_i0) / τ = a + b ln y_i0 + ε_i,   τ = T − t0 years,
 * b = Σ(x − x̄)(g − ḡ)/Σ(x − x̄)², a = ḡ − b x̄, se(b) = √(SSR/(n − 2) / Σ(x − x̄)²),
 * t = b/se(b) with a two-sided p-value from Student's t with n − 2 degrees of freedom, R² = 1 − SSR/SST.
 * b < 0 is convergence. Since g_i = −((1 − e^{−λτ})/τ) ln y_i0 + … (Barro & Sala-i-Martin 1992,
 * eq. 11), b = −(1 − e^{−λτ})/τ, so the implied speed of convergence is
 *   λ = −ln(1 + bτ)/τ,   half-life = ln 2 / λ   (Sala-i-Martin 1996, §3).
 * λ is undefined (NaN) when 1 + bτ ≤ 0, and the half-life when λ ≤ 0 (no convergence).
 *
 * Missing data: a unit with a missing or non-positive value (ln y undefined) is left out and listed.
 * `sample: 'available'` (default) uses each period's valid units for σ_t (their count is `n`) and the
 * units valid in both β years for β, so a panel whose series start in different years still gives
 * every period; `sample: 'balanced'` leaves such a unit out of every period and of β, so that σ_t
 * compares the same units throughout.
 */
import type { Matrix } from './matrix.ts'
import { tCdf } from './stats/t-dist.ts'
import { MethodInputError } from './weights.ts'

export interface Beta {
  b: number
  a: number
  se_b: number
  t_b: number
  p_b: number
  r2: number
  lambda: number
  half_life: number
  n: number
  from: number
  to: number
}

export interface ConvergenceOptions {
  from?: number
  to?: number
  sd?: 'population' | 'sample'
  sample?: 'balanced' | 'available'
}

export interface ConvergenceResult {
  /** ascending */
  years: number[]
  /** the column of each year */
  columns: string[]
  /** units in σ_t and CV_t per period */
  n: Float64Array
  sigma: Float64Array
  cv: Float64Array
  beta: Beta
  excluded: { unit: string; reason: string }[]
  notes: string[]
}

/** The last 4-digit year (1800–2999) in a column name: "2015", "gdp_2020", "pcgdp1940". */
export function yearOf(column: string): number | null {
  const years = (column.match(/\d+/g) ?? []).filter((run) => /^(1[89]|2\d)\d\d$/.test(run))
  return years.length ? Number(years.at(-1)) : null
}

export function convergence(m: Matrix, o: ConvergenceOptions = {}): ConvergenceResult {
  const order = periodOrder(m)
  const years = order.map((p) => p.year)
  const cols = order.map((p) => p.j)
  const from = o.from ?? years[0]!
  const to = o.to ?? years.at(-1)!
  const k0 = years.indexOf(from)
  const k1 = years.indexOf(to)
  if (k0 < 0 || k1 < 0)
    throw new MethodInputError(`no column for year ${k0 < 0 ? from : to} (years: ${years.join(', ')})`)
  if (!(to > from))
    throw new MethodInputError(`β needs a final year after the initial year (${from} → ${to})`)
  const sample = o.sample ?? 'available'
  // valid[i * P + k]: unit i has a positive value in period k
  const P = cols.length
  const valid = new Uint8Array(m.rows * P)
  const excluded: { unit: string; reason: string }[] = []
  const include = new Uint8Array(m.rows)
  for (let i = 0; i < m.rows; i++) {
    const missing: number[] = []
    const nonPositive: number[] = []
    for (let k = 0; k < P; k++) {
      const y = m.data[i * m.cols + cols[k]!]!
      if (y > 0) valid[i * P + k] = 1
      else (Number.isNaN(y) ? missing : nonPositive).push(years[k]!)
    }
    const inBeta = valid[i * P + k0] && valid[i * P + k1]
    include[i] = sample === 'balanced' ? (missing.length + nonPositive.length === 0 ? 1 : 0) : inBeta ? 1 : 0
    if (!include[i]) excluded.push({ unit: m.units[i]!, reason: reasonOf(missing, nonPositive) })
  }
  const notes: string[] = []
  const n = new Float64Array(P)
  const sigma = new Float64Array(P)
  const cv = new Float64Array(P)
  for (let k = 0; k < P; k++) {
    const use = (i: number) => (sample === 'balanced' ? include[i]! === 1 : valid[i * P + k]! === 1)
    ;[n[k], sigma[k], cv[k]] = dispersion(m, cols[k]!, use, o.sd ?? 'population')
  }
  const beta = betaConvergence(m, cols[k0]!, cols[k1]!, to - from, include, notes)
  return {
    years,
    columns: cols.map((j) => m.columns[j]!),
    n,
    sigma,
    cv,
    beta: { ...beta, from, to },
    excluded,
    notes,
  }
}

function periodOrder(m: Matrix): { year: number; j: number }[] {
  const seen = new Map<number, string>()
  const order = m.columns.map((c, j) => {
    const year = yearOf(c)
    if (year === null)
      throw new MethodInputError(`column "${c}" names no year (expected e.g. 2015 or pcgdp1940)`)
    const other = seen.get(year)
    if (other !== undefined)
      throw new MethodInputError(`columns "${other}" and "${c}" name the same year ${year}`)
    seen.set(year, c)
    return { year, j }
  })
  if (order.length < 2) throw new MethodInputError('convergence needs at least two periods (year columns)')
  return order.sort((p, q) => p.year - q.year)
}

function reasonOf(missing: number[], nonPositive: number[]): string {
  const parts: string[] = []
  if (missing.length) parts.push(`missing in ${missing.join(', ')}`)
  if (nonPositive.length) parts.push(`not positive in ${nonPositive.join(', ')}`)
  return parts.join('; ')
}

/** [n, sd(ln y), sd(y)/mean(y)] over the units `use` selects; two passes for a stable variance. */
function dispersion(
  m: Matrix,
  j: number,
  use: (i: number) => boolean,
  sd: 'population' | 'sample',
): [number, number, number] {
  let n = 0
  let sl = 0
  let s = 0
  for (let i = 0; i < m.rows; i++) {
    if (!use(i)) continue
    const y = m.data[i * m.cols + j]!
    n++
    sl += Math.log(y)
    s += y
  }
  const dof = sd === 'sample' ? n - 1 : n
  if (n === 0 || dof <= 0) return [n, Number.NaN, Number.NaN]
  const ml = sl / n
  const my = s / n
  let vl = 0
  let vy = 0
  for (let i = 0; i < m.rows; i++) {
    if (!use(i)) continue
    const y = m.data[i * m.cols + j]!
    vl += (Math.log(y) - ml) ** 2
    vy += (y - my) ** 2
  }
  return [n, Math.sqrt(vl / dof), Math.sqrt(vy / dof) / my]
}

function betaConvergence(
  m: Matrix,
  j0: number,
  j1: number,
  tau: number,
  include: Uint8Array,
  notes: string[],
) {
  let n = 0
  let sx = 0
  let sg = 0
  const at = (i: number, j: number) => m.data[i * m.cols + j]!
  for (let i = 0; i < m.rows; i++) {
    if (!include[i]) continue
    n++
    sx += Math.log(at(i, j0))
    sg += Math.log(at(i, j1) / at(i, j0)) / tau
  }
  const nan = Number.NaN
  const none = { b: nan, a: nan, se_b: nan, t_b: nan, p_b: nan, r2: nan, lambda: nan, half_life: nan, n }
  if (n < 3) {
    notes.push(`β needs at least 3 units with positive values in both years (have ${n})`)
    return none
  }
  const mx = sx / n
  const mg = sg / n
  let sxx = 0
  let sxg = 0
  let sgg = 0
  for (let i = 0; i < m.rows; i++) {
    if (!include[i]) continue
    const dx = Math.log(at(i, j0)) - mx
    const dg = Math.log(at(i, j1) / at(i, j0)) / tau - mg
    sxx += dx * dx
    sxg += dx * dg
    sgg += dg * dg
  }
  if (!(sxx > 0)) {
    notes.push('β is undefined: every unit starts at the same level')
    return none
  }
  const b = sxg / sxx
  const a = mg - b * mx
  const ssr = Math.max(0, sgg - b * sxg)
  const se_b = Math.sqrt(ssr / (n - 2) / sxx)
  const t_b = b / se_b
  const p_b = Number.isFinite(t_b) ? 2 * (1 - tCdf(Math.abs(t_b), n - 2)) : nan
  const r2 = sgg > 0 ? 1 - ssr / sgg : nan
  const lambda = 1 + b * tau > 0 ? -Math.log(1 + b * tau) / tau : nan
  if (Number.isNaN(lambda)) notes.push(`no implied speed of convergence: 1 + bτ = ${1 + b * tau} ≤ 0`)
  const half_life = lambda > 0 ? Math.LN2 / lambda : nan
  return { b, a, se_b, t_b, p_b, r2, lambda, half_life, n }
}
