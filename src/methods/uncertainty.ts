/**
 * Rank uncertainty and sensitivity of a composite index, as COINr's get_sensitivity()
 * (bluefoxr/COINr R/sensitivity.R at b9682034635df03279896b6cb025cd3534f82cbb: get_sensitivity,
 * SA_sample, SA_estimate, get_noisy_weights; JRC/OECD Handbook on Constructing Composite
 * Indicators 2008, §7; Saisana, Saltelli & Tarantola 2005, J. R. Stat. Soc. A 168(2):307–323,
 * doi:10.1111/j.1467-985X.2005.00350.x; Saltelli et al. 2008, Global Sensitivity Analysis: The
 * Primer, for the design).
 *
 * Uncertain inputs ("choices"), each drawn uniformly: the normalisation, the weighting scheme, the
 * aggregation (each a discrete list: option k = ⌊u·K⌋ of a uniform u), and the weight perturbation
 * δ: every weight × (1 + δ(2u − 1)), i.e. × U(1 − δ, 1 + δ), then used as relative weights among
 * siblings (COINr get_noisy_weights). A choice with one option (or δ = 0) is fixed.
 *
 * Design (COINr SA_sample, Saltelli 2010): with d varying choices and D draws, N = ⌊D/(d+2)⌋ base
 * rows; matrices A and B (N × d uniforms each) and, per choice i, A_B^i = A with column i from B;
 * the perturbation is one choice whose "value" is a whole noise vector. Draws beyond N(d+2) (or all
 * draws when N < 2 or d = 0) are further independent draws. Every draw is marginally a draw of the
 * choices, so the rank statistics use all D draws (COINr uses the 2N of A and B).
 * Per unit: nominal rank (first option of every choice, no perturbation), median rank and the
 * 5% / 95% quantiles (R type 7, as COINr's stats::quantile).
 * Sensitivity, as COINr SA_estimate with COINr's output y = mean over units of |rank − nominal|:
 *   V = var(y_A ∪ y_B) (n − 1),  S_i = mean(y_B (y_ABi − y_A)) / V,  ST_i = Σ (y_A − y_ABi)² / (2N V)
 * (COINr's SA_estimate: the Saltelli et al. 2010 first-order and Jansen total-order estimators).
 * Monte-Carlo estimates can fall a little outside [0, 1]; they are reported as estimated. With
 * V = 0 no rank moves and every index is 0; with N < 2 they cannot be estimated: NaN (JSON null).
 *
 * Work is reused across draws: the data are prepared (screened, imputed, treated) once, normalised
 * once per normalisation option, turned once into the values each mean sums (z, ln z or 1/z), base
 * weights computed once per scheme; draws only write weights into preallocated buffers and are
 * aggregated LANES at a time in one pass over the data (aggregate.ts), then ranked by a radix
 * sort into preallocated typed arrays (RadixRanker). A choice that cannot be applied to the data (a geometric or
 * harmonic mean over a normalisation with a value ≤ 0) is refused before any draw, never skipped.
 */
import { mulberry32 } from '../statistics/synth.ts'
import {
  type Aggregation,
  aggregateLanes,
  type CompiledHierarchy,
  compileHierarchy,
  LANES,
  linearInput,
  ROWS as ROWS_PER_STEP,
} from './composite/aggregate.ts'
import type { Hierarchy } from './composite/hierarchy.ts'
import {
  type CompositeNormalization,
  type CompositeOptions,
  normaliseStage,
  prepare,
  schemeWeights,
  type WeightScheme,
} from './composite/pipeline.ts'
import { withHeap } from './kernels/heap.ts'
import { kernels } from './kernels/index.ts'
import type { Matrix } from './matrix.ts'
import { MethodInputError } from './weights.ts'

