/**
 * Published over derived. Some derived indicators re-compute a concept a statistical office also
 * publishes (the urbanisation rate as urban / total resident population). Where both have a
 * figure for a region and year, the published one is shown; the derived one fills the years and
 * regions the source does not publish. Every figure says which it is (`basis`), and a change is
 * only taken between figures of the same basis, so that a switch of source never reads as a
 * change on the ground. Pure: rows in, rows out.
 */

/** Derived indicator → the published indicator of the same concept (same definition and unit). */
export const PUBLISHED_COUNTERPART: Readonly<Record<string, string>> = {
  urbanization_rate_derived: 'urbanization_rate',
  disposable_income_growth_derived: 'disposable_income_growth_nominal',
}

export type Basis = 'published' | 'derived'

/** The indicator keys to read for a concept: itself and, if it is derived, its published twin. */
export function conceptKeys(key: string): string[] {
  const twin = PUBLISHED_COUNTERPART[key]
  return twin ? [key, twin] : [key]
}

interface Figure {
  indicator: string
  region: string
  period: number
  preferred: boolean
  /** computed by jueqi (a formula or a roll-up) rather than stored as published */
  derived: boolean
}

/**
 * The figures of the concept `key` among `rows` (preferred figures only): per region and year the
 * published twin's figure where a source published one, else the concept's own figure; each with
 * its concept and basis. A roll-up of the twin is not a published figure and is left out.
 */
export function preferPublished<R extends Figure>(
  key: string,
  rows: readonly R[],
): (R & { concept: string; basis: Basis })[] {
  const twin = PUBLISHED_COUNTERPART[key]
  const cell = (r: Figure) => `${r.region}|${r.period}`
  const isPublished = (r: Figure) => r.preferred && !r.derived && r.indicator === twin
  const published = new Set(rows.filter(isPublished).map(cell))
  const basis = (r: Figure): Basis => (r.derived ? 'derived' : 'published')
  return rows.flatMap((r) => {
    const own = r.preferred && r.indicator === key && !published.has(cell(r))
    return isPublished(r) || own ? [{ ...r, concept: key, basis: basis(r) }] : []
  })
}
