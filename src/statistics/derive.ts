/**
 * Derived and rolled-up figures, computed from the preferred observations a user sees and
 * labelled as such: a derived row names its formula and the releases of its inputs; a rolled-up
 * row names its members and how many had the figure, and exists only under the coverage rule
 * (`publishable`). Any synthetic input makes the result synthetic.
 */
import { evaluateFormula, parseFormula, type Series } from './formula.ts'
import { derivationOrder, type Indicator } from './indicators.ts'

export interface Figure {
  region: string
  indicator: string
  period: number
  value: number
  release: string
  releaseDate: string
  /** from a release marked synthetic */
  synthetic?: boolean
}

export interface DerivedFigure extends Figure {
  derived: true
  source: string
  note: string
  /** true when any input was synthetic */
  synthetic: boolean
}

type SeriesByKey = Map<string, Series>

function groupByRegion(figures: Figure[]): Map<string, SeriesByKey> {
  const out = new Map<string, SeriesByKey>()
  for (const f of figures) {
    const byKey = out.get(f.region) ?? new Map<string, Series>()
    const s = byKey.get(f.indicator) ?? new Map<number, number>()
    s.set(f.period, f.value)
    byKey.set(f.indicator, s)
    out.set(f.region, byKey)
  }
  return out
}

/** The stored indicators a derived indicator needs, recursively. */
export function storedInputs(key: string, catalogue: ReadonlyMap<string, Indicator>): string[] {
  return derivationOrder(key, catalogue).filter((k) => !catalogue.get(k)?.formula)
}

/**
 * Compute `key` for every region present in `figures` (preferred rows of its stored inputs).
 * The release of a derived figure is the newest release among its inputs in that region.
 */
export function deriveIndicator(
  key: string,
  figures: Figure[],
  catalogue: ReadonlyMap<string, Indicator>,
): DerivedFigure[] {
  const order = derivationOrder(key, catalogue)
  const out: DerivedFigure[] = []
  const latest = new Map<string, Figure>()
  const synthetic = new Set<string>()
  for (const f of figures) {
    const prev = latest.get(f.region)
    if (!prev || f.releaseDate > prev.releaseDate) latest.set(f.region, f)
    if (f.synthetic) synthetic.add(f.region)
  }
  for (const [region, series] of groupByRegion(figures)) {
    for (const k of order) {
      const ind = catalogue.get(k)
      if (ind?.formula && !series.has(k)) series.set(k, evaluateFormula(parseFormula(ind.formula), series))
    }
    const ind = catalogue.get(key)!
    const rel = latest.get(region)!
    for (const [period, value] of series.get(key) ?? []) {
      out.push({
        region,
        indicator: key,
        period,
        value,
        derived: true,
        release: rel.release,
        releaseDate: rel.releaseDate,
        synthetic: synthetic.has(region),
        source: `derived by jueqi: ${ind.formula}`,
        note: `computed from the preferred figures of ${storedInputs(key, catalogue).join(', ')}`,
      })
    }
  }
  return out.sort((a, b) => a.region.localeCompare(b.region) || a.period - b.period)
}

/** How many of a parent's members had the figure (and, for a weighted mean, its weight). */
export interface Coverage {
  members: number
  withData: number
}

export interface RolledFigure extends DerivedFigure {
  coverage: Coverage
  /** the releases of every input (values and weights) */
  inputReleases: string[]
}

export interface RollupGap {
  period: number
  missing: string[]
  coverage: Coverage
}

/**
 * The coverage rule, the same here and in the materialised roll-ups (store/rollups.ts): a sum is
 * published only when every member has the figure; a mean or weighted mean when at least half the
 * members have it (and its weight), over those members, with the coverage stated.
 */
export function publishable(rule: Indicator['aggregation'], c: Coverage): boolean {
  if (rule === 'sum') return c.withData === c.members
  return 2 * c.withData >= c.members
}

/**
 * Roll members up to a parent by the indicator's aggregation rule: sum, mean, or a weighted mean
 * (weights from the weight indicator's figures of the same period), under the coverage rule of
 * `publishable`. A period withheld by the rule is returned as a gap, with the members missing.
 */
export function rollUp(
  ind: Indicator,
  parent: string,
  members: string[],
  figures: Figure[],
  weights: Figure[] = [],
): { figures: RolledFigure[]; gaps: RollupGap[] } {
  const rule = ind.aggregation
  if (rule === 'none' || rule === 'formula') return { figures: [], gaps: [] }
  const memberSet = new Set(members)
  const val = new Map(
    figures.filter((f) => memberSet.has(f.region)).map((f) => [`${f.region}|${f.period}`, f]),
  )
  const w = new Map(weights.map((f) => [`${f.region}|${f.period}`, f]))
  const periods = [...new Set([...val.values()].map((f) => f.period))].sort((a, b) => a - b)
  const out: RolledFigure[] = []
  const gaps: RollupGap[] = []
  for (const p of periods) {
    const have = members.filter(
      (m) => val.has(`${m}|${p}`) && (rule !== 'weighted_mean' || w.has(`${m}|${p}`)),
    )
    const coverage = { members: members.length, withData: have.length }
    if (have.length === 0) continue
    if (!publishable(rule, coverage)) {
      gaps.push({ period: p, missing: members.filter((m) => !have.includes(m)), coverage })
      continue
    }
    const xs = have.map((m) => val.get(`${m}|${p}`)!)
    const ws = rule === 'weighted_mean' ? have.map((m) => w.get(`${m}|${p}`)!) : []
    let value: number
    if (rule === 'sum') value = xs.reduce((s, f) => s + f.value, 0)
    else if (rule === 'mean') value = xs.reduce((s, f) => s + f.value, 0) / xs.length
    else {
      const total = ws.reduce((a, b) => a + b.value, 0)
      if (total === 0) {
        gaps.push({ period: p, missing: [], coverage })
        continue
      }
      value = xs.reduce((s, f, i) => s + f.value * ws[i]!.value, 0) / total
    }
    const inputs = [...xs, ...ws]
    const newest = inputs.reduce((a, b) => (b.releaseDate > a.releaseDate ? b : a))
    out.push({
      region: parent,
      indicator: ind.key,
      period: p,
      value,
      derived: true,
      release: newest.release,
      releaseDate: newest.releaseDate,
      synthetic: inputs.some((f) => f.synthetic === true),
      source: rollupSource(ind, members.length),
      note: rollupNote(members, have.length),
      coverage,
      inputReleases: [...new Set(inputs.map((f) => f.release))],
    })
  }
  return { figures: out, gaps }
}

export const rollupSource = (ind: Pick<Indicator, 'aggregation' | 'aggregationWeight'>, members: number) =>
  `aggregated by jueqi: ${ind.aggregation === 'weighted_mean' ? `${ind.aggregationWeight}-weighted mean` : ind.aggregation} of ${members} members`

export const rollupNote = (members: string[], withData: number) =>
  `members: ${members.join(', ')} (${withData} of ${members.length} with data)`
