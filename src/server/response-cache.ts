/**
 * A per-process cache of whole public responses (identity, gzip and brotli bodies, an ETag),
 * bounded by bytes with least-recently-used eviction. Entries are keyed by the caller's
 * normalised query plus the store's data version (src/store/data-version.ts), which every
 * process reads from the shared database: a release landing, being approved or unapproved makes
 * every process miss and recompute, so stateless processes behind one PostgreSQL stay consistent.
 *
 * Only responses that do not depend on who asks may be cached here.
 */
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Context } from 'hono'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

export interface CachedBody {
  etag: string
  contentType: string
  identity: Buffer
  gzip: Buffer
  br: Buffer
  /** extra headers, e.g. content-disposition */
  headers: Record<string, string>
}

const sizeOf = (e: CachedBody) => e.identity.length + e.gzip.length + e.br.length + 256

/** Compress once (zlib runs in the thread pool, off the event loop) and hash for the ETag. */
export async function makeBody(
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<CachedBody> {
  const identity = typeof body === 'string' ? Buffer.from(body) : body
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 6 }),
    brotliAsync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ])
  const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`
  return { etag, contentType, identity, gzip: gz, br, headers }
}

/** Raw request keys remembered per process (a few strings each; the oldest go first). */
const MAX_ALIASES = 10_000

export class ResponseCache {
  private readonly entries = new Map<string, CachedBody>()
  private readonly pending = new Map<string, Promise<CachedBody>>()
  private readonly aliases = new Map<string, string>()
  private used = 0
  hits = 0
  misses = 0
  /** answers found by a request's raw key, before its query was validated */
  aliasHits = 0

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.used
  }

  get size(): number {
    return this.entries.size
  }

  has(key: string): boolean {
    return this.entries.has(key)
  }

  get(key: string): CachedBody | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    // most recently used last
    this.entries.delete(key)
    this.entries.set(key, e)
    return e
  }

  set(key: string, e: CachedBody): void {
    const size = sizeOf(e)
    const old = this.entries.get(key)
    if (old) {
      this.entries.delete(key)
      this.used -= sizeOf(old)
    }
    if (size > this.maxBytes) return
    this.entries.set(key, e)
    this.used += size
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes) break
      this.entries.delete(k)
      this.used -= sizeOf(v)
    }
  }

  /**
   * Remember that a request spelled `raw` (its query string as sent, with the data version) was
   * answered by the entry `key`, so that the same request can be answered before its query is
   * parsed and validated. Only a request that validated and was answered may be remembered.
   */
  alias(raw: string, key: string): void {
    this.aliases.delete(raw)
    this.aliases.set(raw, key)
    if (this.aliases.size > MAX_ALIASES) this.aliases.delete(this.aliases.keys().next().value!)
  }

  /** The entry a raw key was answered by, if it is still cached. */
  viaAlias(raw: string): CachedBody | undefined {
    const key = this.aliases.get(raw)
    if (key === undefined) return undefined
    const hit = this.get(key)
    if (!hit) this.aliases.delete(raw)
    else this.aliasHits++
    return hit
  }

  /** The cached body, or `make`'s, computed once however many requests for the key arrive meanwhile. */
  async getOrMake(key: string, make: () => Promise<CachedBody>): Promise<CachedBody> {
    const hit = this.get(key)
    if (hit) {
      this.hits++
      return hit
    }
    const running = this.pending.get(key)
    if (running) {
      this.hits++
      return running
    }
    this.misses++
    const p = make()
      .then((e) => {
        this.set(key, e)
        return e
      })
      .finally(() => this.pending.delete(key))
    this.pending.set(key, p)
    return p
  }
}

/**
 * Reads of a value (the data version) coalesced so that at most one query is in flight, while
 * every caller still gets a value read after it called: a caller arriving during a read waits
 * for the next one, which starts when the current one ends.
 */
export class CoalescedRead<T> {
  private current: Promise<T> | null = null
  private next: Promise<T> | null = null

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.current) {
      this.current = this.read().finally(() => {
        this.current = null
      })
      return this.current
    }
    if (!this.next)
      this.next = this.current
        .catch(() => undefined)
        .then(() => {
          this.next = null
          return this.get()
        })
    return this.next
  }
}

/** The encoding to send: brotli, then gzip, when the client accepts it (q=0 refuses). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity'
  const ok = new Set<string>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q && Number(q.slice(2)) === 0) continue
    if (name) ok.add(name)
  }
  if (ok.has('br')) return 'br'
  if (ok.has('gzip') || ok.has('*')) return 'gzip'
  return 'identity'
}

/** Whether If-None-Match names this ETag (weak comparison, as for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((t) => bare(t) === bare(etag))
}

/** Answer from a cached body: 304 on a matching If-None-Match, else the best encoding the client takes. */
export function sendCached(c: Context, e: CachedBody): Response {
  const common: Record<string, string> = {
    etag: e.etag,
    vary: 'Accept-Encoding',
    'cache-control': 'no-cache',
  }
  if (etagMatches(c.req.header('if-none-match'), e.etag)) return c.body(null, 304, common)
  const enc = pickEncoding(c.req.header('accept-encoding'))
  const body = enc === 'br' ? e.br : enc === 'gzip' ? e.gzip : e.identity
  const headers: Record<string, string> = { ...common, ...e.headers, 'content-type': e.contentType }
  if (enc !== 'identity') headers['content-encoding'] = enc
  // a Buffer is a Uint8Array; its backing store is an ArrayBuffer (never shared) in Node's zlib and Buffer.from
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers)
}
