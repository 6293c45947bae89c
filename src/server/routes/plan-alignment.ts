import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { alignPlans } from '../../plans/alignment.ts'
import { getPlanVersion, listPlans } from '../../store/plans.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses } from '../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/plans/{id}/alignment',
  tags: ['plans'],
  summary:
    'Alignment of a provincial or speech plan with a national plan: national items it implements, national items without counterpart, its own items linked to nothing',
  request: {
    params: z.object({ id: z.string().min(1).max(40).openapi({ example: 'H19' }) }),
    query: z.object({
      national: z
        .string()
        .min(1)
        .max(40)
        .optional()
        .openapi({ description: 'default: the first national plan' }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              national: z.string(),
              provincial: z.string(),
              implemented: z.array(z.object({ nationalId: z.string(), by: z.array(z.string()) })),
              withoutCounterpart: z.array(z.string()),
              unlinked: z.array(z.string()),
            })
            .openapi('PlanAlignment'),
        },
      },
      description: 'Alignment',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const db = c.get('store').db
  const nationalId =
    c.req.valid('query').national ??
    (await listPlans(db)).find((p) => p.level === 'national' && p.publishedVersion !== null)?.planId
  const plan = await getPlanVersion(db, id)
  const national = nationalId ? await getPlanVersion(db, nationalId) : undefined
  if (!plan) throw new AppError('missing.plan', { id })
  if (national?.level !== 'national') throw new AppError('missing.national_plan', { id: nationalId ?? '' })
  return c.json(alignPlans(national.tree, plan.tree), 200)
}
