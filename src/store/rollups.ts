/**
 * Materialised roll-ups: macro-region and national figures computed from the provinces when a
 * release lands or its approval changes, in that transaction, and read by store/figures.ts for the
 * latest view. Provinces → each macro-region (its provinces) and → CN (all provinces of the
 * macro-regions, so a national mean is the mean of provinces, not of four macro means). Counties
 * and prefectures are not rolled up to provinces.
 *
 * Only served releases count (no approval row, or approved); real and synthetic releases are
 * rolled up apart, each from the preferred figure of its own class, so one figure never mixes
 * them. The coverage rule is statistics/derive.ts `publishable`: a sum needs every member, a
 * mean or weighted mean at least half of them; a withheld figure is kept as a row with a null
 * value and its coverage. Stored indicators are refreshed by one set-based statement; derived
 * indicators (few) are computed with the formula code and written by one statement each.
 */
import { createHash } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import {
  deriveIndicator,
  type Figure,
  rollUp,
  rollupNote,
  rollupSource,
  storedInputs,
} from '../statistics/derive.ts'
import { evaluateFormula, formulaInputs, parseFormula, type Series } from '../statistics/formula.ts'
import { derivationOrder, type Indicator } from '../statistics/indicators.ts'
import { type Db, rowsOf } from './db.ts'
import { indicatorMap } from './indicators.ts'
import { queryObservations, VINTAGE_RANK } from './observations.ts'

/** Serialises refreshes of concurrent transactions (two releases landing at once). */
export const ROLLUP_LOCK = 727_003

const CLASSES = [false, true] as const

/**
 * Each parent with its member provinces: the macro-regions under CN (members sorted by code) and
 * CN with all of them, in the order of their macro-regions. A province belongs to one macro-region.
 */
export async function rollupMembers(db: Db): Promise<Map<string, string[]>> {
  const rows = rowsOf<{ parent: string; child: string }>(
    await db.execute(sql`
      SELECT m.child_code AS parent, p.child_code AS child
      FROM region_links m
      JOIN regions g ON g.code = m.child_code AND g.level = 'macro' AND g.valid_to IS NULL
      JOIN region_links p ON p.parent_code = m.child_code AND p.valid_to IS NULL
      WHERE m.parent_code = 'CN' AND m.valid_to IS NULL
      ORDER BY 1, 2`),
  )
  const out = new Map<string, string[]>()
  const all: string[] = []
  for (const r of rows) {
    if (all.includes(r.child)) throw new Error(`region ${r.child} belongs to two macro-regions`)
    all.push(r.child)
    out.set(r.parent, [...(out.get(r.parent) ?? []), r.child])
  }
  if (all.length) out.set('CN', all)
  return out
}

/** The indicators whose roll-ups depend on `keys`: themselves, weighted by them, or derived from them. */
export function affectedIndicators(
  keys: Iterable<string>,
  catalogue: ReadonlyMap<string, Indicator>,
): string[] {
  const out = new Set([...keys].filter((k) => catalogue.has(k)))
  for (let grew = true; grew; ) {
    grew = false
    for (const ind of catalogue.values()) {
      if (out.has(ind.key)) continue
      const deps = [
        ...(ind.aggregationWeight ? [ind.aggregationWeight] : []),
        ...(ind.formula ? formulaInputs(parseFormula(ind.formula)) : []),
      ]
      if (deps.some((d) => out.has(d))) {
        out.add(ind.key)
        grew = true
      }
    }
  }
  return [...out].sort()
}

/**
 * Recompute the roll-ups of `indicatorKeys` (and of what depends on them) inside the caller's
 * transaction. A cell whose value, release, coverage and labels come out the same keeps its
 * computed_at; a cell no longer produced is deleted.
 */
