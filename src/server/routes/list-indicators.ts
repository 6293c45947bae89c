import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listIndicators } from '../../store/indicators.ts'
import { indicatorAnswer } from '../catalogue-answers.ts'
import type { AppEnv } from '../env.ts'
import { IndicatorSchema } from '../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/indicators',
  tags: ['indicators'],
  summary: 'The indicator catalogue, stored and derived',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ indicators: z.array(IndicatorSchema) }) } },
      description: 'Indicators',
    },
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const rows = await listIndicators(c.get('store').db)
  return c.json({ indicators: rows.map(indicatorAnswer) }, 200)
}
