/**
 * Plan versions. Every edit of a plan is a new version row; publishing flips a draft to
 * published, after which the row is frozen (a trigger refuses UPDATE and DELETE). The current
 * published plan is its highest published version.
 */
import { and, desc, eq, sql } from 'drizzle-orm'
import type { PlanMeta, PlanNode } from '../plans/model.ts'
import type { Db } from './db.ts'
import { planVersions } from './schema.ts'

export type PlanVersionRow = Omit<typeof planVersions.$inferSelect, 'tree'> & { tree: PlanNode }

export interface NewPlanVersion {
  meta: PlanMeta
  tree: PlanNode
  state: 'draft' | 'published'
  builtin?: boolean
  note?: string
  createdBy?: number | null
}

/** Appends a version (number = previous + 1) in one statement, so two editors cannot take the same number. */
export async function insertPlanVersion(db: Db, v: NewPlanVersion): Promise<PlanVersionRow> {
  const next = sql<number>`coalesce((select max(${planVersions.version}) from ${planVersions} where ${planVersions.planId} = ${v.meta.id}), 0) + 1`
  const [row] = await db
    .insert(planVersions)
    .values({
      planId: v.meta.id,
      version: next,
      state: v.state,
      level: v.meta.level,
      regionCode: v.meta.region,
      builtin: v.builtin ?? false,
      tree: v.tree,
      note: v.note ?? '',
      createdBy: v.createdBy ?? null,
      publishedAt: v.state === 'published' ? new Date() : null,
    })
    .returning()
  return row as PlanVersionRow
}

export async function publishPlanVersion(
  db: Db,
  planId: string,
  version: number,
): Promise<PlanVersionRow | undefined> {
  const [row] = await db
    .update(planVersions)
    .set({ state: 'published', publishedAt: new Date() })
    .where(
      and(
        eq(planVersions.planId, planId),
        eq(planVersions.version, version),
        eq(planVersions.state, 'draft'),
      ),
    )
    .returning()
  return row as PlanVersionRow | undefined
}

/** A given version, or the current published one, or (with `latest`) the newest of any state. */
export async function getPlanVersion(
  db: Db,
  planId: string,
  which: number | 'published' | 'latest' = 'published',
): Promise<PlanVersionRow | undefined> {
  const where =
    typeof which === 'number'
      ? and(eq(planVersions.planId, planId), eq(planVersions.version, which))
      : which === 'published'
        ? and(eq(planVersions.planId, planId), eq(planVersions.state, 'published'))
        : eq(planVersions.planId, planId)
  const [row] = await db.select().from(planVersions).where(where).orderBy(desc(planVersions.version)).limit(1)
  return row as PlanVersionRow | undefined
}

export interface PlanSummary {
  planId: string
  level: string
  regionCode: string
  builtin: boolean
  publishedVersion: number | null
  latestVersion: number
  titleZh: string
  titleEn: string | null
}

/** One line per plan: its newest version and its current published version. */
export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const rows = await db
    .select({
      planId: planVersions.planId,
      version: planVersions.version,
      state: planVersions.state,
      level: planVersions.level,
      regionCode: planVersions.regionCode,
      builtin: planVersions.builtin,
      titleZh: sql<string>`${planVersions.tree}->>'title_zh'`,
      titleEn: sql<string | null>`${planVersions.tree}->>'title_en'`,
    })
    .from(planVersions)
    .orderBy(planVersions.planId, desc(planVersions.version))
  const out = new Map<string, PlanSummary>()
  for (const r of rows) {
    let s = out.get(r.planId)
    if (!s) {
      const { version, state: _state, ...rest } = r
      s = { ...rest, latestVersion: version, publishedVersion: null }
      out.set(r.planId, s)
    }
    if (r.state === 'published' && s.publishedVersion === null) {
      s.publishedVersion = r.version
      s.titleZh = r.titleZh
      s.titleEn = r.titleEn
    }
  }
  return [...out.values()]
}

export async function listPlanVersions(db: Db, planId: string) {
  return db
    .select({
      version: planVersions.version,
      state: planVersions.state,
      note: planVersions.note,
      createdAt: planVersions.createdAt,
      publishedAt: planVersions.publishedAt,
    })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.version))
}
