/**
 * Tasks, their state changes, progress reports and evidence files as rows. The rules live in
 * src/supervision (pure); this file only maps rows to those types and back.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { Report } from '../supervision/reports.ts'
import { type Task, taskSchema } from '../supervision/tasks.ts'
import type { Db } from './db.ts'
import { evidence, reports, tasks, taskTransitions } from './schema.ts'

export type TaskRow = typeof tasks.$inferSelect
export interface StoredTask extends Task {
  leadBody: string
  coBodies: string[]
  planId: string | null
  createdBy: string
}

export function rowToTask(r: TaskRow): StoredTask {
  const t = taskSchema.parse({
    id: r.id,
    title: r.title,
    regionCode: r.regionCode,
    assignee: r.assignee ?? undefined,
    planNodeId: r.planNodeId ?? undefined,
    state: r.state,
    start: r.start,
    deadline: r.deadline,
    cadence: r.cadence,
    milestones: r.milestones,
    updatedAt: r.updatedAt ?? undefined,
    reportedAt: r.reportedAt ?? undefined,
    acceptedAt: r.acceptedAt ?? undefined,
  })
  return {
    ...t,
    leadBody: r.leadBody,
    coBodies: r.coBodies as string[],
    planId: r.planId,
    createdBy: r.createdBy,
  }
}

export async function insertTask(db: Db, t: StoredTask): Promise<void> {
  await db.insert(tasks).values({
    id: t.id,
    title: t.title,
    regionCode: t.regionCode,
    assignee: t.assignee ?? null,
    leadBody: t.leadBody,
    coBodies: t.coBodies,
    planId: t.planId,
    planNodeId: t.planNodeId ?? null,
    state: t.state,
    start: t.start,
    deadline: t.deadline,
    cadence: t.cadence,
    milestones: t.milestones,
    createdBy: t.createdBy,
    updatedAt: t.updatedAt ?? null,
  })
}

/** Write a task's new state; `expected` guards against a concurrent change (optimistic check). */
export async function saveTaskState(db: Db, t: Task, expected: string): Promise<boolean> {
  const rows = await db
    .update(tasks)
    .set({
      state: t.state,
      updatedAt: t.updatedAt ?? null,
      reportedAt: t.reportedAt ?? null,
      acceptedAt: t.acceptedAt ?? null,
    })
    .where(and(eq(tasks.id, t.id), eq(tasks.state, expected)))
    .returning({ id: tasks.id })
  return rows.length === 1
}

export async function getTask(db: Db, id: string): Promise<StoredTask | undefined> {
  const [r] = await db.select().from(tasks).where(eq(tasks.id, id))
  return r ? rowToTask(r) : undefined
}

export async function listTasks(
  db: Db,
  f: { regions?: string[]; planId?: string; states?: string[] } = {},
): Promise<StoredTask[]> {
  const where: SQL[] = []
  if (f.regions) where.push(inArray(tasks.regionCode, f.regions))
  if (f.planId) where.push(eq(tasks.planId, f.planId))
  if (f.states) where.push(inArray(tasks.state, f.states))
  const rows = await db
    .select()
    .from(tasks)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(tasks.regionCode), asc(tasks.deadline), asc(tasks.id))
  return rows.map(rowToTask)
}

export async function insertTransition(
  db: Db,
  r: {
    taskId: string
    event: string
    from: string
    to: string
    actor: string
    at: string
    reason: string | null
  },
): Promise<void> {
  await db.insert(taskTransitions).values({
    taskId: r.taskId,
    event: r.event,
    fromState: r.from,
    toState: r.to,
    actor: r.actor,
    at: r.at,
    reason: r.reason,
  })
}

export async function listTransitions(db: Db, taskId: string) {
  return db
    .select()
    .from(taskTransitions)
    .where(eq(taskTransitions.taskId, taskId))
    .orderBy(asc(taskTransitions.id))
}

export async function insertReport(db: Db, r: Report): Promise<void> {
  await db
    .insert(reports)
    .values({ id: r.id, taskId: r.taskId, body: r, status: r.status, submittedAt: r.submittedAt })
}

export async function saveReport(db: Db, r: Report): Promise<void> {
  await db.update(reports).set({ body: r, status: r.status }).where(eq(reports.id, r.id))
}

export async function getReport(db: Db, id: string): Promise<Report | undefined> {
  const [r] = await db.select().from(reports).where(eq(reports.id, id))
  return r ? (r.body as Report) : undefined
}

export async function listReports(db: Db, taskIds: string[]): Promise<Report[]> {
  if (taskIds.length === 0) return []
  const rows = await db
    .select()
    .from(reports)
    .where(inArray(reports.taskId, taskIds))
    .orderBy(desc(reports.submittedAt), desc(reports.id))
  return rows.map((r) => r.body as Report)
}

export type EvidenceRow = typeof evidence.$inferSelect

/** Content-addressed: storing the same bytes twice keeps the first row. */
export async function putEvidence(
  db: Db,
  e: Omit<EvidenceRow, 'content'> & { bytes: Uint8Array },
): Promise<void> {
  const { bytes, ...rest } = e
  await db
    .insert(evidence)
    .values({ ...rest, content: Buffer.from(bytes).toString('base64') })
    .onConflictDoNothing()
}

export async function getEvidence(
  db: Db,
  sha256: string,
): Promise<(EvidenceRow & { bytes: Buffer }) | undefined> {
  const [r] = await db.select().from(evidence).where(eq(evidence.sha256, sha256))
  return r ? { ...r, bytes: Buffer.from(r.content, 'base64') } : undefined
}

export async function getEvidenceMeta(db: Db, hashes: string[]) {
  if (hashes.length === 0) return []
  return db
    .select({
      sha256: evidence.sha256,
      type: evidence.type,
      size: evidence.size,
      name: evidence.name,
      taskId: evidence.taskId,
    })
    .from(evidence)
    .where(inArray(evidence.sha256, hashes))
}
