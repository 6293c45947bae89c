import { randomUUID } from 'node:crypto'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { findNode } from '../../../plans/model.ts'
import { appendAudit } from '../../../store/audit.ts'
import { getPlanVersion } from '../../../store/plans.ts'
import { insertTask, type StoredTask } from '../../../store/tasks.ts'
import { Cadence, isoDaySchema } from '../../../supervision/dates.ts'
import { milestoneSchema, taskSchema } from '../../../supervision/tasks.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { taskView } from '../../task-view.ts'
import { applyTaskEvent } from '../../task-workflow.ts'
import { issuesText } from '../../validation-messages.ts'
import { TaskViewSchema } from './schemas.ts'

const Body = z
  .object({
    title: z.string().trim().min(1).max(500),
    regionCode: z.string().min(2).max(12).openapi({ example: '42' }),
    planId: z.string().optional(),
    planNodeId: z.string().optional().openapi({ description: 'the plan measure the task implements' }),
    assignee: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: 'department, if more specific than the province' }),
    leadBody: z.string().max(200).default(''),
    coBodies: z.array(z.string().max(200)).default([]),
    start: isoDaySchema,
    deadline: isoDaySchema,
    cadence: z.enum(Cadence).default('quarterly'),
    milestones: z.array(milestoneSchema).default([]),
    assign: z.boolean().default(true).openapi({ description: 'assign to the province at once (交办)' }),
  })
  .refine((b) => !b.planNodeId || b.planId, { message: 'planNodeId needs planId', path: ['planId'] })

export const route = createRoute({
  method: 'post',
  path: '/api/tasks',
  tags: ['supervision'],
  summary: 'Create a supervision task from a plan measure (立项), and assign it (交办)',
  request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: TaskViewSchema } }, description: 'The task' },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const b = c.req.valid('json')
  const actor = authorize(c, 'task.create', { kind: 'task', regionCode: b.regionCode, state: 'created' })
  const db = c.get('store').db
  if (b.planId) {
    const plan = await getPlanVersion(db, b.planId)
    if (!plan) throw new AppError('request.no_plan', { plan: b.planId })
    if (b.planNodeId && !findNode(plan.tree, b.planNodeId))
      throw new AppError('request.no_plan_node', { node: b.planNodeId, plan: b.planId })
  }
  const at = new Date().toISOString()
  const parsed = taskSchema.safeParse({
    ...b,
    id: `T-${b.regionCode}-${randomUUID().slice(0, 8)}`,
    state: 'created',
    updatedAt: at,
  })
  if (!parsed.success) throw new AppError('invalid_request', { details: issuesText(parsed.error.issues) })
  let task: StoredTask = {
    ...parsed.data,
    leadBody: b.leadBody,
    coBodies: b.coBodies,
    planId: b.planId ?? null,
    createdBy: actor.id,
  }
  await db.transaction(async (tx) => {
    await insertTask(tx, task)
    const details = {
      title: task.title,
      deadline: task.deadline,
      ...(task.planNodeId ? { planNodeId: task.planNodeId } : {}),
    }
    await appendAudit(tx, {
      action: 'task.created',
      objectType: 'task',
      objectId: task.id,
      region: task.regionCode,
      actor: actor.id,
      at,
      details,
    })
    if (b.assign) task = await applyTaskEvent(c, tx, task, 'assign', { at })
  })
  return c.json(taskView(task, []), 201)
}
