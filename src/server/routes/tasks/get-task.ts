import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getEvidenceMeta, getTask, listReports, listTransitions } from '../../../store/tasks.ts'
import { eventsFrom } from '../../../supervision/tasks.ts'
import { canRead } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { errorResponses } from '../../schemas.ts'
import { taskView } from '../../task-view.ts'
import { TaskViewSchema } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  tags: ['supervision'],
  summary:
    'One task: its history (who, when, why), its reports (unreviewed ones only for staff of its region) and the next possible events',
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
            reports: z.array(z.looseObject({ id: z.string(), status: z.string() })),
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
  const reports = (await listReports(db, [id])).filter((r) =>
    canRead(c, { kind: 'report', regionCode: task.regionCode, state: r.status }),
  )
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
      task: taskView(task, reports),
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
