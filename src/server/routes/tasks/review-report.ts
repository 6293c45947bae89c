import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { appendAudit } from '../../../store/audit.ts'
import { getReport, getTask, saveReport } from '../../../store/tasks.ts'
import { reviewReport } from '../../../supervision/reports.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { applyTaskEvent } from '../../task-workflow.ts'

export const route = createRoute({
  method: 'post',
  path: '/api/reports/{id}/review',
  tags: ['supervision'],
  summary:
    'Review a report (复核): accept, or return it with comments; done by a reviewer at the level above, never the submitter',
  request: {
    params: z.object({ id: z.string().min(1).max(60) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            decision: z.enum(['accept', 'return']),
            note: z.string().trim().max(5000).optional(),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.looseObject({ id: z.string(), status: z.string() }) } },
      description: 'The reviewed report',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { decision, note } = c.req.valid('json')
  const db = c.get('store').db
  const report = await getReport(db, id)
  const task = report ? await getTask(db, report.taskId) : undefined
  // a write on an existing report is answered by the permission check (401/403), not hidden as 404
  if (!report || !task) throw new AppError('missing.report', { id })
  const at = new Date().toISOString()
  const result = await db.transaction(async (tx) => {
    const next = await applyTaskEvent(c, tx, task, decision, {
      at,
      submittedBy: report.submittedBy,
      ...(note ? { reason: note } : {}),
    })
    const r = reviewReport(report, decision, c.get('user')!.username, at, note)
    if (!r.ok) throw new AppError(`report.${r.code}`)
    await saveReport(tx, r.report)
    await appendAudit(tx, {
      action: 'report.reviewed',
      objectType: 'report',
      objectId: report.id,
      region: task.regionCode,
      actor: c.get('user')!.username,
      at,
      details: { decision, ...(note ? { note } : {}) },
    })
    return { ...r.report, taskState: next.state }
  })
  return c.json(result, 200)
}
