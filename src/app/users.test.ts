/**
 * The account use cases on a real store (PGlite and PostgreSQL 15): the first administrator is made
 * once; an administrator creates, disables, resets and re-scopes accounts, each with its audit entry;
 * regional administrators stay in their region; nobody changes himself; the last national
 * administrator stays; refusals change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../access/passwords.ts'
import { newToken, tokenDigest } from '../access/tokens.ts'
import { categoryOf } from '../i18n/server-messages.ts'
import { seedStore } from '../importer/seed.ts'
import { readAuditChain } from '../store/audit.ts'
import type { Store } from '../store/db.ts'
import { createSession, findUserByName, grantsOf, loadSession } from '../store/users.ts'
import { verifyChain } from '../supervision/audit.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { Refusal } from './errors.ts'
import {
  type Actor,
  changeOwnPassword,
  createUser,
  ensureFirstAdmin,
  listUsers,
  resetPassword,
  setDisabled,
  setGrant,
} from './users.ts'

const operator: Actor = { kind: 'operator', name: 'cli:test' }
const as = (id: string, role: string, region: string): Actor => ({
  kind: 'user',
  user: { id, grants: [{ role: role as 'admin', regions: [region] }] },
})
const admin = as('admin', 'admin', 'CN')

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'no refusal'
  } catch (e) {
    // a permission refusal names its reason (deny.*); its category is what the API answers with
    if (e instanceof Refusal) return e.code.startsWith('deny.') ? categoryOf(e.code) : e.code
    throw e
  }
}

describe.each(BACKENDS)('account use cases on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
    await seedStore(store)
  })
  afterAll(async () => store?.close())
  const auditLength = async () => (await readAuditChain(store.db)).length

  it('makes one first administrator on an empty store, and none after', async () => {
    const [a, b] = await Promise.all([ensureFirstAdmin(store.db), ensureFirstAdmin(store.db)])
    const made = [a, b].filter((x) => x !== null)
    expect(made).toHaveLength(1)
    expect(made[0]!.username).toBe('admin')
    const row = await findUserByName(store.db, 'admin')
    expect(await verifyPassword(row!.passwordHash, made[0]!.password)).toBe(true)
    expect(await grantsOf(store.db, row!.id)).toEqual([{ role: 'admin', regionCode: 'CN', parkId: null }])
    expect(await ensureFirstAdmin(store.db)).toBeNull()
  })

  it('creates accounts with a generated password shown once, or the one given', async () => {
    const r = await createUser({
      db: store.db,
      actor: admin,
      input: {
        username: 'hubei.officer',
        displayName: '湖北 张三',
        role: 'provincial_officer',
        regionCode: '42',
      },
    })
    expect(r.password).toMatch(/^[\w-]{20}$/)
    const row = await findUserByName(store.db, 'hubei.officer')
    expect(await verifyPassword(row!.passwordHash, r.password!)).toBe(true)
    const given = await createUser({
      db: store.db,
      actor: operator,
      input: {
        username: 'planner',
        role: 'national_planner',
        regionCode: 'CN',
        password: 'a long enough secret',
      },
    })
    expect(given.password).toBeUndefined()
    const entries = (await readAuditChain(store.db)).filter((e) => e.objectId === 'planner')
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['user.created', 'cli:test'],
      ['permission.changed', 'cli:test'],
    ])
  })

  it('refuses bad input and changes nothing', async () => {
    const before = await auditLength()
    const input = { username: 'x1', role: 'provincial_officer' as const, regionCode: '42' }
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => createUser({ db: store.db, actor: admin, input: { ...input, username: 'hubei.officer' } }),
        'user_exists',
      ],
      [
        () => createUser({ db: store.db, actor: admin, input: { ...input, username: 'bad name!' } }),
        'bad_username',
      ],
      [
        () => createUser({ db: store.db, actor: admin, input: { ...input, regionCode: '99' } }),
        'unknown_scope_region',
      ],
      [
        () => createUser({ db: store.db, actor: admin, input: { ...input, role: 'park_admin' } }),
        'park_required',
      ],
      [
        () => createUser({ db: store.db, actor: admin, input: { ...input, parkId: 'P' } }),
        'park_not_allowed',
      ],
      [
        () => createUser({ db: store.db, actor: admin, input: { ...input, password: 'short' } }),
        'password_too_short',
      ],
      [
        () => setDisabled({ db: store.db, actor: admin, input: { username: 'nobody', disabled: true } }),
        'unknown_user',
      ],
    ]
    for (const [run, code] of cases) expect(await refusal(run())).toBe(code)
    expect(await auditLength()).toBe(before)
  })

  it('keeps a regional administrator in his region, and everyone out of his own grants', async () => {
    const hubeiAdmin = as('hubei.admin', 'admin', '42')
    const before = await auditLength()
    expect(
      await refusal(
        createUser({
          db: store.db,
          actor: hubeiAdmin,
          input: { username: 'henan.x', role: 'provincial_officer', regionCode: '41' },
        }),
      ),
    ).toBe('forbidden')
    expect(
      await refusal(
        setDisabled({ db: store.db, actor: hubeiAdmin, input: { username: 'planner', disabled: true } }),
      ),
    ).toBe('forbidden')
    expect(
      await refusal(
        setDisabled({ db: store.db, actor: admin, input: { username: 'admin', disabled: true } }),
      ),
    ).toBe('forbidden')
    expect(
      await refusal(
        createUser({
          db: store.db,
          actor: as('p', 'national_planner', 'CN'),
          input: { username: 'zz', role: 'admin', regionCode: 'CN' },
        }),
      ),
    ).toBe('forbidden')
    expect(await auditLength()).toBe(before)
    // he sees only the accounts of his region
    const seen = (await listUsers({ db: store.db, actor: hubeiAdmin })).map((u) => u.username)
    expect(seen).toContain('hubei.officer')
    expect(seen).not.toContain('planner')
  })

  it('disables (sessions end, sign-in refused by the session loader) and enables again', async () => {
    const row = (await findUserByName(store.db, 'hubei.officer'))!
    const token = newToken()
    await createSession(store.db, {
      id: tokenDigest(token),
      userId: row.id,
      csrfToken: 'c',
      expiresAt: new Date(Date.now() + 3600_000),
    })
    expect(await loadSession(store.db, tokenDigest(token))).toBeDefined()
    expect(
      await setDisabled({ db: store.db, actor: admin, input: { username: 'hubei.officer', disabled: true } }),
    ).toEqual({
      changed: true,
    })
    expect((await findUserByName(store.db, 'hubei.officer'))!.disabled).toBe(true)
    expect(await loadSession(store.db, tokenDigest(token))).toBeUndefined()
    await setDisabled({ db: store.db, actor: admin, input: { username: 'hubei.officer', disabled: false } })
    expect((await findUserByName(store.db, 'hubei.officer'))!.disabled).toBe(false)
    const actions = (await readAuditChain(store.db))
      .filter((e) => e.objectId === 'hubei.officer')
      .map((e) => e.action)
    expect(actions.slice(-2)).toEqual(['user.disabled', 'user.enabled'])
  })

  it('resets a password (the old one stops working) and lets a person change his own', async () => {
    const r = await resetPassword({ db: store.db, actor: admin, input: { username: 'planner' } })
    const row = (await findUserByName(store.db, 'planner'))!
    expect(await verifyPassword(row.passwordHash, 'a long enough secret')).toBe(false)
    expect(await verifyPassword(row.passwordHash, r.password!)).toBe(true)
    const me = as('planner', 'national_planner', 'CN')
    expect(
      await refusal(
        changeOwnPassword({
          db: store.db,
          actor: me,
          input: { current: 'wrong', next: 'another long secret' },
        }),
      ),
    ).toBe('wrong_current_password')
    await changeOwnPassword({
      db: store.db,
      actor: me,
      input: { current: r.password!, next: 'another long secret' },
    })
    const after = (await findUserByName(store.db, 'planner'))!
    expect(await verifyPassword(after.passwordHash, 'another long secret')).toBe(true)
    const last = (await readAuditChain(store.db)).at(-1)!
    expect([last.action, last.actor, JSON.stringify(last.details)]).toEqual([
      'user.password_changed',
      'planner',
      '{}',
    ])
  })

  it('changes role and region with the grants audited, and never removes the last national administrator', async () => {
    await setGrant({
      db: store.db,
      actor: admin,
      input: {
        username: 'hubei.officer',
        role: 'statistician',
        regionCode: '4201',
        displayName: '武汉 张三',
      },
    })
    const row = (await findUserByName(store.db, 'hubei.officer'))!
    expect(row.displayName).toBe('武汉 张三')
    expect(await grantsOf(store.db, row.id)).toEqual([
      { role: 'statistician', regionCode: '4201', parkId: null },
    ])
    const change = (await readAuditChain(store.db)).filter((e) => e.action === 'permission.changed').at(-1)!
    expect(change.details).toEqual({
      granted: [{ role: 'statistician', regions: ['4201'] }],
      revoked: [{ role: 'provincial_officer', regions: ['42'] }],
    })
    // the operator may act on anyone, but not leave the installation without a national administrator
    expect(
      await refusal(
        setDisabled({ db: store.db, actor: operator, input: { username: 'admin', disabled: true } }),
      ),
    ).toBe('last_admin')
    expect(
      await refusal(
        setGrant({
          db: store.db,
          actor: operator,
          input: { username: 'admin', role: 'reviewer', regionCode: 'CN' },
        }),
      ),
    ).toBe('last_admin')
    await createUser({
      db: store.db,
      actor: admin,
      input: { username: 'admin2', role: 'admin', regionCode: 'CN' },
    })
    await setDisabled({ db: store.db, actor: operator, input: { username: 'admin', disabled: true } })
    expect((await findUserByName(store.db, 'admin'))!.disabled).toBe(true)
    expect(verifyChain(await readAuditChain(store.db)).ok).toBe(true)
  })
})
