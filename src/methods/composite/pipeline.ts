/**
 * A composite index over a hierarchy, step by step as the JRC/OECD Handbook on Constructing
 * Composite Indicators (2008) and the COINr R package (bluefoxr/COINr at
 * b9682034635df03279896b6cb025cd3534f82cbb) lay it out, every intermediate table kept:
 *   raw → denominated → screened → imputed → treated → normalised → aggregated (level by level).
 * - denominate: x / its meta denominator column (COINr Denominate), see prepare.ts.
 * - screen: drop units with a share of present indicators below `minData` (COINr Screen,
 *   unit_screen = "byNA"; COINr's default threshold is 2/3), see prepare.ts. Screening comes
 *   before imputation, so that it judges the data actually observed (COINr lets either come first;
 *   its build_example_coin() imputes first, after which screening by missing data removes nobody).
 * - impute: none, column mean/median, group mean/median (COINr i_mean, i_median, i_mean_grp,
 *   i_median_grp), see prepare.ts.
 * - treat: COINr's default Treat() — winsorise up to 5 points while |skew| ≥ 2 and kurtosis ≥ 3.5,
 *   else log_CT of the original column — or none, see treat.ts.
 * - normalise, direction-aware (Direction −1 reverses the indicator, as COINr's x·direction):
 *   minmax  a + (b − a)(x − min)/(max − min), COINr n_minmax with l_u = [a, b] (default [0, 100]);
 *   zscore  (x − mean)/sd (sd with n − 1), COINr n_zscore with m_sd = (0, 1);
 *   vector, sum, max as normalize.ts; none leaves the values (reversed for Direction −1).
 *   A constant column cannot be min-max scaled: COINr returns NaN for it (n_minmax, "The range of x
 *   is 0"), so the indicator drops out of every aggregate; so here.
 * - weights (per code, relative among siblings): meta (the meta table's Weight), equal (1 each),
 *   or entropy: the entropy weight method (weights.ts, on direction-aware min-max of the treated
 *   data) over all indicators, each aggregate weighted by the sum of its indicators' weights, so
 *   that an arithmetic index equals the flat entropy-weighted sum Σ w_j z_j.
 * - aggregate: weighted arithmetic, geometric or harmonic mean of the children present (COINr
 *   a_amean, a_gmean, a_hmean with their NA handling), see aggregate.ts; geometric and harmonic
 *   refuse non-positive values with an error naming the cell.
 */
import { createMatrix, type Direction, type Matrix } from '../matrix.ts'
import { normalize } from '../normalize.ts'
import { rankDescending } from '../rank.ts'
import { entropyWeights, MethodInputError } from '../weights.ts'
import { type Aggregation, aggregateInto } from './aggregate.ts'
import type { Hierarchy } from './hierarchy.ts'
import { denominate, type Imputation, impute, type ScreenRule, screen, selectRows } from './prepare.ts'
import { COINR_TREAT, type SkewKurt, type TreatOptions, treatColumn } from './treat.ts'

export const COMPOSITE_NORMALIZATIONS = ['minmax', 'zscore', 'vector', 'sum', 'max', 'none'] as const
export type CompositeNormalization = (typeof COMPOSITE_NORMALIZATIONS)[number]
export const WEIGHT_SCHEMES = ['meta', 'equal', 'entropy'] as const
export type WeightScheme = (typeof WEIGHT_SCHEMES)[number]

export interface CompositeOptions {
  impute: Imputation
  /** group label of each row of the raw matrix, for group imputation ('' = no group) */
  groups?: readonly string[]
  /** minimum share of present indicators a unit needs (0 keeps every unit) */
  minData: number
  screenRule?: ScreenRule
  treat: 'none' | 'winsorise'
  treatOptions?: Partial<TreatOptions>
  normalize: CompositeNormalization
  /** min-max target range [a, b] */
  range: readonly [number, number]
  weights: WeightScheme
  aggregation: Aggregation
  /** denominator columns by name (values per raw row), for indicators whose meta row names one */
  denominators?: Record<string, ArrayLike<number>>
}

export interface TreatmentRecord {
  indicator: string
  treatment: 'winsorised' | 'log_CT'
  /** points winsorised (COINr winsorise.nwin) */
  points: number
  skew: number
  kurt: number
  skew_after: number
  kurt_after: number
}

export interface Prepared {
  /** the treated matrix (indicator columns in meta order, screened rows) */
  matrix: Matrix
  stages: Record<string, Matrix>
  screenedOut: string[]
  treatment: TreatmentRecord[]
  directions: Direction[]
}

export interface CompositeResult {
  units: string[]
  screenedOut: string[]
  index: Float64Array
  rank: Float64Array
  ties: number[][]
  /** aggregate codes, bottom-up, and their scores (row-major units × aggregates) */
  aggregates: string[]
  scores: Float64Array
  /** weights used, per aggregate code: { child code: weight } */
  weights: Record<string, Record<string, number>>
  stages: Record<string, Matrix>
  treatment: TreatmentRecord[]
}

