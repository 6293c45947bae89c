import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { queryAudit, readAuditChain } from '../../../store/audit.ts'
import { verifyChain } from '../../../supervision/audit.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { writeErrorResponses } from '../../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['supervision'],
  summary:
    'The audit trail by object, user and time (administrators and reviewers), with the verification of the whole chain',
  request: {
    query: z.object({
      objectType: z.string().optional(),
      objectId: z.string().optional(),
      actor: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      limit: z.coerce.number().int().positive().max(5000).default(500),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            entries: z.array(z.looseObject({ seq: z.number().int(), action: z.string(), hash: z.string() })),
            verification: z.object({
              ok: z.boolean(),
              count: z.number().int().optional(),
              firstBadSeq: z.number().int().optional(),
              reason: z.string().optional(),
            }),
          }),
        },
      },
      description: 'Entries',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const q = c.req.valid('query')
  // the audit trail is read within a scope: the whole of it nationally
  authorize(c, 'audit.read', { kind: 'audit', regionCode: 'CN' })
  const db = c.get('store').db
  const entries = await queryAudit(db, q)
  return c.json({ entries, verification: verifyChain(await readAuditChain(db)) }, 200)
}
