/** A signed-in API client for tests: a cookie jar and the CSRF token, as the web app keeps them. */
import { hashPassword } from '../access/passwords.ts'
import type { Db } from '../store/db.ts'
import { createUser, type Grant } from '../store/users.ts'

type App = { request: (input: string, init?: RequestInit) => Response | Promise<Response> }

export const ORIGIN = 'http://localhost'

export interface Client {
  (path: string, init?: RequestInit): Promise<Response>
  csrf: string
  json: <T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    method?: string,
  ) => Promise<{ status: number; body: T }>
}

export function client(app: App): Client {
  const jar = new Map<string, string>()
  const call = (async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    if (init.method && init.method !== 'GET' && !headers.has('x-csrf-token'))
      headers.set('x-csrf-token', call.csrf)
    const res = await app.request(`${ORIGIN}${path}`, { ...init, headers })
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';')
      const [k, v] = pair!.split('=')
      if (/max-age=0/i.test(sc)) jar.delete(k!)
      else jar.set(k!, v!)
    }
    return res
  }) as Client
  call.csrf = ''
  call.json = async (path, body, method) => {
    const init: RequestInit =
      body === undefined && !method
        ? {}
        : {
            method: method ?? 'POST',
            body: JSON.stringify(body ?? {}),
            headers: { 'content-type': 'application/json' },
          }
    const res = await call(path, init)
    return { status: res.status, body: (await res.json()) as never }
  }
  return call
}

/** A new user with the given grants, signed in; returns the client. */
export async function signedIn(app: App, db: Db, username: string, grants: Grant[]): Promise<Client> {
  const password = `pw-${username}-long enough`
  await createUser(db, { username, passwordHash: await hashPassword(password), grants })
  const c = client(app)
  const s = (await (await c('/api/auth/session')).json()) as { csrfToken: string }
  c.csrf = s.csrfToken
  const login = await c.json<{ csrfToken: string }>('/api/auth/login', { username, password })
  if (login.status !== 200) throw new Error(`login of ${username} failed: ${JSON.stringify(login.body)}`)
  c.csrf = login.body.csrfToken
  return c
}

export const grant = (role: string, regionCode: string): Grant => ({ role, regionCode, parkId: null })
