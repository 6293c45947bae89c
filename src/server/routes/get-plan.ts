import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getPlanVersion, listPlanVersions } from '../../store/plans.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses } from '../schemas.ts'

const NodeSchema = z
  .looseObject({
    id: z.string(),
    kind: z.string(),
    number: z.string().optional(),
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
    query: z.object({ version: z.coerce.number().int().positive().optional() }),
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
  const { version } = c.req.valid('query')
  const db = c.get('store').db
  const row = await getPlanVersion(db, id, version ?? 'published')
  // drafts are not public
  if (row?.state !== 'published')
    throw new AppError('not_found', { what: `plan ${id}${version ? ` v${version}` : ''}` })
  const versions = (await listPlanVersions(db, id))
    .filter((v) => v.state === 'published')
    .map((v) => ({ version: v.version, state: v.state, note: v.note, publishedAt: iso(v.publishedAt) }))
  return c.json(
    {
      planId: row.planId,
      version: row.version,
      state: row.state,
      level: row.level,
      regionCode: row.regionCode,
      builtin: row.builtin,
      publishedAt: iso(row.publishedAt),
      tree: row.tree as z.infer<typeof NodeSchema>,
      versions,
    },
    200,
  )
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
