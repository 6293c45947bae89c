/**
 * A task as the API shows it, and a report as a given reader may see it. Figures (progress,
 * warnings) always come from every report of the task (`supervision/task-status.ts`); a reader
 * who may not read a report in full gets its figure without its content.
 */
import type { Context } from 'hono'
import type { StoredTask } from '../store/tasks.ts'
import { beijingDay } from '../supervision/dates.ts'
import type { Report } from '../supervision/reports.ts'
import { taskStatus } from '../supervision/task-status.ts'
import { withWarningText } from '../supervision/warning-text.ts'
import { canRead } from './access.ts'
import type { AppEnv } from './env.ts'

/** The task with its standing today; `reports` must be all of the task's reports, unfiltered. */
export function taskView(task: StoredTask, reports: readonly Report[], now = new Date().toISOString()) {
  const status = taskStatus(task, reports, beijingDay(now))
  // each warning also said in both languages (supervision/warning-text.ts)
  return { ...task, ...status, warnings: status.warnings.map((w) => withWarningText(w, task.milestones)) }
}

/**
 * The reports of a task as this reader may see them: in full when the reader may read the report,
 * otherwise its period, kind, percent and status only (`redacted: true`) — the public learns that
 * a 60% report awaits review, as the progress figure already says, but not its narrative, its
 * evidence or who wrote it. Returned reports are not part of the record the public sees.
 */
export function reportsFor(
  c: Context<AppEnv>,
  task: StoredTask,
  reports: readonly Report[],
): (Report | RedactedReport)[] {
  return reports.flatMap((r): (Report | RedactedReport)[] => {
    if (canRead(c, { kind: 'report', regionCode: task.regionCode, state: r.status })) return [r]
    if (r.status === 'returned') return []
    const { id, taskId, period, kind, percentComplete, status, submittedAt } = r
    return [{ id, taskId, period, kind, percentComplete, status, submittedAt, evidence: [], redacted: true }]
  })
}

export type RedactedReport = Pick<
  Report,
  'id' | 'taskId' | 'period' | 'kind' | 'percentComplete' | 'status' | 'submittedAt' | 'evidence'
> & { redacted: true }
