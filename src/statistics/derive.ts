/**
 * Derived and rolled-up figures, computed from the preferred observations a user sees and
 * labelled as such: a derived row names its formula and the releases of its inputs; a rolled-up
 * row names the members it summed and exists only when every member has the figure.
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
}

export interface DerivedFigure extends Figure {
  derived: true
  source: string
  note: string
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
  for (const f of figures) {
    const prev = latest.get(f.region)
    if (!prev || f.releaseDate > prev.releaseDate) latest.set(f.region, f)
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
        source: `derived by jueqi: ${ind.formula}`,
        note: `computed from the preferred figures of ${storedInputs(key, catalogue).join(', ')}`,
      })
    }
  }
  return out.sort((a, b) => a.region.localeCompare(b.region) || a.period - b.period)
}

/**
 * Roll members up to a parent by the indicator's aggregation rule: sum, mean, or a weighted mean
 * (weights from the weight indicator's figures of the same period). Returns nothing for a period
 * where a member or a weight is missing, and says which.
 */
export function rollUp(
  ind: Indicator,
  parent: string,
  members: string[],
  figures: Figure[],
  weights: Figure[] = [],
): { figures: DerivedFigure[]; gaps: { period: number; missing: string[] }[] } {
  const rule = ind.aggregation
  if (rule === 'none' || rule === 'formula') return { figures: [], gaps: [] }
  const val = new Map(figures.map((f) => [`${f.region}|${f.period}`, f]))
  const w = new Map(weights.map((f) => [`${f.region}|${f.period}`, f.value]))
  const periods = [...new Set(figures.map((f) => f.period))].sort((a, b) => a - b)
  const out: DerivedFigure[] = []
  const gaps: { period: number; missing: string[] }[] = []
  for (const p of periods) {
    const missing = members.filter(
      (m) => !val.has(`${m}|${p}`) || (rule === 'weighted_mean' && !w.has(`${m}|${p}`)),
    )
    if (missing.length > 0) {
      gaps.push({ period: p, missing })
      continue
    }
    const xs = members.map((m) => val.get(`${m}|${p}`)!)
    let value: number
    if (rule === 'sum') value = xs.reduce((s, f) => s + f.value, 0)
    else if (rule === 'mean') value = xs.reduce((s, f) => s + f.value, 0) / xs.length
    else {
      const ws = members.map((m) => w.get(`${m}|${p}`)!)
      const total = ws.reduce((a, b) => a + b, 0)
      value = xs.reduce((s, f, i) => s + f.value * ws[i]!, 0) / total
    }
    const newest = xs.reduce((a, b) => (b.releaseDate > a.releaseDate ? b : a))
    out.push({
      region: parent,
      indicator: ind.key,
      period: p,
      value,
      derived: true,
      release: newest.release,
      releaseDate: newest.releaseDate,
      source: `aggregated by jueqi: ${rule === 'weighted_mean' ? `${ind.aggregationWeight}-weighted mean` : rule} of ${members.length} members`,
      note: `members: ${members.join(', ')}`,
    })
  }
  return { figures: out, gaps }
}
