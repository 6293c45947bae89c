import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { isInForce, SIDES } from '../../../sharing/agreement.ts'
import { confirm } from '../../../sharing/versions.ts'
import { appendAudit } from '../../../store/audit.ts'
import { getAgreement, saveDraftVersion } from '../../../store/sharing.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { agreementRef, loadAgreement, sidesOfReader } from '../../sharing-access.ts'
import { AgreementViewSchema, agreementView, IdParam } from './schemas.ts'

export const route = createRoute({
  method: 'post',
  path: '/api/sharing/agreements/{id}/versions/{version}/confirmation',
  tags: ['sharing'],
  summary: 'Confirm a draft version for your side (origin or host); in force once both sides have confirmed',
  request: {
    params: IdParam.extend({ version: z.coerce.number().int().positive() }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            side: z.enum(SIDES).optional().openapi({ description: 'needed only if you act for both sides' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: AgreementViewSchema } }, description: 'The agreement' },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id, version } = c.req.valid('param')
  const a = await loadAgreement(c, id)
  const v = a.versions.find((x) => x.version === version)
  if (!v) throw new AppError('missing.agreement_version', { id, version })
  const mine = sidesOfReader(c, a)
  const side = c.req.valid('json').side ?? (mine.length === 1 ? mine[0] : undefined)
  if (!side) {
    authorize(c, 'sharing.agreement.confirm', agreementRef(a, { state: isInForce(v) ? 'in_force' : 'draft' }))
    throw new AppError('request.choose_side')
  }
  const actor = authorize(
    c,
    'sharing.agreement.confirm',
    agreementRef(a, { state: isInForce(v) ? 'in_force' : 'draft', side }),
  )
  const at = new Date().toISOString()
  const r = confirm(v, side, actor.id, at)
  if (!r.ok) throw new AppError(`sharing_version.${r.error.code}`, { version })
  const db = c.get('store').db
  await db.transaction(async (tx) => {
    if (!(await saveDraftVersion(tx, r.value, v))) throw new AppError('stale.agreement_version')
    await appendAudit(tx, {
      action: 'agreement.confirmed',
      objectType: 'agreement',
      objectId: a.id,
      region: a.hostRegion,
      actor: actor.id,
      at,
      details: { version, side, inForce: isInForce(r.value) },
    })
  })
  return c.json(agreementView(c, (await getAgreement(db, a.id))!), 200)
}
