/** Shapes shared by the sharing operations (each keeps its own request schema beside it). */
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { SIDES } from '../../../sharing/agreement.ts'
import { agreementState, versionState } from '../../../sharing/versions.ts'
import type { StoredAgreement } from '../../../store/sharing.ts'
import type { AppEnv } from '../../env.ts'
import { canSeeAssessment, sidesOfReader } from '../../sharing-access.ts'

const Confirmation = z.object({ by: z.string(), at: z.string() }).nullable()

export const AgreementViewSchema = z
  .object({
    id: z.string(),
    parkId: z.string(),
    parkName: z.object({ zh: z.string(), en: z.string() }),
    originRegion: z.string(),
    hostRegion: z.string(),
    state: z.enum(['draft', 'active']),
    mySides: z.array(z.enum(SIDES)),
    canSeeAssessment: z.boolean(),
    versions: z.array(
      z.object({
        version: z.number().int(),
        effectiveFrom: z.string(),
        state: z.enum(['draft', 'in_force']),
        confirmations: z.object({ origin: Confirmation, host: Confirmation }),
        terms: z.looseObject({}).openapi({ description: 'the terms (see POST /api/sharing/agreements)' }),
      }),
    ),
  })
  .openapi('SharingAgreement')

export function agreementView(c: Context<AppEnv>, a: StoredAgreement): z.infer<typeof AgreementViewSchema> {
  return {
    id: a.id,
    parkId: a.parkId,
    parkName: a.parkName,
    originRegion: a.originRegion,
    hostRegion: a.hostRegion,
    state: agreementState(a.versions),
    mySides: sidesOfReader(c, a),
    canSeeAssessment: canSeeAssessment(c, a),
    versions: a.versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      state: versionState(v),
      confirmations: v.confirmations,
      terms: v.terms,
    })),
  }
}

export const IdParam = z.object({ id: z.string().min(1).max(60).openapi({ example: 'XG-2024' }) })

/** Zod issues as one line naming each field. */
export const issuesText = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')
