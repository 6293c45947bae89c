import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { LANG_COOKIE, type Lang, pickLang } from '../i18n/lang.ts'
import { type Category, categoryOf, type MessageCode, message, type Params } from '../i18n/server-messages.ts'

/**
 * A refusal with a message key of the server catalogue (i18n/server-messages.ts); its category
 * is the answer's `code` and decides the HTTP status, here, once. The message is rendered in the
 * request's language when the answer is made.
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Params = {},
  ) {
    super(message('en', code, params))
  }
}

export const STATUS: Record<Category, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500> = {
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
}

/** The request's language: ?lang=, the web app's language cookie, Accept-Language, else zh-CN. */
export function requestLang(c: Context): Lang {
  return pickLang(c.req.query('lang'), getCookie(c, LANG_COOKIE), c.req.header('accept-language'))
}

/** `{ error: { code, key, message } }`: code the category, key the message's own key. */
export function errorResponse(c: Context, key: MessageCode, params: Params = {}) {
  const category = categoryOf(key)
  return c.json(
    { error: { code: category, key, message: message(requestLang(c), key, params) } },
    STATUS[category],
  )
}
