/**
 * The data version: a counter that changes whenever a release lands, is approved or unapproved,
 * or the indicator or region catalogue changes (bumped at commit by triggers, migration 0009,
 * which also notify channel `jueqi_data_version` with the new value, migration 0012). Response
 * caches key on it, so processes sharing one database do not serve each other's stale data.
 */
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { type Db, rowsOf, type Store } from './db.ts'

export const DATA_VERSION_CHANNEL = 'jueqi_data_version'

export async function readDataVersion(db: Db): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(await db.execute(sql`SELECT n FROM data_version WHERE id = 1`))
  return Number(rows[0]?.n ?? 0)
}

/** Where a process gets the data version its cached answers are keyed on. */
export interface DataVersionSource {
  get(): Promise<number>
  /** this process wrote: ask the database again before trusting what it knew */
  forget(): void
  close(): Promise<void>
}

/** Asks the database every time (through `read`, which callers coalesce): always current. */
export const readEveryTime = (read: () => Promise<number>): DataVersionSource => ({
  get: read,
  forget() {},
  close: async () => {},
})

/**
 * The version as notified: one connection LISTENs on the channel, and while it does, `get` answers
 * from memory (a read per request had cost a third of the cached answers' throughput, bench/api.ts).
 * Another process's commit is seen once its notification arrives (PostgreSQL delivers it at commit,
 * in commit order); this process's own writes call `forget`, so it reads its writes at once.
 * Without the connection (not yet up, lost, the server restarting) every `get` reads, as
 * `readEveryTime`, and the connection is retried, backing off to 30 s (on a read replica LISTEN
 * is refused, so an instance there reads every time, consistent with the replica's rows). While
 * listening the version is still read every `checkMs` (default 5 s), which bounds how stale a
 * process can be where notifications get lost on the way (a pooler in transaction mode).
 * PGlite has one process and reads every time.
 */
export function listenDataVersion(
  store: Store,
  read: () => Promise<number>,
  opts: { retryMs?: number; checkMs?: number } = {},
): DataVersionSource {
  if (store.raw.kind !== 'postgres') return readEveryTime(read)
  const connection = store.raw.pool.options
  const check = setInterval(() => {
    if (!listening) return
    const since = epoch
    read().then(
      (n) => learn(n, since),
      () => {},
    )
  }, opts.checkMs ?? 5_000)
  check.unref()
  const firstRetry = opts.retryMs ?? 500
  let retry = firstRetry
  let known: number | null = null
  let listening = false
  let closed = false
  // moves whenever what was known is dropped, so that a read begun before is not kept
  let epoch = 0
  let client: pg.Client | null = null
  let timer: NodeJS.Timeout | null = null

  const learn = (n: number, since: number) => {
    if (listening && since === epoch) known = known === null ? n : Math.max(known, n)
  }
  const drop = () => {
    known = null
    epoch++
  }
  const lost = (c: pg.Client) => {
    if (client !== c) return
    client = null
    listening = false
    drop()
    c.end().catch(() => {})
    if (closed) return
    timer = setTimeout(connect, retry)
    timer.unref()
    retry = Math.min(retry * 2, 30_000)
  }
  async function connect() {
    timer = null
    const c = new pg.Client(connection)
    client = c
    c.on('error', () => lost(c))
    c.on('end', () => lost(c))
    c.on('notification', (m) => {
      const n = Number(m.payload)
      if (m.channel === DATA_VERSION_CHANNEL && Number.isSafeInteger(n)) learn(n, epoch)
    })
    try {
      await c.connect()
      // listen first, then read: a commit in between is in the read or in a notification
      await c.query(`LISTEN ${DATA_VERSION_CHANNEL}`)
      if (client !== c || closed) return
      listening = true
      retry = firstRetry
      const since = epoch
      learn(await read(), since)
    } catch {
      lost(c)
    }
  }
  void connect()

  return {
    get() {
      if (known !== null) return Promise.resolve(known)
      const since = epoch
      return read().then((n) => {
        learn(n, since)
        return n
      })
    },
    forget: drop,
    async close() {
      closed = true
      clearInterval(check)
      if (timer) clearTimeout(timer)
      const c = client
      client = null
      listening = false
      drop()
      await c?.end().catch(() => {})
    },
  }
}
