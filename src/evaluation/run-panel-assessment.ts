/**
 * `jueqi assess --synthetic`: the full evaluation over the SYNTHETIC county panel (indicators
 * `synthetic_NNN` loaded by `jueqi synth --load`), read from the store into one dense array
 * [year][unit][indicator] (store/panel.ts) and evaluated with the public methods of src/methods:
 * - entropy weights (direction-aware min-max, 0·ln 0 = 0) on the pooled panel, all years × units;
 * - the composite index of the index year by TOPSIS (vector normalisation, entropy weights in the
 *   matrix; missing cells imputed by the column mean of that year, as `impute(m, 'mean')`);
 * - coupling coordination of five subsystems (the indicators split into five runs in key order,
 *   as bench/evaluation.ts does) in every year: a subsystem's score is the entropy-weighted mean
 *   of its indicators' direction-aware min-max values of that year, a missing cell taking the
 *   column mean (the values of normalize(impute(m, 'mean')), not materialised);
 * - obstacle degree in the index year (the min-max matrix of the imputed year, entropy weights);
 * - disparity (CV, Theil T and L with between/within provinces, Gini) of every indicator in every
 *   year, units grouped by province (the first two digits of the code), missing cells left out;
 * - rank uncertainty of the index year's composite index (min-max onto [1, 100], mean imputation,
 *   meta/equal/entropy weights × arithmetic/geometric means × ±25 % weight perturbation).
 * Load and compute are timed apart, every step on its own. With a pool the entropy, disparity and
 * uncertainty steps take the parallel paths of src/methods/parallel (the same results bit for
 * bit). The saved run (kind `assess-synthetic`) keeps summaries, not the 17 million cells, and a
 * stamp whose input hash is taken over the dense array's bytes.
 */

import { createHash } from 'node:crypto'
import { buildHierarchy, type Hierarchy, type MetaRow } from '../methods/composite/hierarchy.ts'
import { impute } from '../methods/composite/prepare.ts'
import { type CouplingResult, coupling } from '../methods/coupling.ts'
import { type DisparityResult, disparityMeasures } from '../methods/disparity.ts'
import { withHeap } from '../methods/kernels/heap.ts'
import { kernels } from '../methods/kernels/index.ts'
import { createMatrix, type Direction, type Matrix } from '../methods/matrix.ts'
import { normalize } from '../methods/normalize.ts'
import { type ObstacleResult, obstacle, subsystemObstacle } from '../methods/obstacle.ts'
import {
  disparityParallelMany,
  entropyWeightsParallel,
  uncertaintyParallel,
  type WorkerPool,
} from '../methods/parallel/index.ts'
import { canonicalJson, type Stamp } from '../methods/stamp.ts'
import { type TopsisResult, topsis } from '../methods/topsis.ts'
import { type UncertaintyOptions, type UncertaintyResult, uncertainty } from '../methods/uncertainty.ts'
import {
  type EntropyOptions,
  type EntropyResult,
  entropyWeights,
  MethodInputError,
} from '../methods/weights.ts'
import type { Store } from '../store/db.ts'
import { indicatorMap } from '../store/indicators.ts'
import { type DensePanel, readDensePanel } from '../store/panel.ts'

export const ASSESS_SYNTHETIC_KIND = 'assess-synthetic'
export const ASSESS_SYNTHETIC_VERSION = '1'
export const SUBSYSTEMS = 5
const SYNTHETIC_KEY = /^synthetic_\d{3,}$/

export interface PanelAssessOptions {
  /** region level of the units (default county) */
  level?: string
  /** index year (default the panel's latest) */
  year?: number
  /** uncertainty draws (default 200) */
  draws?: number
  seed?: number
}

export interface PanelInput {
  panel: DensePanel
  directions: Direction[]
}

/** The synthetic indicators of the catalogue, in key order, and their directions. */
export async function loadSyntheticPanel(store: Store, level = 'county'): Promise<PanelInput> {
  const catalogue = await indicatorMap(store.db)
  const keys = [...catalogue.keys()].filter((k) => SYNTHETIC_KEY.test(k)).sort()
  if (keys.length < SUBSYSTEMS)
    throw new MethodInputError(
      `${keys.length} synthetic indicator(s) in the catalogue; at least ${SUBSYSTEMS} are needed (jueqi synth --load)`,
    )
  const panel = await readDensePanel(store, { keys, level })
  return { panel, directions: keys.map((k) => catalogue.get(k)!.direction as Direction) }
}

