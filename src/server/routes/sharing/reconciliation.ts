import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { reconciliationXlsx } from '../../../files/reconciliation-xlsx.ts'
import { metricName } from '../../../sharing/agreement.ts'
import { LedgerError, runReconciliation } from '../../../store/sharing-runs.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { errorResponses } from '../../schemas.ts'
import { loadAgreement } from '../../sharing-access.ts'
import { IdParam } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/sharing/agreements/{id}/reconciliation',
  tags: ['sharing'],
  summary:
    'Reconciliation of an allocation (default: the newest) against the newest records: per period and metric, differences by project, cumulative origin share against the cap, term states, settlements; JSON or XLSX',
  request: {
    params: IdParam,
    query: z.object({
      allocation: z.coerce.number().int().positive().optional(),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.looseObject({
            agreementId: z.string(),
            allocationId: z.number().int(),
            balanced: z.boolean(),
            periods: z.array(
              z.looseObject({ period: z.string(), state: z.string(), differences: z.number() }),
            ),
          }),
        },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() },
      },
      description: 'The reconciliation',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { allocation, format } = c.req.valid('query')
  const a = await loadAgreement(c, c.req.valid('param').id)
  let report: Awaited<ReturnType<typeof runReconciliation>>
  try {
    report = await runReconciliation(c.get('store').db, a, allocation)
  } catch (e) {
    if (e instanceof LedgerError) throw new AppError(`ledger.${e.code}`, e.params)
    throw e
  }
  if (format === 'json') return c.json(report, 200)
  const metrics = new Map(
    a.versions.flatMap((v) => v.terms.metrics.map((m) => [m.metric, metricName(m)] as const)),
  )
  const body = await reconciliationXlsx(report, (m) => {
    const n = metrics.get(m)
    return n ? `${n.zh} ${n.en}` : m
  })
  return c.body(new Uint8Array(body), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="reconciliation-${a.id}-${report.allocationId}.xlsx"`,
  }) as never
}