export function composite(raw: Matrix, h: Hierarchy, o: CompositeOptions): CompositeResult {
  const p = prepare(raw, h, o)
  const n = normaliseStage(p.matrix, o.normalize, p.directions, o.range)
  p.stages.normalised = n
  const w = schemeWeights(h, o.weights, p.matrix, p.directions)
  const agg = aggregateAll(n, h, w, o.aggregation)
  p.stages.aggregated = agg.matrix
  return {
    units: [...n.units],
    screenedOut: p.screenedOut,
    index: agg.index,
    rank: agg.rank,
    ties: agg.ties,
    aggregates: agg.matrix.columns as string[],
    scores: agg.matrix.data,
    weights: agg.weights,
    stages: p.stages,
    treatment: p.treatment,
  }
}

/** Every step before normalisation (done once by the uncertainty analysis). */
export function prepare(
  raw: Matrix,
  h: Hierarchy,
  o: Omit<CompositeOptions, 'normalize' | 'weights' | 'aggregation' | 'range'>,
): Prepared {
  if (!(o.minData >= 0 && o.minData <= 1)) throw new MethodInputError('minData must be between 0 and 1')
  if (o.groups && o.groups.length !== raw.rows)
    throw new MethodInputError(`${o.groups.length} group labels for ${raw.rows} units`)
  const codes = h.indicators.map((r) => r.code)
  let m = select(raw, codes)
  const stages: Record<string, Matrix> = { raw: m }
  if (o.denominators)
    stages.denominated = m = denominate(
      m,
      h.indicators.map((r) => r.denominator),
      o.denominators,
    )
  const s = screen(m, o.minData, o.screenRule ?? 'byNA')
  if (s.kept.length === 0)
    throw new MethodInputError(
      `no unit has at least ${o.minData} of the indicators: nothing left after screening`,
    )
  stages.screened = m = s.matrix
  if (o.impute !== 'none') {
    const groups = o.groups ? s.kept.map((i) => o.groups![i]!) : undefined
    stages.imputed = m = impute(m, o.impute, groups)
  }
  const treatment: TreatmentRecord[] = []
  if (o.treat === 'winsorise') {
    const t = createMatrix(m.units, m.columns)
    const col = new Float64Array(m.rows)
    const opts = { ...COINR_TREAT, ...o.treatOptions }
    for (let j = 0; j < m.cols; j++) {
      for (let i = 0; i < m.rows; i++) col[i] = m.data[i * m.cols + j]!
      const r = treatColumn(col, opts)
      for (let i = 0; i < m.rows; i++) t.data[i * m.cols + j] = r.x[i]!
      if (r.treatment !== 'none') treatment.push(record(m.columns[j]!, r.treatment, r.nwin, r.checks))
    }
    stages.treated = m = t
  }
  return {
    matrix: m,
    stages,
    screenedOut: s.removed,
    treatment,
    directions: h.indicators.map((r) => r.direction),
  }
}

function record(
  indicator: string,
  treatment: 'winsorised' | 'log_CT',
  points: number,
  checks: SkewKurt[],
): TreatmentRecord {
  const last = checks[checks.length - 1]!
  return {
    indicator,
    treatment,
    points,
    skew: checks[0]!.skew,
    kurt: checks[0]!.kurt,
    skew_after: last.skew,
    kurt_after: last.kurt,
  }
}

/**
 * Direction-aware normalisation of the prepared matrix (see the file comment). `alloc`, if given,
 * provides the min-max output array (e.g. shared memory for worker threads).
 */
export function normaliseStage(
  m: Matrix,
  scheme: CompositeNormalization,
  directions: readonly Direction[],
  range: readonly [number, number],
  alloc?: (length: number) => Float64Array,
): Matrix {
  if (scheme === 'none') {
    const out = createMatrix(m.units, m.columns, Float64Array.from(m.data))
    for (let j = 0; j < m.cols; j++)
      if (directions[j] === 'lower')
        for (let i = 0; i < m.rows; i++) out.data[i * m.cols + j] = -out.data[i * m.cols + j]!
    return out
  }
  if (scheme !== 'minmax') return normalize(m, { scheme, directions })
  return minmax(m, directions, range, alloc)
}

