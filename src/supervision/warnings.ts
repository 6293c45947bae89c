/**
 * Supervision warnings (预警): blue when a deadline is near and the work is not complete, yellow
 * when reported progress trails the pro-rata schedule (序时进度) by more than a tolerance, red
 * when the deadline has passed and the task is not accepted or closed. The same rules apply to
 * milestones. Pure: task, latest progress and `today` in, warnings out, worst first.
 */
import { z } from 'zod'
import { daysBetween } from './dates.ts'
import { DONE_STATES, type Milestone, type Task } from './tasks.ts'

export const warningOptionsSchema = z.object({
  /** Blue within this many days of a deadline. */
  nearDays: z.number().int().nonnegative().default(30),
  /** Yellow when progress trails the schedule by more than this many percentage points. */
  tolerance: z.number().min(0).max(100).default(10),
})
export type WarningOptions = z.input<typeof warningOptionsSchema>

export const WARNING_LEVELS = ['blue', 'yellow', 'red'] as const
export type WarningLevel = (typeof WARNING_LEVELS)[number]

export type WarningCode =
  | 'near_deadline'
  | 'behind_schedule'
  | 'past_deadline'
  | 'milestone_near'
  | 'milestone_missed'

export interface Warning {
  level: WarningLevel
  code: WarningCode
  taskId: string
  milestoneId: string | null
  due: string
  /** Days to the due date; negative once past it. */
  daysLeft: number
  /** Percent complete the schedule or milestone expects today. */
  expected: number
  actual: number
  message: string
}

/** The share of [start, deadline] elapsed by `today`, as the percent the schedule expects. */
export function expectedPercent(task: Pick<Task, 'start' | 'deadline'>, today: string): number {
  const span = daysBetween(task.start, task.deadline)
  const elapsed = daysBetween(task.start, today)
  if (span <= 0) return elapsed >= 0 ? 100 : 0
  return Math.min(100, Math.max(0, (elapsed / span) * 100))
}

/** Warnings for one task. `percent` is the latest accepted or reported progress (null: none yet). */
export function warningsFor(
  task: Pick<Task, 'id' | 'state' | 'start' | 'deadline' | 'milestones'>,
  percent: number | null,
  today: string,
  options: WarningOptions = {},
): Warning[] {
  if (DONE_STATES.includes(task.state)) return []
  const { nearDays, tolerance } = warningOptionsSchema.parse(options)
  const actual = percent ?? 0
  const base = { taskId: task.id, actual }
  const out: Warning[] = []
  const daysLeft = daysBetween(today, task.deadline)
  const expected = expectedPercent(task, today)
  const at = { due: task.deadline, daysLeft, milestoneId: null }
  if (daysLeft < 0) {
    out.push({
      ...base,
      ...at,
      level: 'red',
      code: 'past_deadline',
      expected: 100,
      message: `${-daysLeft} days past the deadline`,
    })
  } else {
    if (actual < expected - tolerance)
      out.push({
        ...base,
        ...at,
        level: 'yellow',
        code: 'behind_schedule',
        expected,
        message: behind(actual, expected),
      })
    if (daysLeft <= nearDays && actual < 100)
      out.push({
        ...base,
        ...at,
        level: 'blue',
        code: 'near_deadline',
        expected,
        message: `${daysLeft} days to the deadline`,
      })
  }
  for (const m of task.milestones) out.push(...milestoneWarnings(task.id, m, actual, today, nearDays))
  return out.sort((a, b) => rank(b.level) - rank(a.level))
}

function milestoneWarnings(
  taskId: string,
  m: Milestone,
  actual: number,
  today: string,
  nearDays: number,
): Warning[] {
  if (actual >= m.targetPercent) return []
  const daysLeft = daysBetween(today, m.due)
  const w = { taskId, milestoneId: m.id, due: m.due, daysLeft, expected: m.targetPercent, actual }
  if (daysLeft < 0)
    return [{ ...w, level: 'red', code: 'milestone_missed', message: `milestone “${m.name}” missed` }]
  if (daysLeft <= nearDays)
    return [
      { ...w, level: 'blue', code: 'milestone_near', message: `milestone “${m.name}” in ${daysLeft} days` },
    ]
  return []
}

const behind = (actual: number, expected: number) =>
  `${actual.toFixed(0)}% done where the schedule expects ${expected.toFixed(0)}%`

const rank = (level: WarningLevel) => WARNING_LEVELS.indexOf(level)

/** The most severe level among warnings, or null when there are none. */
export function worstLevel(warnings: readonly Warning[]): WarningLevel | null {
  return warnings.reduce<WarningLevel | null>(
    (w, x) => (w === null || rank(x.level) > rank(w) ? x.level : w),
    null,
  )
}
