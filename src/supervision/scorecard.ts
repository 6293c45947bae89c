/**
 * The province scorecard (考核): a versioned scoring scheme turns target statuses and task
 * records into points, with every point on a line that says where it came from, and ranks the
 * provinces (1 = best; equal totals share a rank). The scheme is data so that a change of weights
 * is a new version, and a published score can name the version that produced it.
 *
 * Missing data is never scored. A target whose status could not be assessed (insufficient data,
 * or a method that cannot apply) earns no points and costs none: it is listed as missing with the
 * reason. The target points are scored over the assessable targets and scaled to the number of
 * targets the plan sets the province — its mean points per assessed target × its targets — so a
 * province with fewer published figures is neither punished nor favoured for it. A province with
 * no assessable target is not ranked (rank null): its total would say nothing about its targets.
 */
import { z } from 'zod'
import { daysBetween, isoDaySchema } from './dates.ts'
import { DONE_STATES, TASK_STATES } from './tasks.ts'

/** Statuses that judge a target; they earn the scheme's points. */
export const ASSESSED_STATUSES = ['achieved', 'on_track', 'off_track', 'regressing'] as const
/** Statuses that say a target could not be judged; never scored. */
export const MISSING_STATUSES = ['insufficient_data', 'not_assessable'] as const
export const TARGET_STATUSES = [...ASSESSED_STATUSES, ...MISSING_STATUSES] as const
export type TargetStatus = (typeof TARGET_STATUSES)[number]
type AssessedStatus = (typeof ASSESSED_STATUSES)[number]

const points = z.number().refine(Number.isFinite, { message: 'finite number' })
const penalty = points.refine((x) => x <= 0, { message: 'a penalty is zero or negative' })

export const scoringSchemeSchema = z.object({
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'semantic version, e.g. 1.0.0' }),
  /** Points per assessed target by its status. */
  targets: z.object({
    achieved: points,
    on_track: points,
    off_track: points,
    regressing: points,
    /** Read from schemes saved before missing data stopped being scored (1.0.0); never used. */
    insufficient_data: points.optional(),
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
  targets: z.array(
    z.object({
      id: z.string().min(1),
      status: z.enum(TARGET_STATUSES),
      /** Why a target could not be assessed: the series and years missing, or the method's reason. */
      why: z.string().optional(),
    }),
  ),
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

/** A target that could not be assessed, and why. */
export interface MissingTarget {
  target: string
  status: (typeof MISSING_STATUSES)[number]
  why: string
}

export interface ProvinceScore {
  province: string
  total: number
  /** Null when none of the province's targets could be assessed. */
  rank: number | null
  scheme: string
  /** Targets that could be assessed, of `targetCount` the plan sets the province. */
  assessed: number
  targetCount: number
  missing: MissingTarget[]
  breakdown: ScoreLine[]
}

/** Score and rank every province as of `asOf` (a Beijing calendar day). */
export function score(
  scheme: ScoringScheme,
  inputs: readonly ProvinceInput[],
  asOf: string,
): ProvinceScore[] {
  const label = `${scheme.id}@${scheme.version}`
  const scored = inputs.map((p): ProvinceScore => {
    const breakdown = [...targetLines(scheme, p), ...taskLines(scheme, p, asOf)]
    const total = round(breakdown.reduce((s, l) => s + l.points, 0))
    const missing = p.targets.flatMap((t) => (isMissing(t.status) ? [missingTarget(t)] : []))
    const targetCount = p.targets.length
    const assessed = targetCount - missing.length
    return { province: p.province, total, rank: 0, scheme: label, assessed, targetCount, missing, breakdown }
  })
  const ranked = (s: ProvinceScore) => s.assessed > 0 || s.targetCount === 0
  scored.sort(
    (a, b) =>
      Number(ranked(b)) - Number(ranked(a)) || b.total - a.total || (a.province < b.province ? -1 : 1),
  )
  // Competition ranking: equal totals share a rank, the next rank skips (1, 1, 3).
  for (const [i, s] of scored.entries()) {
    const before = scored[i - 1]
    s.rank = !ranked(s) ? null : before && s.total === before.total ? before.rank : i + 1
  }
  return scored
}

const isMissing = (status: TargetStatus): status is MissingTarget['status'] =>
  (MISSING_STATUSES as readonly string[]).includes(status)

const missingTarget = (t: ProvinceInput['targets'][number]): MissingTarget => ({
  target: t.id,
  status: t.status as MissingTarget['status'],
  why: t.why ?? t.status,
})

/** Totals are rounded so that 0.1 + 0.2 and 0.3 tie, as a reader of the table would expect. */
const round = (x: number) => Math.round(x * 1e6) / 1e6

function line(item: string, count: number, each: number, refs: string[], rule: string): ScoreLine[] {
  if (count === 0) return []
  return [{ item, points: round(count * each), why: `${count} × ${each} (${rule})`, refs }]
}

/** Points per assessed target by status, scaled from the assessed targets to all of them. */
function targetLines(scheme: ScoringScheme, p: ProvinceInput): ScoreLine[] {
  const assessed = p.targets.filter((t) => !isMissing(t.status))
  const all = p.targets.length
  const scale = assessed.length ? all / assessed.length : 0
  const scaled = scale === 1 ? '' : ` × ${all}/${assessed.length}`
  return ASSESSED_STATUSES.flatMap((status: AssessedStatus) => {
    const refs = assessed.filter((t) => t.status === status).map((t) => t.id)
    if (refs.length === 0) return []
    const each = scheme.targets[status]
    const rule = scale === 1 ? '' : `; scaled from ${assessed.length} assessable to ${all} targets`
    return [
      {
        item: `targets.${status}`,
        points: round(refs.length * each * scale),
        why: `${refs.length} × ${each}${scaled} (points per ${status} target${rule})`,
        refs,
      },
    ]
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
