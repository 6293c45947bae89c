import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getRegion } from '../../store/regions.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses, RegionSchema } from '../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/regions/{code}',
  tags: ['regions'],
  summary: 'One region',
  request: { params: z.object({ code: z.string().min(1).max(12).openapi({ example: '42' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: RegionSchema } }, description: 'The region' },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { code } = c.req.valid('param')
  const region = await getRegion(c.get('store').db, code)
  if (!region) throw new AppError('unknown_region', { code })
  const { id: _id, ...rest } = region
  return c.json(rest as z.infer<typeof RegionSchema>, 200)
}
