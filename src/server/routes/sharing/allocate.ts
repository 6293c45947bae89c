import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { LedgerError, runAllocation } from '../../../store/sharing-runs.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { agreementRef, loadAgreement } from '../../sharing-access.ts'
import { IdParam } from './schemas.ts'

export const route = createRoute({
  method: 'post',
  path: '/api/sharing/agreements/{id}/allocations',
  tags: ['sharing'],
  summary:
    'Allocate a release (default: the newest) under the versions in force; saved as a new allocation, earlier ones stay readable',
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': { schema: z.object({ releaseId: z.number().int().positive().optional() }) },
      },
      required: true,
    },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z.object({
            allocationId: z.number().int(),
            releaseId: z.number().int(),
            versions: z.array(z.number()),
          }),
        },
      },
      description: 'The saved allocation',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const a = await loadAgreement(c, c.req.valid('param').id)
  const actor = authorize(c, 'sharing.allocate', agreementRef(a))
  try {
    const saved = await runAllocation(c.get('store').db, a, {
      ...(c.req.valid('json').releaseId ? { releaseId: c.req.valid('json').releaseId } : {}),
      by: actor.id,
      at: new Date().toISOString(),
    })
    return c.json({ allocationId: saved.id, releaseId: saved.releaseId, versions: saved.versions }, 201)
  } catch (e) {
    if (e instanceof LedgerError) throw new AppError(`ledger.${e.code}`, e.params)
    throw e
  }
}
