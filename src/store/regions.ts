import { and, asc, eq, gte, ilike, isNull, lte, or, sql } from 'drizzle-orm'
import type { RegionName } from '../statistics/region-lookup.ts'
import type { Db } from './db.ts'
import { regionCodeChanges, regionLinks, regions } from './schema.ts'

export type RegionRow = typeof regions.$inferSelect
export type NewRegion = typeof regions.$inferInsert
export type NewRegionLink = typeof regionLinks.$inferInsert
export type NewCodeChange = typeof regionCodeChanges.$inferInsert

const BATCH = 1_000

export async function insertRegionCatalogue(
  db: Db,
  catalogue: { regions: NewRegion[]; links: NewRegionLink[]; changes?: NewCodeChange[] },
): Promise<void> {
  // rows already there (a concurrent first start) are left as they are: each key once
  await db.transaction(async (tx) => {
    for (let i = 0; i < catalogue.regions.length; i += BATCH)
      await tx
        .insert(regions)
        .values(catalogue.regions.slice(i, i + BATCH))
        .onConflictDoNothing()
    for (let i = 0; i < catalogue.links.length; i += BATCH)
      await tx
        .insert(regionLinks)
        .values(catalogue.links.slice(i, i + BATCH))
        .onConflictDoNothing()
    if (catalogue.changes?.length)
      await tx.insert(regionCodeChanges).values(catalogue.changes).onConflictDoNothing()
  })
}

export async function countRegions(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions)
  return row?.n ?? 0
}

export interface RegionWithParent extends RegionRow {
  parentCode: string | null
}

/** Regions current today (open validity), optionally filtered by level, parent or a name/code search. */
export async function listRegions(
  db: Db,
  f: { level?: string; parent?: string; q?: string; limit?: number; at?: string } = {},
): Promise<RegionWithParent[]> {
  // current regions, or those valid on a date (a retired code is valid up to its validTo)
  const validAt = (t: typeof regions | typeof regionLinks) =>
    f.at
      ? and(or(isNull(t.validFrom), lte(t.validFrom, f.at)), or(isNull(t.validTo), gte(t.validTo, f.at)))!
      : isNull(t.validTo)
  const conds = [validAt(regions)]
  if (f.level) conds.push(eq(regions.level, f.level))
  if (f.parent) conds.push(eq(regionLinks.parentCode, f.parent))
  if (f.q) {
    // LIKE's wildcards in the query are matched as themselves (q=% finds names with a %, not every region)
    const escaped = f.q.replace(/[%_\\]/g, (c) => `\\${c}`)
    const like = `%${escaped}%`
    conds.push(
      or(ilike(regions.nameZh, like), ilike(regions.nameEn, like), ilike(regions.code, `${escaped}%`))!,
    )
  }
  const rows = await db
    .select({ region: regions, parentCode: regionLinks.parentCode })
    .from(regions)
    .leftJoin(regionLinks, and(eq(regionLinks.childCode, regions.code), validAt(regionLinks)))
    .where(and(...conds))
    .orderBy(asc(regions.code))
    .limit(f.limit ?? 10_000)
  return rows.map((r) => ({ ...r.region, parentCode: r.parentCode }))
}

export async function getRegion(db: Db, code: string): Promise<RegionWithParent | undefined> {
  const rows = await db
    .select({ region: regions, parentCode: regionLinks.parentCode })
    .from(regions)
    .leftJoin(regionLinks, and(eq(regionLinks.childCode, regions.code), isNull(regionLinks.validTo)))
    .where(eq(regions.code, code))
  const current = rows.find((r) => r.region.validTo === null) ?? rows[0]
  return current ? { ...current.region, parentCode: current.parentCode } : undefined
}

export async function regionNames(db: Db): Promise<RegionName[]> {
  return db
    .select({ code: regions.code, level: regions.level, nameZh: regions.nameZh, nameEn: regions.nameEn })
    .from(regions)
}

/** Codes of the regions whose current parent is `parent` (e.g. the provinces of a macro-region). */
export async function childCodes(db: Db, parent: string): Promise<string[]> {
  const rows = await db
    .select({ code: regionLinks.childCode })
    .from(regionLinks)
    .where(and(eq(regionLinks.parentCode, parent), isNull(regionLinks.validTo)))
    .orderBy(asc(regionLinks.childCode))
  return rows.map((r) => r.code)
}

/** Today's code for a code that was recoded (itself when unchanged; null when abolished without successor). */
export async function successorOf(
  db: Db,
  code: string,
): Promise<{ code: string | null; changes: (typeof regionCodeChanges.$inferSelect)[] }> {
  const path: (typeof regionCodeChanges.$inferSelect)[] = []
  let at: string | null = code
  for (let hops = 0; at && hops < 10; hops++) {
    const [change] = await db.select().from(regionCodeChanges).where(eq(regionCodeChanges.oldCode, at))
    if (!change) break
    path.push(change)
    at = change.newCode
  }
  return { code: at, changes: path }
}
