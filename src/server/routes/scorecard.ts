import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { scorecardXlsx } from '../../files/scorecard-xlsx.ts'
import { CENTRAL_SIX } from '../../plans/builtin.ts'
import { listRegions } from '../../store/regions.ts'
import { computeScorecard, getScheme } from '../../store/scorecard.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses } from '../schemas.ts'

const Query = z.object({
  plan: z.string().min(1).max(40).default('C21'),
  scheme: z
    .string()
    .regex(/^[\w.-]+(@\d+\.\d+\.\d+)?$/)
    .optional()
    .openapi({ description: 'id or id@version of the scoring scheme (default: the newest)' }),
  asOf: z.iso.date().optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
})

export const route = createRoute({
  method: 'get',
  path: '/api/scorecard',
  tags: ['supervision'],
  summary:
    'Province scorecard (考核): target statuses and task completion scored by a versioned scheme, every point explained, ranked; a target whose data are missing is listed, not scored (target points are over the assessable targets, scaled to all); JSON or XLSX',
  request: { query: Query },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            planId: z.string(),
            planVersion: z.number().int(),
            asOf: z.string(),
            scheme: z.looseObject({ id: z.string(), version: z.string() }),
            scores: z.array(
              z.object({
                province: z.string(),
                total: z.number(),
                rank: z
                  .number()
                  .int()
                  .nullable()
                  .openapi({ description: 'null when none of the province’s targets could be assessed' }),
                scheme: z.string(),
                assessed: z.number().int().openapi({ description: 'targets that could be assessed' }),
                targetCount: z.number().int().openapi({ description: 'targets the plan sets the province' }),
                missing: z
                  .array(
                    z.object({
                      target: z.string(),
                      status: z.enum(['insufficient_data', 'not_assessable']),
                      why: z.string(),
                    }),
                  )
                  .openapi({ description: 'targets that could not be assessed, and why: never scored' }),
                breakdown: z.array(
                  z.object({
                    item: z.string(),
                    points: z.number(),
                    why: z.string(),
                    refs: z.array(z.string()),
                  }),
                ),
              }),
            ),
          }),
        },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() },
      },
      description: 'The scorecard',
    },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const q = c.req.valid('query')
  const db = c.get('store').db
  const [id, version] = q.scheme?.split('@') ?? []
  const scheme = await getScheme(db, id ? { id, ...(version ? { version } : {}) } : undefined)
  if (!scheme) throw new AppError('missing.scheme', { id: q.scheme ?? '' })
  const card = await computeScorecard(db, {
    planId: q.plan,
    provinces: CENTRAL_SIX,
    scheme,
    ...(q.asOf ? { asOf: q.asOf } : {}),
  })
  if (!card) throw new AppError('missing.plan', { id: q.plan })
  if (q.format === 'json') return c.json(card, 200)
  const names = new Map((await listRegions(db, { level: 'province' })).map((r) => [r.code, r.nameZh]))
  const body = await scorecardXlsx(card, (code) => names.get(code) ?? code)
  return c.body(new Uint8Array(body), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="scorecard-${card.planId}-${card.asOf}.xlsx"`,
  }) as never
}
