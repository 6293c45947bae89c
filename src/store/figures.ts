/**
 * What the API, the CLI export and the evaluation read: stored observations with the
 * preference rule applied, plus derived indicators and macro-region roll-ups computed on the fly
 * from the same preferred figures and labelled as computed.
 */
import { deriveIndicator, type Figure, rollUp, storedInputs } from '../statistics/derive.ts'
import { formulaInputs, parseFormula } from '../statistics/formula.ts'
import type { Indicator } from '../statistics/indicators.ts'
import type { Db } from './db.ts'
import { indicatorMap } from './indicators.ts'
import { type ObservationQuery, type ObservationRow, queryObservations } from './observations.ts'
import { childCodes, listRegions } from './regions.ts'

export interface FigureRow extends ObservationRow {
  derived: boolean
}

export interface FigureQuery extends Omit<ObservationQuery, 'regions'> {
  regions?: string[]
  /** all current regions of a level instead of a list */
  level?: string
}

export class UnknownIndicatorError extends Error {
  constructor(readonly key: string) {
    super(`unknown indicator "${key}"`)
  }
}

const toFigure = (r: ObservationRow): Figure => r

function computedRow(f: Figure & { source: string; note: string }, unit: string): FigureRow {
  return {
    ...f,
    id: 0,
    unit,
    vintage: null,
    synthetic: false,
    preferred: true,
    superseded: false,
    derived: true,
  }
}

export async function getFigures(db: Db, q: FigureQuery): Promise<FigureRow[]> {
  const catalogue = await indicatorMap(db)
  for (const k of q.indicators) if (!catalogue.has(k)) throw new UnknownIndicatorError(k)
  // a list of codes is needed only to derive per region or to roll up macro-regions
  const needList =
    !q.regions && q.level && (q.level === 'macro' || q.indicators.some((k) => catalogue.get(k)!.formula))
  const regions =
    q.regions ?? (needList ? (await listRegions(db, { level: q.level })).map((r) => r.code) : undefined)
  const storedKeys = q.indicators.filter((k) => !catalogue.get(k)!.formula)
  // stored indicators in one query, however many were asked for; a level stays a level in SQL
  const out: FigureRow[] = storedKeys.length
    ? await stored(db, storedKeys, q.regions ? q : { ...q, regions: undefined })
    : []
  for (const key of q.indicators) {
    const ind = catalogue.get(key)!
    const direct = ind.formula
      ? await derived(db, ind, catalogue, { ...q, regions })
      : out.filter((r) => r.indicator === key)
    if (ind.formula) out.push(...direct)
    const macros = (regions ?? []).filter((r) => /^[A-Z]{4,}$/.test(r) && r !== 'CN')
    for (const macro of macros) out.push(...(await rolledUp(db, ind, catalogue, macro, q, direct)))
  }
  return out
}

async function stored(db: Db, keys: string[], q: FigureQuery): Promise<FigureRow[]> {
  return (await queryObservations(db, { ...q, indicators: keys })).map((r) => ({ ...r, derived: false }))
}

async function derived(
  db: Db,
  ind: Indicator,
  catalogue: Map<string, Indicator>,
  q: FigureQuery,
): Promise<FigureRow[]> {
  const inputs = storedInputs(ind.key, catalogue)
  // chain() and growth() need earlier years than the window asked for: read the inputs unbounded below
  const rows = await queryObservations(db, {
    ...q,
    indicators: inputs,
    from: undefined,
    preferredOnly: true,
    allVintages: false,
  })
  return deriveIndicator(ind.key, rows.map(toFigure), catalogue)
    .filter((f) => (q.from === undefined || f.period >= q.from) && (q.to === undefined || f.period <= q.to))
    .map((f) => computedRow(f, ind.unit))
}

/** A macro-region figure computed from its provinces, unless a published figure for that cell exists. */
async function rolledUp(
  db: Db,
  ind: Indicator,
  catalogue: Map<string, Indicator>,
  macro: string,
  q: FigureQuery,
  published: FigureRow[],
): Promise<FigureRow[]> {
  const members = await childCodes(db, macro)
  if (members.length === 0) return []
  const memberQuery = { ...q, regions: members, level: undefined, preferredOnly: true, allVintages: false }
  const memberRows = (await getFigures(db, { ...memberQuery, indicators: [ind.key] })).filter(
    (r) => r.preferred,
  )
  const weightRows = ind.aggregationWeight
    ? (await getFigures(db, { ...memberQuery, indicators: [ind.aggregationWeight] })).filter(
        (r) => r.preferred,
      )
    : []
  let computed: (Figure & { source: string; note: string })[]
  if (ind.aggregation === 'formula') {
    const parts = [...formulaInputs(parseFormula(ind.formula!))]
    const sums = await Promise.all(parts.map((p) => rolledUp(db, catalogue.get(p)!, catalogue, macro, q, [])))
    computed = deriveIndicator(ind.key, sums.flat(), catalogue)
  } else {
    computed = rollUp(ind, macro, members, memberRows, weightRows).figures
  }
  const have = new Set(published.filter((p) => p.region === macro).map((p) => p.period))
  return computed.filter((f) => !have.has(f.period)).map((f) => computedRow(f, ind.unit))
}
