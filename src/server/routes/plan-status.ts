import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { STATUSES, statusLabel } from '../../plans/assess.ts'
import { planStatuses } from '../../store/plan-status.ts'
import { getPlanVersion } from '../../store/plans.ts'
import type { AppEnv } from '../env.ts'
import { AppError, requestLang } from '../errors.ts'
import { errorResponses } from '../schemas.ts'

export const TargetStatusSchema = z
  .object({
    targetId: z.string(),
    nodeId: z.string(),
    indicator: z.string().nullable(),
    region: z.string(),
    status: z.enum(STATUSES),
    label: z.string().openapi({
      description:
        'the status in the request language (zh-CN: 提前实现 / 快于预期 / 基本符合预期 / 滞后于预期 …)',
    }),
    ahead: z.boolean(),
    method: z.string().openapi({ description: 'how the status was reached' }),
    baseYear: z.number().int().nullable(),
    baseValue: z.number().nullable(),
    currentYear: z.number().int().nullable(),
    currentValue: z.number().nullable(),
    quantities: z.record(z.string(), z.number().nullable()),
    missing: z
      .array(z.string())
      .openapi({ description: 'indicator · region · year needed, when data is insufficient' }),
    reason: z.string(),
  })
  .openapi('TargetStatus')

export const route = createRoute({
  method: 'get',
  path: '/api/plans/{id}/status',
  tags: ['plans'],
  summary: 'Status of every target of a plan in each of its regions, with the method that gave it',
  request: {
    params: z.object({ id: z.string().min(1).max(40).openapi({ example: 'C21' }) }),
    query: z.object({
      version: z.coerce.number().int().positive().optional(),
      asOf: z.iso.date().optional().openapi({ description: 'what was known on this date' }),
      lang: z.enum(['zh-CN', 'en']).optional(),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            planId: z.string(),
            version: z.number().int(),
            statuses: z.array(TargetStatusSchema),
          }),
        },
      },
      description: 'Statuses',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { version, asOf } = c.req.valid('query')
  const db = c.get('store').db
  const row = await getPlanVersion(db, id, version ?? 'published')
  if (row?.state !== 'published') throw new AppError('missing.plan', { id })
  const lang = requestLang(c) === 'en' ? 'en' : 'zh'
  const statuses = (await planStatuses(db, row.tree, asOf)).map((s) => ({
    ...s,
    label: statusLabel(s, lang),
  }))
  return c.json({ planId: id, version: row.version, statuses }, 200)
}
