/**
 * Sessions and CSRF for every request. A state-changing request (POST, PUT, PATCH, DELETE) must
 * carry the CSRF token in the x-csrf-token header: the session's token once signed in, the
 * double-submit cookie's before. A request from another origin is refused outright.
 */
import type { MiddlewareHandler } from 'hono'
import { sameToken, tokenDigest } from '../../access/tokens.ts'
import { loadSession } from '../../store/users.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { CSRF_COOKIE, CSRF_HEADER, readCookie, SESSION_COOKIE } from './cookies.ts'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = readCookie(c, SESSION_COOKIE)
  const found = token ? await loadSession(c.get('store').db, tokenDigest(token)) : undefined
  c.set('user', found?.user ?? null)
  c.set('sessionId', found && token ? tokenDigest(token) : null)
  c.set('csrfToken', found?.csrfToken ?? null)
  await next()
}

export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next()
  const origin = c.req.header('origin')
  if (origin && origin !== new URL(c.req.url).origin) throw new AppError('csrf.cross_origin')
  const sent = c.req.header(CSRF_HEADER) ?? ''
  const expected = c.get('csrfToken') ?? readCookie(c, CSRF_COOKIE) ?? ''
  if (!sent || !expected || !sameToken(sent, expected)) throw new AppError('csrf.token')
  await next()
}

/** For routes that need a signed-in user. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw new AppError('unauthenticated')
  await next()
}
