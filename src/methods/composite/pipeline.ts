/**
 * A composite index over a hierarchy, step by step as the JRC/OECD Handbook (2008) and COINr lay
 * it out, every intermediate table kept: raw → denominated → screened → imputed → treated →
 * normalised → aggregated level by level up to the index.
 * - denominate: an indicator with a denominator column is divided by it (COINr Denominate).
 * - screen: units with less than `minData` share of indicators present are dropped (COINr Screen).
 * - impute: none, column mean, column median, or group mean (COINr i_mean / i_median / i_mean_grp).
 * - treat: COINr's default winsorise-then-log (treat.ts), or none.
 * - normalise: min-max onto [a, b] (COINr n_minx, default [0, 100]) or z-score (n_zscore, mean 0,
 *   sd 1), direction-aware.
 * - weights: the meta table's, equal, or entropy within each parent (weights.ts).
 * - aggregate: arithmetic, geometric or harmonic weighted mean (aggregate.ts).
 */
import { createMatrix, type Direction, type Matrix } from '../matrix.ts'
import { normalize } from '../normalize.ts'
import { rankDescending } from '../rank.ts'
import { entropyWeights } from '../weights.ts'
import { type Aggregation, aggregateInto } from './aggregate.ts'
import type { Hierarchy } from './hierarchy.ts'
import { treatColumn } from './treat.ts'

export interface CompositeOptions {
  impute: 'none' | 'mean' | 'median' | 'group-mean'
  groups?: readonly string[]
  minData: number
  treat: 'none' | 'winsorise'
  normalize: 'minmax' | 'zscore'
  range: readonly [number, number]
  weights: 'meta' | 'equal' | 'entropy'
  aggregation: Aggregation
  /** denominator columns by name (values per unit), for indicators that name one */
  denominators?: Record<string, ArrayLike<number>>
}

export interface CompositeResult {
  units: string[]
  screenedOut: string[]
  index: Float64Array
  rank: Float64Array
  ties: number[][]
  /** aggregate codes in order, and their scores (row-major units × aggregates) */
  aggregates: string[]
  scores: Float64Array
  weights: Record<string, Record<string, number>>
  stages: Record<string, Matrix>
  treatment: { indicator: string; treatment: string; points: number }[]
}

export function composite(raw: Matrix, h: Hierarchy, o: CompositeOptions): CompositeResult {
  const stages: Record<string, Matrix> = { raw }
  const codes = h.indicators.map((r) => r.code)
  let m = select(raw, codes)
  if (o.denominators) m = stages.denominated = denominate(m, h, o.denominators)
  const { matrix: screened, out } = screen(m, o.minData)
  stages.screened = m = screened
  const keep = raw.units.map((u, i) => (out.includes(u) ? -1 : i)).filter((i) => i >= 0)
  const groups = o.groups ? keep.map((i) => o.groups![i]!) : undefined
  if (o.impute !== 'none') stages.imputed = m = impute(m, o.impute, groups)
  const treatment: CompositeResult['treatment'] = []
  if (o.treat === 'winsorise') {
    const t = createMatrix(m.units, m.columns)
    for (let j = 0; j < m.cols; j++) {
      const col = Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + j]!)
      const r = treatColumn(col)
      r.x.forEach((v, i) => {
        t.data[i * m.cols + j] = v
      })
      if (r.treatment !== 'none')
        treatment.push({ indicator: m.columns[j]!, treatment: r.treatment, points: r.points })
    }
    stages.treated = m = t
  }
  const directions: Direction[] = h.indicators.map((r) => r.direction)
  const n = normalize(m, { scheme: o.normalize === 'minmax' ? 'minmax' : 'zscore', directions })
  if (o.normalize === 'minmax')
    for (let k = 0; k < n.data.length; k++) n.data[k] = o.range[0] + (o.range[1] - o.range[0]) * n.data[k]!
  stages.normalised = n
  return aggregateAll(n, h, o, { stages, screenedOut: out, treatment })
}

