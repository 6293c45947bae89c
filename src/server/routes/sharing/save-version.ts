import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { isInForce, termsSchema } from '../../../sharing/agreement.ts'
import { amend, replaceTerms } from '../../../sharing/versions.ts'
import { appendAudit } from '../../../store/audit.ts'
import { getAgreement, insertVersion, saveDraftVersion } from '../../../store/sharing.ts'
import { isoDaySchema } from '../../../supervision/dates.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { agreementRef, loadAgreement } from '../../sharing-access.ts'
import { AgreementViewSchema, agreementView, IdParam } from './schemas.ts'

const Body = z.object({ effectiveFrom: isoDaySchema, terms: termsSchema })

export const route = createRoute({
  method: 'post',
  path: '/api/sharing/agreements/{id}/versions',
  tags: ['sharing'],
  summary:
    'Amend an agreement: replaces the newest draft’s terms (withdrawing its confirmations), or adds a new draft version from a later date; a version in force is never edited',
  request: { params: IdParam, body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: AgreementViewSchema } }, description: 'The agreement' },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { effectiveFrom, terms } = c.req.valid('json')
  const a = await loadAgreement(c, c.req.valid('param').id)
  const actor = authorize(c, 'sharing.agreement.edit', agreementRef(a, { state: 'draft' }))
  const newest = a.versions.at(-1)
  const at = new Date().toISOString()
  const db = c.get('store').db
  const replacing = newest !== undefined && !isInForce(newest)
  const r = replacing ? replaceTerms(newest, terms, effectiveFrom) : amend(a.versions, terms, effectiveFrom)
  if (!r.ok) throw new AppError(`sharing_version.${r.error.code}`, { version: newest?.version ?? '' })
  if (replacing) {
    const later = a.versions.filter(isInForce).at(-1)
    if (later && effectiveFrom <= later.effectiveFrom)
      throw new AppError('request.amendment_date', { date: later.effectiveFrom })
  }
  await db.transaction(async (tx) => {
    if (replacing) {
      if (!(await saveDraftVersion(tx, r.value, newest))) throw new AppError('stale.agreement_version')
    } else await insertVersion(tx, r.value, actor.id, at)
    await appendAudit(tx, {
      action: 'agreement.version',
      objectType: 'agreement',
      objectId: a.id,
      region: a.hostRegion,
      actor: actor.id,
      at,
      details: { version: r.value.version, effectiveFrom, replaced: replacing },
    })
  })
  return c.json(agreementView(c, (await getAgreement(db, a.id))!), 200)
}
