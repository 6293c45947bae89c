/**
 * Loading a sharing agreement with its visibility, and the permission objects for its actions.
 * An agreement in force is public (its allocation view included); a draft is seen by the parks'
 * administrators and staff of either party's region. The assessment-only double count is seen
 * by the parties alone. An agreement the reader may not see is answered as unknown.
 */
import type { Context } from 'hono'
import type { Side } from '../sharing/agreement.ts'
import { agreementState, sidesOf } from '../sharing/versions.ts'
import { getAgreement, type StoredAgreement } from '../store/sharing.ts'
import { can, type ObjectRef } from '../supervision/permissions.ts'
import { prefixContains } from '../supervision/roles.ts'
import { actorOf, canRead } from './access.ts'
import type { AppEnv } from './env.ts'
import { AppError } from './errors.ts'

export function agreementRef(
  a: StoredAgreement,
  opts: { state?: string; side?: Side | 'either'; regionCode?: string } = {},
): ObjectRef {
  const side = opts.side ?? 'either'
  return {
    kind: 'agreement',
    regionCode: opts.regionCode ?? a.hostRegion,
    state: opts.state ?? agreementState(a.versions),
    parks: [a.parkId],
    ...(side === 'either' ? {} : { partyRegions: [side === 'origin' ? a.originRegion : a.hostRegion] }),
  }
}

export function canSeeAgreement(c: Context<AppEnv>, a: StoredAgreement): boolean {
  return canRead(c, agreementRef(a)) || canRead(c, agreementRef(a, { regionCode: a.originRegion }))
}

export function canSeeAssessment(c: Context<AppEnv>, a: StoredAgreement): boolean {
  const user = actorOf(c)
  return [a.hostRegion, a.originRegion].some(
    (regionCode) => can(user, 'sharing.assessment.read', agreementRef(a, { regionCode })).allowed,
  )
}

export async function loadAgreement(c: Context<AppEnv>, id: string): Promise<StoredAgreement> {
  const a = await getAgreement(c.get('store').db, id)
  if (!a || !canSeeAgreement(c, a)) throw new AppError('missing.agreement', { id })
  return a
}

export const sidesOfReader = (c: Context<AppEnv>, a: StoredAgreement) =>
  sidesOf(actorOf(c), a, prefixContains)
