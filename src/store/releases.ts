import { desc, eq } from 'drizzle-orm'
import type { Db } from './db.ts'
import { releases } from './schema.ts'

export type ReleaseRow = typeof releases.$inferSelect
export type NewRelease = typeof releases.$inferInsert

export async function listReleases(db: Db): Promise<ReleaseRow[]> {
  return db.select().from(releases).orderBy(desc(releases.publishedOn), desc(releases.id))
}

export async function findRelease(db: Db, name: string): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.name, name))
  return row
}

export async function getReleaseById(db: Db, id: number): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.id, id))
  return row
}
