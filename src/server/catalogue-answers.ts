/**
 * What the API says about indicators and figures beyond the stored row: the unit's code and its
 * names in both languages (statistics/units.ts), whether an indicator is derived.
 */
import type { Indicator } from '../statistics/indicators.ts'
import { unitNames } from '../statistics/units.ts'
import type { FigureRow } from '../store/figures.ts'

export function indicatorAnswer(ind: Indicator) {
  return { ...ind, ...unitNames(ind.unit), derived: ind.formula !== null }
}

/** Rows with their unit's code and names; the names are looked up once per spelling. */
export function withUnitNames(rows: FigureRow[]) {
  const seen = new Map<string, ReturnType<typeof unitNames>>()
  return rows.map((r) => {
    const names = seen.get(r.unit) ?? unitNames(r.unit)
    seen.set(r.unit, names)
    return { ...r, ...names }
  })
}
