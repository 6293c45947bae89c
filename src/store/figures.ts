/**
 * What the API, the CLI export and the evaluation read: stored observations with the
 * preference rule applied, plus derived indicators computed on the fly from the same preferred
 * figures, and macro-region and national roll-ups, all labelled as computed. The latest view reads
 * the roll-ups materialised when releases landed (store/rollups.ts); a view as of a date, of all
 * vintages or including unapproved releases computes them here by the same rules.
 */
import { sql } from 'drizzle-orm'
import {
  type Coverage,
  deriveIndicator,
  type Figure,
  type RolledFigure,
  rollUp,
  storedInputs,
} from '../statistics/derive.ts'
import { formulaInputs, parseFormula } from '../statistics/formula.ts'
import type { Indicator } from '../statistics/indicators.ts'
import { type Db, rowsOf } from './db.ts'
import { indicatorMap } from './indicators.ts'
import { isoTime, type ObservationQuery, type ObservationRow, queryObservations } from './observations.ts'
import { listRegions } from './regions.ts'
import { rollupMembers } from './rollups.ts'

export interface FigureRow extends ObservationRow {
  derived: boolean
  /** a roll-up's members and how many had the figure; null for other rows */
  coverage: Coverage | null
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

const isParent = (code: string) => code === 'CN' || /^[A-Z]{4,}$/.test(code)

function computedRow(
  f: Figure & { source: string; note: string; synthetic: boolean },
  unit: string,
  computedAt: string,
  coverage: Coverage | null = null,
): FigureRow {
  return {
    id: 0,
    region: f.region,
    indicator: f.indicator,
    period: f.period,
    value: f.value,
    unit,
    source: f.source,
    note: f.note,
    vintage: null,
    release: f.release,
    releaseDate: f.releaseDate,
    synthetic: f.synthetic,
    preferred: true,
    superseded: false,
    computedAt,
    derived: true,
    coverage,
  }
}

export async function getFigures(db: Db, q: FigureQuery): Promise<FigureRow[]> {
  const catalogue = await indicatorMap(db)
  for (const k of q.indicators) if (!catalogue.has(k)) throw new UnknownIndicatorError(k)
  const now = new Date().toISOString()
  // a list of codes is needed only to derive per region or to roll up macro-regions and the nation
  const needList =
    !q.regions &&
    q.level &&
    (q.level === 'macro' || q.level === 'nation' || q.indicators.some((k) => catalogue.get(k)!.formula))
  const regions =
    q.regions ?? (needList ? (await listRegions(db, { level: q.level })).map((r) => r.code) : undefined)
  const storedKeys = q.indicators.filter((k) => !catalogue.get(k)!.formula)
  // stored indicators in one query, however many were asked for; a level stays a level in SQL
  const out: FigureRow[] = storedKeys.length
    ? await stored(db, storedKeys, q.regions ? q : { ...q, regions: undefined })
    : []
  for (const key of q.indicators) {
    const ind = catalogue.get(key)!
    if (ind.formula) out.push(...(await derived(db, ind, catalogue, { ...q, regions }, now)))
  }
  const parents = (regions ?? []).filter(isParent)
  if (parents.length === 0) return out
  // a published figure for a macro-region or the nation is served instead of a roll-up
  const published = new Set(
    out.filter((r) => isParent(r.region)).map((r) => `${r.indicator}|${r.region}|${r.period}`),
  )
  const rolled =
    q.asOf || q.allVintages || q.includeUnapproved
      ? await liveRollups(db, q.indicators, catalogue, parents, q, now)
      : await materialised(db, q.indicators, catalogue, parents, q)
  for (const r of rolled) if (!published.has(`${r.indicator}|${r.region}|${r.period}`)) out.push(r)
  return out
}

async function stored(db: Db, keys: string[], q: FigureQuery): Promise<FigureRow[]> {
  return (await queryObservations(db, { ...q, indicators: keys })).map((r) => ({
    ...r,
    derived: false,
    coverage: null,
  }))
}

async function derived(
  db: Db,
  ind: Indicator,
  catalogue: Map<string, Indicator>,
  q: FigureQuery,
  now: string,
): Promise<FigureRow[]> {
  return (await derivedFigures(db, ind, catalogue, q)).map((f) => computedRow(f, ind.unit, now))
}

async function derivedFigures(db: Db, ind: Indicator, catalogue: Map<string, Indicator>, q: FigureQuery) {
  const inputs = storedInputs(ind.key, catalogue)
  // chain() and growth() need earlier years than the window asked for: read the inputs unbounded below
  const rows = await queryObservations(db, {
    ...q,
    indicators: inputs,
    from: undefined,
    preferredOnly: true,
    allVintages: false,
  })
  return deriveIndicator(ind.key, rows.map(toFigure), catalogue).filter(
    (f) => (q.from === undefined || f.period >= q.from) && (q.to === undefined || f.period <= q.to),
  )
}

/**
 * The materialised roll-ups of the latest view: per cell the published figure of the class
 * (real or synthetic inputs) whose newest input release is newer, the real one on a tie.
 */
async function materialised(
  db: Db,
  keys: string[],
  catalogue: Map<string, Indicator>,
  parents: string[],
  q: FigureQuery,
): Promise<FigureRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT DISTINCT ON (f.indicator_key, f.region_code, f.period)
        f.indicator_key, f.region_code, f.period, f.value, f.synthetic, f.members, f.with_data, f.source, f.note,
        r.name AS release, to_char(r.published_on, 'YYYY-MM-DD') AS release_date,
        ${sql.raw(isoTime('f.computed_at'))} AS computed_at
      FROM rollup_figures f JOIN releases r ON r.id = f.release_id
      WHERE f.indicator_key = ANY(${sql.param(keys)}::text[]) AND f.region_code = ANY(${sql.param(parents)}::text[])
        AND f.value IS NOT NULL
        ${q.from === undefined ? sql`` : sql`AND f.period >= ${q.from}`}
        ${q.to === undefined ? sql`` : sql`AND f.period <= ${q.to}`}
      ORDER BY f.indicator_key, f.region_code, f.period, r.published_on DESC, f.synthetic`),
  )
  return rows.map((r) => ({
    id: 0,
    region: String(r.region_code),
    indicator: String(r.indicator_key),
    period: Number(r.period),
    value: Number(r.value),
    unit: catalogue.get(String(r.indicator_key))!.unit,
    source: String(r.source),
    note: String(r.note),
    vintage: null,
    release: String(r.release),
    releaseDate: String(r.release_date),
    synthetic: Boolean(r.synthetic),
    preferred: true,
    superseded: false,
    computedAt: String(r.computed_at),
    derived: true,
    coverage: { members: Number(r.members), withData: Number(r.with_data) },
  }))
}

/** Roll-ups computed for this request (asOf, all vintages, unapproved): the same rules, by derive.ts. */
async function liveRollups(
  db: Db,
  keys: string[],
  catalogue: Map<string, Indicator>,
  parents: string[],
  q: FigureQuery,
  now: string,
): Promise<FigureRow[]> {
  const members = await rollupMembers(db)
  const out: FigureRow[] = []
  for (const key of keys) {
    const ind = catalogue.get(key)!
    for (const parent of parents) {
      const ms = members.get(parent)
      if (!ms?.length) continue
      const [real, synthetic] = await Promise.all(
        [false, true].map((cls) => rolledClass(db, ind, catalogue, parent, ms, q, cls)),
      )
      const byPeriod = new Map(real!.map((f) => [f.period, f]))
      for (const f of synthetic!) {
        const r = byPeriod.get(f.period)
        if (!r || f.releaseDate > r.releaseDate) byPeriod.set(f.period, f)
      }
      for (const f of [...byPeriod.values()].sort((a, b) => a.period - b.period))
        out.push(computedRow(f, ind.unit, now, f.coverage))
    }
  }
  return out
}

/** One class's roll-up of one indicator to one parent (real inputs only, or synthetic only). */
async function rolledClass(
  db: Db,
  ind: Indicator,
  catalogue: Map<string, Indicator>,
  parent: string,
  members: string[],
  q: FigureQuery,
  synthetic: boolean,
): Promise<RolledFigure[]> {
  const memberQuery: FigureQuery = {
    ...q,
    regions: members,
    level: undefined,
    preferredOnly: true,
    allVintages: false,
    synthetic,
  }
  if (ind.aggregation === 'formula') {
    const parts = [...formulaInputs(parseFormula(ind.formula!))]
    const sums = (
      await Promise.all(
        parts.map((p) => rolledClass(db, catalogue.get(p)!, catalogue, parent, members, q, synthetic)),
      )
    ).flat()
    return deriveIndicator(ind.key, sums, catalogue).map((f) => {
      const used = sums.filter((s) => s.period === f.period)
      return {
        ...f,
        synthetic,
        source: `derived by jueqi from roll-ups: ${ind.formula}`,
        note: `roll-ups of ${parts.join(', ')}`,
        coverage: {
          members: members.length,
          withData: Math.min(...used.map((s) => s.coverage.withData)),
        },
        inputReleases: [...new Set(used.flatMap((s) => s.inputReleases))],
      }
    })
  }
  const figuresOf = async (key: string): Promise<Figure[]> => {
    const i = catalogue.get(key)!
    return i.formula
      ? derivedFigures(db, i, catalogue, memberQuery)
      : (await queryObservations(db, { ...memberQuery, regions: members, indicators: [key] })).map(toFigure)
  }
  const memberRows = await figuresOf(ind.key)
  const weightRows =
    ind.aggregation === 'weighted_mean' && ind.aggregationWeight ? await figuresOf(ind.aggregationWeight) : []
  return rollUp(ind, parent, members, memberRows, weightRows).figures.map((f) => ({ ...f, synthetic }))
}
