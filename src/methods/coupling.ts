/**
 * Coupling coordination (耦合协调度) of n subsystem scores U_1..U_n ∈ [0, 1] per unit.
 *
 *   C = [ Π_i U_i / ((Σ_i U_i)/n)^n ]^k        coupling degree
 *   T = Σ_i α_i U_i                             comprehensive development index (α = 1/n default)
 *   D = √(C · T)                                coupling coordination degree
 * With the default k = 1/n this is C = n (Π U)^(1/n) / Σ U, the corrected form that 王淑佳 et al.
 * (2021) "国内耦合协调度模型的误区及修正" argue for (it keeps C in [0, 1] for any n);
 * for n = 2 and k given, C = {4U₁U₂/(U₁+U₂)²}^k, the exponent variant of the older literature.
 * D is read in bands; the default ten bands of width 0.1 (极度失调 … 优质协调) are the convention
 * of that literature, and any cut points and labels may be given instead.
 * A unit with a missing or negative score, or all scores zero, has no C, T or D (null).
 */
import type { Matrix } from './matrix.ts'

export interface Band {
  /** upper bound (exclusive, except the last) */
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

export interface CouplingOptions {
  /** exponent k; default 1/n */
  k?: number
  /** α per subsystem, summing to 1; default 1/n each */
  alpha?: ArrayLike<number>
  bands?: readonly Band[]
}

export interface CouplingResult {
  C: Float64Array
  T: Float64Array
  D: Float64Array
  level: (Band | null)[]
  k: number
}

export function coupling(m: Matrix, o: CouplingOptions = {}): CouplingResult {
  const n = m.cols
  if (n < 2) throw new RangeError('coupling needs at least two subsystems (columns)')
  const k = o.k ?? 1 / n
  const alpha = o.alpha ?? new Float64Array(n).fill(1 / n)
  const bands = o.bands ?? DEFAULT_BANDS
  const C = new Float64Array(m.rows).fill(Number.NaN)
  const T = new Float64Array(m.rows).fill(Number.NaN)
  const D = new Float64Array(m.rows).fill(Number.NaN)
  const level: (Band | null)[] = []
  for (let i = 0; i < m.rows; i++) {
    let sum = 0
    let logProd = 0
    let t = 0
    let ok = true
    for (let j = 0; j < n; j++) {
      const u = m.data[i * n + j]!
      if (!(u >= 0)) ok = false
      sum += u
      logProd += Math.log(u)
      t += alpha[j]! * u
    }
    if (!ok || sum === 0) {
      level.push(null)
      continue
    }
    // in logs: Π U / (ΣU/n)^n can underflow for many subsystems; a zero score gives C = 0
    const c = Math.exp(k * (logProd - n * Math.log(sum / n)))
    C[i] = c
    T[i] = t
    D[i] = Math.sqrt(c * t)
    level.push(bandOf(D[i]!, bands))
  }
  return { C, T, D, level, k }
}

export function bandOf(d: number, bands: readonly Band[]): Band | null {
  for (const b of bands) if (d < b.upper) return b
  const last = bands.at(-1)
  return last && d <= last.upper ? last : null
}
