/**
 * Rank uncertainty and sensitivity of a composite index (JRC/OECD Handbook 2008, §7; Saisana,
 * Saltelli & Tarantola 2005, J. R. Stat. Soc. A 168(2):307–323; as COINr's get_sensitivity):
 * Monte-Carlo over the declared choices — normalisation, weighting scheme, weight perturbation
 * (each weight × U(1 − δ, 1 + δ), then used as relative weights) and aggregation — each draw
 * picking every choice uniformly with a seeded generator (mulberry32), so a seed gives the same
 * result every time. Per unit: the median rank and its 5–95% interval, beside the nominal rank
 * (first option of every choice, no perturbation).
 * Which choice moves ranks most: for each discrete choice the first-order index
 *   S = Σ_units Var_k(E[rank | choice = k]) / Σ_units Var(rank)
 * (the between-option share of the rank variance, a correlation ratio η²), and for the weight
 * perturbation the same with draws grouped by quartile of their mean absolute perturbation.
 * Work is reused across draws: the data are screened, imputed, treated and normalised once per
 * normalisation option; a draw only reweights and aggregates. A combination that cannot be
 * applied (a geometric or harmonic mean over z-scores or over a range including 0) is refused
 * before any draw, never skipped.
 */
import { mulberry32 } from '../statistics/synth.ts'
import { type Aggregation, aggregateCompiled, compileHierarchy } from './composite/aggregate.ts'
import type { Hierarchy } from './composite/hierarchy.ts'
import { aggregateAll, type CompositeOptions, composite } from './composite/pipeline.ts'
import type { Matrix } from './matrix.ts'
import { MethodInputError } from './weights.ts'

export interface UncertaintyOptions {
  base: Omit<CompositeOptions, 'normalize' | 'weights' | 'aggregation'>
  normalize: CompositeOptions['normalize'][]
  weights: CompositeOptions['weights'][]
  aggregation: Aggregation[]
  perturb: number
  draws: number
  seed: number
}

export interface UncertaintyResult {
  units: string[]
  nominalRank: Float64Array
  rankMedian: Float64Array
  rankP05: Float64Array
  rankP95: Float64Array
  sensitivity: Record<string, number>
  draws: number
}

