/** A task as the board shows it: the task, its latest progress and today's warnings. */

import type { StoredTask } from '../store/tasks.ts'
import { beijingDay } from '../supervision/dates.ts'
import { latestProgress, type Report } from '../supervision/reports.ts'
import { isOverdue } from '../supervision/tasks.ts'
import { withWarningText } from '../supervision/warning-text.ts'
import { warningsFor, worstLevel } from '../supervision/warnings.ts'

export function taskView(task: StoredTask, reports: readonly Report[], now = new Date().toISOString()) {
  const today = beijingDay(now)
  const progress = latestProgress(task, reports)
  const warnings = warningsFor(task, progress?.percent ?? null, today)
  return {
    ...task,
    overdue: isOverdue(task, today),
    progress,
    warnings: warnings.map((w) => withWarningText(w, task.milestones)),
    warning: worstLevel(warnings),
  }
}
