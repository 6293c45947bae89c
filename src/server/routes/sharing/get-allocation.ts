import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { VIEWS } from '../../../sharing/allocate.ts'
import { regionalTotals } from '../../../sharing/reconcile.ts'
import { getAllocation } from '../../../store/sharing.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { errorResponses } from '../../schemas.ts'
import { canSeeAssessment, loadAgreement } from '../../sharing-access.ts'
import { IdParam } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/sharing/agreements/{id}/allocations/{allocation}',
  tags: ['sharing'],
  summary:
    'A saved allocation in one view: official (in-situ, published), allocation (agreed shares) or assessment (double count, parties only, never public); with regional totals and their balance check',
  request: {
    params: IdParam.extend({
      allocation: z
        .union([z.literal('latest'), z.coerce.number().int().positive()])
        .openapi({ example: 'latest' }),
    }),
    query: z.object({ view: z.enum(VIEWS).default('allocation') }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.looseObject({
            id: z.number().int(),
            releaseId: z.number().int(),
            view: z.enum(VIEWS),
            doubleCounted: z.boolean(),
            rows: z.array(z.looseObject({})),
            credits: z.array(z.looseObject({ region: z.string(), amount: z.string() })),
            projects: z.array(z.looseObject({})),
            settlements: z.array(z.looseObject({})),
            totals: z.array(z.looseObject({})),
            balanced: z.boolean(),
          }),
        },
      },
      description: 'The allocation',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id, allocation } = c.req.valid('param')
  const { view } = c.req.valid('query')
  const a = await loadAgreement(c, id)
  // the assessment-only double count is answered as unknown to anyone but the parties
  if (view === 'assessment' && !canSeeAssessment(c, a)) throw new AppError('missing.assessment_view', { id })
  const saved = await getAllocation(c.get('store').db, a.id, allocation === 'latest' ? undefined : allocation)
  if (!saved) throw new AppError('missing.allocation', { id, allocation })
  const r = saved.result
  const { totals, balanced } = regionalTotals(r)
  return c.json(
    {
      id: saved.id,
      releaseId: saved.releaseId,
      versions: saved.versions,
      computedAt: saved.computedAt,
      computedBy: saved.computedBy,
      asOf: r.asOf,
      view,
      doubleCounted: view === 'assessment',
      rows: view === 'allocation' ? r.rows : [],
      credits: r.credits.filter((x) => x.view === view),
      projects: r.projects,
      settlements: r.settlements,
      totals,
      balanced,
    },
    200,
  )
}