export async function refreshRollups(
  tx: Db,
  indicatorKeys: Iterable<string>,
): Promise<{ indicators: string[] }> {
  const catalogue = await indicatorMap(tx)
  const keys = affectedIndicators(indicatorKeys, catalogue)
  if (keys.length === 0) return { indicators: [] }
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`)
  const members = await rollupMembers(tx)
  const stored = keys.filter((k) => !catalogue.get(k)!.formula)
  if (stored.length) await refreshStored(tx, stored, catalogue, members)
  // derived indicators in derivation order, so a formula roll-up finds its inputs' roll-ups
  const order: string[] = []
  for (const k of keys)
    for (const d of derivationOrder(k, catalogue))
      if (catalogue.get(d)?.formula && keys.includes(d) && !order.includes(d)) order.push(d)
  for (const k of order) await refreshDerived(tx, catalogue.get(k)!, catalogue, members)
  return { indicators: keys }
}

/** Every indicator: after a catalogue change, or on a store that predates the table. */
export async function refreshAllRollups(tx: Db): Promise<{ indicators: string[] }> {
  return refreshRollups(tx, (await indicatorMap(tx)).keys())
}

const textArray = (xs: readonly string[]) => sql`${sql.param(xs)}::text[]`

/**
 * Replace the roll-ups of `keys` by the rows `fresh` selects (columns indicator_key, region_code,
 * period, synthetic, value, release_id, members, with_data, source, note): one statement.
 */
async function replaceCells(tx: Db, keys: readonly string[], fresh: SQL): Promise<void> {
  // The row estimates of these joins are poor (array parameters, DISTINCT ON, an approvals table
  // without statistics), and on them the planner chose nested loops that compared every member
  // row with every weight row (20 s for 186,000 rows, 1.2 s for 3,100). Hash and merge joins are
  // right at every size here, so nested loops are off for this one statement.
  const [{ prev } = { prev: 'on' }] = rowsOf<{ prev: string }>(
    await tx.execute(
      sql`SELECT current_setting('enable_nestloop') AS prev, set_config('enable_nestloop', 'off', true)`,
    ),
  )
  await tx.execute(sql`
    WITH fresh AS (${fresh}),
    gone AS (
      DELETE FROM rollup_figures t
      WHERE t.indicator_key = ANY(${textArray(keys)})
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.indicator_key = t.indicator_key
          AND f.region_code = t.region_code AND f.period = t.period AND f.synthetic = t.synthetic)
    )
    INSERT INTO rollup_figures AS t (indicator_key, region_code, period, synthetic, value, release_id,
      members, with_data, source, note, computed_at)
    SELECT indicator_key, region_code, period, synthetic, value, release_id, members, with_data, source, note,
      statement_timestamp()
    FROM fresh
    ON CONFLICT (indicator_key, region_code, period, synthetic) DO UPDATE SET
      value = excluded.value, release_id = excluded.release_id, members = excluded.members,
      with_data = excluded.with_data, source = excluded.source, note = excluded.note,
      computed_at = excluded.computed_at
    WHERE (t.value, t.release_id, t.members, t.with_data, t.source, t.note)
      IS DISTINCT FROM (excluded.value, excluded.release_id, excluded.members, excluded.with_data, excluded.source, excluded.note)`)
  await tx.execute(sql`SELECT set_config('enable_nestloop', ${prev}, true)`)
}

/**
 * Stored indicators, all at once: the preferred figure of each member cell per class (the rule
 * of observations.ts over served releases), joined to its weight of the same class, summed per
 * macro-region, and the macro-regions' partial sums (not their means) summed to CN. Index scans
 * on (indicator, region) lists: only province rows are read.
 */
async function refreshStored(
  tx: Db,
  keys: string[],
  catalogue: ReadonlyMap<string, Indicator>,
  members: Map<string, string[]>,
): Promise<void> {
  const parents: string[] = []
  const children: string[] = []
  for (const [p, ms] of members)
    if (p !== 'CN')
      for (const m of ms) {
        parents.push(p)
        children.push(m)
      }
  // the rows read: indicators with a rule of their own, and apart from them the weights
  const valueKeys: string[] = []
  const weightKeys = new Set<string>()
  for (const k of keys) {
    const { aggregation, aggregationWeight } = catalogue.get(k)!
    if (aggregation === 'sum' || aggregation === 'mean' || aggregation === 'weighted_mean') valueKeys.push(k)
    if (aggregation === 'weighted_mean' && aggregationWeight) weightKeys.add(aggregationWeight)
  }
  // the preferred figure of each member cell per class, values and weights apart (weights are
  // read only for the weighted means)
  const preferredOf = (ks: string[]) => sql`
      SELECT DISTINCT ON (r.synthetic, o.indicator_key, o.region_code, o.period)
        r.synthetic, o.indicator_key AS k, o.region_code AS member, o.period, o.value, r.id AS rid, r.published_on AS pub
      FROM observations o JOIN releases r ON r.id = o.release_id
      WHERE o.indicator_key = ANY(${textArray(ks)}) AND o.region_code = ANY(${textArray(children)})
        AND NOT EXISTS (SELECT 1 FROM release_approvals a WHERE a.release_id = r.id AND a.status <> 'approved')
      ORDER BY r.synthetic, o.indicator_key, o.region_code, o.period, r.published_on DESC, r.id DESC,
        ${sql.raw(VINTAGE_RANK)}, o.seq`
  await replaceCells(
    tx,
    keys,
    sql`
    WITH m AS (SELECT * FROM unnest(${textArray(parents)}, ${textArray(children)}) AS m(parent, member)),
    -- each parent's member count and list (CN: in the order of its macro-regions, as rollupMembers)
    n AS (
      SELECT parent, count(*)::int AS n, string_agg(member, ', ' ORDER BY member) AS list FROM m GROUP BY parent
      UNION ALL
      SELECT 'CN', count(*)::int, string_agg(member, ', ' ORDER BY parent, member) FROM m
    ),
    ind AS (
      SELECT key, aggregation AS agg, aggregation_weight AS w FROM indicators
      WHERE key = ANY(${textArray(valueKeys)}) AND formula IS NULL
    ),
    pref AS (${preferredOf(valueKeys)}),
    wpref AS (${preferredOf([...weightKeys])}),
    x AS (
      SELECT i.key, i.agg, i.w, v.synthetic, v.member, v.period, v.value, wt.value AS weight,
        -- the newer of value and weight, as (day, release id): max() of it is the newest input
        CASE WHEN wt.rid IS NOT NULL AND (wt.pub, wt.rid) > (v.pub, v.rid)
          THEN ARRAY[wt.pub - DATE '1970-01-01', wt.rid] ELSE ARRAY[v.pub - DATE '1970-01-01', v.rid] END AS newest
      FROM ind i JOIN pref v ON v.k = i.key
      LEFT JOIN wpref wt ON i.agg = 'weighted_mean' AND wt.k = i.w AND wt.synthetic = v.synthetic
        AND wt.member = v.member AND wt.period = v.period
      WHERE i.agg <> 'weighted_mean' OR wt.value IS NOT NULL
    ),
    gm AS (
      SELECT x.key, x.agg, x.w, m.parent, x.synthetic, x.period, count(*)::int AS have,
        -- in numeric, whose sums do not depend on the order rows arrive in: the same inputs give
        -- the same figure to the last bit, so a refresh that finds nothing new changes nothing
        sum(x.value::numeric) AS s, sum(x.value::numeric * x.weight::numeric) AS sxw,
        sum(x.weight::numeric) AS sw, max(x.newest) AS newest
      FROM x JOIN m ON m.member = x.member
      GROUP BY x.key, x.agg, x.w, m.parent, x.synthetic, x.period
    ),
    g AS (
      SELECT gm.* FROM gm
      UNION ALL
      SELECT key, agg, w, 'CN', synthetic, period, sum(have)::int, sum(s), sum(sxw), sum(sw), max(newest)
      FROM gm GROUP BY key, agg, w, synthetic, period
    )
    SELECT key AS indicator_key, g.parent AS region_code, period, synthetic,
      CASE agg
        WHEN 'sum' THEN CASE WHEN have = n THEN s END
        WHEN 'mean' THEN CASE WHEN 2 * have >= n THEN s / have END
        ELSE CASE WHEN 2 * have >= n AND sw <> 0 THEN sxw / sw END
      END::float8 AS value,
      newest[2] AS release_id, n AS members, have AS with_data,
      'aggregated by jueqi: ' || CASE agg WHEN 'weighted_mean' THEN w || '-weighted mean' ELSE agg END
        || ' of ' || n || ' members' AS source,
      'members: ' || list || ' (' || have || ' of ' || n || ' with data)' AS note
    FROM g JOIN n ON n.parent = g.parent`,
  )
}

interface Cell {
  region: string
  period: number
  synthetic: boolean
  value: number | null
  releases: string[]
  members: number
  withData: number
  source: string
  note: string
}

/**
 * A derived indicator. Rule sum/mean/weighted_mean: its province figures are derived per class
 * from the preferred inputs of that class and rolled up by derive.ts `rollUp`. Rule formula: the
 * formula applied to the parent's published roll-ups of its inputs (same class), coverage the
 * least of theirs.
 */
async function refreshDerived(
  tx: Db,
  ind: Indicator,
  catalogue: ReadonlyMap<string, Indicator>,
  members: Map<string, string[]>,
): Promise<void> {
  const cells: Cell[] = []
  if (ind.aggregation === 'formula') {
    const inputs = [...formulaInputs(parseFormula(ind.formula!))]
    const rows = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        SELECT f.indicator_key, f.region_code, f.period, f.synthetic, f.value, f.with_data, f.members, r.name AS release
        FROM rollup_figures f JOIN releases r ON r.id = f.release_id
        WHERE f.indicator_key = ANY(${textArray(inputs)}) AND f.value IS NOT NULL`),
    )
    for (const [parent, ms] of members)
      for (const cls of CLASSES) {
        const mine = rows.filter((r) => r.region_code === parent && Boolean(r.synthetic) === cls)
        const series = new Map<string, Series>()
        for (const r of mine) {
          const s = series.get(String(r.indicator_key)) ?? new Map<number, number>()
          s.set(Number(r.period), Number(r.value))
          series.set(String(r.indicator_key), s)
        }
        for (const [period, value] of evaluateFormula(parseFormula(ind.formula!), series)) {
          if (!Number.isFinite(value)) continue
          const used = mine.filter((r) => Number(r.period) === period)
          if (used.length === 0) continue
          cells.push({
            region: parent,
            period,
            synthetic: cls,
            value,
            releases: used.map((r) => String(r.release)),
            members: ms.length,
            withData: Math.min(...used.map((r) => Number(r.with_data))),
            source: `derived by jueqi from roll-ups: ${ind.formula}`,
            note: `roll-ups of ${inputs.join(', ')}`,
          })
        }
      }
  } else if (ind.aggregation !== 'none') {
    const provinces = members.get('CN') ?? []
    for (const cls of CLASSES) {
      const figures = await derivedFigures(tx, ind.key, catalogue, provinces, cls)
      const weights =
        ind.aggregation === 'weighted_mean' && ind.aggregationWeight
          ? catalogue.get(ind.aggregationWeight)?.formula
            ? await derivedFigures(tx, ind.aggregationWeight, catalogue, provinces, cls)
            : await preferred(tx, [ind.aggregationWeight], provinces, cls)
          : []
      for (const [parent, ms] of members) {
        const r = rollUp(ind, parent, ms, figures, weights)
        for (const f of r.figures)
          cells.push({
            region: parent,
            period: f.period,
            synthetic: cls,
            value: f.value,
            releases: f.inputReleases,
            members: f.coverage.members,
            withData: f.coverage.withData,
            source: f.source,
            note: f.note,
          })
        for (const gap of r.gaps) {
          const used = figures.filter(
            (f) => f.period === gap.period && ms.includes(f.region) && !gap.missing.includes(f.region),
          )
          cells.push({
            region: parent,
            period: gap.period,
            synthetic: cls,
            value: null,
            releases: [...new Set(used.map((f) => f.release))],
            members: gap.coverage.members,
            withData: gap.coverage.withData,
            source: rollupSource(ind, ms.length),
            note: rollupNote(ms, gap.coverage.withData),
          })
        }
      }
    }
  }
  await replaceCells(tx, [ind.key], await cellsSql(tx, ind.key, cells))
}