export interface UncertaintyOptions {
  /** the fixed steps (screening, imputation, treatment, min-max range) */
  base: Omit<CompositeOptions, 'normalize' | 'weights' | 'aggregation'>
  normalize: CompositeNormalization[]
  weights: WeightScheme[]
  aggregation: Aggregation[]
  /** δ in [0, 1): each weight × U(1 − δ, 1 + δ) */
  perturb: number
  draws: number
  seed: number
}

export type Choice = 'normalize' | 'scheme' | 'aggregation' | 'perturb'

export interface UncertaintyResult {
  units: string[]
  nominalRank: Float64Array
  rankMedian: Float64Array
  rankP05: Float64Array
  rankP95: Float64Array
  /** first-order index S_i per varying choice */
  sensitivity: Partial<Record<Choice, number>>
  /** total-order index ST_i per varying choice */
  sensitivityTotal: Partial<Record<Choice, number>>
  /** base rows N of the Saltelli design (0 when not estimated) */
  baseRows: number
  draws: number
}

interface Setting {
  normalize: number
  scheme: number
  aggregation: number
  /** index into the noise bank, −1 = unperturbed */
  noise: number
}

export function uncertainty(raw: Matrix, h: Hierarchy, o: UncertaintyOptions): UncertaintyResult {
  const plan = uncertaintyPlan(raw, h, o)
  drawBlocks(plan.work, 0, plan.work.blocks.length, plan.ranks)
  return uncertaintySummary(plan)
}

/**
 * Everything before the draws are aggregated and ranked: the prepared and normalised data, the
 * settings, their slots and the blocks of LANES draws with their weights. `drawBlocks` then ranks
 * any range of blocks independently of the others (a parallel caller gives each thread a range of
 * one shared `ranks` array; the result is the same bit for bit), and `uncertaintySummary` reads
 * the ranks. With `shared`, the arrays the blocks read and write are on SharedArrayBuffers.
 */
export interface UncertaintyPlan {
  units: string[]
  factors: Choice[]
  /** base rows N of the Saltelli design (< 2: not estimated) */
  N: number
  slotOf: Int32Array
  work: DrawWork
  /** unit-major: unit i's rank in slot k at ranks[i·S + k] */
  ranks: Float64Array
}

export function uncertaintyPlan(
  raw: Matrix,
  h: Hierarchy,
  o: UncertaintyOptions,
  shared = false,
): UncertaintyPlan {
  const alloc = (length: number) =>
    new Float64Array(shared ? new SharedArrayBuffer(8 * length) : new ArrayBuffer(8 * length))
  if (!Number.isInteger(o.draws) || o.draws < 2)
    throw new MethodInputError('uncertainty needs at least 2 draws')
  if (!(o.perturb >= 0 && o.perturb < 1)) throw new MethodInputError('perturbation δ must be in [0, 1)')
  for (const [name, xs] of [
    ['normalize', o.normalize],
    ['scheme', o.weights],
    ['aggregation', o.aggregation],
  ] as const)
    if (xs.length === 0 || new Set(xs).size !== xs.length)
      throw new MethodInputError(`${name}: give one or more distinct options`)
  const p = prepare(raw, h, o.base)
  const units = p.matrix.units as string[]
  const U = units.length
  const K = p.matrix.cols
  const c = compileHierarchy(h, p.matrix.columns)
  const A = c.aggregates.length
  const normalised = o.normalize.map((scheme) => {
    const n = normaliseStage(p.matrix, scheme, p.directions, o.base.range, alloc)
    // min-max onto [a, b] with a > 0 is positive by construction
    if (!(scheme === 'minmax' && o.base.range[0] > 0))
      for (const how of o.aggregation) if (how !== 'arithmetic') refuseNonPositive(n, scheme, how)
    return n.data
  })
  const baseWeights = o.weights.map((s) => {
    const w = schemeWeights(h, s, p.matrix, p.directions)
    return {
      ind: Float64Array.from(p.matrix.columns, (code) => w.get(code)!),
      agg: Float64Array.from(c.aggregates, (code, k) => (c.aggregateParent[k]! < 0 ? 1 : w.get(code)!)),
    }
  })

  const factors: Choice[] = []
  if (o.normalize.length > 1) factors.push('normalize')
  if (o.weights.length > 1) factors.push('scheme')
  if (o.aggregation.length > 1) factors.push('aggregation')
  if (o.perturb > 0) factors.push('perturb')
  const d = factors.length
  const N = d > 0 ? Math.floor(o.draws / (d + 2)) : 0
  const design = N >= 2 ? N * (d + 2) : 0
  // the nominal setting goes first, through exactly the same arithmetic as the draws
  const settings = [
    { normalize: 0, scheme: 0, aggregation: 0, noise: -1 },
    ...sample(o, factors, N >= 2 ? N : 0, o.draws - design),
  ]
  const noise = noiseBank(mulberry32((o.seed ^ 0x5bd1e995) >>> 0), settings, K + A, o.perturb)
  const S = settings.length
  const { work, slotOf } = planDraws(
    settings,
    { normalised, baseWeights, noise, aggregation: o.aggregation, U, K, c },
    alloc,
    shared,
  )
  return { units, factors, N, slotOf, work, ranks: alloc(S * U) }
}

