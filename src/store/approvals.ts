/** Release approval rows: the state of src/supervision/approval.ts per release. */
import { and, eq } from 'drizzle-orm'
import { type ApprovalState, releaseStatus } from '../supervision/approval.ts'
import type { Db } from './db.ts'
import { releaseApprovals } from './schema.ts'

export async function getApproval(db: Db, releaseId: number) {
  const [row] = await db.select().from(releaseApprovals).where(eq(releaseApprovals.releaseId, releaseId))
  return row ? { ...row, state: row.state as ApprovalState } : undefined
}

/** Insert or update (guarded by the previous state's time, so two reviewers cannot both act on one state). */
export async function saveApproval(
  db: Db,
  releaseId: number,
  regionCode: string,
  state: ApprovalState,
  previousAt: string | null,
): Promise<boolean> {
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
    return r.length === 1
  }
  const r = await db
    .update(releaseApprovals)
    .set(row)
    .where(and(eq(releaseApprovals.releaseId, releaseId), eq(releaseApprovals.updatedAt, previousAt)))
    .returning({ id: releaseApprovals.releaseId })
  return r.length === 1
}