/** Subsystem of each indicator: five runs of ⌊K/5⌋ in order, the remainder in the last (K ≥ 5). */
export function subsystemOf(K: number): Int32Array {
  const per = Math.floor(K / SUBSYSTEMS)
  return Int32Array.from({ length: K }, (_, j) => Math.min(SUBSYSTEMS - 1, Math.floor(j / per)))
}

/** Indicators under five subsystems under one index, weight 1 each (the uncertainty's meta weights). */
export function panelHierarchy(keys: readonly string[], directions: readonly Direction[]): Hierarchy {
  const sub = subsystemOf(keys.length)
  const meta: MetaRow[] = [
    ...keys.map((code, j) => ({
      code,
      level: 1,
      parent: `S${sub[j]! + 1}`,
      weight: 1,
      direction: directions[j]!,
      denominator: null,
    })),
    ...Array.from({ length: SUBSYSTEMS }, (_, s) => ({
      code: `S${s + 1}`,
      level: 2,
      parent: 'INDEX',
      weight: 1,
      direction: 'higher' as const,
      denominator: null,
    })),
    { code: 'INDEX', level: 3, parent: null, weight: 1, direction: 'higher', denominator: null },
  ]
  return buildHierarchy(meta)
}

/** Year t of the panel as a matrix on the same memory (no copy). */
export function yearMatrix(p: DensePanel, t: number): Matrix {
  const n = p.units.length * p.keys.length
  return createMatrix(p.units, p.keys, p.data.subarray(t * n, (t + 1) * n))
}

/**
 * Subsystem scores in [0, 1]: per unit, Σ_{j∈s} w_j z_ij / Σ_{j∈s} w_j with z the direction-aware
 * min-max of the matrix with missing cells imputed by the column mean — cell for cell the values
 * of normalize(impute(m, 'mean'), minmax) (the mean is inside [min, max], so min and max are those
 * of the observed cells; a constant column is 1), without materialising either matrix: one pass
 * for each column's min, max and mean (summed in row order, as `impute`), one for the scores.
 */
export function subsystemScores(
  m: Matrix,
  directions: readonly Direction[],
  weights: ArrayLike<number>,
  sub: Int32Array,
): Matrix {
  const { rows, cols } = m
  const out = createMatrix(
    m.units,
    Array.from({ length: SUBSYSTEMS }, (_, s) => `S${s + 1}`),
  )
  withHeap((h) => {
    const k = kernels()
    const data = h.copy(m.data).byteOffset
    // each column's min and max (NaN skipped), count and sum in row order: the kernels' passes
    const range = h.f64(2 * cols)
    k.columnRanges(data, rows, cols, 0, cols, range.byteOffset, range.byteOffset + 8 * cols)
    const sums = h.f64(6 * cols) // n, negatives, W, WY = sum, one group's W and WY
    k.groupedSums(data, rows, cols, 0, cols, 0, 0, 1, sums.byteOffset)
    // normalize's minmax form: (x − min)/range, cost (max − x)/range = (x − max)/(−range) exactly;
    // a constant column (x − 0)/∞ + 1 = 1; a missing cell is the form of the column's mean
    const forms = h.f64(5 * cols) // c, d, e, miss, w
    forms.fill(0)
    const wsum = new Float64Array(SUBSYSTEMS)
    for (let j = 0; j < cols; j++) {
      const lo = range[j]!
      const hi = range[cols + j]!
      const span = hi - lo
      const cost = directions[j] === 'lower'
      if (span === 0) {
        forms[cols + j] = Number.POSITIVE_INFINITY
        forms[2 * cols + j] = 1
      } else {
        forms[j] = cost ? hi : lo
        forms[cols + j] = cost ? -span : span
      }
      const mean = sums[3 * cols + j]! / sums[j]!
      forms[3 * cols + j] = (mean - forms[j]!) / forms[cols + j]! + forms[2 * cols + j]!
      forms[4 * cols + j] = weights[j]!
      wsum[sub[j]!]! += weights[j]!
    }
    // subsystems are runs of adjacent indicators: each run summed j ascending
    const runStart = new Int32Array(SUBSYSTEMS + 1).fill(cols)
    for (let j = cols - 1; j >= 0; j--) runStart[sub[j]!] = j
    for (let s = SUBSYSTEMS - 1; s >= 0; s--) runStart[s] = Math.min(runStart[s]!, runStart[s + 1]!)
    const acc = h.f64(rows * SUBSYSTEMS)
    k.formedRunSums(data, rows, cols, forms.byteOffset, h.int32s(runStart), SUBSYSTEMS, acc.byteOffset)
    const o = out.data
    for (let i = 0; i < rows; i++)
      for (let s = 0; s < SUBSYSTEMS; s++)
        o[i * SUBSYSTEMS + s] = Math.min(1, acc[i * SUBSYSTEMS + s]! / wsum[s]!)
  })
  return out
}

