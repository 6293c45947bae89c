/** Sign-in, sessions and CSRF through the real app and store (PGlite). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../access/passwords.ts'
import type { Store } from '../../store/db.ts'
import { createUser } from '../../store/users.ts'
import { openTestStore } from '../../testing/backends.ts'
import { createApp } from '../app.ts'

let store: Store
let app: ReturnType<typeof createApp>
const ORIGIN = 'http://localhost'

beforeAll(async () => {
  store = await openTestStore('pglite')
  app = createApp({ store })
  await createUser(store.db, {
    username: 'hubei.officer',
    passwordHash: await hashPassword('correct horse battery'),
    grants: [{ role: 'provincial_officer', regionCode: '42', parkId: null }],
  })
})
afterAll(async () => store?.close())

/** A tiny cookie jar, as a browser would keep one. */
function client() {
  const jar = new Map<string, string>()
  return async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await app.request(`${ORIGIN}${path}`, { ...init, headers })
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';')
      const [k, v] = pair!.split('=')
      if (/max-age=0/i.test(sc)) jar.delete(k!)
      else jar.set(k!, v!)
    }
    return { res, setCookies: res.headers.getSetCookie() }
  }
}

const post = (body: unknown, csrf?: string) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
})

describe('sign-in', () => {
  it('signs in with the CSRF token, sets an HttpOnly SameSite cookie, and signs out', async () => {
    const c = client()
    const s = await c('/api/auth/session')
    const { csrfToken, user } = (await s.res.json()) as { csrfToken: string; user: unknown }
    expect(user).toBeNull()
    const login = await c(
      '/api/auth/login',
      post({ username: 'hubei.officer', password: 'correct horse battery' }, csrfToken),
    )
    expect(login.res.status).toBe(200)
    const cookie = login.setCookies.find((x) => x.startsWith('jueqi_session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const body = (await login.res.json()) as {
      user: { grants: { role: string; regionCode: string }[] }
      csrfToken: string
    }
    expect(body.user.grants).toEqual([{ role: 'provincial_officer', regionCode: '42', parkId: null }])
    const me = (await (await c('/api/auth/session')).res.json()) as {
      user: { username: string }
      csrfToken: string
    }
    expect(me.user.username).toBe('hubei.officer')
    expect(me.csrfToken).toBe(body.csrfToken)
    const refused = await c('/api/auth/logout', post({}, csrfToken))
    expect(refused.res.status).toBe(403)
    const out = await c('/api/auth/logout', post({}, body.csrfToken))
    expect(out.res.status).toBe(200)
    expect(((await (await c('/api/auth/session')).res.json()) as { user: unknown }).user).toBeNull()
  })

  it('refuses a write without the CSRF token, with a forged one, or from another origin', async () => {
    const c = client()
    const { csrfToken } = (await (await c('/api/auth/session')).res.json()) as { csrfToken: string }
    const creds = { username: 'hubei.officer', password: 'correct horse battery' }
    expect((await c('/api/auth/login', post(creds))).res.status).toBe(403)
    expect((await c('/api/auth/login', post(creds, `${csrfToken}x`))).res.status).toBe(403)
    const cross = await c('/api/auth/login', {
      ...post(creds, csrfToken),
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': csrfToken,
        origin: 'http://evil.example',
      },
    })
    expect(cross.res.status).toBe(403)
    expect(((await cross.res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed')
  })

  it('limits failed sign-ins per user name', async () => {
    const c = client()
    const { csrfToken } = (await (await c('/api/auth/session')).res.json()) as { csrfToken: string }
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await c('/api/auth/login', post({ username: 'nobody', password: `wrong-${i}` }, csrfToken))).res
          .status,
      )
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })
})