/** COINr n_minmax on x·direction: ((x − min)/(max − min))·(b − a) + a, row-major passes. */
function minmax(
  m: Matrix,
  directions: readonly Direction[],
  range: readonly [number, number],
  alloc?: (length: number) => Float64Array,
): Matrix {
  const [a, b] = range
  if (!(a < b)) throw new MethodInputError(`min-max range needs a < b, got [${a}, ${b}]`)
  const { rows, cols, data } = m
  const lo = new Float64Array(cols).fill(Infinity)
  const hi = new Float64Array(cols).fill(-Infinity)
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++) {
      const v = data[k]!
      if (v < lo[j]!) lo[j] = v
      if (v > hi[j]!) hi[j] = v
    }
  // y = (sign·(x − from)/width)·(b − a) + a: from = min (sign 1), or max (sign −1) for Direction −1,
  // the same operations as COINr on −x
  const from = new Float64Array(cols)
  const sign = new Float64Array(cols)
  const width = new Float64Array(cols)
  for (let j = 0; j < cols; j++) {
    const lower = directions[j] === 'lower'
    from[j] = lower ? hi[j]! : lo[j]!
    sign[j] = lower ? -1 : 1
    width[j] = hi[j]! > lo[j]! ? hi[j]! - lo[j]! : Number.NaN // constant column: NaN, as COINr
  }
  const out = createMatrix(m.units, m.columns, alloc?.(rows * cols))
  const span = b - a
  for (let i = 0; i < rows; i++)
    for (let j = 0, k = i * cols; j < cols; j++, k++)
      out.data[k] = ((sign[j]! * (data[k]! - from[j]!)) / width[j]!) * span + a
  return out
}

/** Weight of every code (indicators and aggregates) under a scheme; relative among siblings. */
export function schemeWeights(
  h: Hierarchy,
  scheme: WeightScheme,
  treated: Matrix,
  directions: readonly Direction[],
): Map<string, number> {
  const all = [...h.byCode.values()]
  if (scheme === 'meta') return new Map(all.map((r) => [r.code, r.weight]))
  if (scheme === 'equal') return new Map(all.map((r) => [r.code, 1]))
  const e = entropyWeights(treated, { on: 'minmax', directions, zero: { kind: 'xlnx0' } }).weights
  const w = new Map<string, number>(treated.columns.map((c, j) => [c, e[j]!]))
  for (const { nodes } of h.levels)
    for (const node of nodes)
      w.set(
        node.code,
        node.children.reduce((s, c) => s + w.get(c)!, 0),
      )
  return w
}

export interface Aggregated {
  /** units × aggregates, aggregates bottom-up */
  matrix: Matrix
  index: Float64Array
  rank: Float64Array
  ties: number[][]
  weights: Record<string, Record<string, number>>
}

/** Aggregate a normalised indicator matrix up the hierarchy with the given weights. */
export function aggregateAll(
  n: Matrix,
  h: Hierarchy,
  w: ReadonlyMap<string, number>,
  how: Aggregation,
): Aggregated {
  const aggregates = h.levels.flatMap((l) => l.nodes.map((x) => x.code))
  const position = new Map<string, { fromIndicators: boolean; col: number }>()
  for (const [j, c] of n.columns.entries()) position.set(c, { fromIndicators: true, col: j })
  for (const [j, c] of aggregates.entries()) position.set(c, { fromIndicators: false, col: j })
  const scores = new Float64Array(n.rows * aggregates.length)
  const weights: Aggregated['weights'] = {}
  for (const { nodes } of h.levels)
    for (const node of nodes) {
      const cw = node.children.map((c) => w.get(c) ?? 1)
      weights[node.code] = Object.fromEntries(node.children.map((c, k) => [c, cw[k]!]))
      const srcs = node.children.map((c) => position.get(c)!)
      // children are all one level below (hierarchy.ts), so all indicators or all aggregates
      const fromInd = srcs[0]!.fromIndicators
      const names = fromInd ? n.columns : aggregates
      aggregateInto(
        scores,
        position.get(node.code)!.col,
        aggregates.length,
        fromInd ? n.data : scores,
        fromInd ? n.cols : aggregates.length,
        n.rows,
        srcs.map((s) => s.col),
        cw,
        how,
        (i, j) => `unit ${n.units[i]}, ${names[j]} (into ${node.code})`,
      )
    }
  const top = aggregates.indexOf(h.top)
  const index = Float64Array.from({ length: n.rows }, (_, i) => scores[i * aggregates.length + top]!)
  const ranking = rankDescending(index)
  return {
    matrix: createMatrix(n.units, aggregates, scores),
    index,
    rank: ranking.rank,
    ties: ranking.ties,
    weights,
  }
}

export function select(m: Matrix, columns: readonly string[]): Matrix {
  if (columns.length === m.cols && columns.every((c, j) => m.columns[j] === c)) return m // read-only: no copy
  const idx = columns.map((c) => {
    const j = m.columns.indexOf(c)
    if (j < 0) throw new MethodInputError(`indicator "${c}" of the meta table is not a column of the data`)
    return j
  })
  const out = createMatrix(m.units, columns)
  for (let i = 0; i < m.rows; i++)
    for (let k = 0; k < idx.length; k++) out.data[i * idx.length + k] = m.data[i * m.cols + idx[k]!]!
  return out
}

export { selectRows }
