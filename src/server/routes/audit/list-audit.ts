import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { queryAudit, readAuditChain } from '../../../store/audit.ts'
import { verifyChain } from '../../../supervision/audit.ts'
import { auditSummary } from '../../../supervision/audit-summary.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { requestLang } from '../../errors.ts'
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
            entries: z.array(
              z.looseObject({
                seq: z.number().int(),
                action: z.string(),
                hash: z.string(),
                summary: z
                  .string()
                  .openapi({ description: "the entry as a sentence in the request's language" }),
                summaryZh: z.string().openapi({ example: '任务状态：已签收 → 办理中（开始办理）' }),
                summaryEn: z.string().openapi({ example: 'Task status: acknowledged → in progress (start)' }),
              }),
            ),
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
  const lang = requestLang(c)
  const entries = (await queryAudit(db, q)).map((e) => ({
    ...e,
    summary: auditSummary(e, lang),
    summaryZh: auditSummary(e, 'zh-CN'),
    summaryEn: auditSummary(e, 'en'),
  }))
  return c.json({ entries, verification: verifyChain(await readAuditChain(db)) }, 200)
}
