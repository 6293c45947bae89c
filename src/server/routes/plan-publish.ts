import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { appendAudit } from '../../store/audit.ts'
import { getPlanVersion, publishPlanVersion } from '../../store/plans.ts'
import { authorize } from '../access.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { writeErrorResponses } from '../schemas.ts'
import { planScope } from './plan-drafts.ts'

export const route = createRoute({
  method: 'post',
  path: '/api/plans/{id}/publish',
  tags: ['plans'],
  summary: 'Publish a draft version; it becomes the current plan and is never changed afterwards',
  request: {
    params: z.object({ id: z.string().min(1).max(40) }),
    body: {
      content: { 'application/json': { schema: z.object({ version: z.number().int().positive() }) } },
      required: true,
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ version: z.number().int(), state: z.string() }) } },
      description: 'Published',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { version } = c.req.valid('json')
  const db = c.get('store').db
  const row = await getPlanVersion(db, id, version)
  if (!row) throw new AppError('missing.plan_version', { id, version })
  const actor = authorize(c, 'plan.publish', {
    kind: 'plan',
    regionCode: planScope(row.level, row.regionCode),
    state: row.state,
  })
  const at = new Date().toISOString()
  await db.transaction(async (tx) => {
    if (!(await publishPlanVersion(tx, id, version))) throw new AppError('request.not_draft', { version })
    await appendAudit(tx, {
      action: 'plan.published',
      objectType: 'plan',
      objectId: id,
      region: row.regionCode,
      actor: actor.id,
      at,
      details: { version: String(version) },
    })
  })
  return c.json({ version, state: 'published' }, 200)
}
