/**
 * Migration 0013 on both back ends: a store left with duplicate keys by two processes on one
 * embedded folder (the bug the data folder lock ends) comes out with one row per key, the
 * earliest kept, and constraints that refuse a second row.
 */
import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { dbError } from '../testing/db-error.ts'
import { type Db, rowsOf, type Store } from './db.ts'

const MIGRATION = new URL('./migrations/0013_unique_keys.sql', import.meta.url)

/** The key constraints as they stood before 0013, or as a damaged index leaves them: not holding. */
const DROP_KEYS = [
  'ALTER TABLE indicators DROP CONSTRAINT indicators_pkey',
  'ALTER TABLE regions DROP CONSTRAINT regions_code_from_key',
  'ALTER TABLE region_links DROP CONSTRAINT region_links_key',
  'ALTER TABLE region_code_changes DROP CONSTRAINT region_code_changes_key',
  'ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_plan_version',
  'ALTER TABLE scoring_schemes DROP CONSTRAINT scoring_schemes_id_version',
  'ALTER TABLE users DROP CONSTRAINT users_username_unique',
]

const DUPLICATES = [
  `INSERT INTO indicators (key, name_zh, name_en, unit, direction, aggregation) VALUES
     ('gdp', '地区生产总值', 'GDP', '亿元', 'higher', 'sum'),
     ('gdp', '地区生产总值', 'GDP', '亿元', 'higher', 'sum'),
     ('gdp', '地区生产总值', 'GDP', '亿元', 'higher', 'sum')`,
  `INSERT INTO regions (id, code, level, name_zh, name_en, name_en_status, valid_from) VALUES
     (1, '42', 'province', '湖北省', 'Hubei', 'official', NULL),
     (2, '42', 'province', '湖北省', 'Hubei', 'official', NULL),
     (3, '4201', 'prefecture', '武汉市', 'Wuhan', 'official', '2015-01-01'),
     (4, '4201', 'prefecture', '武汉市', 'Wuhan', 'official', '2015-01-01'),
     (5, '4201', 'prefecture', '武汉市', 'Wuhan', 'official', NULL)`,
  `INSERT INTO region_links (id, child_code, parent_code) VALUES (1, '4201', '42'), (2, '4201', '42')`,
  `INSERT INTO region_code_changes (id, old_code, new_code, date, kind, source) VALUES
     (1, '420000', NULL, '2020-01-01', 'retired', 's'), (2, '420000', NULL, '2020-01-01', 'retired', 's')`,
  `INSERT INTO scoring_schemes (id, version, scheme) VALUES ('default', '1', '{}'), ('default', '1', '{}')`,
  `INSERT INTO users (id, username, password_hash) VALUES (1, 'admin', 'h1'), (2, 'admin', 'h2'), (3, 'other', 'h3')`,
  `INSERT INTO user_grants (user_id, role, region_code) VALUES (1, 'admin', 'CN'), (2, 'admin', 'CN'), (2, 'reviewer', '42')`,
  `INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ('s2', 2, 'c', now() + interval '1 day')`,
  `INSERT INTO plan_versions (id, plan_id, version, state, level, region_code, tree, created_by) VALUES
     (1, 'C21', 1, 'published', 'national', 'CN', '{}', 2), (2, 'C21', 1, 'published', 'national', 'CN', '{}', 1)`,
]

async function migrate0013(db: Db): Promise<void> {
  const statements = readFileSync(MIGRATION, 'utf8').split('--> statement-breakpoint')
  await db.transaction(async (tx) => {
    for (const s of statements) await tx.execute(sql.raw(s))
  })
}

const count = async (db: Db, query: string) =>
  rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${query}`)))[0]?.n

describe.each(BACKENDS)('migration 0013 (unique keys) on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
    for (const s of DROP_KEYS) await store.db.execute(sql.raw(s))
    for (const s of DUPLICATES) await store.db.execute(sql.raw(s))
    await migrate0013(store.db)
  })
  afterAll(async () => store?.close())

  it('keeps one row per key, the earliest', async () => {
    const { db } = store
    expect(await count(db, `indicators WHERE key = 'gdp'`)).toBe(1)
    const regions = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM regions ORDER BY id`))
    expect(regions.map((r) => r.id)).toEqual([1, 3, 5]) // 5 has another validity: not a duplicate
    expect(await count(db, 'region_links')).toBe(1)
    expect(await count(db, 'region_code_changes')).toBe(1)
    expect(await count(db, 'scoring_schemes')).toBe(1)
    const plans = rowsOf<{ id: number; created_by: number }>(
      await db.execute(sql`SELECT id, created_by FROM plan_versions`),
    )
    expect(plans).toEqual([{ id: 1, created_by: 1 }]) // its author, user 2, became user 1
  })

  it('moves the grants and sessions of a duplicate account to the earliest, each grant once', async () => {
    const { db } = store
    const users = rowsOf<{ id: number; username: string }>(
      await db.execute(sql`SELECT id, username FROM users ORDER BY id`),
    )
    expect(users).toEqual([
      { id: 1, username: 'admin' },
      { id: 3, username: 'other' },
    ])
    const grants = rowsOf<{ user_id: number; role: string }>(
      await db.execute(sql`SELECT user_id, role FROM user_grants ORDER BY role`),
    )
    expect(grants).toEqual([
      { user_id: 1, role: 'admin' },
      { user_id: 1, role: 'reviewer' },
    ])
    expect(await count(db, `sessions WHERE user_id = 1`)).toBe(1)
  })

  it('refuses a second row for any key afterwards', async () => {
    const again: [string, string][] = [
      [
        'indicators_pkey',
        `INSERT INTO indicators (key, name_zh, name_en, unit, direction, aggregation) VALUES ('gdp', 'x', 'x', 'x', 'higher', 'sum')`,
      ],
      [
        'regions_code_from_key',
        `INSERT INTO regions (id, code, level, name_zh, name_en, name_en_status) VALUES (10, '42', 'province', 'x', 'x', 'official')`,
      ],
      [
        'region_links_key',
        `INSERT INTO region_links (id, child_code, parent_code) VALUES (10, '4201', '42')`,
      ],
      [
        'region_code_changes_key',
        `INSERT INTO region_code_changes (id, old_code, date, kind, source) VALUES (10, '420000', '2020-01-01', 'retired', 'x')`,
      ],
      [
        'plan_versions_plan_version',
        `INSERT INTO plan_versions (id, plan_id, version, state, level, region_code, tree) VALUES (10, 'C21', 1, 'draft', 'national', 'CN', '{}')`,
      ],
      [
        'scoring_schemes_id_version',
        `INSERT INTO scoring_schemes (id, version, scheme) VALUES ('default', '1', '{}')`,
      ],
      ['users_username_unique', `INSERT INTO users (id, username, password_hash) VALUES (10, 'admin', 'x')`],
    ]
    for (const [constraint, statement] of again)
      expect(await dbError(store.db.execute(sql.raw(statement)))).toContain(`"${constraint}"`)
  })
})
