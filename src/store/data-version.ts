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
 * What a process knows of the version: the newest it was told or read while listening, dropped
 * whenever it may be stale. `epoch` moves on every drop, so that a read begun before is not kept.
 */
class Known {
  private value: number | null = null
  private epoch = 0
  listening = false
  constructor(private readonly read: () => Promise<number>) {}
  /** `n` as of `since` (a read's start), kept only while listening and if nothing was dropped since */
  learn(n: number, since = this.epoch): void {
    if (this.listening && since === this.epoch) this.value = this.value === null ? n : Math.max(this.value, n)
  }
  notified(payload: string): void {
    const n = Number(payload)
    if (Number.isSafeInteger(n)) this.learn(n)
  }
  drop(): void {
    this.value = null
    this.epoch++
  }
  /** a read now, kept as above */
  async refresh(): Promise<number> {
    const since = this.epoch
    const n = await this.read()
    this.learn(n, since)
    return n
  }
  get(): Promise<number> {
    return this.value !== null ? Promise.resolve(this.value) : this.refresh()
  }
}

/**
 * The version as notified: the process LISTENs on the channel, and while it does, `get` answers
 * from memory (a read per request had cost a third of the cached answers' throughput on a server,
 * bench/api.ts, and on PGlite, whose queries run on the event loop, it capped them at ~2,600 req/s).
 * Another process's commit is seen once its notification arrives (PostgreSQL delivers it at commit,
 * in commit order); this process's own writes call `forget`, so it reads its writes at once.
 * On a server, without the connection (not yet up, lost, the server restarting) every `get` reads,
 * as `readEveryTime`, and the connection is retried, backing off to 30 s (on a read replica LISTEN
 * is refused, so an instance there reads every time, consistent with the replica's rows); while
 * listening the version is still read every `checkMs` (default 5 s), which bounds how stale a
 * process can be where notifications get lost on the way (a pooler in transaction mode). PGlite
 * runs in this process and delivers its notifications here.
 */
export function listenDataVersion(
  store: Store,
  read: () => Promise<number>,
  opts: { retryMs?: number; checkMs?: number } = {},
): DataVersionSource {
  const known = new Known(read)
  const source = (close: () => Promise<void>): DataVersionSource => ({
    get: () => known.get(),
    forget: () => known.drop(),
    close,
  })
  if (store.raw.kind === 'pglite') {
    const unlisten = store.raw.client
      .listen(DATA_VERSION_CHANNEL, (payload) => known.notified(payload))
      .then(async (stop) => {
        known.listening = true
        await known.refresh()
        return stop
      })
    return source(async () => {
      known.listening = false
      known.drop()
      await (await unlisten.catch(() => null))?.()
    })
  }
  const connection = store.raw.pool.options
  const check = setInterval(() => {
    if (known.listening) known.refresh().catch(() => {})
  }, opts.checkMs ?? 5_000)
  check.unref()
  const firstRetry = opts.retryMs ?? 500
  let retry = firstRetry
  let closed = false
  let client: pg.Client | null = null
  let timer: NodeJS.Timeout | null = null

  const lost = (c: pg.Client) => {
    if (client !== c) return
    client = null
    known.listening = false
    known.drop()
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
      if (m.channel === DATA_VERSION_CHANNEL) known.notified(m.payload ?? '')
    })
    try {
      await c.connect()
      // listen first, then read: a commit in between is in the read or in a notification
      await c.query(`LISTEN ${DATA_VERSION_CHANNEL}`)
      if (client !== c || closed) return
      known.listening = true
      retry = firstRetry
      await known.refresh()
    } catch {
      lost(c)
    }
  }
  void connect()

  return source(async () => {
    closed = true
    clearInterval(check)
    if (timer) clearTimeout(timer)
    const c = client
    client = null
    known.listening = false
    known.drop()
    await c?.end().catch(() => {})
  })
}
