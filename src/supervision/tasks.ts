/**
 * The supervision task life cycle (立项 → 交办 → 签收 → 办理 → 反馈 → 复核 → 办结) as a small
 * explicit state machine. The transition table is data; `transition` is pure and returns the
 * new task with the record to audit, or a coded error. Overdue is computed from a date, never
 * stored, so it cannot go stale.
 */
import { z } from 'zod'
import { Cadence, daysBetween, isoDateTimeSchema, isoDaySchema } from './dates.ts'
import type { Action } from './permissions.ts'

export const TASK_STATES = [
  'created',
  'assigned',
  'acknowledged',
  'in_progress',
  'reported',
  'returned',
  'accepted',
  'closed',
] as const
export type TaskState = (typeof TASK_STATES)[number]

export const TASK_EVENTS = ['assign', 'acknowledge', 'start', 'report', 'return', 'accept', 'close'] as const
export type TaskEvent = (typeof TASK_EVENTS)[number]

interface TransitionRule {
  from: readonly TaskState[]
  to: TaskState
  /** The permission the actor needs (checked by the caller with `can`). */
  action: Action
  reasonRequired?: boolean
}

export const TRANSITIONS: { readonly [E in TaskEvent]: TransitionRule } = {
  assign: { from: ['created'], to: 'assigned', action: 'task.assign' },
  acknowledge: { from: ['assigned'], to: 'acknowledged', action: 'task.acknowledge' },
  start: { from: ['acknowledged', 'returned'], to: 'in_progress', action: 'task.start' },
  report: { from: ['in_progress'], to: 'reported', action: 'task.report' },
  // A return without a reason leaves the province guessing what to fix.
  return: { from: ['reported'], to: 'returned', action: 'task.review', reasonRequired: true },
  accept: { from: ['reported'], to: 'accepted', action: 'task.review' },
  close: { from: ['accepted'], to: 'closed', action: 'task.close' },
}

/** States in which the work is done: no warning, not overdue. */
export const DONE_STATES: readonly TaskState[] = ['accepted', 'closed']

export const milestoneSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  due: isoDaySchema,
  /** Percent complete the task should have reached by `due`. */
  targetPercent: z.number().min(0).max(100),
})
export type Milestone = z.infer<typeof milestoneSchema>

export const taskSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    regionCode: z.string().min(1),
    /** The responsible department, if the task goes further than the province. */
    assignee: z.string().optional(),
    /** The plan node (measure) the task implements. */
    planNodeId: z.string().optional(),
    state: z.enum(TASK_STATES),
    start: isoDaySchema,
    deadline: isoDaySchema,
    cadence: z.enum(Cadence),
    milestones: z.array(milestoneSchema).default([]),
    updatedAt: isoDateTimeSchema.optional(),
    reportedAt: isoDateTimeSchema.optional(),
    acceptedAt: isoDateTimeSchema.optional(),
  })
  .refine((t) => daysBetween(t.start, t.deadline) >= 0, {
    message: 'deadline before start',
    path: ['deadline'],
  })
export type Task = z.infer<typeof taskSchema>

export interface TransitionRecord {
  taskId: string
  event: TaskEvent
  from: TaskState
  to: TaskState
  actor: string
  at: string
  reason: string | null
}

export const TRANSITION_ERRORS = [
  'unknown_event',
  'illegal_transition',
  'reason_required',
  'actor_required',
  'bad_time',
  'time_reversed',
] as const
export type TransitionErrorCode = (typeof TRANSITION_ERRORS)[number]

export type TransitionResult =
  | { ok: true; task: Task; record: TransitionRecord }
  | { ok: false; code: TransitionErrorCode; message: string }

const fail = (code: TransitionErrorCode, message: string): TransitionResult => ({ ok: false, code, message })

/** Apply one event. The input task is not modified. */
export function transition(
  task: Task,
  event: TaskEvent,
  actor: string,
  at: string,
  reason?: string,
): TransitionResult {
  const rule = Object.hasOwn(TRANSITIONS, event) ? TRANSITIONS[event] : undefined
  if (!rule) return fail('unknown_event', `no event "${event}"`)
  if (!rule.from.includes(task.state))
    return fail(
      'illegal_transition',
      `cannot ${event} a task that is ${task.state} (needs ${rule.from.join(' or ')})`,
    )
  const why = reason?.trim() || null
  if (rule.reasonRequired && !why) return fail('reason_required', `${event} needs a reason`)
  if (!actor.trim()) return fail('actor_required', 'every transition names its actor')
  if (!isoDateTimeSchema.safeParse(at).success) return fail('bad_time', `"${at}" is not an ISO timestamp`)
  if (task.updatedAt && Date.parse(at) < Date.parse(task.updatedAt))
    return fail('time_reversed', `${at} is before the task's last change at ${task.updatedAt}`)
  const next: Task = { ...task, state: rule.to, updatedAt: at }
  if (event === 'report') next.reportedAt = at
  if (event === 'accept') next.acceptedAt = at
  return {
    ok: true,
    task: next,
    record: { taskId: task.id, event, from: task.state, to: rule.to, actor, at, reason: why },
  }
}

/** Events possible from a state (for the UI's buttons). */
export const eventsFrom = (state: TaskState): TaskEvent[] =>
  TASK_EVENTS.filter((e) => TRANSITIONS[e].from.includes(state))

/** Past the deadline (Beijing calendar day `today`) and not accepted or closed. */
export const isOverdue = (task: Pick<Task, 'state' | 'deadline'>, today: string) =>
  !DONE_STATES.includes(task.state) && daysBetween(task.deadline, today) > 0
