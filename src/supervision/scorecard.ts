/**
 * The province scorecard (考核): a versioned scoring scheme turns target statuses and task
 * records into points, with every point on a line that says where it came from, and ranks the
 * provinces (1 = best; equal totals share a rank). The scheme is data so that a change of weights
 * is a new version, and a published score can name the version that produced it.
 */
import { z } from 'zod'
import { daysBetween, isoDaySchema } from './dates.ts'
import { DONE_STATES, TASK_STATES } from './tasks.ts'

export const TARGET_STATUSES = [
  'achieved',
  'on_track',
  'off_track',
  'regressing',
  'insufficient_data',
] as const
export type TargetStatus = (typeof TARGET_STATUSES)[number]

const points = z.number().refine(Number.isFinite, { message: 'finite number' })
const penalty = points.refine((x) => x <= 0, { message: 'a penalty is zero or negative' })

export const scoringSchemeSchema = z.object({
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'semantic version, e.g. 1.0.0' }),
  /** Points per target by its status. */
  targets: z.object({
    achieved: points,
    on_track: points,
    off_track: points,
    regressing: points,
    insufficient_data: points,
  }),
  tasks: z.object({
    /** Accepted or closed, completion reported on or before the deadline. */
    completedOnTime: points,
    /** Accepted or closed, completion reported after the deadline. */
    completedLate: points,
    /** Rule: each task past its deadline and not accepted (≤ 0). */
    overdue: penalty,
    /** Rule: each day, summed over overdue tasks, up to `overdueDaysCap` days per task (≤ 0). */
    perOverdueDay: penalty.default(0),
    overdueDaysCap: z.number().int().positive().default(365),
  }),
})
export type ScoringScheme = z.output<typeof scoringSchemeSchema>

export const provinceInputSchema = z.object({
  province: z.string().min(1),
  targets: z.array(z.object({ id: z.string().min(1), status: z.enum(TARGET_STATUSES) })),
  tasks: z.array(
    z.object({
      id: z.string().min(1),
      state: z.enum(TASK_STATES),
      deadline: isoDaySchema,
      /** Beijing day the accepted completion was reported. */
      completedOn: isoDaySchema.optional(),
    }),
  ),
})
export type ProvinceInput = z.infer<typeof provinceInputSchema>

export interface ScoreLine {
  item: string
  points: number
  why: string
  /** The targets or tasks behind the line. */
  refs: string[]
}

export interface ProvinceScore {
  province: string
  total: number
  rank: number
  scheme: string
  breakdown: ScoreLine[]
}

/** Score and rank every province as of `asOf` (a Beijing calendar day). */
export function score(
  scheme: ScoringScheme,
  inputs: readonly ProvinceInput[],
  asOf: string,
): ProvinceScore[] {
  const label = `${scheme.id}@${scheme.version}`
  const scored = inputs.map((p) => {
    const breakdown = [...targetLines(scheme, p), ...taskLines(scheme, p, asOf)]
    const total = round(breakdown.reduce((s, l) => s + l.points, 0))
    return { province: p.province, total, rank: 0, scheme: label, breakdown }
  })
  scored.sort((a, b) => b.total - a.total || (a.province < b.province ? -1 : 1))
  // Competition ranking: equal totals share a rank, the next rank skips (1, 1, 3).
  for (const [i, s] of scored.entries())
    s.rank = i > 0 && s.total === scored[i - 1]!.total ? scored[i - 1]!.rank : i + 1
  return scored
}

/** Totals are rounded so that 0.1 + 0.2 and 0.3 tie, as a reader of the table would expect. */
const round = (x: number) => Math.round(x * 1e6) / 1e6

function line(item: string, count: number, each: number, refs: string[], rule: string): ScoreLine[] {
  if (count === 0) return []
  return [{ item, points: round(count * each), why: `${count} × ${each} (${rule})`, refs }]
}

function targetLines(scheme: ScoringScheme, p: ProvinceInput): ScoreLine[] {
  return TARGET_STATUSES.flatMap((status) => {
    const refs = p.targets.filter((t) => t.status === status).map((t) => t.id)
    return line(`targets.${status}`, refs.length, scheme.targets[status], refs, `points per ${status} target`)
  })
}

function taskLines(scheme: ScoringScheme, p: ProvinceInput, asOf: string): ScoreLine[] {
  const done = p.tasks.filter((t) => DONE_STATES.includes(t.state))
  const onTime = done.filter((t) => t.completedOn && daysBetween(t.completedOn, t.deadline) >= 0)
  const late = done.filter((t) => !onTime.includes(t))
  const overdue = p.tasks.filter((t) => !DONE_STATES.includes(t.state) && daysBetween(t.deadline, asOf) > 0)
  const cap = scheme.tasks.overdueDaysCap
  const days = overdue.reduce((s, t) => s + Math.min(cap, daysBetween(t.deadline, asOf)), 0)
  const ids = (ts: { id: string }[]) => ts.map((t) => t.id)
  return [
    ...line(
      'tasks.completed_on_time',
      onTime.length,
      scheme.tasks.completedOnTime,
      ids(onTime),
      'per task completed by its deadline',
    ),
    ...line(
      'tasks.completed_late',
      late.length,
      scheme.tasks.completedLate,
      ids(late),
      'per task completed after its deadline or with no completion date',
    ),
    ...line(
      'tasks.overdue',
      overdue.length,
      scheme.tasks.overdue,
      ids(overdue),
      `per task past its deadline on ${asOf}, not accepted`,
    ),
    ...(scheme.tasks.perOverdueDay === 0
      ? []
      : line(
          'tasks.overdue_days',
          days,
          scheme.tasks.perOverdueDay,
          ids(overdue),
          `per overdue day, at most ${cap} per task`,
        )),
  ]
}
