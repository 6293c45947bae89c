import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { verifyPassword } from '../../access/passwords.ts'
import { addressKey, pairKey, signInWait, THROTTLE } from '../../access/throttle.ts'
import { newToken, tokenDigest } from '../../access/tokens.ts'
import { appendAudit } from '../../store/audit.ts'
import {
  createSession,
  findUserByName,
  grantsOf,
  loginFailureStats,
  recordLoginFailure,
} from '../../store/users.ts'
import { NATIONAL } from '../../supervision/roles.ts'
import { SESSION_HOURS, setSessionCookie } from '../auth/cookies.ts'
import { clientAddress } from '../auth/proxy.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { errorResponses, UserSchema } from '../schemas.ts'

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

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { username, password } = c.req.valid('json')
  const db = c.get('store').db
  const address = clientAddress(c)
  const keys = [pairKey(username, address), addressKey(address)]
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000)
  const wait = signInWait(
    await loginFailureStats(db, keys[0]!, since),
    await loginFailureStats(db, keys[1]!, since),
    new Date(),
  )
  if (wait > 0) {
    c.header('retry-after', String(wait))
    throw new AppError('too_many_attempts', { minutes: Math.ceil(wait / 60) })
  }
  const user = await findUserByName(db, username)
  // verify even for an unknown user name, so timing does not tell which names exist
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password)
  if (!user || !ok || user.disabled) {
    // counted for throttling and kept in the audit log (the name as typed, cut; never the password)
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, keys)
      await appendAudit(tx, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: username.slice(0, 100),
        region: NATIONAL,
        actor: 'anonymous',
        at: new Date().toISOString(),
        details: { address, known: Boolean(user), disabled: Boolean(user?.disabled) },
      })
    })
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
