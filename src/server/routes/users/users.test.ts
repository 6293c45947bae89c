/**
 * User management through the real API and store: only an administrator lists and changes
 * accounts; writes need the CSRF token; bad input gets a 4xx naming the field, in the request's
 * language; a disabled account's session ends and it cannot sign in; a reset password replaces
 * the old one; a person changes his own password; the operations are in the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../../importer/seed.ts'
import type { Store } from '../../../store/db.ts'
import { openTestStore } from '../../../testing/backends.ts'
import { type Client, client, grant, signedIn } from '../../../testing/http-client.ts'
import { createApp } from '../../app.ts'

let store: Store
let app: ReturnType<typeof createApp>
let admin: Client
let planner: Client

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  admin = await signedIn(app, store.db, 'root', [grant('admin', 'CN')])
  planner = await signedIn(app, store.db, 'planner', [grant('national_planner', 'CN')])
})
afterAll(async () => store?.close())

async function signIn(username: string, password: string) {
  const c = client(app)
  c.csrf = ((await (await c('/api/auth/session')).json()) as { csrfToken: string }).csrfToken
  const r = await c.json<{ csrfToken: string }>('/api/auth/login', { username, password })
  if (r.status === 200) c.csrf = r.body.csrfToken
  return { status: r.status, c }
}

type Err = { error: { code: string; message: string } }

describe('user management API', () => {
  let password = ''

  it('lets only an administrator list accounts', async () => {
    const r = await admin.json<{ users: { username: string; disabled: boolean }[] }>('/api/users')
    expect(r.status).toBe(200)
    expect(r.body.users.map((u) => u.username)).toEqual(['planner', 'root'])
    expect((await planner.json('/api/users')).status).toBe(403)
    expect((await client(app).json('/api/users')).status).toBe(401)
  })

  it('creates an account whose generated password signs in; refuses a write without the CSRF token', async () => {
    const body = {
      username: 'hubei.officer',
      displayName: '湖北 张三',
      role: 'provincial_officer',
      regionCode: '42',
    }
    const noCsrf = await admin('/api/users', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'wrong' },
    })
    expect(noCsrf.status).toBe(403)
    const r = await admin.json<{ user: { username: string }; password: string }>('/api/users', body)
    expect(r.status).toBe(201)
    password = r.body.password
    expect(password).toHaveLength(20)
    expect((await signIn('hubei.officer', password)).status).toBe(200)
    expect((await planner.json('/api/users', { ...body, username: 'x2' })).status).toBe(403)
  })

  it('answers bad input with a 4xx that names the problem, in the request language', async () => {
    const bad = await admin.json<Err>('/api/users', { username: 'x3', role: 'mayor', regionCode: '42' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain('role')
    const dup = await admin.json<Err>('/api/users', {
      username: 'hubei.officer',
      role: 'provincial_officer',
      regionCode: '42',
    })
    expect([dup.status, dup.body.error.message]).toEqual([409, '用户“hubei.officer”已存在'])
    const en = await admin(`/api/users?lang=en`, {
      method: 'POST',
      body: JSON.stringify({ username: 'x4', role: 'park_admin', regionCode: '42' }),
      headers: { 'content-type': 'application/json' },
    })
    expect(en.status).toBe(400)
    expect(((await en.json()) as Err).error.message).toBe('A park administrator needs a park')
    const self = await admin.json<Err>('/api/users/root/disabled', { disabled: true })
    expect(self.status).toBe(403)
  })

  it('disables an account: its session ends and it cannot sign in; enabling lets it back', async () => {
    const officer = (await signIn('hubei.officer', password)).c
    const r = await admin.json('/api/users/hubei.officer/disabled', { disabled: true })
    expect(r.status).toBe(200)
    const session = await officer.json<{ user: unknown }>('/api/auth/session')
    expect(session.body.user).toBeNull()
    expect((await signIn('hubei.officer', password)).status).toBe(401)
    await admin.json('/api/users/hubei.officer/disabled', { disabled: false })
    expect((await signIn('hubei.officer', password)).status).toBe(200)
  })

  it('resets a password and changes role and region', async () => {
    const r = await admin.json<{ password: string }>('/api/users/hubei.officer/password', {})
    expect(r.status).toBe(200)
    expect((await signIn('hubei.officer', password)).status).toBe(401)
    password = r.body.password
    expect((await signIn('hubei.officer', password)).status).toBe(200)
    const g = await admin.json<{ grants: unknown[] }>('/api/users/hubei.officer/grant', {
      role: 'reviewer',
      regionCode: '42',
    })
    expect(g.body.grants).toEqual([{ role: 'reviewer', regionCode: '42', parkId: null }])
    const missing = await admin.json<Err>('/api/users/nobody/grant', { role: 'reviewer', regionCode: '42' })
    expect(missing.status).toBe(404)
  })

  it('lets a person change his own password (the current one is checked)', async () => {
    const { c } = await signIn('hubei.officer', password)
    const wrong = await c.json<Err>('/api/auth/password', { current: 'nope', next: 'a brand new password' })
    expect(wrong.status).toBe(403)
    const short = await c.json<Err>('/api/auth/password', { current: password, next: 'short' })
    expect([short.status, short.body.error.message]).toEqual([400, '密码至少需要12个字符'])
    expect(
      (await c.json('/api/auth/password', { current: password, next: 'a brand new password' })).status,
    ).toBe(200)
    expect((await c.json<{ user: unknown }>('/api/auth/session')).body.user).not.toBeNull()
    expect((await signIn('hubei.officer', 'a brand new password')).status).toBe(200)
  })

  it('documents the operations in the OpenAPI document', async () => {
    const doc = (await (await app.request('http://localhost/openapi.json')).json()) as { paths: object }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/users',
        '/api/users/{username}/disabled',
        '/api/users/{username}/password',
        '/api/users/{username}/grant',
        '/api/auth/password',
      ]),
    )
  })
})
