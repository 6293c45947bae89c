import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listReleases } from '../../store/releases.ts'
import type { AppEnv } from '../env.ts'
import { ReleaseSchema } from '../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/releases',
  tags: ['releases'],
  summary: 'Releases (named, dated publications), newest first',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ releases: z.array(ReleaseSchema) }) } },
      description: 'Releases',
    },
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const rows = await listReleases(c.get('store').db)
  return c.json(
    { releases: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) },
    200,
  )
}
