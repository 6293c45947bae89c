import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { deleteSession } from '../../store/users.ts'
import { clearSessionCookie } from '../auth/cookies.ts'
import type { AppEnv } from '../env.ts'

export const route = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: the session row is deleted and the cookie cleared',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
      description: 'Signed out',
    },
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const id = c.get('sessionId')
  if (id) await deleteSession(c.get('store').db, id)
  clearSessionCookie(c)
  return c.json({ ok: true as const }, 200)
}
