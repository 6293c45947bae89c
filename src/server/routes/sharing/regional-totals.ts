import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { combineTotals } from '../../../sharing/reconcile.ts'
import { agreementState } from '../../../sharing/versions.ts'
import { getAllocation, listAgreements } from '../../../store/sharing.ts'
import type { AppEnv } from '../../env.ts'
import { errorResponses } from '../../schemas.ts'

const Total = z.object({
  metric: z.string(),
  period: z.string(),
  region: z.string(),
  published: z.string(),
  afterSharing: z.string(),
})

export const route = createRoute({
  method: 'get',
  path: '/api/sharing/totals',
  tags: ['sharing'],
  summary:
    'Regional totals of the shared metrics as published (in-situ) and after sharing, over the newest allocation of every agreement in force; `balanced` says whether the sum over regions is the same in both',
  request: { query: z.object({ region: z.string().min(2).max(12).optional().openapi({ example: '42' }) }) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            totals: z.array(Total),
            balanced: z.boolean(),
            agreements: z.array(z.string()),
          }),
        },
      },
      description: 'Totals',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { region } = c.req.valid('query')
  const db = c.get('store').db
  // agreements in force are public; drafts have no allocation to show
  const active = (await listAgreements(db)).filter((a) => agreementState(a.versions) === 'active')
  const allocations = []
  for (const a of active) {
    const saved = await getAllocation(db, a.id)
    if (saved) allocations.push({ id: a.id, result: saved.result })
  }
  const { totals, balanced } = combineTotals(allocations.map((x) => x.result))
  return c.json(
    {
      totals: totals.filter((x) => x.region !== 'CN' && (!region || x.region === region)),
      balanced,
      agreements: allocations.map((x) => x.id),
    },
    200,
  )
}
