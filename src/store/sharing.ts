/**
 * The sharing ledger as rows: agreements and their versions, releases of recorded outputs, saved
 * allocations and period states. The rules live in src/sharing (pure); triggers keep versions in
 * force, outputs, allocations and period states from being changed (migration 0008).
 */
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm'
import { type AgreementVersion, type Parties, type Terms, termsSchema } from '../sharing/agreement.ts'
import type { Allocation } from '../sharing/allocate.ts'
import type { OutputRecord, StoredRecord } from '../sharing/outputs.ts'
import type { PeriodState } from '../sharing/reconcile.ts'
import type { Db } from './db.ts'
import {
  sharingAgreements,
  sharingAllocations,
  sharingOutputs,
  sharingPeriodStates,
  sharingReleases,
  sharingVersions,
} from './schema.ts'

export interface StoredAgreement extends Parties {
  id: string
  createdBy: string
  createdAt: string
  versions: AgreementVersion[]
}

type VersionRow = typeof sharingVersions.$inferSelect

const confirmation = (by: string | null, at: string | null) => (by && at ? { by, at } : null)

export function rowToVersion(r: VersionRow): AgreementVersion {
  return {
    agreementId: r.agreementId,
    version: r.version,
    effectiveFrom: r.effectiveFrom,
    terms: termsSchema.parse(r.terms) as Terms,
    confirmations: {
      origin: confirmation(r.originConfirmedBy, r.originConfirmedAt),
      host: confirmation(r.hostConfirmedBy, r.hostConfirmedAt),
    },
  }
}

export async function insertAgreement(
  db: Db,
  a: Parties & { id: string; createdBy: string; createdAt: string },
): Promise<void> {
  await db.insert(sharingAgreements).values(a)
}

export async function listAgreements(db: Db): Promise<StoredAgreement[]> {
  const rows = await db.select().from(sharingAgreements).orderBy(asc(sharingAgreements.id))
  const versions = await db
    .select()
    .from(sharingVersions)
    .orderBy(asc(sharingVersions.agreementId), asc(sharingVersions.version))
  return rows.map((r) => ({
    ...(r as Omit<typeof r, 'parkName'>),
    parkName: r.parkName as Parties['parkName'],
    versions: versions.filter((v) => v.agreementId === r.id).map(rowToVersion),
  }))
}

export async function getAgreement(db: Db, id: string): Promise<StoredAgreement | null> {
  const [r] = await db.select().from(sharingAgreements).where(eq(sharingAgreements.id, id))
  if (!r) return null
  const versions = await db
    .select()
    .from(sharingVersions)
    .where(eq(sharingVersions.agreementId, id))
    .orderBy(asc(sharingVersions.version))
  return { ...r, parkName: r.parkName as Parties['parkName'], versions: versions.map(rowToVersion) }
}

export async function insertVersion(
  db: Db,
  v: AgreementVersion,
  createdBy: string,
  at: string,
): Promise<void> {
  await db.insert(sharingVersions).values({
    agreementId: v.agreementId,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    terms: v.terms,
    originConfirmedBy: v.confirmations.origin?.by ?? null,
    originConfirmedAt: v.confirmations.origin?.at ?? null,
    hostConfirmedBy: v.confirmations.host?.by ?? null,
    hostConfirmedAt: v.confirmations.host?.at ?? null,
    createdBy,
    createdAt: at,
  })
}

/**
 * Writes a draft's new terms or confirmations, guarded: only while neither side's confirmation
 * has changed since it was read, so two confirmations at once cannot both rest on stale terms.
 */
export async function saveDraftVersion(
  db: Db,
  v: AgreementVersion,
  read: AgreementVersion,
): Promise<boolean> {
  const was = read.confirmations
  const same = (
    col: typeof sharingVersions.originConfirmedBy | typeof sharingVersions.hostConfirmedBy,
    by: string | undefined,
  ) => (by === undefined ? isNull(col) : eq(col, by))
  const rows = await db
    .update(sharingVersions)
    .set({
      effectiveFrom: v.effectiveFrom,
      terms: v.terms,
      originConfirmedBy: v.confirmations.origin?.by ?? null,
      originConfirmedAt: v.confirmations.origin?.at ?? null,
      hostConfirmedBy: v.confirmations.host?.by ?? null,
      hostConfirmedAt: v.confirmations.host?.at ?? null,
    })
    .where(
      and(
        eq(sharingVersions.agreementId, v.agreementId),
        eq(sharingVersions.version, v.version),
        same(sharingVersions.originConfirmedBy, was.origin?.by),
        same(sharingVersions.hostConfirmedBy, was.host?.by),
        or(isNull(sharingVersions.originConfirmedBy), isNull(sharingVersions.hostConfirmedBy)),
      ),
    )
    .returning({ version: sharingVersions.version })
  return rows.length === 1
}

