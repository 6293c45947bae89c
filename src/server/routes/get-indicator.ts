import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getIndicator } from '../../store/indicators.ts'
import { indicatorAnswer } from '../catalogue-answers.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses, IndicatorSchema } from '../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/indicators/{key}',
  tags: ['indicators'],
  summary: 'One indicator: definition, unit, direction, source series, formula if derived',
  request: { params: z.object({ key: z.string().min(1).max(80).openapi({ example: 'rd_intensity' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: IndicatorSchema } }, description: 'The indicator' },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { key } = c.req.valid('param')
  const ind = await getIndicator(c.get('store').db, key)
  if (!ind) throw new AppError('unknown_indicator', { key })
  return c.json(indicatorAnswer(ind), 200)
}
