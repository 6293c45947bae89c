/** Shapes shared by the task operations (each operation keeps its own request schema beside it). */
import { z } from '@hono/zod-openapi'

export const WarningSchema = z.object({
  level: z.enum(['blue', 'yellow', 'red']),
  code: z.string(),
  milestoneId: z.string().nullable(),
  due: z.string(),
  daysLeft: z.number(),
  expected: z.number(),
  actual: z.number(),
  message: z.string().openapi({ description: 'English (see messageZh, messageEn)' }),
  messageZh: z.string(),
  messageEn: z.string(),
})

export const TaskViewSchema = z
  .looseObject({
    id: z.string(),
    title: z.string(),
    regionCode: z.string(),
    state: z.string(),
    start: z.string(),
    deadline: z.string(),
    cadence: z.string(),
    planId: z.string().nullable(),
    planNodeId: z.string().optional(),
    leadBody: z.string(),
    coBodies: z.array(z.string()),
    overdue: z.boolean(),
    progress: z.object({ percent: z.number(), period: z.string(), accepted: z.boolean() }).nullable(),
    warning: z.enum(['blue', 'yellow', 'red']).nullable(),
    warnings: z.array(WarningSchema),
  })
  .openapi('TaskView')
