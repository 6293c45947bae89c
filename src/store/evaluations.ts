/** Saved evaluation runs: appended, listed, read; a run is a record and is never changed. */
import { desc, eq } from 'drizzle-orm'
import type { Db } from './db.ts'
import { evaluationRuns } from './schema.ts'

export type EvaluationRow = typeof evaluationRuns.$inferSelect

export async function saveEvaluation(
  db: Db,
  run: { kind: string; asOf: string | null; stamp: unknown; results: unknown },
) {
  const [row] = await db
    .insert(evaluationRuns)
    .values(run)
    .returning({ id: evaluationRuns.id, createdAt: evaluationRuns.createdAt })
  return row!
}

export async function listEvaluations(db: Db) {
  return db
    .select({
      id: evaluationRuns.id,
      kind: evaluationRuns.kind,
      asOf: evaluationRuns.asOf,
      stamp: evaluationRuns.stamp,
      createdAt: evaluationRuns.createdAt,
    })
    .from(evaluationRuns)
    .orderBy(desc(evaluationRuns.id))
}

export async function getEvaluation(db: Db, id: number | 'latest'): Promise<EvaluationRow | undefined> {
  const q = db.select().from(evaluationRuns)
  const [row] = await (id === 'latest'
    ? q.orderBy(desc(evaluationRuns.id)).limit(1)
    : q.where(eq(evaluationRuns.id, id)))
  return row
}