/** The nominal ranks, rank quantiles and sensitivity indices from the ranks of every draw. */
export function uncertaintySummary(plan: UncertaintyPlan): UncertaintyResult {
  const { units, factors, N, slotOf, ranks } = plan
  const U = units.length
  const S = slotOf.length
  const nominalSlot = slotOf[0]!
  const nominalRank = Float64Array.from({ length: U }, (_, i) => ranks[i * S + nominalSlot]!)
  const D = S - 1
  const y = meanAbsShift(ranks, U, slotOf)

  const { median, p05, p95 } = rankQuantiles(ranks, U, S, nominalSlot)
  const sensitivity: UncertaintyResult['sensitivity'] = {}
  const sensitivityTotal: UncertaintyResult['sensitivityTotal'] = {}
  factors.forEach((f, i) => {
    const est = N >= 2 ? saltelli(y, N, i) : { S: Number.NaN, ST: Number.NaN }
    sensitivity[f] = est.S
    sensitivityTotal[f] = est.ST
  })
  return {
    units,
    nominalRank,
    rankMedian: median,
    rankP05: p05,
    rankP95: p95,
    sensitivity,
    sensitivityTotal,
    baseRows: N >= 2 ? N : 0,
    draws: D,
  }
}

interface DrawData {
  /** normalised values per normalisation option */
  normalised: Float64Array[]
  baseWeights: { ind: Float64Array; agg: Float64Array }[]
  noise: Float64Array
  aggregation: readonly Aggregation[]
  U: number
  K: number
  c: CompiledHierarchy
}

/** LANES draws aggregated in one pass: their input, mean, how many lanes are real, and the first of their consecutive slots. */
export interface DrawBlock {
  input: number
  how: Aggregation
  lanes: number
  slot: number
}

/** What `drawBlocks` reads (all plain data: it can be sent to a worker thread). */
export interface DrawWork {
  U: number
  K: number
  /** slots (settings) */
  S: number
  c: CompiledHierarchy
  /** the values each mean sums (linearInput), per normalisation × aggregation in use */
  inputs: { t: Float64Array; mask: Float64Array | null }[]
  blocks: DrawBlock[]
  /** per block, (K + A)·LANES numbers: wInd (K·LANES) then wAgg (A·LANES) */
  weights: Float64Array
}

/**
 * Slots and blocks of every setting: unit i's rank in a setting goes to ranks[i·S + slot], slots
 * following the processing order, so that the lanes of one block write neighbouring cells, and each
 * unit's ranks are contiguous for the quantiles. Settings sharing a normalisation and a mean are
 * aggregated LANES at a time in one pass over the data; a lane left over in the last block repeats
 * a real setting and is discarded.
 */
