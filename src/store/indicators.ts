import { asc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Indicator } from '../statistics/indicators.ts'
import type { Db } from './db.ts'
import { indicators } from './schema.ts'

/** Insert new indicators and update changed ones; one row per key (the primary key). */
export async function upsertIndicators(db: Db, rows: Indicator[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insert(indicators)
    .values(rows)
    .onConflictDoUpdate({
      target: indicators.key,
      set: Object.fromEntries(
        Object.entries(getTableColumns(indicators))
          .filter(([k]) => k !== 'key')
          .map(([k, col]) => [k, sql.raw(`excluded."${col.name}"`)]),
      ),
      // an unchanged definition is not written again: every start and every CLI command seeds,
      // and a rewrite would bump the data version (emptying every app process's response cache)
      setWhere: sql`(${indicators}.*) IS DISTINCT FROM (excluded.*)`,
    })
}

/** Rows were validated by the Indicator schema on the way in, so their enums hold on the way out. */
export async function listIndicators(db: Db): Promise<Indicator[]> {
  return (await db.select().from(indicators).orderBy(asc(indicators.key))) as Indicator[]
}

export async function getIndicator(db: Db, key: string): Promise<Indicator | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.key, key))
  return row as Indicator | undefined
}

export async function indicatorMap(db: Db): Promise<Map<string, Indicator>> {
  return new Map((await listIndicators(db)).map((i) => [i.key, i]))
}
