import { getConnInfo } from '@hono/node-server/conninfo'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { verifyPassword } from '../../access/passwords.ts'
import { newToken, tokenDigest } from '../../access/tokens.ts'
import {
  createSession,
  findUserByName,
  grantsOf,
  recentLoginFailures,
  recordLoginFailure,
} from '../../store/users.ts'
import { SESSION_HOURS, setSessionCookie } from '../auth/cookies.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses, UserSchema } from '../schemas.ts'

/** At most this many failed sign-ins per user name and per client address in the window. */
export const LOGIN_LIMIT = { failures: 5, minutes: 15 }

export const Body = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(256) })

export const route = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets an HttpOnly session cookie',
  request: { body: { content: { 'application/json': { schema: Body } } } },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ user: UserSchema, csrfToken: z.string() }) } },
      description: 'Signed in',
    },
    ...errorResponses,
  },
})

function clientKey(c: Parameters<RouteHandler<typeof route, AppEnv>>[0]): string {
  try {
    return `ip:${getConnInfo(c).remote.address ?? 'unknown'}`
  } catch {
    return 'ip:unknown'
  }
}

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { username, password } = c.req.valid('json')
  const db = c.get('store').db
  const keys = [`user:${username.toLowerCase()}`, clientKey(c)]
  const since = new Date(Date.now() - LOGIN_LIMIT.minutes * 60_000)
  for (const key of keys) {
    if ((await recentLoginFailures(db, key, since)) >= LOGIN_LIMIT.failures) {
      throw new AppError('too_many_attempts', { minutes: LOGIN_LIMIT.minutes })
    }
  }
  const user = await findUserByName(db, username)
  // verify even for an unknown user name, so timing does not tell which names exist
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password)
  if (!user || !ok || user.disabled) {
    await recordLoginFailure(db, keys)
    throw new AppError('login_failed')
  }
  const token = newToken()
  const csrfToken = newToken()
  await createSession(db, {
    id: tokenDigest(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
  })
  setSessionCookie(c, token)
  const grants = await grantsOf(db, user.id)
  return c.json(
    { user: { id: user.id, username: user.username, displayName: user.displayName, grants }, csrfToken },
    200,
  )
}

/** argon2id of a random string nobody knows. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$SGnSkbK4g3N+PLCCkiBVXw$oVJ8Kwe5XsOsc+DnNBpeyhcucwn3msFW/UsO0Ojaq5Q'