export const uncertaintyOptions = (draws: number, seed: number): UncertaintyOptions => ({
  base: { impute: 'mean', minData: 0, treat: 'none', range: [1, 100] },
  normalize: ['minmax'],
  weights: ['meta', 'equal', 'entropy'],
  aggregation: ['arithmetic', 'geometric'],
  perturb: 0.25,
  draws,
  seed,
})

export const ENTROPY_ZERO = { kind: 'xlnx0' } as const

/** Province of a county-level code: its first two digits (GB/T 2260). */
export const provinceOf = (code: string) => `${code.slice(0, 2)}0000`

export interface PanelResults {
  entropy: EntropyResult
  /** index of the index year in panel.years */
  t: number
  topsis: TopsisResult
  /** per year */
  coupling: CouplingResult[]
  obstacle: ObstacleResult
  subsystemObstacle: Float64Array
  /** per year */
  disparity: DisparityResult[]
  uncertainty: UncertaintyResult
}

/** The evaluation of a loaded panel, each step timed (ms); `pool` = the parallel paths. */
export async function computePanel(
  input: PanelInput,
  o: PanelAssessOptions,
  pool: WorkerPool | null,
): Promise<{ results: PanelResults; steps: Record<string, number> }> {
  const { panel: p, directions } = input
  const U = p.units.length
  const K = p.keys.length
  const Y = p.years.length
  if (U < 2 || Y < 1)
    throw new MethodInputError(
      `the synthetic panel has ${U} unit(s) and ${Y} year(s) with values (load one with jueqi synth --load)`,
    )
  const t = o.year === undefined ? Y - 1 : p.years.indexOf(o.year)
  if (t < 0)
    throw new MethodInputError(`no synthetic data for ${o.year} (years ${p.years[0]}–${p.years.at(-1)})`)
  const sub = subsystemOf(K)
  const steps: Record<string, number> = {}
  const step = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now()
    const r = await f()
    steps[name] = performance.now() - t0
    return r
  }
  // the pooled rows need no names (entropy names columns only): no 58,000 strings in the compute
  const pooled = createMatrix(new Array<string>(Y * U).fill(''), p.keys, p.data)
  const eo: EntropyOptions = { on: 'minmax', directions, zero: ENTROPY_ZERO }
  const entropy = await step('entropy', () =>
    pool ? entropyWeightsParallel(pool, pooled, eo) : entropyWeights(pooled, eo),
  )
  const w = entropy.weights
  const latest = yearMatrix(p, t)
  const imputed = await step('impute', () => impute(latest, 'mean'))
  const tp = await step('topsis', () =>
    topsis(imputed, { normalize: 'vector', weighting: 'matrix', directions, weights: w }),
  )
  const cc = await step('coupling', () =>
    p.years.map((_, y) => coupling(subsystemScores(yearMatrix(p, y), directions, w, sub))),
  )
  const { ob, subOb } = await step('obstacle', () => {
    const ob = obstacle(normalize(imputed, { scheme: 'minmax', directions }), w)
    const groups = Array.from({ length: SUBSYSTEMS }, (_, s) =>
      Array.from(sub.keys()).filter((j) => sub[j] === s),
    )
    return { ob, subOb: subsystemObstacle(ob, K, groups) }
  })
  const groups = p.units.map(provinceOf)
  const disp = await step('disparity', async () => {
    const years = p.years.map((_, y) => yearMatrix(p, y))
    // on the pool the years are shared out whole between the threads
    return pool
      ? disparityParallelMany(pool, years, { groups })
      : years.map((m) => disparityMeasures(m, { groups }))
  })
  const h = panelHierarchy(p.keys, directions)
  const uo = uncertaintyOptions(o.draws ?? 200, o.seed ?? 1)
  const un = await step('uncertainty', () =>
    pool ? uncertaintyParallel(pool, latest, h, uo) : uncertainty(latest, h, uo),
  )
  return {
    results: {
      entropy,
      t,
      topsis: tp,
      coupling: cc,
      obstacle: ob,
      subsystemObstacle: subOb,
      disparity: disp,
      uncertainty: un,
    },
    steps,
  }
}

