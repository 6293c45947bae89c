/**
 * Sign-in throttling that cannot be used to lock someone out (issue 21): failures count per user name
 * and address, another address still signs in, failures are audited, an administrator's unlock clears
 * them, and forwarded headers count only behind a configured number of proxies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../access/passwords.ts'
import { queryAudit } from '../../store/audit.ts'
import type { Store } from '../../store/db.ts'
import { clearLoginFailures, createUser } from '../../store/users.ts'
import { openTestStore } from '../../testing/backends.ts'
import { createApp } from '../app.ts'
import { clientAddress, trustedProxies } from './proxy.ts'

let store: Store
let app: ReturnType<typeof createApp>
const PASSWORD = 'correct horse battery'

beforeAll(async () => {
  store = await openTestStore('pglite')
  app = createApp({ store })
  await createUser(store.db, {
    username: 'henan.officer',
    passwordHash: await hashPassword(PASSWORD),
    grants: [{ role: 'provincial_officer', regionCode: '41', parkId: null }],
  })
})
afterAll(async () => store?.close())
afterEach(() => {
  delete process.env.JUEQI_TRUST_PROXY
})

/** One sign-in try from an address (behind one trusted proxy that appended it). */
async function signIn(password: string, address: string, proto = 'http') {
  const session = await app.request('http://localhost/api/auth/session', {
    headers: { 'x-forwarded-for': address },
  })
  const csrf = ((await session.json()) as { csrfToken: string }).csrfToken
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return app.request('http://localhost/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'henan.officer', password }),
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrf,
      cookie,
      'x-forwarded-for': `10.0.0.9, ${address}`,
      'x-forwarded-proto': proto,
    },
  })
}

describe('sign-in throttling', () => {
  it('waits after five failures of one address, lets another address in, audits each failure, and unlocks', async () => {
    process.env.JUEQI_TRUST_PROXY = '1'
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await signIn(`wrong ${i}`, '203.0.113.7')).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    const waited = await signIn(PASSWORD, '203.0.113.7')
    expect(waited.status).toBe(429)
    expect(Number(waited.headers.get('retry-after'))).toBeGreaterThan(0)
    // the same person from the office next door is not locked out
    expect((await signIn(PASSWORD, '198.51.100.4')).status).toBe(200)
    const audit = await queryAudit(store.db, { objectType: 'user', objectId: 'henan.officer' })
    const failed = audit.filter((e) => e.action === 'auth.login_failed')
    expect(failed).toHaveLength(5)
    expect(failed[0]!.details).toMatchObject({ address: '203.0.113.7', known: true })
    expect(JSON.stringify(failed)).not.toContain('wrong')
    // an administrator's unlock
    expect(await clearLoginFailures(store.db, 'Henan.Officer')).toBe(5)
    expect((await signIn(PASSWORD, '203.0.113.7')).status).toBe(200)
  })

  it('marks the session cookie Secure when a trusted proxy says https, and only then', async () => {
    process.env.JUEQI_TRUST_PROXY = '1'
    const viaTls = await signIn(PASSWORD, '192.0.2.1', 'https')
    expect(viaTls.headers.getSetCookie().find((c) => c.startsWith('jueqi_session='))).toMatch(/;\s*Secure/i)
    process.env.JUEQI_TRUST_PROXY = '0'
    const forged = await signIn(PASSWORD, '192.0.2.1', 'https')
    expect(forged.headers.getSetCookie().find((c) => c.startsWith('jueqi_session='))).not.toMatch(/Secure/i)
  })
})

describe('JUEQI_TRUST_PROXY', () => {
  it('is a number of proxies; anything else is refused naming the variable', () => {
    expect(trustedProxies(undefined)).toBe(0)
    expect(trustedProxies('2')).toBe(2)
    expect(() => trustedProxies('yes')).toThrow(/JUEQI_TRUST_PROXY/)
  })
  it('takes the address the N-th proxy from the right saw', () => {
    const c = { req: { header: () => '1.1.1.1, 2.2.2.2, 3.3.3.3' } } as never
    expect(clientAddress(c, 1)).toBe('3.3.3.3')
    expect(clientAddress(c, 2)).toBe('2.2.2.2')
  })
})
