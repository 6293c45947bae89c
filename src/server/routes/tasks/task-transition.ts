import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getTask, listReports } from '../../../store/tasks.ts'
import { TASK_EVENTS } from '../../../supervision/tasks.ts'
import { canRead } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { taskView } from '../../task-view.ts'
import { applyTaskEvent } from '../../task-workflow.ts'
import { TaskViewSchema } from './schemas.ts'

// report, return and accept happen through the report operations, which carry their content
const DIRECT = TASK_EVENTS.filter((e) => !['report', 'return', 'accept'].includes(e)) as [string, ...string[]]

export const route = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/transitions',
  tags: ['supervision'],
  summary: 'Move a task on: assign (交办), acknowledge (签收), start (办理), close (办结)',
  request: {
    params: z.object({ id: z.string().min(1).max(60) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({ event: z.enum(DIRECT), reason: z.string().trim().max(2000).optional() }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: TaskViewSchema } },
      description: 'The task after the change',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { event, reason } = c.req.valid('json')
  const db = c.get('store').db
  const task = await getTask(db, id)
  // an id from another region is answered like an unknown one when the reader may not see it
  if (!task || !canRead(c, { kind: 'task', regionCode: task.regionCode, state: task.state }))
    throw new AppError('missing.task', { id })
  const next = await db.transaction((tx) =>
    applyTaskEvent(c, tx, task, event as (typeof TASK_EVENTS)[number], reason ? { reason } : {}),
  )
  return c.json(taskView(next, await listReports(db, [id])), 200)
}
