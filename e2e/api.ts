/** A signed-in API session for end-to-end setup steps that an integration would do through the API. */
import { E2E_PASSWORD } from './global-setup.ts'

export interface ApiSession {
  get: (path: string) => Promise<{ status: number; body: Record<string, unknown> }>
  post: (path: string, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>
}

export async function apiAs(base: string, username: string): Promise<ApiSession> {
  const cookies = new Map<string, string>()
  let csrf = ''
  const call = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    if (init.method === 'POST') {
      headers.set('x-csrf-token', csrf)
      headers.set('content-type', 'application/json')
    }
    const res = await fetch(base + path, { ...init, headers })
    for (const sc of res.headers.getSetCookie()) {
      const [k, v] = sc.split(';')[0]!.split('=')
      cookies.set(k!, v!)
    }
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const post = (path: string, body: unknown) => call(path, { method: 'POST', body: JSON.stringify(body) })
  csrf = (await call('/api/auth/session')).body.csrfToken as string
  const login = await post('/api/auth/login', { username, password: E2E_PASSWORD })
  if (login.status !== 200) throw new Error(`login of ${username}: ${JSON.stringify(login.body)}`)
  csrf = login.body.csrfToken as string
  return { get: (path) => call(path), post }
}
