/**
 * Coupling coordination (耦合协调度) of n ≥ 2 subsystem scores U_1..U_n ∈ [0, 1] per unit.
 *
 * Coupling degree C, two forms:
 * - `standard` (default):  C = { Π_i U_i / ((Σ_i U_i)/n)^n }^k,  k = 1/n by default, i.e.
 *     C = n (Π U)^(1/n) / Σ U            (geometric over arithmetic mean; C ∈ [0, 1], C = 1 iff all U equal)
 *   For n = 2 the bracket is 4U₁U₂/(U₁+U₂)², so C = {4U₁U₂/(U₁+U₂)²}^k, the two-system form of the
 *   literature; k is usually 1/n (k = 1/2 gives 2√(U₁U₂)/(U₁+U₂)); some papers use k = 2 for two
 *   systems. Any k > 0 keeps C in [0, 1]. This is the `standard` type of the R package mathmodels
 *   (`coupling_degree`, github.com/zhjx19/mathmodels R/eval_system.R), whose documentation notes
 *   that its values crowd near 1.
 * - `wang2021`: the revised model of 王淑佳, 孔伟, 任亮 等 (2021) 国内耦合协调度模型的误区及修正,
 *   自然资源学报 36(3):793–810, as implemented by mathmodels (`type = "adjusted"`):
 *     C = √{ [1 − Σ_{i<j} |U_i − U_j| / (n(n−1)/2)] · [Π_i (U_i / max U)]^(1/(n−1)) },
 *   which spreads C more evenly over [0, 1]. `k` does not apply.
 * Comprehensive development index T = Σ_i α_i U_i (α_i = 1/n unless given; α sums to 1).
 * Coupling coordination degree D = √(C · T), read in bands (default: ten bands of width 0.1 from
 * 极度失调 to 优质协调, lower bound inclusive, 1.0 in the top band).
 *
 * Missing data: a unit with any missing (NaN) score has C, T, D and level NaN/null. A unit whose
 * scores are all 0 has C undefined (0/0, NaN) but T = 0 and D = 0 (D = √(C·T) ≤ √T for any C in
 * [0, 1]), so its level is the lowest band. A score of 0 among positive ones gives C = 0 exactly
 * (the limit; mathmodels floors scores at 1e-10 instead).
 *
 * Inputs as published (domain.ts): a score outside [0, 1] by no more than the rounding tolerance
 * (0.001) is taken as the nearest bound and listed in `notes`; farther out it is an input error
 * naming the unit and column. Weights α within the tolerance of summing to 1 are rescaled, with a note.
 */
import { clampOrRefuse, sumToOne } from './domain.ts'
import type { Matrix } from './matrix.ts'
import { MethodInputError } from './weights.ts'

export interface Band {
  /** upper bound (exclusive, except the last band, which includes it) */
  upper: number
  zh: string
  en: string
}

export const DEFAULT_BANDS: readonly Band[] = [
  { upper: 0.1, zh: '极度失调', en: 'extreme imbalance' },
  { upper: 0.2, zh: '严重失调', en: 'serious imbalance' },
  { upper: 0.3, zh: '中度失调', en: 'moderate imbalance' },
  { upper: 0.4, zh: '轻度失调', en: 'mild imbalance' },
  { upper: 0.5, zh: '濒临失调', en: 'verging on imbalance' },
  { upper: 0.6, zh: '勉强协调', en: 'barely coordinated' },
  { upper: 0.7, zh: '初级协调', en: 'primary coordination' },
  { upper: 0.8, zh: '中级协调', en: 'intermediate coordination' },
  { upper: 0.9, zh: '良好协调', en: 'good coordination' },
  { upper: 1.0, zh: '优质协调', en: 'high-quality coordination' },
]

export const COUPLING_FORMS = ['standard', 'wang2021'] as const
export type CouplingForm = (typeof COUPLING_FORMS)[number]

export interface CouplingOptions {
  form?: CouplingForm
  /** exponent k of the standard form; default 1/n */
  k?: number
  /** α per subsystem, summing to 1; default 1/n each */
  alpha?: ArrayLike<number>
  bands?: readonly Band[]
}

export interface CouplingResult {
  C: Float64Array
  T: Float64Array
  D: Float64Array
  /** the band of D per unit, null where D is undefined or above the last band */
  level: (Band | null)[]
  form: CouplingForm
  /** the exponent used (standard form), NaN for wang2021 */
  k: number
  alpha: Float64Array
  /** scores and weights taken within the rounding tolerance (domain.ts), one line each */
  notes: string[]
}

