import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listRegions } from '../../store/regions.ts'
import type { AppEnv } from '../env.ts'
import { errorResponses, RegionSchema } from '../schemas.ts'

export const Query = z.object({
  level: z.enum(['nation', 'macro', 'province', 'prefecture', 'county']).optional(),
  parent: z.string().optional().openapi({ description: 'children of this region code', example: 'CENTRAL' }),
  q: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .openapi({ description: 'search by name (zh or en) or code prefix', example: '武汉' }),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  at: z.iso
    .date()
    .optional()
    .openapi({ description: 'regions valid on this date (default: current)', example: '2016-12-31' }),
})

export const route = createRoute({
  method: 'get',
  path: '/api/regions',
  tags: ['regions'],
  summary: 'List or search regions (current codes)',
  request: { query: Query },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ regions: z.array(RegionSchema) }) } },
      description: 'Regions',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const regions = await listRegions(c.get('store').db, c.req.valid('query'))
  return c.json({ regions: regions.map(({ id: _id, ...r }) => r) as z.infer<typeof RegionSchema>[] }, 200)
}
