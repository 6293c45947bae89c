/**
 * Release approval rows: the state of src/supervision/approval.ts per release. Saving one
 * refreshes the roll-ups of the release's indicators in the same transaction (a release stops or
 * starts being served), so approval state is written here and nowhere else.
 */
import { and, eq, sql } from 'drizzle-orm'
import { type ApprovalState, releaseStatus } from '../supervision/approval.ts'
import { type Db, rowsOf } from './db.ts'
import { refreshRollups } from './rollups.ts'
import { releaseApprovals } from './schema.ts'

export async function getApproval(db: Db, releaseId: number) {
  const [row] = await db.select().from(releaseApprovals).where(eq(releaseApprovals.releaseId, releaseId))
  return row ? { ...row, state: row.state as ApprovalState } : undefined
}

/**
 * Insert or update (guarded by the previous state's time, so two reviewers cannot both act on one
 * state). Pass a transaction: the roll-up refresh joins it.
 */
export async function saveApproval(
  outer: Db,
  releaseId: number,
  regionCode: string,
  state: ApprovalState,
  previousAt: string | null,
): Promise<boolean> {
  // one transaction (a savepoint inside the caller's): the state and the roll-ups change together
  return outer.transaction(async (db) => {
    const row = {
      releaseId,
      regionCode,
      status: releaseStatus(state),
      state,
      updatedAt: state.lastAt ?? new Date().toISOString(),
    }
    if (previousAt === null) {
      const r = await db
        .insert(releaseApprovals)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: releaseApprovals.releaseId })
      if (r.length === 1) await refreshReleaseRollups(db, releaseId)
      return r.length === 1
    }
    const r = await db
      .update(releaseApprovals)
      .set(row)
      .where(and(eq(releaseApprovals.releaseId, releaseId), eq(releaseApprovals.updatedAt, previousAt)))
      .returning({ id: releaseApprovals.releaseId })
    if (r.length === 1) await refreshReleaseRollups(db, releaseId)
    return r.length === 1
  })
}

/** The roll-ups of every indicator a release holds, after its approval changed. */
export async function refreshReleaseRollups(db: Db, releaseId: number): Promise<void> {
  const keys = rowsOf<{ k: string }>(
    await db.execute(
      sql`SELECT DISTINCT indicator_key AS k FROM observations WHERE release_id = ${releaseId}`,
    ),
  ).map((r) => r.k)
  await refreshRollups(db, keys)
}
