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
  description:
    '`latest` is the newest run of `kind`, by default `assess` (the stored real data): a run over the SYNTHETIC panel (`assess-synthetic`) is returned only when asked for by its id or with `?kind=assess-synthetic`.',
  request: {
    params: z.object({
      id: z.union([z.literal('latest'), z.coerce.number().int().positive()]).openapi({ example: 'latest' }),
    }),
    query: z.object({
      kind: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'kind of run (default for `latest`: assess)', example: 'assess' }),
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
  const { kind } = c.req.valid('query')
  const row = await getEvaluation(c.get('store').db, id, kind === undefined ? {} : { kind })
  if (!row) throw new AppError('missing.evaluation', { id })
  return c.json({ ...row, createdAt: new Date(row.createdAt).toISOString() }, 200)
}