const round = (x: number, d = 6) => (Number.isFinite(x) ? Number(x.toPrecision(d)) : null)

/** Indices of the n best and n worst units by a rank (1 = best), NaN ranks left out. */
function ends(rank: ArrayLike<number>, n: number): { top: number[]; bottom: number[] } {
  const order = Array.from({ length: rank.length }, (_, i) => i)
    .filter((i) => !Number.isNaN(rank[i]!))
    .sort((a, b) => rank[a]! - rank[b]! || a - b)
  return { top: order.slice(0, n), bottom: order.slice(-n).reverse() }
}

const mean = (xs: ArrayLike<number>) => {
  let s = 0
  let n = 0
  for (let i = 0; i < xs.length; i++)
    if (!Number.isNaN(xs[i]!)) {
      s += xs[i]!
      n++
    }
  return n ? s / n : Number.NaN
}

/** What the saved run keeps: weights, the ends of the rankings, the index year's disparity per indicator, means per year. */
export function summarise(input: PanelInput, r: PanelResults, o: PanelAssessOptions) {
  const p = input.panel
  const U = p.units.length
  const K = p.keys.length
  const n = Math.min(10, U)
  const year = p.years[r.t]!
  const tp = ends(r.topsis.rank, n)
  const un = ends(r.uncertainty.rankMedian, n)
  const ccLatest = r.coupling[r.t]!
  const levels: Record<string, number> = {}
  for (const b of ccLatest.level) if (b) levels[b.en] = (levels[b.en] ?? 0) + 1
  const obMean = Array.from({ length: SUBSYSTEMS }, (_, s) => {
    const col = new Float64Array(U)
    for (let i = 0; i < U; i++) col[i] = r.subsystemObstacle[i * SUBSYSTEMS + s]!
    return round(mean(col))
  })
  const obIndicator = p.keys.map((_, j) => {
    const col = new Float64Array(U)
    for (let i = 0; i < U; i++) col[i] = r.obstacle.obstacle[i * K + j]!
    return mean(col)
  })
  const d = r.disparity[r.t]!
  const unit = (i: number) => p.units[i]!
  return {
    synthetic: true,
    label: 'SYNTHETIC panel (jueqi synth): made-up data for scale tests, not statistics',
    level: o.level ?? 'county',
    year,
    years: p.years,
    units: U,
    indicators: K,
    cells: p.cells,
    missing: p.years.length * U * K - p.cells,
    subsystems: Array.from({ length: SUBSYSTEMS }, (_, s) => ({
      code: `S${s + 1}`,
      indicators: p.keys.filter((_, j) => subsystemOf(K)[j] === s),
    })),
    weights: Object.fromEntries(p.keys.map((k, j) => [k, round(r.entropy.weights[j]!)])),
    topsis: {
      top: tp.top.map((i) => ({
        unit: unit(i),
        rank: r.topsis.rank[i]!,
        closeness: round(r.topsis.closeness[i]!),
      })),
      bottom: tp.bottom.map((i) => ({
        unit: unit(i),
        rank: r.topsis.rank[i]!,
        closeness: round(r.topsis.closeness[i]!),
      })),
    },
    coupling: {
      levels,
      meanD: p.years.map((y, k) => ({ year: y, D: round(mean(r.coupling[k]!.D)) })),
      top: ends(
        Float64Array.from(ccLatest.D, (x) => -x),
        n,
      ).top.map((i) => ({ unit: unit(i), D: round(ccLatest.D[i]!), level: ccLatest.level[i]?.en ?? null })),
    },
    obstacle: {
      subsystems: obMean,
      topIndicators: p.keys
        .map((k, j) => ({ indicator: k, mean: obIndicator[j]! }))
        .filter((x) => !Number.isNaN(x.mean))
        .sort((a, b) => b.mean - a.mean)
        .slice(0, 10)
        .map((x) => ({ ...x, mean: round(x.mean) })),
    },
    disparity: {
      groups: 'province',
      indicators: Object.fromEntries(
        p.keys.map((k, j) => [
          k,
          {
            n: d.n[j]!,
            cv: round(d.cv[j]!),
            theilT: round(d.theilT[j]!),
            theilL: round(d.theilL[j]!),
            gini: round(d.gini[j]!),
            betweenT: round(d.betweenT[j]!),
            withinT: round(d.withinT[j]!),
          },
        ]),
      ),
      meanByYear: p.years.map((y, k) => ({
        year: y,
        cv: round(mean(r.disparity[k]!.cv)),
        theilT: round(mean(r.disparity[k]!.theilT)),
        gini: round(mean(r.disparity[k]!.gini)),
      })),
    },
    uncertainty: {
      draws: r.uncertainty.draws,
      sensitivity: r.uncertainty.sensitivity,
      top: un.top.map((i) => ({
        unit: unit(i),
        nominal: r.uncertainty.nominalRank[i]!,
        median: r.uncertainty.rankMedian[i]!,
        p05: r.uncertainty.rankP05[i]!,
        p95: r.uncertainty.rankP95[i]!,
      })),
    },
  }
}

