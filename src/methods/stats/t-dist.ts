/**
 * Student's t distribution: CDF through the regularised incomplete beta function,
 *   F(t; ν) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½)  for t ≥ 0 (symmetric below),
 * with I_x(a, b) by Lentz's continued fraction (Press et al., *Numerical Recipes*, 3rd ed., §6.4)
 * and ln Γ by the Lanczos approximation (ibid. §6.1). The quantile inverts the CDF by bisection
 * refined with Newton steps on the density. Used by `forecast` for prediction intervals
 * (t_{n−2, 1−α/2}) and for the probability of reaching a target.
 */

const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 3.399464998481189e-5,
  4.652362892704858e-5, -9.837447530487956e-5, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-5, -2.6190838401581408e-5,
  3.6899182659531625e-6,
]

/** ln Γ(x), x > 0 (Numerical Recipes 3rd ed. gammln, 14-term Lanczos, |error| < 1e-15). */
export function lnGamma(x: number): number {
  let y = x
  const tmp = x + 5.2421875
  const t = (x + 0.5) * Math.log(tmp) - tmp
  let ser = 0.999999999999997
  for (const c of LANCZOS) ser += c / ++y
  return t + Math.log((2.5066282746310002 * ser) / x)
}

/** Continued fraction for I_x(a, b) (modified Lentz). */
function betaCf(a: number, b: number, x: number): number {
  const FPMIN = 1e-300
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < FPMIN) d = FPMIN
  d = 1 / d
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < FPMIN) d = FPMIN
    c = 1 + aa / c
    if (Math.abs(c) < FPMIN) c = FPMIN
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < FPMIN) d = FPMIN
    c = 1 + aa / c
    if (Math.abs(c) < FPMIN) c = FPMIN
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-15) break
  }
  return h
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const lbeta = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x)
  const front = Math.exp(lbeta)
  return x < (a + 1) / (a + b + 2) ? (front * betaCf(a, b, x)) / a : 1 - (front * betaCf(b, a, 1 - x)) / b
}

/**
 * F(t; ν). Near 0 (t² < ν) the form ½ + ½·sign(t)·I_{t²/(ν+t²)}(½, ν/2) is used instead, since
 * ν/(ν+t²) rounds to 1 there and the tail form would lose every digit of F − ½.
 */
export function tCdf(t: number, nu: number): number {
  if (Number.isNaN(t)) return Number.NaN
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0
  const t2 = t * t
  if (t2 < nu) {
    const half = 0.5 * incompleteBeta(t2 / (nu + t2), 0.5, nu / 2)
    return t >= 0 ? 0.5 + half : 0.5 - half
  }
  const tail = 0.5 * incompleteBeta(nu / (nu + t2), nu / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

export function tPdf(t: number, nu: number): number {
  return Math.exp(
    lnGamma((nu + 1) / 2) -
      lnGamma(nu / 2) -
      0.5 * Math.log(nu * Math.PI) -
      ((nu + 1) / 2) * Math.log(1 + (t * t) / nu),
  )
}

/**
 * The p-quantile of t with ν degrees of freedom (ν > 0, 0 < p < 1). Solved on the lower tail,
 * where the CDF keeps full relative precision, and mirrored for p > ½, so q(1 − p) = −q(p)
 * exactly: bracket by doubling, bisect to 1e-12, then three Newton steps on the density.
 */
export function tQuantile(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile needs 0 < p < 1, got ${p}`)
  if (!(nu > 0)) throw new RangeError(`degrees of freedom must be positive, got ${nu}`)
  if (p === 0.5) return 0
  const tail = Math.min(p, 1 - p)
  let lo = -1
  while (tCdf(lo, nu) > tail) lo *= 2
  let hi = lo === -1 ? 0 : lo / 2
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, -lo); i++) {
    const mid = (lo + hi) / 2
    if (tCdf(mid, nu) < tail) lo = mid
    else hi = mid
  }
  let x = (lo + hi) / 2
  for (let i = 0; i < 3; i++) {
    const step = (tCdf(x, nu) - tail) / tPdf(x, nu)
    if (!Number.isFinite(step)) break
    x -= step
  }
  return p < 0.5 ? x : -x
}
