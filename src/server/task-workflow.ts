/**
 * Every task state change in one shape: pure permission check → state machine → write the new
 * state (guarded against a concurrent change), the transition row and the audit entry, all in
 * the caller's transaction.
 */
import type { Context } from 'hono'
import { appendAudit } from '../store/audit.ts'
import type { Db } from '../store/db.ts'
import { insertTransition, type StoredTask, saveTaskState } from '../store/tasks.ts'
import { type TaskEvent, TRANSITIONS, transition } from '../supervision/tasks.ts'
import { authorize } from './access.ts'
import type { AppEnv } from './env.ts'
import { AppError } from './errors.ts'

export async function applyTaskEvent(
  c: Context<AppEnv>,
  tx: Db,
  task: StoredTask,
  event: TaskEvent,
  opts: { reason?: string; at?: string; submittedBy?: string } = {},
): Promise<StoredTask> {
  const rule = TRANSITIONS[event]
  const actor = authorize(c, rule.action, {
    kind: 'task',
    regionCode: task.regionCode,
    state: task.state,
    ...(opts.submittedBy ? { submittedBy: opts.submittedBy } : {}),
  })
  const at = opts.at ?? new Date().toISOString()
  const r = transition(task, event, actor.id, at, opts.reason)
  if (!r.ok)
    throw new AppError(`transition.${r.code}`, {
      event: { term: `task_event.${event}` },
      state: { term: `task_state.${task.state}` },
    })
  if (!(await saveTaskState(tx, r.task, task.state))) throw new AppError('stale.task')
  await insertTransition(tx, r.record)
  await appendAudit(tx, {
    action: 'task.transition',
    objectType: 'task',
    objectId: task.id,
    region: task.regionCode,
    actor: actor.id,
    at,
    details: { event, from: r.record.from, to: r.record.to, reason: r.record.reason },
  })
  return { ...task, ...r.task }
}
