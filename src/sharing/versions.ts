/**
 * The life of an agreement's versions. A version is a draft until both parties confirm it; then
 * it is in force from its date and frozen. An amendment is a new version from a later date;
 * while a draft, its terms may be replaced, which withdraws any confirmation already given. The
 * side a park administrator acts for is the party whose region his grant covers.
 */
import { type Contains, covers, grantsWithRole, type User } from '../supervision/roles.ts'
import { type AgreementVersion, isInForce, type Parties, type Side, type Terms } from './agreement.ts'

export type VersionState = 'draft' | 'in_force'
export const versionState = (v: AgreementVersion): VersionState => (isInForce(v) ? 'in_force' : 'draft')

/** The agreement is 'active' once a version is in force; the permission table reads this. */
export const agreementState = (versions: readonly AgreementVersion[]) =>
  versions.some(isInForce) ? 'active' : 'draft'

export type VersionError =
  | { code: 'frozen'; message: string }
  | { code: 'already_confirmed'; message: string }
  | { code: 'same_person'; message: string }
  | { code: 'date_not_later'; message: string }

type Result<T> = { ok: true; value: T } | { ok: false; error: VersionError }

export function confirm(v: AgreementVersion, side: Side, by: string, at: string): Result<AgreementVersion> {
  if (isInForce(v))
    return { ok: false, error: { code: 'frozen', message: `version ${v.version} is in force` } }
  if (v.confirmations[side])
    return {
      ok: false,
      error: { code: 'already_confirmed', message: `the ${side} side has confirmed already` },
    }
  const other = v.confirmations[side === 'origin' ? 'host' : 'origin']
  if (other?.by === by)
    return {
      ok: false,
      error: { code: 'same_person', message: 'each side confirms through a different person' },
    }
  return { ok: true, value: { ...v, confirmations: { ...v.confirmations, [side]: { by, at } } } }
}

export function replaceTerms(
  v: AgreementVersion,
  terms: Terms,
  effectiveFrom: string,
): Result<AgreementVersion> {
  if (isInForce(v))
    return { ok: false, error: { code: 'frozen', message: `version ${v.version} is in force` } }
  return { ok: true, value: { ...v, terms, effectiveFrom, confirmations: { origin: null, host: null } } }
}

/** A new draft version; its date must follow the date of every version in force. */
export function amend(
  versions: readonly AgreementVersion[],
  terms: Terms,
  effectiveFrom: string,
): Result<AgreementVersion> {
  const latest = versions.filter(isInForce).at(-1)
  if (latest && effectiveFrom <= latest.effectiveFrom)
    return {
      ok: false,
      error: {
        code: 'date_not_later',
        message: `an amendment takes effect after ${latest.effectiveFrom} (version ${latest.version}); the past is not edited`,
      },
    }
  const agreementId = versions[0]?.agreementId ?? ''
  const version = Math.max(0, ...versions.map((v) => v.version)) + 1
  return {
    ok: true,
    value: { agreementId, version, effectiveFrom, terms, confirmations: { origin: null, host: null } },
  }
}

/** The sides a user acts for: park administrators of the park whose region covers the party. */
export function sidesOf(user: User | null, parties: Parties, contains: Contains): Side[] {
  if (!user) return []
  const grants = grantsWithRole(user, ['park_admin']).filter((g) => g.parks?.includes(parties.parkId))
  const regions = grants.flatMap((g) => g.regions)
  const sides: Side[] = []
  if (regions.some((r) => covers(r, parties.originRegion, contains))) sides.push('origin')
  if (regions.some((r) => covers(r, parties.hostRegion, contains))) sides.push('host')
  return sides
}
