import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { Command } from 'commander'
import { ensureFirstAdmin } from '../app/users.ts'
import { runAssessment } from '../evaluation/run-assessment.ts'
import { createApp } from '../server/app.ts'
import { type DataVersionSource, listenDataVersion, readEveryTime } from '../store/data-version.ts'
import { getEvaluation, saveEvaluation } from '../store/evaluations.ts'
import { openSeededStore, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'
import { firstAdminNotice } from './first-admin.ts'

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url))

export function serveCommand(): Command {
  return withStoreOptions(new Command('serve'))
    .description('serve the web app and the API (built-in data loaded on first start)')
    .option('--port <n>', 'port (env PORT)', process.env.PORT ?? '8080')
    .option('--host <host>', 'interface to listen on', process.env.HOST ?? '127.0.0.1')
    .action(async (opts: { port: string; host: string; dataDir?: string; databaseUrl?: string }) => {
      const port = Number(opts.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be a port number, not "${opts.port}"`)
      const started = Date.now()
      const store = await openSeededStore(opts)
      // a fresh store gets a first evaluation run, so the index and disparity pages have results
      if (!(await getEvaluation(store.db, 'latest'))) {
        const run = await runAssessment(store.db)
        const saved = await saveEvaluation(store.db, {
          kind: 'assess',
          asOf: null,
          stamp: run.stamp,
          results: run.results,
        })
        console.error(`jueqi: first evaluation run ${saved.id} saved (index year ${run.results.year})`)
      }
      // stateless behind a load balancer: the data version is learnt from the database's
      // notifications rather than read for every request (store/data-version.ts)
      let version: DataVersionSource | undefined
      const app = createApp({
        store,
        webRoot: WEB_ROOT,
        dataVersion: (read) => {
          // JUEQI_DATA_VERSION=read: ask per request (docs/deployment.md: behind a pooler in transaction mode)
          version =
            process.env.JUEQI_DATA_VERSION === 'read' ? readEveryTime(read) : listenDataVersion(store, read)
          return version
        },
      })
      // a store with no accounts gets its first administrator, whose password is printed once below
      const firstAdmin = await ensureFirstAdmin(store.db)
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        const url = `http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${info.port}/`
        if (firstAdmin) console.log(firstAdminNotice(firstAdmin, url))
        console.log(`jueqi is running at ${url}  (API docs: /api/docs; ready in ${Date.now() - started} ms)`)
      })
      const stop = async () => {
        server.close()
        await version?.close()
        await store.close()
        process.exit(0)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
