import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { type Lang, type MessageCode, message, pickLang } from '../i18n/server-messages.ts'

/** A domain error with a documented code; mapped to an HTTP status here, once. */
export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message('en', code, params))
  }
}

export const STATUS: Record<MessageCode, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500> = {
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  login_failed: 401,
  too_many_attempts: 429,
  unknown_indicator: 404,
  unknown_region: 404,
  invalid_request: 400,
  internal: 500,
  conflict: 409,
  too_large: 413,
  unknown_user: 404,
  user_exists: 409,
  bad_username: 400,
  unknown_scope_region: 400,
  park_required: 400,
  park_not_allowed: 400,
  last_admin: 409,
  password_too_short: 400,
  password_too_long: 400,
  password_repeated: 400,
  wrong_current_password: 403,
}

export function requestLang(c: Context): Lang {
  return pickLang(c.req.query('lang'), getCookie(c, 'jueqi-lang'), c.req.header('accept-language'))
}

export function errorResponse(c: Context, code: MessageCode, params: Record<string, string | number> = {}) {
  return c.json({ error: { code, message: message(requestLang(c), code, params) } }, STATUS[code])
}