export function coupling(m: Matrix, o: CouplingOptions = {}): CouplingResult {
  const n = m.cols
  if (n < 2) throw new MethodInputError('coupling needs at least two subsystem columns')
  const form = o.form ?? 'standard'
  if (form === 'wang2021' && o.k !== undefined)
    throw new MethodInputError('the exponent k applies to the standard form only')
  const k = form === 'standard' ? (o.k ?? 1 / n) : Number.NaN
  if (form === 'standard' && !(k > 0)) throw new MethodInputError(`k must be positive (got ${k})`)
  const { values: alpha, notes } = alphaOf(o.alpha, n)
  const scores = clampOrRefuse(m, 0, 1, 'coupling needs subsystem scores in [0, 1]')
  notes.unshift(...scores.notes)
  const bands = o.bands ?? DEFAULT_BANDS
  const { rows, data } = scores.matrix
  const C = new Float64Array(rows).fill(Number.NaN)
  const T = new Float64Array(rows).fill(Number.NaN)
  const D = new Float64Array(rows).fill(Number.NaN)
  const level: (Band | null)[] = new Array(rows).fill(null)
  for (let i = 0; i < rows; i++) {
    const at = i * n
    let sum = 0
    let t = 0
    let missing = false
    for (let j = 0; j < n; j++) {
      const u = data[at + j]!
      if (Number.isNaN(u)) {
        missing = true
        break
      }
      sum += u
      t += alpha[j]! * u
    }
    if (missing) continue
    T[i] = t
    if (sum === 0) {
      D[i] = 0
    } else {
      const c = form === 'standard' ? standardC(data, at, n, sum, k) : wangC(data, at, n)
      C[i] = c
      D[i] = Math.sqrt(c * t)
    }
    level[i] = bandOf(D[i]!, bands)
  }
  return { C, T, D, level, form, k, alpha, notes }
}

/** {Π U / (ΣU/n)^n}^k in logs, so that many subsystems cannot underflow the product. */
function standardC(data: Float64Array, at: number, n: number, sum: number, k: number): number {
  let logProd = 0
  for (let j = 0; j < n; j++) logProd += Math.log(data[at + j]!)
  // a zero score gives log 0 = −∞ and C = exp(−∞) = 0, its limit
  return Math.min(1, Math.exp(k * (logProd - n * Math.log(sum / n))))
}

/** 王淑佳 et al. (2021): √{(1 − mean pairwise |U_i − U_j|) · (Π U_i/max U)^(1/(n−1))}. */
function wangC(data: Float64Array, at: number, n: number): number {
  let max = 0
  for (let j = 0; j < n; j++) max = Math.max(max, data[at + j]!)
  let absDiff = 0
  let logRatio = 0
  for (let j = 0; j < n; j++) {
    const u = data[at + j]!
    logRatio += Math.log(u / max)
    for (let l = j + 1; l < n; l++) absDiff += Math.abs(u - data[at + l]!)
  }
  const c1 = 1 - absDiff / ((n * (n - 1)) / 2)
  const c2 = Math.exp(logRatio / (n - 1))
  return Math.sqrt(c1 * c2)
}

function alphaOf(given: ArrayLike<number> | undefined, n: number): { values: Float64Array; notes: string[] } {
  if (!given) return { values: new Float64Array(n).fill(1 / n), notes: [] }
  if (given.length !== n) throw new MethodInputError(`${given.length} weights α for ${n} subsystems`)
  return sumToOne(given, 'weights α')
}

/** The band holding d: bands are [previous upper, upper), the last one closed at its upper bound. */
export function bandOf(d: number, bands: readonly Band[]): Band | null {
  if (Number.isNaN(d)) return null
  for (const b of bands) if (d < b.upper) return b
  const last = bands.at(-1)
  return last && d <= last.upper ? last : null
}

/**
 * Bands from increasing upper cut points (e.g. 0.3, 0.5, 0.8): a final band up to 1 is added when
 * the last cut is below 1; labels are the intervals, e.g. "[0.3, 0.5)", the same in zh and en.
 */
export function bandsFromCuts(cuts: readonly number[]): Band[] {
  const uppers = [...cuts]
  for (let i = 0; i < uppers.length; i++) {
    if (!Number.isFinite(uppers[i]!) || uppers[i]! <= 0)
      throw new MethodInputError(`band cut ${uppers[i]} is not > 0`)
    if (i > 0 && !(uppers[i]! > uppers[i - 1]!)) throw new MethodInputError('band cuts must increase')
  }
  if (uppers.length === 0 || uppers.at(-1)! < 1) uppers.push(1)
  return uppers.map((upper, i) => {
    const lower = i === 0 ? 0 : uppers[i - 1]!
    const label = `[${lower}, ${upper}${i === uppers.length - 1 ? ']' : ')'}`
    return { upper, zh: label, en: label }
  })
}