function planDraws(
  settings: readonly Setting[],
  x: DrawData,
  alloc: (length: number) => Float64Array,
  shared: boolean,
): { work: DrawWork; slotOf: Int32Array } {
  const { U, K, c } = x
  const A = c.aggregates.length
  const slotOf = new Int32Array(settings.length)
  let next = 0
  const groups = new Map<string, number[]>()
  settings.forEach((s, r) => {
    const key = `${s.normalize}|${s.aggregation}`
    const g = groups.get(key)
    if (g) g.push(r)
    else groups.set(key, [r])
  })
  let blockCount = 0
  for (const members of groups.values()) blockCount += Math.ceil(members.length / LANES)
  const width = (K + A) * LANES
  const weights = alloc(blockCount * width)
  const inputs: DrawWork['inputs'] = []
  const blocks: DrawBlock[] = []
  for (const members of groups.values()) {
    const first = settings[members[0]!]!
    const how = x.aggregation[first.aggregation]!
    const input = linearInput(x.normalised[first.normalize]!, how, alloc)
    // what the workers read must be shared (min-max output and linearInput's arrays already are)
    const copy = (a: Float64Array) => {
      if (!shared || a.buffer instanceof SharedArrayBuffer) return a
      const b = alloc(a.length)
      b.set(a)
      return b
    }
    inputs.push({ t: copy(input.t), mask: input.mask && copy(input.mask) })
    for (let start = 0; start < members.length; start += LANES) {
      const block = members.slice(start, start + LANES)
      const base = blocks.length * width
      const wInd = weights.subarray(base, base + K * LANES)
      const wAgg = weights.subarray(base + K * LANES, base + width)
      for (let b = 0; b < LANES; b++) {
        const s = settings[block[Math.min(b, block.length - 1)]!]!
        const bw = x.baseWeights[s.scheme]!
        const f = s.noise < 0 ? null : x.noise.subarray(s.noise * (K + A), (s.noise + 1) * (K + A))
        for (let j = 0; j < K; j++) wInd[j * LANES + b] = bw.ind[j]! * (f ? f[j]! : 1)
        for (let k = 0; k < A; k++) wAgg[k * LANES + b] = bw.agg[k]! * (f ? f[K + k]! : 1)
      }
      blocks.push({ input: inputs.length - 1, how, lanes: block.length, slot: next })
      for (const r of block) slotOf[r] = next++
    }
  }
  return { work: { U, K, S: settings.length, c, inputs, blocks, weights }, slotOf }
}

/** Aggregates and ranks blocks [from, to) of `w` into `ranks` (S·U, unit-major). */
export function drawBlocks(w: DrawWork, from: number, to: number, ranks: Float64Array): void {
  let k = from
  drawClaimed(w, ranks, () => (k < to ? k++ : -1))
}

/** Aggregates and ranks each block `next()` gives until it gives −1 (one set of scratch buffers for all). */
export function drawClaimed(w: DrawWork, ranks: Float64Array, next: () => number): void {
  const { U, K, S, c } = w
  const A = c.aggregates.length
  const width = (K + A) * LANES
  const ranker = new RadixRanker(U)
  // the inputs, weights and scores on the kernel heap once for all blocks (no copy when already there)
  withHeap((h) => {
    const out = h.f64(U * LANES)
    const inputs = w.inputs.map((i) => ({ t: h.copy(i.t), mask: i.mask && h.copy(i.mask) }))
    const weights = h.copy(w.weights)
    const acc = h.f64(ROWS_PER_STEP * A * LANES)
    const wsum = h.f64(ROWS_PER_STEP * A * LANES)
    for (let k = next(); k >= 0; k = next()) {
      const b = w.blocks[k]!
      const base = k * width
      const wInd = weights.subarray(base, base + K * LANES)
      const wAgg = weights.subarray(base + K * LANES, base + width)
      aggregateLanes(inputs[b.input]!, U, K, c, b.how, wInd, wAgg, out, acc, wsum)
      for (let lane = 0; lane < b.lanes; lane++)
        ranker.rank(out.subarray(lane * U, (lane + 1) * U), ranks, b.slot + lane, S)
    }
  })
}

