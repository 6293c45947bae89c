import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getEvaluation } from '../../store/evaluations.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses } from '../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}',
  tags: ['evaluation'],
  summary:
    'One evaluation run (or `latest`): plan target statuses, the index with rank intervals, obstacles, coupling, disparity and convergence',
  request: {
    params: z.object({
      id: z.union([z.literal('latest'), z.coerce.number().int().positive()]).openapi({ example: 'latest' }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            id: z.number().int(),
            kind: z.string(),
            asOf: z.string().nullable(),
            createdAt: z.string(),
            stamp: z.unknown(),
            results: z.unknown(),
          }),
        },
      },
      description: 'The run',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const row = await getEvaluation(c.get('store').db, id)
  if (!row) throw new AppError('not_found', { what: `evaluation run ${id}` })
  return c.json({ ...row, createdAt: new Date(row.createdAt).toISOString() }, 200)
}
