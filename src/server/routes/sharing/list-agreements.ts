import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listAgreements } from '../../../store/sharing.ts'
import type { AppEnv } from '../../env.ts'
import { errorResponses } from '../../schemas.ts'
import { canSeeAgreement } from '../../sharing-access.ts'
import { AgreementViewSchema, agreementView } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/sharing/agreements',
  tags: ['sharing'],
  summary:
    'Statistics-sharing agreements (跨区域经济统计分成): those in force, and drafts of your parks and regions',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ agreements: z.array(AgreementViewSchema) }) } },
      description: 'Agreements',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const all = await listAgreements(c.get('store').db)
  return c.json({ agreements: all.filter((a) => canSeeAgreement(c, a)).map((a) => agreementView(c, a)) }, 200)
}
