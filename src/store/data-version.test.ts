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
import { listenDataVersion, readDataVersion } from './data-version.ts'
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

/** Polls `ok` every 10 ms until it holds, for at most `ms`. */
async function until(ok: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe.each(BACKENDS)('the data version a process knows, on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
  })
  afterAll(async () => store?.close())

  const counted = () => {
    const c = {
      reads: 0,
      read: () => {
        c.reads++
        return readDataVersion(store.db)
      },
    }
    return c
  }
  // a write not made through the source (another connection of the pool; on PGlite its one
  // connection): another process's, as far as the source knows
  const bump = () =>
    store.db.execute(sql`UPDATE indicators SET definition = definition || '' WHERE key = 'gdp'`)

  it('answers from the notifications once it listens, and sees a commit it did not make', async () => {
    await seedStore(store)
    const c = counted()
    const v = listenDataVersion(store, c.read, { retryMs: 20, checkMs: 60_000 })
    try {
      // once listening, a get needs no read
      await until(async () => {
        const r = c.reads
        await v.get()
        return c.reads === r
      })
      const before = await v.get()
      const reads = c.reads
      await bump()
      await until(async () => (await v.get()) > before)
      expect(await v.get()).toBe(await readDataVersion(store.db))
      expect(c.reads).toBe(reads)
      // a rolled-back write is not notified
      await expect(
        store.db.transaction(async (tx) => {
          await tx.execute(sql`UPDATE indicators SET definition = definition || '' WHERE key = 'gdp'`)
          throw new Error('roll back')
        }),
      ).rejects.toThrow('roll back')
      await new Promise((r) => setTimeout(r, 50))
      expect(await v.get()).toBe(await readDataVersion(store.db))
      // after this process's own write, the next get asks the database
      v.forget()
      await v.get()
      expect(c.reads).toBe(reads + 1)
    } finally {
      await v.close()
    }
  })

  it.runIf(backend === 'postgres')(
    'reads every time while its connection is lost, sees what was written then, and listens again',
    async () => {
      const c = counted()
      // a second and a half before it reconnects: the checks below run while it reads
      const v = listenDataVersion(store, c.read, { retryMs: 1_500, checkMs: 60_000 })
      try {
        await until(async () => {
          const r = c.reads
          await v.get()
          return c.reads === r
        })
        const before = await v.get()
        await store.db.execute(
          sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN jueqi_data_version' AND datname = current_database()`,
        )
        // the connection is gone: the version is read, and a write in the meantime is seen at once
        await until(async () => {
          const r = c.reads
          await v.get()
          return c.reads > r
        })
        await bump()
        expect(await v.get()).toBe(before + 1)
        // it listens again: answered from memory, and notified of the next commit
        await until(async () => {
          const r = c.reads
          await v.get()
          return c.reads === r
        })
        await bump()
        await until(async () => (await v.get()) === before + 2)
      } finally {
        await v.close()
      }
    },
  )

  it.runIf(backend === 'postgres')(
    'still reads now and then while listening, so a lost notification leaves it stale for seconds at most',
    async () => {
      const v = listenDataVersion(store, () => readDataVersion(store.db), { checkMs: 100 })
      try {
        const before = await v.get()
        // a change no trigger notifies: as if the notification had been lost on the way
        await store.db.execute(sql`UPDATE data_version SET n = n + 1 WHERE id = 1`)
        await until(async () => (await v.get()) === before + 1, 2_000)
      } finally {
        await v.close()
      }
    },
  )
})