export function uncertainty(raw: Matrix, h: Hierarchy, o: UncertaintyOptions): UncertaintyResult {
  if (o.draws < 2) throw new MethodInputError('uncertainty needs at least 2 draws')
  if (!(o.perturb >= 0 && o.perturb < 1)) throw new MethodInputError('--perturb must be in [0, 1)')
  for (const a of o.aggregation)
    if (a !== 'arithmetic') {
      if (o.normalize.includes('zscore'))
        throw new MethodInputError(`${a} aggregation cannot apply to z-scores (negative values)`)
      if (o.base.range[0] <= 0)
        throw new MethodInputError(
          `${a} aggregation needs a positive range (e.g. --range 1,100), not [${o.base.range.join(', ')}]`,
        )
    }
  // normalised matrices, once per option
  const normalised = new Map(
    o.normalize.map((n) => [
      n,
      composite(raw, h, { ...o.base, normalize: n, weights: 'meta', aggregation: 'arithmetic' }),
    ]),
  )
  const first = normalised.get(o.normalize[0]!)!
  const units = first.units
  const nominalRank = composite(raw, h, {
    ...o.base,
    normalize: o.normalize[0]!,
    weights: o.weights[0]!,
    aggregation: o.aggregation[0]!,
  }).rank
  // base weights per (normalisation, scheme), computed once
  const baseWeights = new Map<string, Map<string, number>>()
  for (const [n, res] of normalised)
    for (const w of o.weights) {
      const r = aggregateAll(
        res.stages.normalised!,
        h,
        { weights: w, aggregation: 'arithmetic' },
        { stages: {}, screenedOut: [], treatment: [] },
      )
      const map = new Map<string, number>()
      for (const node of Object.values(r.weights)) for (const [c, v] of Object.entries(node)) map.set(c, v)
      baseWeights.set(`${n}|${w}`, map)
    }
  const rand = mulberry32(o.seed)
  const U = units.length
  const ranks = new Float64Array(o.draws * U)
  const picks: { normalize: number[]; weights: number[]; aggregation: number[]; perturb: number[] } = {
    normalize: [],
    weights: [],
    aggregation: [],
    perturb: [],
  }
  const pick = <T>(xs: readonly T[], key: 'normalize' | 'weights' | 'aggregation'): T => {
    const k = Math.min(xs.length - 1, Math.floor(rand() * xs.length))
    picks[key].push(k)
    return xs[k]!
  }
  // the compiled structure and, per normalisation, the values (and their logs) are reused by every draw
  const columns = first.stages.normalised!.columns
  const compiled = compileHierarchy(h, columns)
  const data = new Map(
    [...normalised].map(([n, res]) => {
      const z = res.stages.normalised!.data
      const geo = o.aggregation.includes('geometric')
      return [n, { z, logz: geo ? z.map(Math.log) : null, complete: !z.some(Number.isNaN) }] as const
    }),
  )
  const K = columns.length
  const A = compiled.aggregates.length
  const wInd = new Float64Array(K)
  const wAgg = new Float64Array(A)
  const scores = new Float64Array(U)
  const sorted = new Float64Array(U)
  const scratch = new Float64Array(2 * A)
  for (let d = 0; d < o.draws; d++) {
    const n = pick(o.normalize, 'normalize')
    const w = pick(o.weights, 'weights')
    const a = pick(o.aggregation, 'aggregation')
    const bw = baseWeights.get(`${n}|${w}`)!
    let dev = 0
    const perturbed = (v: number) => {
      const f = 1 + o.perturb * (2 * rand() - 1)
      dev += Math.abs(f - 1)
      return v * f
    }
    for (let j = 0; j < K; j++) wInd[j] = perturbed(bw.get(columns[j]!)!)
    for (let k = 0; k < A; k++)
      wAgg[k] = compiled.aggregateParent[k]! < 0 ? 1 : perturbed(bw.get(compiled.aggregates[k]!)!)
    picks.perturb.push(dev / Math.max(1, K + A - 1))
    const { z, logz, complete } = data.get(n)!
    aggregateCompiled(z, logz, U, K, compiled, wInd, wAgg, a, scores, scratch, complete)
    competitionRanks(scores, sorted, ranks.subarray(d * U, (d + 1) * U))
  }
  const rankMedian = new Float64Array(U)
  const rankP05 = new Float64Array(U)
  const rankP95 = new Float64Array(U)
  const col = new Float64Array(o.draws)
  for (let i = 0; i < U; i++) {
    for (let d = 0; d < o.draws; d++) col[d] = ranks[d * U + i]!
    col.sort()
    rankMedian[i] = quantile(col, 0.5)
    rankP05[i] = quantile(col, 0.05)
    rankP95[i] = quantile(col, 0.95)
  }
  const sensitivity: Record<string, number> = {}
  for (const key of ['normalize', 'weights', 'aggregation'] as const)
    if (o[key].length > 1) sensitivity[key] = firstOrder(ranks, U, o.draws, picks[key])
  if (o.perturb > 0) sensitivity.perturb = firstOrder(ranks, U, o.draws, quartiles(picks.perturb))
  return { units, nominalRank, rankMedian, rankP05, rankP95, sensitivity, draws: o.draws }
}

/** Linear-interpolated quantile of a sorted array (R type 7). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!)
}

function quartiles(x: number[]): number[] {
  const s = [...x].sort((a, b) => a - b)
  const cut = [0.25, 0.5, 0.75].map((p) => s[Math.floor(p * (s.length - 1))]!)
  return x.map((v) => cut.filter((c) => v > c).length)
}

function firstOrder(ranks: Float64Array, U: number, D: number, group: number[]): number {
  let between = 0
  let total = 0
  const G = Math.max(...group) + 1
  const sum = new Float64Array(G)
  const count = new Float64Array(G)
  for (let i = 0; i < U; i++) {
    sum.fill(0)
    count.fill(0)
    let m = 0
    for (let d = 0; d < D; d++) m += ranks[d * U + i]!
    m /= D
    for (let d = 0; d < D; d++) {
      const r = ranks[d * U + i]!
      total += (r - m) ** 2
      sum[group[d]!] = sum[group[d]!]! + r
      count[group[d]!] = count[group[d]!]! + 1
    }
    for (let g = 0; g < G; g++) if (count[g]! > 0) between += count[g]! * (sum[g]! / count[g]! - m) ** 2
  }
  return total === 0 ? 0 : between / total
}

/** Ranks 1 = highest, ties sharing the smallest rank: 1 + the number of strictly higher scores. */
function competitionRanks(scores: Float64Array, sorted: Float64Array, out: Float64Array): void {
  sorted.set(scores)
  sorted.sort() // ascending; NaN last
  let valid = sorted.length
  while (valid > 0 && Number.isNaN(sorted[valid - 1]!)) valid--
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!
    if (Number.isNaN(s)) {
      out[i] = Number.NaN
      continue
    }
    // first index with sorted[idx] > s
    let lo = 0
    let hi = valid
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (sorted[mid]! > s) hi = mid
      else lo = mid + 1
    }
    out[i] = 1 + (valid - lo)
  }
}
