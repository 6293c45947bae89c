import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { periodSchema } from '../../../sharing/periods.ts'
import { PERIOD_STATES, periodTransition } from '../../../sharing/reconcile.ts'
import { appendAudit } from '../../../store/audit.ts'
import { getAllocation, insertPeriodState, periodStates } from '../../../store/sharing.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { agreementRef, loadAgreement } from '../../sharing-access.ts'
import { IdParam } from './schemas.ts'

export const route = createRoute({
  method: 'post',
  path: '/api/sharing/agreements/{id}/periods/{period}',
  tags: ['sharing'],
  summary:
    'Settle, reopen or close a period of an agreement (open → settled → closed) against the newest allocation',
  request: {
    params: IdParam.extend({ period: periodSchema }),
    body: {
      content: {
        'application/json': {
          schema: z.object({ state: z.enum(PERIOD_STATES), note: z.string().trim().max(2000).default('') }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ period: z.string(), state: z.enum(PERIOD_STATES) }) },
      },
      description: 'The period’s new state',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id, period } = c.req.valid('param')
  const { state, note } = c.req.valid('json')
  const a = await loadAgreement(c, id)
  const actor = authorize(c, 'sharing.period.settle', agreementRef(a))
  const db = c.get('store').db
  const from = (await periodStates(db, a.id)).get(period) ?? 'open'
  const why = periodTransition(from, state)
  if (why)
    throw new AppError('request.period_step', {
      from: { term: `period_state.${from}` },
      to: { term: `period_state.${state}` },
    })
  const allocation = await getAllocation(db, a.id)
  if (!allocation?.result.rows.some((r) => r.period === period))
    throw new AppError('request.period_unallocated', { period })
  const at = new Date().toISOString()
  await db.transaction(async (tx) => {
    await insertPeriodState(tx, {
      agreementId: a.id,
      period,
      state,
      allocationId: allocation.id,
      by: actor.id,
      at,
      note,
    })
    await appendAudit(tx, {
      action: 'sharing.period',
      objectType: 'agreement',
      objectId: a.id,
      region: a.hostRegion,
      actor: actor.id,
      at,
      details: { period, from, to: state, ...(note ? { note } : {}) },
    })
  })
  return c.json({ period, state }, 200)
}
