import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getEvidence } from '../../../store/tasks.ts'
import { canRead } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { errorResponses } from '../../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/evidence/{sha256}',
  tags: ['supervision'],
  summary: 'Download an evidence file (staff of its region); always as an attachment, never rendered inline',
  request: { params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) },
  responses: {
    200: { content: { 'application/octet-stream': { schema: z.any() } }, description: 'The file' },
    ...errorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { sha256 } = c.req.valid('param')
  const e = await getEvidence(c.get('store').db, sha256)
  if (!e || !canRead(c, { kind: 'report', regionCode: e.regionCode, state: 'submitted' }))
    throw new AppError('missing.evidence', { id: sha256 })
  const ascii = e.name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return c.body(new Uint8Array(e.bytes), 200, {
    'content-type': e.mime,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(e.name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  }) as never
}
