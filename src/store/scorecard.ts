/**
 * The province scorecard on the stored data: target statuses of a published plan (from the plan
 * status assessment) and the provinces' supervision tasks, scored by a stored, versioned scheme
 * with the pure rules of src/supervision/scorecard.ts.
 */
import { desc, eq } from 'drizzle-orm'
import { beijingDay } from '../supervision/dates.ts'
import {
  type ProvinceInput,
  type ProvinceScore,
  type ScoringScheme,
  score,
  scoringSchemeSchema,
  TARGET_STATUSES,
} from '../supervision/scorecard.ts'
import type { Db } from './db.ts'
import { planStatuses } from './plan-status.ts'
import { getPlanVersion } from './plans.ts'
import { scoringSchemes } from './schema.ts'
import { listTasks } from './tasks.ts'

export async function saveScheme(db: Db, raw: unknown): Promise<ScoringScheme> {
  const scheme = scoringSchemeSchema.parse(raw)
  await db
    .insert(scoringSchemes)
    .values({ id: scheme.id, version: scheme.version, scheme })
    .onConflictDoNothing()
  return scheme
}

/** A scheme by id and version, or the newest one (by creation) when no reference is given. */
export async function getScheme(
  db: Db,
  ref?: { id: string; version?: string },
): Promise<ScoringScheme | undefined> {
  const rows = await db
    .select()
    .from(scoringSchemes)
    .where(ref ? eq(scoringSchemes.id, ref.id) : undefined)
    .orderBy(desc(scoringSchemes.createdAt))
  const row = ref?.version ? rows.find((r) => r.version === ref.version) : rows[0]
  return row ? scoringSchemeSchema.parse(row.scheme) : undefined
}

export interface Scorecard {
  planId: string
  planVersion: number
  asOf: string
  scheme: ScoringScheme
  scores: ProvinceScore[]
}

export async function computeScorecard(
  db: Db,
  o: { planId: string; provinces: readonly string[]; scheme: ScoringScheme; asOf?: string },
): Promise<Scorecard | undefined> {
  const plan = await getPlanVersion(db, o.planId)
  if (!plan) return undefined
  const asOf = o.asOf ?? beijingDay(new Date().toISOString())
  const statuses = await planStatuses(db, plan.tree)
  const tasks = await listTasks(db, { regions: [...o.provinces] })
  const scorable = new Set<string>(TARGET_STATUSES)
  const inputs: ProvinceInput[] = o.provinces.map((province) => ({
    province,
    targets: statuses
      // a qualitative target is judged by supervision evidence (the task lines), not by figures:
      // it is not a target whose data could be missing
      .filter((s) => s.region === province && scorable.has(s.status) && s.method !== 'qualitative')
      .map((s) => ({
        id: s.targetId,
        status: s.status as ProvinceInput['targets'][number]['status'],
        // what a target that cannot be judged lacks, so the scorecard can list it
        why: s.missing.length ? s.missing.join('; ') : s.reason,
      })),
    tasks: tasks
      .filter((t) => t.regionCode === province)
      .map((t) => ({
        id: t.id,
        state: t.state,
        deadline: t.deadline,
        ...(t.acceptedAt ? { completedOn: beijingDay(t.acceptedAt) } : {}),
      })),
  }))
  return {
    planId: o.planId,
    planVersion: plan.version,
    asOf,
    scheme: o.scheme,
    scores: score(o.scheme, inputs, asOf),
  }
}