/** sha256 over the panel's shape (canonical JSON) and then the dense array's bytes, one year at a time. */
export function panelHash(p: DensePanel): string {
  const h = createHash('sha256')
  h.update(
    canonicalJson({ units: p.units, keys: p.keys, years: p.years, layout: 'year,unit,indicator f64le' }),
  )
  const n = p.units.length * p.keys.length * 8
  const bytes = new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength)
  for (let at = 0; at < bytes.length; at += n) h.update(bytes.subarray(at, Math.min(bytes.length, at + n)))
  return `sha256:${h.digest('hex')}`
}

export interface PanelTiming {
  load_ms: number
  /** the load's parts: catalogue, units and releases; reading the rows; the copy into one array */
  load_steps_ms: Record<string, number>
  compute_ms: number
  steps_ms: Record<string, number>
}

/** Load, compute (timed apart) and summarise; the caller saves `stamp` and `results`. */
export async function runPanelAssessment(
  store: Store,
  o: PanelAssessOptions,
  pool: WorkerPool | null,
  onLoaded?: (input: PanelInput) => void | Promise<void>,
) {
  const t0 = performance.now()
  const input = await loadSyntheticPanel(store, o.level)
  const load_ms = performance.now() - t0
  await onLoaded?.(input)
  // the pool's start-up is not compute: wait for it here (it overlapped the load)
  if (pool) await pool.ready
  const t1 = performance.now()
  const { results: full, steps } = await computePanel(input, o, pool)
  const compute_ms = performance.now() - t1
  const results = summarise(input, full, o)
  const stamp: Stamp = {
    method: ASSESS_SYNTHETIC_KIND,
    version: ASSESS_SYNTHETIC_VERSION,
    options: {
      synthetic: true,
      level: o.level ?? 'county',
      year: results.year,
      draws: o.draws ?? 200,
      seed: o.seed ?? 1,
      subsystems: SUBSYSTEMS,
    },
    releases: input.panel.releases,
    inputHash: panelHash(input.panel),
  }
  const timing: PanelTiming = {
    load_ms,
    load_steps_ms: { ...input.panel.timing },
    compute_ms,
    steps_ms: steps,
  }
  return { input, full, results, stamp, timing }
}