/** Preferred figures of stored indicators, served releases of one class only. */
const preferred = (tx: Db, keys: string[], regions: string[], synthetic: boolean): Promise<Figure[]> =>
  queryObservations(tx, { indicators: keys, regions, preferredOnly: true, synthetic })

async function derivedFigures(
  tx: Db,
  key: string,
  catalogue: ReadonlyMap<string, Indicator>,
  regions: string[],
  synthetic: boolean,
): Promise<Figure[]> {
  const inputs = await preferred(tx, storedInputs(key, catalogue), regions, synthetic)
  return deriveIndicator(key, inputs, catalogue)
}

/** The cells as a SELECT over unnest arrays; each cell's release is the newest of its inputs. */
async function cellsSql(tx: Db, key: string, cells: Cell[]): Promise<SQL> {
  const names = [...new Set(cells.flatMap((c) => c.releases))]
  const rel = rowsOf<{ id: number; name: string; published_on: string }>(
    await tx.execute(sql`SELECT id, name, to_char(published_on, 'YYYY-MM-DD') AS published_on
      FROM releases WHERE name = ANY(${textArray(names)})`),
  )
  const byName = new Map(rel.map((r) => [r.name, { id: Number(r.id), date: r.published_on }]))
  const newest = (rs: string[]) =>
    rs
      .map((n) => byName.get(n)!)
      .reduce((a, b) => (b.date > a.date || (b.date === a.date && b.id > a.id) ? b : a)).id
  const kept = cells.filter((c) => c.releases.length > 0)
  return sql`
    SELECT ${key}::text AS indicator_key, region_code, period, synthetic, value, release_id, members, with_data, source, note
    FROM unnest(${textArray(kept.map((c) => c.region))}, ${sql.param(kept.map((c) => c.period))}::int[],
      ${sql.param(kept.map((c) => c.synthetic))}::boolean[], ${sql.param(kept.map((c) => c.value))}::float8[],
      ${sql.param(kept.map((c) => newest(c.releases)))}::int[], ${sql.param(kept.map((c) => c.members))}::int[],
      ${sql.param(kept.map((c) => c.withData))}::int[], ${textArray(kept.map((c) => c.source))},
      ${textArray(kept.map((c) => c.note))})
      AS c(region_code, period, synthetic, value, release_id, members, with_data, source, note)`
}

const BASIS_KEY = 'rollups.basis'

/**
 * Refresh every roll-up when what they are computed by has changed since the last full refresh:
 * the catalogue's aggregation rules and formulas, or the membership of the macro-regions (a new
 * version of jueqi, or a store from before migration 0011). Called at start-up (importer/seed.ts).
 */
export async function refreshRollupsIfStale(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`)
    const catalogue = [...(await indicatorMap(tx)).values()].map((i) => [
      i.key,
      i.aggregation,
      i.aggregationWeight,
      i.formula,
    ])
    const basis = createHash('sha256')
      .update(JSON.stringify([catalogue, [...(await rollupMembers(tx))]]))
      .digest('hex')
    const [row] = rowsOf<{ value: unknown }>(
      await tx.execute(sql`SELECT value FROM settings WHERE key = ${BASIS_KEY}`),
    )
    if (row?.value === basis) return false
    await refreshAllRollups(tx)
    await tx.execute(sql`INSERT INTO settings (key, value) VALUES (${BASIS_KEY}, ${JSON.stringify(basis)}::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    return true
  })
}
