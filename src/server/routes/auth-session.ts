import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { newToken } from '../../access/tokens.ts'
import { CSRF_COOKIE, readCookie, setCsrfCookie } from '../auth/cookies.ts'
import type { AppEnv } from '../env.ts'
import { UserSchema } from '../schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags: ['auth'],
  summary: 'Who is signed in, and the CSRF token to send as x-csrf-token on every write',
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ user: UserSchema.nullable(), csrfToken: z.string() }) },
      },
      description: 'The session (user is null for the public)',
    },
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  let token = c.get('csrfToken') ?? readCookie(c, CSRF_COOKIE)
  if (!token) {
    token = newToken()
    setCsrfCookie(c, token)
  }
  return c.json({ user: c.get('user'), csrfToken: token }, 200)
}
