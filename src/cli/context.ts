import type { Command } from 'commander'
import type { Store } from '../store/db.ts'

export interface StoreOptions {
  dataDir?: string
  databaseUrl?: string
}

/** Every command that touches the store takes the same two options. */
export function withStoreOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'embedded database directory (env JUEQI_DATA_DIR; default .jueqi/data)')
    .option('--database-url <url>', 'PostgreSQL server instead of the embedded database (env DATABASE_URL)')
}

/** Open the store, apply migrations and make sure the built-in data is there. */
export async function openSeededStore(
  opts: StoreOptions,
  log = (m: string) => console.error(m),
): Promise<Store> {
  // loaded here, not at the top: every command imports this file, and `--help` must not load the store
  const { openStore, storeConfigFrom } = await import('../store/db.ts')
  const { seedStore } = await import('../importer/seed.ts')
  const config = storeConfigFrom(opts)
  log(
    config.kind === 'postgres'
      ? 'jueqi: using PostgreSQL server'
      : `jueqi: embedded database in ${config.dataDir}`,
  )
  const store = await openStore(config)
  const report = await seedStore(store)
  if (report.loaded.length > 0)
    log(`jueqi: loaded built-in ${report.loaded.join(', ')} (${report.builtinRows} observations)`)
  return store
}
