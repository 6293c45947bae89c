/** The audit chain in the store, on both back ends: appends, concurrent appends, tampering found. */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyChain } from '../supervision/audit.ts'
import type { AuditEvent } from '../supervision/audit-events.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { appendAudit, queryAudit, readAuditChain } from './audit.ts'
import type { Store } from './db.ts'

const event = (i: number, actor = 'alice'): AuditEvent => ({
  action: 'task.created',
  objectType: 'task',
  objectId: `T-${i}`,
  region: '42',
  actor,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  details: { title: `task ${i}`, deadline: '2026-12-31' },
})

describe.each(BACKENDS)('audit log on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
  })
  afterAll(async () => store?.close())

  it('appends a verifiable chain, also when appends race', async () => {
    for (let i = 1; i <= 5; i++) await store.db.transaction((tx) => appendAudit(tx, event(i)))
    // concurrent transactions: the advisory lock serialises them (PGlite runs them one at a time anyway)
    await Promise.all(
      [6, 7, 8, 9].map((i) =>
        store.db.transaction((tx) => appendAudit(tx, event(i, i % 2 ? 'bob' : 'alice'))),
      ),
    )
    const chain = await readAuditChain(store.db)
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(verifyChain(chain)).toEqual({ ok: true, count: 9 })
    expect((await queryAudit(store.db, { actor: 'bob' })).map((e) => e.objectId).sort()).toEqual([
      'T-7',
      'T-9',
    ])
    expect((await queryAudit(store.db, { objectType: 'task', objectId: 'T-3' })).length).toBe(1)
  })

  it('an append that fails validation writes nothing, and a rolled-back change leaves no entry', async () => {
    const before = (await readAuditChain(store.db)).length
    await expect(
      store.db.transaction((tx) =>
        appendAudit(tx, { ...event(10), details: { nope: 1 } } as unknown as AuditEvent),
      ),
    ).rejects.toThrow()
    await expect(
      store.db.transaction(async (tx) => {
        await appendAudit(tx, event(11))
        throw new Error('the change itself failed')
      }),
    ).rejects.toThrow('the change itself failed')
    expect((await readAuditChain(store.db)).length).toBe(before)
  })

  it('refuses UPDATE and DELETE; an edit by a database owner is found and named by verify', async () => {
    await expect(
      store.db.execute(sql`update audit_log set actor = 'mallory' where seq = 4`),
    ).rejects.toThrow()
    await expect(store.db.execute(sql`delete from audit_log where seq = 9`)).rejects.toThrow()
    await store.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`)
    await store.db.execute(sql`update audit_log set actor = 'mallory' where seq = 4`)
    await store.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`)
    const check = verifyChain(await readAuditChain(store.db))
    expect(check).toEqual({ ok: false, firstBadSeq: 4, reason: 'edited' })
  })
})