/** Aggregate a normalised indicator matrix up the hierarchy (also the inner loop of uncertainty). */
export function aggregateAll(
  n: Matrix,
  h: Hierarchy,
  o: Pick<CompositeOptions, 'weights' | 'aggregation'>,
  extra: { stages: Record<string, Matrix>; screenedOut: string[]; treatment: CompositeResult['treatment'] },
  weightOverride?: Map<string, number>,
): CompositeResult {
  const aggregates = h.levels.flatMap((l) => l.nodes.map((x) => x.code))
  const position = new Map<string, { src: 'ind' | 'agg'; col: number }>()
  for (const [j, c] of n.columns.entries()) position.set(c, { src: 'ind', col: j })
  for (const [j, c] of aggregates.entries()) position.set(c, { src: 'agg', col: j })
  const scores = new Float64Array(n.rows * aggregates.length)
  const weights: CompositeResult['weights'] = {}
  const label = (i: number, j: number) => `${n.units[i]} × ${n.columns[j] ?? aggregates[j]}`
  for (const { nodes } of h.levels)
    for (const node of nodes) {
      const w = nodeWeights(n, h, node, o.weights, weightOverride)
      weights[node.code] = Object.fromEntries(node.children.map((c, k) => [c, w[k]!]))
      const srcs = node.children.map((c) => position.get(c)!)
      const fromInd = srcs[0]!.src === 'ind'
      const data = fromInd ? n.data : scores
      const width = fromInd ? n.cols : aggregates.length
      aggregateInto(
        scores,
        position.get(node.code)!.col,
        aggregates.length,
        data,
        width,
        n.rows,
        srcs.map((s) => s.col),
        w,
        o.aggregation,
        label,
      )
    }
  const topCol = aggregates.indexOf(h.top)
  const index = Float64Array.from({ length: n.rows }, (_, i) => scores[i * aggregates.length + topCol]!)
  const ranking = rankDescending(index)
  extra.stages.aggregated = {
    rows: n.rows,
    cols: aggregates.length,
    data: scores,
    units: n.units,
    columns: aggregates,
  }
  return {
    units: [...n.units],
    index,
    rank: ranking.rank,
    ties: ranking.ties,
    aggregates,
    scores,
    weights,
    ...extra,
  }
}

function nodeWeights(
  n: Matrix,
  h: Hierarchy,
  node: { children: string[] },
  scheme: CompositeOptions['weights'],
  override?: Map<string, number>,
): number[] {
  if (override) return node.children.map((c) => override.get(c) ?? h.byCode.get(c)!.weight)
  if (scheme === 'equal') return node.children.map(() => 1)
  if (scheme === 'meta') return node.children.map((c) => h.byCode.get(c)!.weight)
  // entropy among indicator children (already direction-aware after normalisation); aggregates keep meta weights
  const cols = node.children.map((c) => n.columns.indexOf(c))
  if (cols.some((j) => j < 0)) return node.children.map((c) => h.byCode.get(c)!.weight)
  const sub = select(n, node.children)
  return Array.from(
    entropyWeights(sub, { on: 'raw', directions: node.children.map(() => 'higher'), zero: { kind: 'xlnx0' } })
      .weights,
  )
}

export function select(m: Matrix, columns: readonly string[]): Matrix {
  const idx = columns.map((c) => {
    const j = m.columns.indexOf(c)
    if (j < 0) throw new RangeError(`indicator "${c}" of the meta table is not a column of the data`)
    return j
  })
  const out = createMatrix(m.units, columns)
  for (let i = 0; i < m.rows; i++)
    for (let k = 0; k < idx.length; k++) out.data[i * idx.length + k] = m.data[i * m.cols + idx[k]!]!
  return out
}

function denominate(m: Matrix, h: Hierarchy, denoms: Record<string, ArrayLike<number>>): Matrix {
  const out = createMatrix(m.units, m.columns, Float64Array.from(m.data))
  h.indicators.forEach((r, j) => {
    if (!r.denominator) return
    const d = denoms[r.denominator]
    if (!d) throw new RangeError(`denominator "${r.denominator}" of ${r.code} is not a column of the data`)
    for (let i = 0; i < m.rows; i++) out.data[i * m.cols + j] = m.data[i * m.cols + j]! / d[i]!
  })
  return out
}

function screen(m: Matrix, minData: number): { matrix: Matrix; out: string[] } {
  const keep: number[] = []
  const out: string[] = []
  for (let i = 0; i < m.rows; i++) {
    let present = 0
    for (let j = 0; j < m.cols; j++) if (!Number.isNaN(m.data[i * m.cols + j]!)) present++
    if (present / m.cols >= minData) keep.push(i)
    else out.push(m.units[i]!)
  }
  const s = createMatrix(
    keep.map((i) => m.units[i]!),
    m.columns,
  )
  for (const [r, i] of keep.entries()) s.data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), r * m.cols)
  return { matrix: s, out }
}

function impute(m: Matrix, how: 'mean' | 'median' | 'group-mean', groups?: readonly string[]): Matrix {
  const out = createMatrix(m.units, m.columns, Float64Array.from(m.data))
  for (let j = 0; j < m.cols; j++) {
    const fill = (rows: number[]) => {
      const vals = rows.map((i) => m.data[i * m.cols + j]!).filter((v) => !Number.isNaN(v))
      if (vals.length === 0) return
      const sorted = [...vals].sort((a, b) => a - b)
      const v =
        how === 'median'
          ? sorted.length % 2
            ? sorted[(sorted.length - 1) / 2]!
            : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
          : vals.reduce((a, b) => a + b, 0) / vals.length
      for (const i of rows) if (Number.isNaN(out.data[i * m.cols + j]!)) out.data[i * m.cols + j] = v
    }
    const all = Array.from({ length: m.rows }, (_, i) => i)
    if (how === 'group-mean' && groups)
      for (const g of new Set(groups)) fill(all.filter((i) => groups[i] === g))
    else fill(all)
  }
  return out
}
