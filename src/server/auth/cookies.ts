import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { isHttps } from './proxy.ts'

export const SESSION_COOKIE = 'jueqi_session'
export const CSRF_COOKIE = 'jueqi_csrf'
export const CSRF_HEADER = 'x-csrf-token'
export const SESSION_HOURS = 12

// Secure over https, including https ended at a trusted proxy (JUEQI_TRUST_PROXY, auth/proxy.ts)
const secure = (c: Context) => isHttps(c)

/** HttpOnly so scripts cannot read it, SameSite=Lax so other sites' forms do not carry it. */
export function setSessionCookie(c: Context, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secure(c),
    maxAge: SESSION_HOURS * 3600,
  })
}

export function clearSessionCookie(c: Context) {
  setCookie(c, SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secure(c),
    maxAge: 0,
  })
}

/** The pre-login CSRF cookie (double submit): readable by the page, sent only to this site. */
export function setCsrfCookie(c: Context, token: string) {
  setCookie(c, CSRF_COOKIE, token, { httpOnly: false, sameSite: 'Strict', path: '/', secure: secure(c) })
}

export const readCookie = (c: Context, name: string) => getCookie(c, name)
