import { randomUUID } from 'node:crypto'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { appendAudit } from '../../../store/audit.ts'
import { getEvidenceMeta, getTask, insertReport, listReports } from '../../../store/tasks.ts'
import { checkReport, indicatorValueSchema, type Report, reportSchema } from '../../../supervision/reports.ts'
import { canRead } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { applyTaskEvent } from '../../task-workflow.ts'

const Body = z.object({
  period: z
    .string()
    .min(1)
    .max(10)
    .openapi({ example: '2026-Q4', description: "'2026-11' (monthly) or '2026-Q4' (quarterly)" }),
  kind: z.enum(['periodic', 'final']).default('periodic'),
  narrative: z.string().trim().min(1).max(20_000),
  percentComplete: z.number().min(0).max(100),
  regressionReason: z.string().trim().min(1).optional(),
  indicatorValues: z.array(indicatorValueSchema).default([]),
  evidence: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(20)
    .default([])
    .openapi({ description: 'sha256 of files uploaded for this task' }),
})

export const route = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/reports',
  tags: ['supervision'],
  summary:
    'Report progress on a task (反馈): narrative, % complete, indicator values, evidence; the task goes to review',
  request: {
    params: z.object({ id: z.string().min(1).max(60) }),
    body: { content: { 'application/json': { schema: Body } }, required: true },
  },
  responses: {
    201: {
      content: { 'application/json': { schema: z.looseObject({ id: z.string(), status: z.string() }) } },
      description: 'The report',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const b = c.req.valid('json')
  const db = c.get('store').db
  const task = await getTask(db, id)
  if (!task || !canRead(c, { kind: 'task', regionCode: task.regionCode, state: task.state }))
    throw new AppError('missing.task', { id })
  // evidence must have been uploaded for this very task
  const files = await getEvidenceMeta(db, b.evidence)
  const known = new Map(files.map((f) => [f.sha256, f]))
  const foreign = b.evidence.filter((h) => !known.has(h) || known.get(h)!.taskId !== task.id)
  if (foreign.length) throw new AppError('request.foreign_evidence', { task: id, files: foreign.join(', ') })
  const user = c.get('user')
  const at = new Date().toISOString()
  const report: Report = reportSchema.parse({
    ...b,
    id: `R-${randomUUID().slice(0, 12)}`,
    taskId: task.id,
    evidence: b.evidence.map((h) => ({
      sha256: h,
      size: known.get(h)!.size,
      type: known.get(h)!.type,
      name: known.get(h)!.name,
    })),
    submittedBy: user?.username ?? 'anonymous',
    submittedAt: at,
    status: 'submitted',
  })
  const saved = await db.transaction(async (tx) => {
    // permission and state first (the task must be in progress and in the officer's region)
    const next = await applyTaskEvent(c, tx, task, 'report', { at })
    const check = checkReport(task, await listReports(tx, [task.id]), report)
    if (!check.ok)
      throw new AppError(`report.${check.code}`, {
        period: report.period,
        state: { term: `task_state.${task.state}` },
      })
    await insertReport(tx, report)
    await appendAudit(tx, {
      action: 'report.submitted',
      objectType: 'report',
      objectId: report.id,
      region: task.regionCode,
      actor: report.submittedBy,
      at,
      details: {
        taskId: task.id,
        period: report.period,
        percentComplete: report.percentComplete,
        evidence: b.evidence,
      },
    })
    return next
  })
  return c.json({ ...report, taskState: saved.state }, 201)
}
