/**
 * The audit trail in the store: appends run inside the caller's transaction (so a change and its
 * audit entry commit together or not at all) and are serialised by a transaction-scoped advisory
 * lock, so two processes cannot both extend the chain from the same last entry.
 */
import { and, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm'
import { type AuditEntry, appendEntry } from '../supervision/audit.ts'
import { type AuditEvent, auditEventSchema } from '../supervision/audit-events.ts'
import type { Db } from './db.ts'
import { auditLog } from './schema.ts'

export const AUDIT_LOCK = 727_010

type Row = typeof auditLog.$inferSelect

function toEntry(r: Row): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    region: r.region,
    details: r.details,
    prevHash: r.prevHash,
    hash: r.hash,
  } as AuditEntry
}

/** Append one event; `tx` must be a transaction (the lock is released at its end). */
export async function appendAudit(tx: Db, event: AuditEvent): Promise<AuditEntry> {
  const parsed = auditEventSchema.parse(event)
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`)
  const [last] = await tx.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1)
  const entry = appendEntry(last ? toEntry(last) : null, parsed)
  await tx.insert(auditLog).values({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    region: entry.region,
    details: entry.details,
    prevHash: entry.prevHash,
    hash: entry.hash,
  })
  return entry
}

/** The whole chain in sequence order, for verification. */
export async function readAuditChain(db: Db): Promise<AuditEntry[]> {
  return (await db.select().from(auditLog).orderBy(asc(auditLog.seq))).map(toEntry)
}

export interface AuditQuery {
  objectType?: string
  objectId?: string
  actor?: string
  from?: string
  to?: string
  limit?: number
}

export async function queryAudit(db: Db, q: AuditQuery): Promise<AuditEntry[]> {
  const where: SQL[] = []
  if (q.objectType) where.push(eq(auditLog.objectType, q.objectType))
  if (q.objectId) where.push(eq(auditLog.objectId, q.objectId))
  if (q.actor) where.push(eq(auditLog.actor, q.actor))
  if (q.from) where.push(gte(auditLog.at, q.from))
  if (q.to) where.push(lte(auditLog.at, q.to))
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(auditLog.seq))
    .limit(q.limit ?? 1000)
  return rows.map(toEntry)
}
