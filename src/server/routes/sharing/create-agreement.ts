import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { partiesSchema, termsSchema } from '../../../sharing/agreement.ts'
import { appendAudit } from '../../../store/audit.ts'
import { getRegion } from '../../../store/regions.ts'
import { getAgreement, insertAgreement, insertVersion } from '../../../store/sharing.ts'
import { isoDaySchema } from '../../../supervision/dates.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { AgreementViewSchema, agreementView } from './schemas.ts'

const Body = partiesSchema.extend({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/)
    .openapi({ example: 'XG-2024' }),
  effectiveFrom: isoDaySchema,
  terms: termsSchema,
})

export const route = createRoute({
  method: 'post',
  path: '/api/sharing/agreements',
  tags: ['sharing'],
  summary: 'Draft a sharing agreement (version 1); it takes effect when both parties confirm',
  request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: AgreementViewSchema } }, description: 'The agreement' },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const b = c.req.valid('json')
  const actor = authorize(c, 'sharing.agreement.create', {
    kind: 'agreement',
    regionCode: b.hostRegion,
    parks: [b.parkId],
    partyRegions: [b.originRegion, b.hostRegion],
  })
  const db = c.get('store').db
  for (const [field, code] of [
    ['originRegion', b.originRegion],
    ['hostRegion', b.hostRegion],
  ] as const)
    if (!(await getRegion(db, code))) throw new AppError('request.no_region', { field, code })
  if (b.originRegion === b.hostRegion) throw new AppError('request.same_region')
  if (await getAgreement(db, b.id)) throw new AppError('request.agreement_exists', { id: b.id })
  const at = new Date().toISOString()
  const { id, effectiveFrom, terms, ...parties } = b
  await db.transaction(async (tx) => {
    await insertAgreement(tx, { id, ...parties, createdBy: actor.id, createdAt: at })
    await insertVersion(
      tx,
      { agreementId: id, version: 1, effectiveFrom, terms, confirmations: { origin: null, host: null } },
      actor.id,
      at,
    )
    const base = { objectType: 'agreement', objectId: id, region: b.hostRegion, actor: actor.id, at } as const
    await appendAudit(tx, {
      ...base,
      action: 'agreement.created',
      details: { parkId: b.parkId, originRegion: b.originRegion, hostRegion: b.hostRegion },
    })
    await appendAudit(tx, {
      ...base,
      action: 'agreement.version',
      details: { version: 1, effectiveFrom, replaced: false },
    })
  })
  return c.json(agreementView(c, (await getAgreement(db, id))!), 201)
}
