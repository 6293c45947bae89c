/**
 * First-start seeding never loads the built-in data twice: seeding again writes nothing (not even
 * the data version), and two app processes starting together on one PostgreSQL database leave
 * one row per key.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { readDataVersion } from '../store/data-version.ts'
import { type Db, openStore, rowsOf, type Store } from '../store/db.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { createDatabase } from '../testing/postgres.ts'
import { BUILTIN_PLAN_FILES, BUILTIN_RELEASE, loadBuiltinIndicators, seedStore } from './seed.ts'

/** Each table with its key: rows beyond the first for a key are duplicates. */
const KEYS: [string, string][] = [
  ['indicators', 'key'],
  ['regions', 'code, valid_from'],
  ['region_links', 'child_code, parent_code, valid_from'],
  ['region_code_changes', 'old_code, new_code, date, kind'],
  ['plan_versions', 'plan_id, version'],
  ['releases', 'name'],
  ['scoring_schemes', 'id, version'],
]

async function duplicates(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const [table, key] of KEYS) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql.raw(`SELECT (count(*) - count(DISTINCT ROW(${key})))::int AS n FROM ${table}`)),
    )
    out[table] = row?.n ?? -1
  }
  return out
}

const NONE = Object.fromEntries(KEYS.map(([t]) => [t, 0]))

async function builtinCounts(db: Db) {
  const [row] = rowsOf<{ plans: number; releases: number; indicators: number }>(
    await db.execute(sql`SELECT
      (SELECT count(*)::int FROM plan_versions WHERE builtin) AS plans,
      (SELECT count(*)::int FROM releases WHERE name = ${BUILTIN_RELEASE.name}) AS releases,
      (SELECT count(*)::int FROM indicators) AS indicators`),
  )
  return row
}

describe.each(BACKENDS)('seeding on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
    await seedStore(store)
  })
  afterAll(async () => store?.close())

  it('a second seed loads and writes nothing, and every key is there once', async () => {
    const version = await readDataVersion(store.db)
    const again = await seedStore(store)
    expect(again.loaded).toEqual([])
    // the catalogue is compared, not rewritten: app caches keyed on the version stay valid
    expect(await readDataVersion(store.db)).toBe(version)
    expect(await duplicates(store.db)).toEqual(NONE)
    expect(await builtinCounts(store.db)).toEqual({
      plans: BUILTIN_PLAN_FILES.length,
      releases: 1,
      indicators: (await loadBuiltinIndicators()).length,
    })
  })
})

describe('two first starts at once on one PostgreSQL database', () => {
  const stores: Store[] = []
  afterAll(async () => Promise.all(stores.map((s) => s.close())))

  it('leave one row per key', async () => {
    const url = await createDatabase(inject('pgUrl'), `t_seed_race_${process.pid}`)
    stores.push(await openStore({ kind: 'postgres', url }), await openStore({ kind: 'postgres', url }))
    const reports = await Promise.all(stores.map((s) => seedStore(s)))
    // one of them loaded everything, the other found it there
    expect(reports.map((r) => r.loaded.length > 0).sort()).toEqual([false, true])
    const db = stores[0]!.db
    expect(await duplicates(db)).toEqual(NONE)
    expect(await builtinCounts(db)).toEqual({
      plans: BUILTIN_PLAN_FILES.length,
      releases: 1,
      indicators: (await loadBuiltinIndicators()).length,
    })
  }, 180_000)
})
