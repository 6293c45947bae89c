/**
 * Observations with vintages. Writing: a release and all its rows in one transaction, so an
 * import is all-or-nothing and never touches an earlier release. Reading: every row visible as of
 * a date, with the preference rule of statistics/vintage.ts applied in SQL.
 */
import { type SQL, sql } from 'drizzle-orm'
import type { ObservationInput } from '../statistics/observation.ts'
import { type Db, rowsOf, type Store } from './db.ts'
import { type ReleaseInput, writeRelease } from './release-writer.ts'
import type { ReleaseRow } from './releases.ts'

export const INSERT_BATCH = 2_000

export type Progress = (done: number, total: number) => void

/** Create a release with its rows through the one release writer; throws (and rolls back) on duplicates. */
export async function createReleaseWithRows(
  store: Store,
  release: ReleaseInput,
  rows: ObservationInput[],
): Promise<ReleaseRow> {
  const out = await writeRelease(store, release, async (sink) => {
    for (let start = 0; start < rows.length; start += INSERT_BATCH)
      await sink.write(rows.slice(start, start + INSERT_BATCH))
    return { commit: true }
  })
  if (!out.release)
    throw new Error(`release ${release.name} not written: ${out.duplicates.length} duplicate cell(s)`)
  return out.release
}

export interface ObservationQuery {
  indicators: string[]
  regions?: string[]
  /** all current regions of a level (resolved in SQL, not as a list of codes) */
  level?: string
  from?: number
  to?: number
  /** ISO date: only releases published on or before it are visible */
  asOf?: string
  /** include rows of older releases that a newer release superseded */
  allVintages?: boolean
  preferredOnly?: boolean
  /** include releases still in approval (staff views); public reads see approved ones only */
  includeUnapproved?: boolean
  /** only releases marked synthetic (true) or only real ones (false); both when absent */
  synthetic?: boolean
}

export interface ObservationRow {
  id: number
  region: string
  indicator: string
  period: number
  value: number
  unit: string
  source: string
  note: string
  vintage: string | null
  release: string
  releaseDate: string
  synthetic: boolean
  preferred: boolean
  superseded: boolean
  /** ISO time the figure was computed: for a stored figure, when its release was created */
  computedAt: string
}

/** The vintage order of statistics/vintage.ts, for SQL over `observations o`. */
export const VINTAGE_RANK = `CASE o.vintage WHEN 'revised' THEN 0 WHEN 'first_published' THEN 2 WHEN 'preliminary' THEN 3 ELSE 1 END`

/** A timestamptz column as the ISO text JavaScript's toISOString gives (UTC, milliseconds). */
export const isoTime = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const inList = (values: (string | number)[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )

export async function queryObservations(db: Db, q: ObservationQuery): Promise<ObservationRow[]> {
  if (q.indicators.length === 0) return []
  const where: SQL[] = [sql`o.indicator_key IN (${inList(q.indicators)})`]
  if (q.regions?.length) where.push(sql`o.region_code IN (${inList(q.regions)})`)
  else if (q.level)
    where.push(sql`o.region_code IN (SELECT code FROM regions WHERE level = ${q.level} AND valid_to IS NULL)`)
  if (q.from !== undefined) where.push(sql`o.period >= ${q.from}`)
  if (q.to !== undefined) where.push(sql`o.period <= ${q.to}`)
  if (q.asOf) where.push(sql`r.published_on <= ${q.asOf}::date`)
  if (q.synthetic !== undefined) where.push(sql`r.synthetic = ${q.synthetic}`)
  const visibleOnly = q.includeUnapproved
    ? sql``
    : sql`AND NOT EXISTS (SELECT 1 FROM release_approvals a WHERE a.release_id = r.id AND a.status <> 'approved')`
  const vrank = sql.raw(VINTAGE_RANK)
  const created = sql.raw(isoTime('r.created_at'))
  // the preferred row of each cell (always in its newest release): one sort, no window functions
  // (EXPLAIN ANALYZE at 16.9 million rows, one indicator × all counties: 0.4 s against 0.62 s)
  const result =
    q.preferredOnly && !q.allVintages
      ? await db.execute(sql`
    SELECT DISTINCT ON (o.indicator_key, o.region_code, o.period)
           o.id, o.region_code, o.indicator_key, o.period, o.value, o.unit, o.source, o.note, o.vintage, r.name AS release,
           to_char(r.published_on, 'YYYY-MM-DD') AS release_date, r.synthetic, true AS preferred, false AS superseded,
           ${created} AS computed_at
    FROM observations o JOIN releases r ON r.id = o.release_id
    WHERE ${sql.join(where, sql` AND `)} ${visibleOnly}
    ORDER BY o.indicator_key, o.region_code, o.period, r.published_on DESC, r.id DESC, ${vrank}, o.seq`)
      : await db.execute(sql`
    WITH visible AS (
      SELECT o.id, o.region_code, o.indicator_key, o.period, o.value, o.unit, o.source, o.note, o.vintage, o.seq,
             r.id AS rid, r.name AS release, r.published_on, r.synthetic, ${vrank} AS vrank,
             ${created} AS computed_at
      FROM observations o JOIN releases r ON r.id = o.release_id
      WHERE ${sql.join(where, sql` AND `)} ${visibleOnly}
    ), ranked AS (
      SELECT v.*,
        dense_rank() OVER (PARTITION BY indicator_key, region_code, period ORDER BY published_on DESC, rid DESC) AS release_rank,
        row_number() OVER (PARTITION BY indicator_key, region_code, period ORDER BY published_on DESC, rid DESC, vrank, seq) AS pref
      FROM visible v
    )
    SELECT id, region_code, indicator_key, period, value, unit, source, note, vintage, release,
           to_char(published_on, 'YYYY-MM-DD') AS release_date, synthetic, pref = 1 AS preferred, release_rank > 1 AS superseded,
           computed_at
    FROM ranked
    ${q.allVintages ? (q.preferredOnly ? sql`WHERE pref = 1` : sql``) : sql`WHERE release_rank = 1`}
    ORDER BY indicator_key, region_code, period, pref`)
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: Number(r.id),
    region: String(r.region_code),
    indicator: String(r.indicator_key),
    period: Number(r.period),
    value: Number(r.value),
    unit: String(r.unit),
    source: String(r.source),
    note: String(r.note),
    vintage: (r.vintage as string | null) ?? null,
    release: String(r.release),
    releaseDate: String(r.release_date),
    synthetic: Boolean(r.synthetic),
    preferred: Boolean(r.preferred),
    superseded: Boolean(r.superseded),
    computedAt: String(r.computed_at),
  }))
}

export async function countObservations(db: Db): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(await db.execute(sql`SELECT count(*) AS n FROM observations`))
  return Number(rows[0]?.n ?? 0)
}
