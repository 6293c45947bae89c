import { Command } from 'commander'
import { openCliStore, type StoreOptions, withStoreOptions } from './context.ts'

export function migrateCommand(): Command {
  return withStoreOptions(new Command('migrate'))
    .description('apply pending schema migrations (serve and import also do this at start-up)')
    .action(async (opts: StoreOptions) => {
      const { storeConfigFrom } = await import('../store/db.ts')
      const store = await openCliStore(storeConfigFrom(opts))
      console.log(`migrations applied (PostgreSQL ${await store.version()}, ${store.kind})`)
      await store.close()
    })
}
