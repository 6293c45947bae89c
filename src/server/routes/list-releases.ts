import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listReleases } from '../../store/releases.ts'
import { releaseApprovals } from '../../store/schema.ts'
import { canRead } from '../access.ts'
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
  const db = c.get('store').db
  // a release still in approval is listed only to staff of its region
  const approvals = new Map((await db.select().from(releaseApprovals)).map((a) => [a.releaseId, a]))
  const rows = (await listReleases(db)).filter((r) => {
    const a = approvals.get(r.id)
    return (
      !a ||
      a.status === 'approved' ||
      canRead(c, { kind: 'release', regionCode: a.regionCode, state: a.status })
    )
  })
  return c.json(
    { releases: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) },
    200,
  )
}
