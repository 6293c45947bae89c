/**
 * The edge's first checks, before any route reads or validates a request (issue 21):
 * - a NUL character anywhere in the address is refused (PostgreSQL cannot hold one in text, and a
 *   route that passed it on answered 500);
 * - a write needs a signed-in user before its input is validated, so an anonymous caller learns
 *   nothing about stored objects from validation messages (signing in is the one exception);
 * - a request body is capped (1 MiB) everywhere but the two upload routes, which have their own caps,
 *   so a JSON route never reads 20 MB before refusing.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './env.ts'
import { AppError, errorResponse } from './errors.ts'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The writes an anonymous caller may make: signing in (and out, which is harmless). */
const ANONYMOUS_WRITES = new Set(['/api/auth/login', '/api/auth/logout'])

/** Routes that take uploads and set a larger limit of their own (app.ts). */
export const UPLOAD_ROUTES = [/^\/api\/releases$/, /^\/api\/tasks\/[^/]+\/evidence$/]

export const MAX_JSON_BODY_BYTES = 1024 * 1024

export const refuseNul: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url)
  if (url.pathname.includes('%00')) throw new AppError('request.nul', { where: url.pathname.slice(0, 80) })
  for (const [name, value] of url.searchParams)
    if (name.includes('\u0000') || value.includes('\u0000'))
      throw new AppError('request.nul', { where: name.replaceAll('\u0000', '\\0').slice(0, 80) })
  await next()
}

export const writesNeedUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE.has(c.req.method) && !ANONYMOUS_WRITES.has(c.req.path) && !c.get('user'))
    throw new AppError('unauthenticated')
  await next()
}

const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: (c) => errorResponse(c, 'too_large', { bytes: MAX_JSON_BODY_BYTES }),
})

export const boundedBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method) || UPLOAD_ROUTES.some((r) => r.test(c.req.path))) return next()
  return jsonLimit(c, next)
}

/**
 * PostgreSQL's refusals of a value (SQLSTATE class 22, data exception: a NUL in text or JSON, a
 * number out of range, a bad date) are the caller's bad input, not the server's fault: a 400.
 */
export function isDataException(err: unknown): boolean {
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (err as { cause?: { code?: unknown } })?.cause?.code
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)
}

/** An upload's form, or a 400 when the body is not multipart/form-data (a JSON `{}` answered 500). */
export async function readForm(c: Context<AppEnv>): Promise<FormData> {
  const type = c.req.header('content-type') ?? ''
  if (!/^multipart\/form-data\b/i.test(type)) throw new AppError('request.multipart')
  try {
    return await c.req.formData()
  } catch {
    throw new AppError('request.unreadable_multipart')
  }
}
