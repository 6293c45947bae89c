import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listReports, listTasks } from '../../../store/tasks.ts'
import { canRead } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { taskView } from '../../task-view.ts'
import { TaskViewSchema } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/tasks',
  tags: ['supervision'],
  summary:
    "The task board: tasks with latest progress and today's blue/yellow/red warnings (public: assigned tasks; staff: also their region's new ones)",
  request: {
    query: z.object({
      region: z.string().optional().openapi({ description: 'comma-separated region codes' }),
      plan: z.string().optional(),
      warning: z
        .enum(['blue', 'yellow', 'red'])
        .optional()
        .openapi({ description: 'only tasks with this worst warning' }),
    }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ tasks: z.array(TaskViewSchema) }) } },
      description: 'Tasks',
    },
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const q = c.req.valid('query')
  const db = c.get('store').db
  const all = await listTasks(db, {
    ...(q.region ? { regions: q.region.split(',') } : {}),
    ...(q.plan ? { planId: q.plan } : {}),
  })
  const visible = all.filter((t) => canRead(c, { kind: 'task', regionCode: t.regionCode, state: t.state }))
  const reports = await listReports(
    db,
    visible.map((t) => t.id),
  )
  // every report counts, whoever asks: the board, the task page and the API tell one story
  const views = visible
    .map((t) =>
      taskView(
        t,
        reports.filter((r) => r.taskId === t.id),
      ),
    )
    .filter((v) => !q.warning || v.warning === q.warning)
  return c.json({ tasks: views }, 200)
}
