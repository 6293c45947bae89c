/**
 * A task's standing on a day: latest progress, overdue, warnings and the worst warning. The one
 * function behind the task page, the board, the API and `jueqi tasks warnings`, so that every
 * viewer meets the same figures. It is given every report of the task: what a viewer may read of
 * a report (its narrative, its evidence) is decided elsewhere and never changes the figures.
 */
import { latestProgress, type Report } from './reports.ts'
import { isOverdue, type Task } from './tasks.ts'
import { type WarningOptions, warningsFor, worstLevel } from './warnings.ts'

export function taskStatus(
  task: Pick<Task, 'id' | 'state' | 'start' | 'deadline' | 'milestones' | 'cadence'>,
  reports: readonly Report[],
  today: string,
  options: WarningOptions = {},
) {
  const progress = latestProgress(task, reports)
  const warnings = warningsFor(task, progress?.percent ?? null, today, options)
  return { overdue: isOverdue(task, today), progress, warnings, warning: worstLevel(warnings) }
}
export type TaskStatus = ReturnType<typeof taskStatus>
