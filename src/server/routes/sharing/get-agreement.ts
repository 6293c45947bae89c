import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listAllocations, listReleases } from '../../../store/sharing.ts'
import type { AppEnv } from '../../env.ts'
import { errorResponses } from '../../schemas.ts'
import { loadAgreement } from '../../sharing-access.ts'
import { AgreementViewSchema, agreementView, IdParam } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/sharing/agreements/{id}',
  tags: ['sharing'],
  summary: 'An agreement: parties, every version with its confirmations, releases of outputs and allocations',
  request: { params: IdParam },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: AgreementViewSchema.extend({
            releases: z.array(
              z.object({
                id: z.number().int(),
                name: z.string(),
                publishedOn: z.string(),
                recordedBy: z.string(),
                recordedAt: z.string(),
              }),
            ),
            allocations: z.array(
              z.object({
                id: z.number().int(),
                releaseId: z.number().int(),
                versions: z.unknown(),
                computedBy: z.string(),
                computedAt: z.string(),
              }),
            ),
          }),
        },
      },
      description: 'The agreement',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const a = await loadAgreement(c, c.req.valid('param').id)
  const db = c.get('store').db
  const releases = (await listReleases(db, a.id)).map(
    ({ id, name, publishedOn, recordedBy, recordedAt }) => ({
      id,
      name,
      publishedOn,
      recordedBy,
      recordedAt,
    }),
  )
  const allocations = (await listAllocations(db, a.id)).map(
    ({ id, releaseId, versions, computedBy, computedAt }) => ({
      id,
      releaseId,
      versions,
      computedBy,
      computedAt,
    }),
  )
  return c.json({ ...agreementView(c, a), releases, allocations }, 200)
}
