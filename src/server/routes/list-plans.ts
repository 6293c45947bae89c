import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listPlans } from '../../store/plans.ts'
import type { AppEnv } from '../env.ts'

export const PlanSummarySchema = z
  .object({
    planId: z.string(),
    level: z.string(),
    regionCode: z.string(),
    builtin: z.boolean(),
    publishedVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
    titleZh: z.string(),
    titleEn: z.string().nullable(),
  })
  .openapi('PlanSummary')

export const route = createRoute({
  method: 'get',
  path: '/api/plans',
  tags: ['plans'],
  summary: 'Plans with their current published version (public readers see published plans only)',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ plans: z.array(PlanSummarySchema) }) } },
      description: 'Plans',
    },
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const plans = (await listPlans(c.get('store').db)).filter((p) => p.publishedVersion !== null)
  return c.json({ plans }, 200)
}