export interface SharingRelease {
  id: number
  agreementId: string
  name: string
  publishedOn: string
  recordedBy: string
  recordedAt: string
  sourceFile: string | null
}

export async function insertRelease(db: Db, r: Omit<SharingRelease, 'id'>, records: readonly OutputRecord[]) {
  const [row] = await db.insert(sharingReleases).values(r).returning()
  if (!row) throw new Error('release not written')
  if (records.length)
    await db.insert(sharingOutputs).values(
      records.map((x) => ({
        releaseId: row.id,
        projectId: x.projectId,
        metric: x.metric,
        period: x.period,
        kind: x.kind,
        amount: x.amount,
        central: x.central,
        source: x.source,
        note: x.note,
      })),
    )
  return row as SharingRelease
}

export async function listReleases(db: Db, agreementId: string): Promise<SharingRelease[]> {
  return db
    .select()
    .from(sharingReleases)
    .where(eq(sharingReleases.agreementId, agreementId))
    .orderBy(asc(sharingReleases.id))
}

export async function listRecords(db: Db, agreementId: string): Promise<StoredRecord[]> {
  const rows = await db
    .select({ o: sharingOutputs })
    .from(sharingOutputs)
    .innerJoin(sharingReleases, eq(sharingReleases.id, sharingOutputs.releaseId))
    .where(eq(sharingReleases.agreementId, agreementId))
    .orderBy(asc(sharingOutputs.id))
  return rows.map(({ o }) => ({
    projectId: o.projectId,
    metric: o.metric,
    period: o.period,
    kind: o.kind as StoredRecord['kind'],
    amount: o.amount,
    central: o.central,
    source: o.source as StoredRecord['source'],
    note: o.note,
    releaseId: o.releaseId,
  }))
}

export interface StoredAllocation {
  id: number
  agreementId: string
  releaseId: number
  versions: number[]
  result: Allocation
  computedBy: string
  computedAt: string
}

export async function insertAllocation(db: Db, a: Omit<StoredAllocation, 'id'>): Promise<StoredAllocation> {
  const [row] = await db.insert(sharingAllocations).values(a).returning()
  return row as StoredAllocation
}

export async function listAllocations(
  db: Db,
  agreementId: string,
): Promise<Omit<StoredAllocation, 'result'>[]> {
  return db
    .select({
      id: sharingAllocations.id,
      agreementId: sharingAllocations.agreementId,
      releaseId: sharingAllocations.releaseId,
      versions: sharingAllocations.versions,
      computedBy: sharingAllocations.computedBy,
      computedAt: sharingAllocations.computedAt,
    })
    .from(sharingAllocations)
    .where(eq(sharingAllocations.agreementId, agreementId))
    .orderBy(desc(sharingAllocations.id)) as Promise<Omit<StoredAllocation, 'result'>[]>
}

export async function getAllocation(
  db: Db,
  agreementId: string,
  id?: number,
): Promise<StoredAllocation | null> {
  const [row] = await db
    .select()
    .from(sharingAllocations)
    .where(
      id === undefined
        ? eq(sharingAllocations.agreementId, agreementId)
        : and(eq(sharingAllocations.agreementId, agreementId), eq(sharingAllocations.id, id)),
    )
    .orderBy(desc(sharingAllocations.id))
    .limit(1)
  return (row as StoredAllocation | undefined) ?? null
}

export async function periodStates(db: Db, agreementId: string): Promise<Map<string, PeriodState>> {
  const rows = await db
    .select()
    .from(sharingPeriodStates)
    .where(eq(sharingPeriodStates.agreementId, agreementId))
    .orderBy(asc(sharingPeriodStates.id))
  return new Map(rows.map((r) => [r.period, r.state as PeriodState]))
}

export async function insertPeriodState(
  db: Db,
  r: {
    agreementId: string
    period: string
    state: PeriodState
    allocationId: number | null
    by: string
    at: string
    note: string
  },
): Promise<void> {
  await db.insert(sharingPeriodStates).values(r)
}