function refuseNonPositive(n: Matrix, scheme: string, how: Aggregation): void {
  for (let k = 0; k < n.data.length; k++)
    if (n.data[k]! <= 0)
      throw new MethodInputError(
        `${how} aggregation cannot apply to ${scheme} normalisation: ${n.units[Math.floor(k / n.cols)]} × ${n.columns[k % n.cols]} is ${n.data[k]} (needs values > 0${scheme === 'minmax' ? '; use a positive range, e.g. --range 1,100' : ''})`,
      )
}

/** Draw settings: the Saltelli rows A, B, A_B^1..A_B^d (N each), then `extra` independent rows. */
function sample(o: UncertaintyOptions, factors: readonly Choice[], N: number, extra: number): Setting[] {
  const rand = mulberry32(o.seed)
  const d = factors.length
  const uniforms = (rows: number) =>
    Array.from({ length: rows }, () => Array.from({ length: d }, () => rand()))
  const XA = uniforms(N)
  const XB = uniforms(N)
  const XE = uniforms(extra)
  let noiseId = 0
  const idsA = XA.map(() => noiseId++)
  const idsB = XB.map(() => noiseId++)
  const idsE = XE.map(() => noiseId++)
  const option = (u: number, count: number) => Math.min(count - 1, Math.floor(u * count))
  const setting = (u: readonly number[], noise: number): Setting => {
    const value = (f: Choice) => u[factors.indexOf(f)]
    const pick = (f: Choice, count: number) => (factors.includes(f) ? option(value(f)!, count) : 0)
    return {
      normalize: pick('normalize', o.normalize.length),
      scheme: pick('scheme', o.weights.length),
      aggregation: pick('aggregation', o.aggregation.length),
      noise: factors.includes('perturb') ? noise : -1,
    }
  }
  const rows: Setting[] = [
    ...XA.map((u, n) => setting(u, idsA[n]!)),
    ...XB.map((u, n) => setting(u, idsB[n]!)),
  ]
  for (let i = 0; i < d; i++)
    for (const [n, u] of XA.entries()) {
      const mixed = [...u]
      mixed[i] = XB[n]![i]!
      // the perturbation "value" is the whole noise vector: B's for the column taken from B
      rows.push(setting(mixed, factors[i] === 'perturb' ? idsB[n]! : idsA[n]!))
    }
  rows.push(...XE.map((u, n) => setting(u, idsE[n]!)))
  return rows
}

/** One noise vector (factors 1 + δ(2u − 1)) per noise id used by the settings. */
function noiseBank(
  rand: () => number,
  settings: readonly Setting[],
  width: number,
  delta: number,
): Float64Array {
  let ids = 0
  for (const s of settings) if (s.noise + 1 > ids) ids = s.noise + 1
  const bank = new Float64Array(ids * width)
  for (let k = 0; k < bank.length; k++) bank[k] = 1 + delta * (2 * rand() - 1)
  return bank
}

/** y_r = mean over ranked units of |rank in setting r − nominal rank (setting 0)|, r = 1 … S−1. */
function meanAbsShift(ranks: Float64Array, U: number, slotOf: Int32Array): Float64Array {
  const S = slotOf.length
  const sum = new Float64Array(S)
  const count = new Float64Array(S)
  const nominalSlot = slotOf[0]!
  for (let i = 0; i < U; i++) {
    const nominal = ranks[i * S + nominalSlot]!
    for (let k = 0; k < S; k++) {
      const v = Math.abs(ranks[i * S + k]! - nominal)
      if (Number.isNaN(v)) continue
      sum[k] = sum[k]! + v
      count[k] = count[k]! + 1
    }
  }
  return Float64Array.from({ length: S - 1 }, (_, r) => {
    const k = slotOf[r + 1]!
    return count[k]! === 0 ? 0 : sum[k]! / count[k]!
  })
}

