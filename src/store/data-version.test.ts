/**
 * The data version moves at commit of every write that public observation reads depend on, once
 * per transaction, and not when such a write rolls back. Run on PGlite and PostgreSQL 15.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../importer/seed.ts'
import { startApproval, submit } from '../supervision/approval.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { saveApproval } from './approvals.ts'
import { readDataVersion } from './data-version.ts'
import type { Store } from './db.ts'
import { createReleaseWithRows } from './observations.ts'

describe.each(BACKENDS)('data version on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
    await seedStore(store)
  })
  afterAll(async () => store?.close())

  const row = (period: number) => ({
    region: '42',
    indicator: 'gdp',
    period,
    value: 1,
    unit: '亿元',
    source: 'test',
    note: '',
    vintage: null,
  })

  it('moves once when a release with its rows lands', async () => {
    const v0 = await readDataVersion(store.db)
    await createReleaseWithRows(store, { name: 'dv one', publishedOn: '2030-01-01', kind: 'test' }, [
      row(2030),
      row(2031),
    ])
    // the insert and the row_count update are two writes to releases in one transaction: one bump
    expect(await readDataVersion(store.db)).toBe(v0 + 1)
  })

  it('moves when an approval is saved or changed', async () => {
    const rel = await createReleaseWithRows(
      store,
      { name: 'dv two', publishedOn: '2030-01-02', kind: 'test' },
      [row(2032)],
    )
    const v0 = await readDataVersion(store.db)
    const s = submit(startApproval({ levels: ['42', 'CN'] }), 'loader', '2030-01-02T00:00:00Z')
    if (!s.ok) throw new Error(s.message)
    expect(await saveApproval(store.db, rel.id, '42', s.state, null)).toBe(true)
    expect(await readDataVersion(store.db)).toBe(v0 + 1)
  })

  it('does not move when the writing transaction rolls back', async () => {
    const v0 = await readDataVersion(store.db)
    await expect(
      store.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE indicators SET definition = definition || '' WHERE key = 'gdp'`)
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await readDataVersion(store.db)).toBe(v0)
    await store.db.execute(sql`UPDATE indicators SET definition = definition || '' WHERE key = 'gdp'`)
    expect(await readDataVersion(store.db)).toBe(v0 + 1)
  })
})
