import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import type { DataVersionSource } from '../store/data-version.ts'
import { openSeededStore, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'
import { firstAdminNotice } from './first-admin.ts'

/** How long open requests may run on after a stop signal before their connections are cut. */
const DRAIN_MS = 5_000

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
      // a bad JUEQI_TRUST_PROXY stops the start with its name, not the first sign-in
      const { trustedProxies } = await import('../server/auth/proxy.ts')
      try {
        trustedProxies()
      } catch (e) {
        throw new CliError((e as Error).message, 2)
      }
      const started = Date.now()
      const { serve } = await import('@hono/node-server')
      const { createApp } = await import('../server/app.ts')
      const { runAssessment } = await import('../evaluation/run-assessment.ts')
      const { getEvaluation, saveEvaluation } = await import('../store/evaluations.ts')
      const { listenDataVersion, readEveryTime } = await import('../store/data-version.ts')
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
      // plain HTTP/1 (no createServer option), so the node:http Server and its connection controls
      // a store with no accounts gets its first administrator, whose password is printed once below
      const { ensureFirstAdmin } = await import('../app/users.ts')
      const firstAdmin = await ensureFirstAdmin(store.db)
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        const url = `http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${info.port}/`
        if (firstAdmin) console.log(firstAdminNotice(firstAdmin, url))
        console.log(`jueqi is running at ${url}  (API docs: /api/docs; ready in ${Date.now() - started} ms)`)
      }) as Server
      let stopping = false
      const stop = async (signal: NodeJS.Signals) => {
        // the stop is bounded, so repeats are ignored: Ctrl-C under `npm start` arrives twice,
        // from the terminal and forwarded by npm
        if (stopping) return
        stopping = true
        console.error(`jueqi: ${signal}: stopping (open requests get up to ${DRAIN_MS / 1000} s)`)
        try {
          await drain(server, DRAIN_MS)
          await version?.close()
          await store.close()
        } catch (e) {
          console.error(`jueqi: could not stop cleanly: ${(e as Error).message}`)
          process.exit(1)
        }
        console.error('jueqi: stopped')
        process.exit(0)
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
}

/**
 * Stop accepting, close idle keep-alive connections at once, let requests in flight finish for up
 * to `ms`, then cut whatever is left, so that a stop never hangs on a client that keeps a socket.
 */
function drain(server: Server, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), ms)
    server.close(() => {
      clearTimeout(timer)
      resolve()
    })
    server.closeIdleConnections()
  })
}
