import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listEvaluations } from '../../store/evaluations.ts'
import type { AppEnv } from '../env.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/evaluations',
  tags: ['evaluation'],
  summary: 'Saved evaluation runs (jueqi assess), newest first, with their stamps',
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            runs: z.array(
              z.object({
                id: z.number().int(),
                kind: z.string(),
                asOf: z.string().nullable(),
                stamp: z.unknown(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
      description: 'Runs',
    },
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const runs = (await listEvaluations(c.get('store').db)).map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
  }))
  return c.json({ runs }, 200)
}
