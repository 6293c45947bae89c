import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { planIssuer, withEnglishNumbers } from '../../plans/plan-names.ts'
import { getPlanVersion, listPlanVersions } from '../../store/plans.ts'
import { canRead } from '../access.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses } from '../schemas.ts'
import { planScope } from './plan-drafts.ts'

const NodeSchema = z
  .looseObject({
    id: z.string(),
    kind: z.string(),
    number: z.string().optional(),
    number_en: z
      .string()
      .optional()
      .openapi({ description: 'the outline number in Arabic digits for English text: 一 → 1, (一) → (1)' }),
    title_zh: z.string(),
    title_en: z.string().optional(),
    title_status: z.string().optional(),
    targets: z.array(z.looseObject({ id: z.string(), indicator: z.string().nullable() })),
    children: z.array(z.unknown()),
  })
  .openapi('PlanNode', { description: 'A node of the plan tree; children have the same shape' })

export const route = createRoute({
  method: 'get',
  path: '/api/plans/{id}',
  tags: ['plans'],
  summary: 'A plan: its tree (current published version, or ?version=N) and its version list',
  request: {
    params: z.object({ id: z.string().min(1).max(40).openapi({ example: 'C21' }) }),
    query: z.object({
      version: z.coerce.number().int().positive().optional(),
      draft: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: "staff of the plan's region: the newest version, draft or not" }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            planId: z.string(),
            version: z.number().int(),
            state: z.string(),
            level: z.string(),
            regionCode: z.string(),
            builtin: z.boolean(),
            publishedAt: z.string().nullable(),
            titleZh: z.string(),
            titleEn: z.string().nullable(),
            issuerZh: z
              .string()
              .openapi({ description: "'' where the plan names no issuer", example: '中共中央、国务院' }),
            issuerEn: z.string().openapi({ example: 'CPC Central Committee and State Council' }),
            tree: NodeSchema,
            versions: z.array(
              z.object({
                version: z.number().int(),
                state: z.string(),
                note: z.string(),
                publishedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
      description: 'The plan',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const { version, draft } = c.req.valid('query')
  const db = c.get('store').db
  let row = await getPlanVersion(db, id, draft === 'true' ? 'latest' : (version ?? 'published'))
  // drafts are not public: the public asking for the newest version gets the newest published one
  const staff = row
    ? canRead(c, { kind: 'plan', regionCode: planScope(row.level, row.regionCode), state: 'draft' })
    : false
  if (draft === 'true' && !staff) row = await getPlanVersion(db, id, 'published')
  if (!row || (row.state !== 'published' && !staff))
    throw version
      ? new AppError('missing.plan_version', { id, version })
      : new AppError('missing.plan', { id })
  const versions = (await listPlanVersions(db, id))
    .filter((v) => v.state === 'published' || staff)
    .map((v) => ({ version: v.version, state: v.state, note: v.note, publishedAt: iso(v.publishedAt) }))
  const tree = row.tree as z.infer<typeof NodeSchema>
  return c.json(
    {
      planId: row.planId,
      version: row.version,
      state: row.state,
      level: row.level,
      regionCode: row.regionCode,
      builtin: row.builtin,
      publishedAt: iso(row.publishedAt),
      titleZh: tree.title_zh,
      titleEn: tree.title_en ?? null,
      ...planIssuer(tree),
      tree: withEnglishNumbers(tree),
      versions,
    },
    200,
  )
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
