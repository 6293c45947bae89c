import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getEvidenceMeta, getTask, listReports, listTransitions } from '../../../store/tasks.ts'
import { eventsFrom } from '../../../supervision/tasks.ts'
import { canRead } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { errorResponses } from '../../schemas.ts'
import { reportsFor, taskView } from '../../task-view.ts'
import { TaskViewSchema } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  tags: ['supervision'],
  summary:
    'One task: its history (who, when, why), its reports (the content of unreviewed ones only for staff of its region; others see their period and percent) and the next possible events; progress and warnings are the same for every reader',
  request: { params: z.object({ id: z.string().min(1).max(60) }) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            task: TaskViewSchema,
            history: z.array(
              z.object({
                event: z.string(),
                fromState: z.string(),
                toState: z.string(),
                actor: z.string(),
                at: z.string(),
                reason: z.string().nullable(),
              }),
            ),
            reports: z.array(
              z.looseObject({ id: z.string(), status: z.string(), redacted: z.boolean().optional() }),
            ),
            next: z.array(z.string()),
          }),
        },
      },
      description: 'The task',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const db = c.get('store').db
  const task = await getTask(db, id)
  if (!task || !canRead(c, { kind: 'task', regionCode: task.regionCode, state: task.state }))
    throw new AppError('missing.task', { id })
  const all = await listReports(db, [id])
  const reports = reportsFor(c, task, all)
  const meta = new Map(
    (
      await getEvidenceMeta(
        db,
        reports.flatMap((r) => r.evidence.map((e) => e.sha256)),
      )
    ).map((m) => [m.sha256, m]),
  )
  const history = (await listTransitions(db, id)).map(({ id: _id, taskId: _t, ...h }) => h)
  return c.json(
    {
      task: taskView(task, all),
      history,
      reports: reports.map((r) => ({
        ...r,
        evidence: r.evidence.map((e) => ({ ...e, name: e.name ?? meta.get(e.sha256)?.name })),
      })),
      next: eventsFrom(task.state),
    },
    200,
  )
}
