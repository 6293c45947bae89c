/**
 * Saved evaluation runs: appended, listed, read; a run is a record and is never changed.
 * `latest` is the newest run of one kind, `assess` (the real data) unless another kind is asked
 * for, so that a run over the SYNTHETIC panel (`assess-synthetic`) never becomes what the web
 * app shows as the current evaluation.
 */
import { and, desc, eq } from 'drizzle-orm'
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

/** the kind `latest` means when none is given: `jueqi assess` on the stored (real) data */
export const DEFAULT_EVALUATION_KIND = 'assess'

/** A run by id (of `kind`, when given), or the newest run of `kind` (default `assess`). */
export async function getEvaluation(
  db: Db,
  id: number | 'latest',
  o: { kind?: string } = {},
): Promise<EvaluationRow | undefined> {
  const q = db.select().from(evaluationRuns)
  const [row] = await (id === 'latest'
    ? q
        .where(eq(evaluationRuns.kind, o.kind ?? DEFAULT_EVALUATION_KIND))
        .orderBy(desc(evaluationRuns.id))
        .limit(1)
    : q.where(
        o.kind === undefined
          ? eq(evaluationRuns.id, id)
          : and(eq(evaluationRuns.id, id), eq(evaluationRuns.kind, o.kind)),
      ))
  return row
}
