import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getRegion, successorOf } from '../../store/regions.ts'
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
    200: {
      content: {
        'application/json': {
          schema: RegionSchema.extend({
            currentCode: z.string().nullable().openapi({
              description: 'today’s code: itself, its successor after a recode, or null if abolished',
            }),
            changes: z.array(
              z.object({
                oldCode: z.string(),
                newCode: z.string().nullable(),
                date: z.string(),
                kind: z.string(),
                note: z.string(),
                source: z.string(),
              }),
            ),
          }),
        },
      },
      description: 'The region (current or retired)',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { code } = c.req.valid('param')
  const region = await getRegion(c.get('store').db, code)
  if (!region) throw new AppError('unknown_region', { code })
  const { id: _id, ...rest } = region
  const successor = await successorOf(c.get('store').db, code)
  const changes = successor.changes.map(({ id: _cid, ...ch }) => ch)
  return c.json({ ...(rest as z.infer<typeof RegionSchema>), currentCode: successor.code, changes }, 200)
}
