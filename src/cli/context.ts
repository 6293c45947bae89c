import type { Command } from 'commander'
// only types and Node built-ins at the top: every command imports this file, and `--help` must not load the store
import type { DataDirLockedError } from '../store/data-dir-lock.ts'
import type { Store, StoreConfig } from '../store/db.ts'
import { CliError } from './errors.ts'

export interface StoreOptions {
  dataDir?: string
  databaseUrl?: string
}

/** The exit code of a command refused because another process holds the embedded store. */
export const EXIT_STORE_IN_USE = 2

/** Every command that touches the store takes the same two options. */
export function withStoreOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'embedded database directory (env JUEQI_DATA_DIR; default .jueqi/data)')
    .option('--database-url <url>', 'PostgreSQL server instead of the embedded database (env DATABASE_URL)')
}

/** Open the store; a data folder held by another process ends the command with what to do instead. */
export async function openCliStore(config: StoreConfig): Promise<Store> {
  const { openStore } = await import('../store/db.ts')
  const { DataDirLockedError } = await import('../store/data-dir-lock.ts')
  try {
    return await openStore(config)
  } catch (e) {
    if (e instanceof DataDirLockedError) throw new CliError(storeInUseMessage(e), EXIT_STORE_IN_USE)
    throw e
  }
}

function storeInUseMessage(e: DataDirLockedError): string {
  const pid = e.holder?.pid
  return [
    `${e.message}.`,
    'An embedded data folder is opened by one process at a time; a second one would corrupt it. Instead:',
    `  - stop that process first${pid ? ` (Ctrl-C in its terminal, or kill ${pid})` : ''}, then run this command again;`,
    '  - or, while the server runs, do it in the web app or through its API (/api/docs);',
    '  - or, for several processes at once, use a PostgreSQL server (--database-url or DATABASE_URL).',
    `If no such process is running any more, remove ${e.lockPath}.`,
  ].join('\n')
}

/** Open the store, apply migrations and make sure the built-in data is there. */
export async function openSeededStore(
  opts: StoreOptions,
  log = (m: string) => console.error(m),
): Promise<Store> {
  const { storeConfigFrom } = await import('../store/db.ts')
  const { seedStore } = await import('../importer/seed.ts')
  const config = storeConfigFrom(opts)
  log(
    config.kind === 'postgres'
      ? 'jueqi: using PostgreSQL server'
      : `jueqi: embedded database in ${config.dataDir}`,
  )
  const store = await openCliStore(config)
  try {
    const report = await seedStore(store)
    if (report.loaded.length > 0)
      log(`jueqi: loaded built-in ${report.loaded.join(', ')} (${report.builtinRows} observations)`)
    return store
  } catch (e) {
    await store.close()
    throw e
  }
}