/** COINr SA_estimate for choice i (0-based): y = [y_A (N), y_B (N), y_AB1 (N), …, y_ABd (N), extra…]. */
export function saltelli(y: ArrayLike<number>, N: number, i: number): { S: number; ST: number } {
  let mean = 0
  for (let r = 0; r < 2 * N; r++) mean += y[r]!
  mean /= 2 * N
  let V = 0
  for (let r = 0; r < 2 * N; r++) V += (y[r]! - mean) ** 2
  V /= 2 * N - 1
  if (V === 0) return { S: 0, ST: 0 }
  let s = 0
  let st = 0
  for (let n = 0; n < N; n++) {
    const yA = y[n]!
    const yB = y[N + n]!
    const yAB = y[(2 + i) * N + n]!
    s += yB * (yAB - yA)
    st += (yA - yAB) ** 2
  }
  return { S: s / N / V, ST: st / (2 * N * V) }
}

/**
 * Per unit i: median, 5% and 95% quantiles (R type 7) of ranks[i·S + k] over the slots k except
 * `skip` (the nominal setting's); NaN left out. Ranks are whole numbers, usually within a narrow band per unit: a counting sort over that
 * band is exact and avoids a comparison sort per unit (a wide band falls back to one).
 */
export function rankQuantiles(ranks: Float64Array, U: number, S: number, skip: number) {
  const median = new Float64Array(U)
  const p05 = new Float64Array(U)
  const p95 = new Float64Array(U)
  const col = new Float64Array(S)
  const BAND = 4096
  const counts = new Int32Array(BAND)
  for (let i = 0; i < U; i++) {
    let n = 0
    let lo = Infinity
    let hi = -Infinity
    for (let k = 0; k < S; k++) {
      const v = ranks[i * S + k]!
      if (k === skip || Number.isNaN(v)) continue
      col[n++] = v
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
    const s = col.subarray(0, n)
    if (n > 0 && hi - lo < BAND) {
      counts.fill(0, 0, hi - lo + 1)
      for (let k = 0; k < n; k++) counts[s[k]! - lo] = counts[s[k]! - lo]! + 1
      let k = 0
      for (let v = 0; v <= hi - lo; v++) for (let c = counts[v]!; c > 0; c--) s[k++] = v + lo
    } else s.sort()
    median[i] = quantile(s, 0.5)
    p05[i] = quantile(s, 0.05)
    p95[i] = quantile(s, 0.95)
  }
  return { median, p05, p95 }
}

/** R's quantile type 7: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p, 0-based. */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

/**
 * Competition ranks (1 = highest; equal scores share the smallest rank, i.e. 1 + the number of
 * strictly higher scores; NaN unranked) for many score vectors of one length, by the rankInto
 * kernel: the units ordered by an LSD radix sort on the bits of −score mapped so that unsigned
 * order is numeric order (NaN → +∞, last), two 11-bit digits of the high words and an insertion
 * pass on the whole key (a full 64-bit radix sort when that pass would move too much). O(n) per
 * vector; scores on the kernel heap are read in place.
 */
export class RadixRanker {
  constructor(private readonly n: number) {}

  /** ranks into out[offset + i·stride] */
  rank(scores: Float64Array, out: Float64Array, offset = 0, stride = 1): void {
    const { n } = this
    withHeap((h) => {
      const k = kernels()
      const ranks = h.f64(n)
      const scratch = h.f64(Math.ceil(k.rankScratchBytes(n) / 8))
      k.rankInto(h.copy(scores.subarray(0, n)).byteOffset, n, ranks.byteOffset, 0, 1, scratch.byteOffset)
      for (let i = 0; i < n; i++) out[offset + i * stride] = ranks[i]!
    })
  }
}

/** Ranks 1 = highest, ties sharing the smallest rank: 1 + the number of strictly higher scores. */
export function competitionRanks(scores: Float64Array, sorted: Float64Array, out: Float64Array): void {
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
