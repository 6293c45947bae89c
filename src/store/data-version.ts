/**
 * The data version: a counter that changes whenever a release lands, is approved or unapproved,
 * or the indicator or region catalogue changes (bumped at commit by triggers, migration 0009).
 * Response caches key on it, so processes sharing one database never serve each other's stale data.
 */
import { sql } from 'drizzle-orm'
import { type Db, rowsOf } from './db.ts'

export async function readDataVersion(db: Db): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(await db.execute(sql`SELECT n FROM data_version WHERE id = 1`))
  return Number(rows[0]?.n ?? 0)
}
