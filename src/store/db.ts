/**
 * Opens the store: PGlite in a data directory (the embedded default) or a PostgreSQL server
 * when a connection URL is given. Both are driven through drizzle's pg-core, so every
 * repository function is written once against `Db`.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import * as schema from './schema.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export type StoreConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string }

export interface Store {
  readonly db: Db
  readonly kind: StoreConfig['kind']
  /** the PostgreSQL server version string, for diagnostics and the benchmark header */
  version(): Promise<string>
  /** raw client access for bulk paths (COPY on a server, batched inserts on PGlite) */
  readonly raw: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool }
  close(): Promise<void>
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** An arbitrary constant so that concurrent app processes apply migrations one at a time. */
const MIGRATION_LOCK = 727_001

export async function openStore(config: StoreConfig): Promise<Store> {
  return config.kind === 'postgres' ? openPostgres(config.url) : openPglite(config.dataDir)
}

async function openPglite(dataDir: string | null): Promise<Store> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  // one process per folder (store/data-dir-lock.ts): taken before PGlite reads a page of it
  const lock = dataDir ? lockDataDir(dataDir) : null
  const client = dataDir ? new PGlite(dataDir) : new PGlite()
  try {
    await client.waitReady
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder })
  } catch (e) {
    await client.close().catch(() => {})
    lock?.release()
    throw e
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    raw: { kind: 'pglite', client },
    version: () => serverVersion(db),
    close: async () => {
      try {
        await client.close()
      } finally {
        lock?.release()
      }
    },
  }
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.JUEQI_PG_POOL ?? 10),
    // JIT compiling cost 0.27 s of the 1.35 s the county-level observation query took (EXPLAIN
    // ANALYZE, 16.9 million rows) and gains nothing on these plans; with 4 MB of work_mem its
    // 56,000-row sort spilled to disk. Settings per connection, so a DBA's server config stays.
    options: process.env.JUEQI_PG_OPTIONS ?? '-c jit=off -c work_mem=32MB',
  })
  const lockClient = await pool.connect()
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migratePg(drizzlePg({ client: lockClient, schema }), { migrationsFolder })
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    lockClient.release()
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db
  return {
    db,
    kind: 'postgres',
    raw: { kind: 'postgres', pool },
    version: () => serverVersion(db),
    close: () => pool.end(),
  }
}

/**
 * Run `fn` while holding a cluster-wide lock, so that app processes sharing one PostgreSQL
 * server do first-start work (loading the built-in data) one at a time. An embedded store has one
 * process (its folder is locked by openPglite).
 */
export async function withStoreLock<T>(store: Store, key: number, fn: () => Promise<T>): Promise<T> {
  if (store.raw.kind !== 'postgres') return fn()
  const client = await store.raw.pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key])
    return await fn()
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {})
    client.release()
  }
}

export const SEED_LOCK = 727_002

async function serverVersion(db: Db): Promise<string> {
  const rows = rowsOf<{ v: string }>(await db.execute(sql`SELECT current_setting('server_version') AS v`))
  return rows[0]?.v ?? 'unknown'
}

/**
 * A Db over one open transaction of a raw client (the release writer's), so that repository
 * functions such as the roll-up refresh run inside the transaction that writes a release.
 */
export function dbInTransaction(
  tx: { kind: 'postgres'; client: pg.PoolClient } | { kind: 'pglite'; tx: PgliteTransaction },
): Db {
  return tx.kind === 'postgres'
    ? (drizzlePg({ client: tx.client, schema }) as unknown as Db)
    : // a PGlite transaction answers query() as PGlite does, which is all drizzle's session calls
      (drizzlePglite({ client: tx.tx as unknown as PGlite, schema }) as unknown as Db)
}

/** drizzle's execute() returns `{ rows }` on both drivers; this hides the difference in typing. */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] }
  return r.rows ?? (result as T[])
}

/** Store configuration from the CLI flags and the environment, parsed once at the edge. */
export function storeConfigFrom(opts: {
  dataDir?: string | undefined
  databaseUrl?: string | undefined
}): StoreConfig {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL
  if (url) return { kind: 'postgres', url }
  return { kind: 'pglite', dataDir: opts.dataDir ?? process.env.JUEQI_DATA_DIR ?? '.jueqi/data' }
}
