/**
 * Allocation and reconciliation runs on the stored ledger: read an agreement's versions and the
 * records as of a release, call the pure allocation (src/sharing/allocate.ts), save the result as
 * a new row with the versions and release it used, and audit it; reconcile a saved allocation
 * against the newest records. The API and the CLI both call these.
 */

import { isInForce } from '../sharing/agreement.ts'
import { allocate } from '../sharing/allocate.ts'
import { resolveOutputs } from '../sharing/outputs.ts'
import { type Reconciliation, reconcile, regionalTotals } from '../sharing/reconcile.ts'
import { appendAudit } from './audit.ts'
import type { Db } from './db.ts'
import {
  getAllocation,
  insertAllocation,
  listRecords,
  listReleases,
  periodStates,
  type StoredAgreement,
  type StoredAllocation,
} from './sharing.ts'

/** A ledger run that cannot be made; `code` and `params` let the API say it in the reader's language. */
export class LedgerError extends Error {
  constructor(
    readonly code:
      | 'no_outputs'
      | 'foreign_release'
      | 'none_in_force'
      | 'no_allocation'
      | 'no_such_allocation',
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message)
  }
}

export async function runAllocation(
  db: Db,
  a: StoredAgreement,
  opts: { releaseId?: number; by: string; at: string },
): Promise<StoredAllocation> {
  const releases = await listReleases(db, a.id)
  const release =
    opts.releaseId === undefined ? releases.at(-1) : releases.find((r) => r.id === opts.releaseId)
  if (!release)
    throw opts.releaseId === undefined
      ? new LedgerError('no_outputs', { id: a.id }, `agreement ${a.id} has no recorded outputs yet`)
      : new LedgerError(
          'foreign_release',
          { id: a.id, release: opts.releaseId },
          `release ${opts.releaseId} is not a release of agreement ${a.id}`,
        )
  const versions = a.versions.filter(isInForce)
  if (!versions.length)
    throw new LedgerError(
      'none_in_force',
      { id: a.id },
      `agreement ${a.id} has no version in force: both sides must confirm`,
    )
  const records = await listRecords(db, a.id)
  const result = allocate({
    parties: a,
    versions,
    outputs: resolveOutputs(records, release.id),
    asOf: release.publishedOn,
  })
  return db.transaction(async (tx) => {
    const saved = await insertAllocation(tx, {
      agreementId: a.id,
      releaseId: release.id,
      versions: versions.map((v) => v.version),
      result,
      computedBy: opts.by,
      computedAt: opts.at,
    })
    await appendAudit(tx, {
      action: 'sharing.allocated',
      objectType: 'agreement',
      objectId: a.id,
      region: a.hostRegion,
      actor: opts.by,
      at: opts.at,
      details: { allocationId: saved.id, releaseId: release.id, versions: saved.versions },
    })
    return saved
  })
}

export interface ReconciliationReport extends Reconciliation {
  agreementId: string
  allocationId: number
  releaseId: number
  newestReleaseId: number
  balanced: boolean
}

export async function runReconciliation(
  db: Db,
  a: StoredAgreement,
  allocationId?: number,
): Promise<ReconciliationReport> {
  const saved = await getAllocation(db, a.id, allocationId)
  if (!saved)
    throw allocationId === undefined
      ? new LedgerError('no_allocation', { id: a.id }, `agreement ${a.id} has no allocation yet`)
      : new LedgerError(
          'no_such_allocation',
          { id: a.id, allocation: allocationId },
          `no allocation ${allocationId} of ${a.id}`,
        )
  const releases = await listReleases(db, a.id)
  const newest = releases.at(-1)?.id ?? saved.releaseId
  const latest = resolveOutputs(await listRecords(db, a.id), newest)
  const r = reconcile(saved.result, latest, await periodStates(db, a.id))
  return {
    ...r,
    agreementId: a.id,
    allocationId: saved.id,
    releaseId: saved.releaseId,
    newestReleaseId: newest,
    balanced: regionalTotals(saved.result).balanced,
  }
}
