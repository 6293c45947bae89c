/**
 * The cached observations endpoint: new data right after a release lands or is approved, pending
 * releases never in a public response, 304 on a matching ETag, compressed bodies that decode to
 * the same JSON, and CSV through the same cache. PGlite; two processes on PostgreSQL are in
 * src/server/stateless.test.ts.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../importer/seed.ts'
import { type Columns, fromColumns } from '../../statistics/columns.ts'
import type { Store } from '../../store/db.ts'
import { createReleaseWithRows } from '../../store/observations.ts'
import { openTestStore } from '../../testing/backends.ts'
import { createApp } from '../app.ts'
import { ResponseCache } from '../response-cache.ts'

let store: Store
let app: ReturnType<typeof createApp>
const cache = new ResponseCache(64 * 2 ** 20)

const URL_2099 = 'http://localhost/api/observations?indicator=rd_intensity&region=42&from=2097&to=2099'
const row = (period: number, value: number) => ({
  region: '42',
  indicator: 'rd_intensity',
  period,
  value,
  unit: '%',
  source: 'test',
  note: 'SYNTHETIC test row',
  vintage: null,
})
const values = async (headers: Record<string, string> = {}) => {
  const r = await app.request(URL_2099, { headers })
  expect(r.status).toBe(200)
  return ((await r.json()) as { observations: { period: number; value: number }[] }).observations.map((o) => [
    o.period,
    o.value,
  ])
}

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store, responseCache: cache })
})
afterAll(async () => store?.close())

describe('GET /api/observations, cached', () => {
  it('returns a new release right after it lands, though the query was cached before', async () => {
    expect(await values()).toEqual([])
    expect(await values()).toEqual([]) // served from the cache
    await createReleaseWithRows(
      store,
      { name: 'cache test 2099 (SYNTHETIC)', publishedOn: '2026-11-01', kind: 'import', synthetic: true },
      [row(2099, 9.99)],
    )
    expect(await values()).toEqual([[2099, 9.99]])
  })

  it('never shows a pending release, cached or not, and shows it once approved', async () => {
    const before = await values()
    const rel = await createReleaseWithRows(
      store,
      {
        name: 'cache test pending (SYNTHETIC)',
        publishedOn: '2026-11-02',
        kind: 'import',
        synthetic: true,
        approval: { regionCode: '42', status: 'pending', state: {}, updatedAt: '2026-11-02T00:00:00Z' },
      },
      [row(2098, 1.23)],
    )
    expect(await values()).toEqual(before)
    expect(await values()).toEqual(before)
    // approval is a write to release_approvals: the data version moves, the cached entry is stale
    await store.db.execute(sql`UPDATE release_approvals SET status = 'approved' WHERE release_id = ${rel.id}`)
    expect(await values()).toEqual([
      [2098, 1.23],
      [2099, 9.99],
    ])
    await store.db.execute(sql`UPDATE release_approvals SET status = 'pending' WHERE release_id = ${rel.id}`)
    expect(await values()).toEqual(before)
  })

  it('answers a matching If-None-Match with 304, and a stale ETag with the new body', async () => {
    const first = await app.request(URL_2099)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/".+"$/)
    expect(first.headers.get('vary')).toBe('Accept, Accept-Encoding') // SDMX-CSV is chosen by Accept
    const again = await app.request(URL_2099, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    await createReleaseWithRows(
      store,
      { name: 'cache test 2097 (SYNTHETIC)', publishedOn: '2026-11-03', kind: 'import', synthetic: true },
      [row(2097, 4.56)],
    )
    const changed = await app.request(URL_2099, { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(JSON.stringify(await changed.json())).toContain('4.56')
  })

  it('sends gzip and brotli bodies that decode to the same JSON as the plain one', async () => {
    const url = 'http://localhost/api/observations?indicator=rd_intensity,gdp&level=province'
    const plain = await app.request(url)
    expect(plain.headers.get('content-encoding')).toBeNull()
    const text = await plain.text()
    expect(JSON.parse(text).observations.length).toBeGreaterThan(100)
    const gz = await app.request(url, { headers: { 'accept-encoding': 'gzip, deflate' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    const gzBytes = Buffer.from(await gz.arrayBuffer())
    expect(gzBytes.length).toBeLessThan(Buffer.byteLength(text) / 3)
    expect(gunzipSync(gzBytes).toString()).toBe(text)
    const br = await app.request(url, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text)
    // one representation, one validator, whichever encoding
    expect(gz.headers.get('etag')).toBe(plain.headers.get('etag'))
    const refused = await app.request(url, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } })
    expect(refused.headers.get('content-encoding')).toBeNull()
  })

  it('serves CSV through the cache with its own headers, apart from the JSON entry', async () => {
    const r = await app.request(`${URL_2099}&format=csv`, { headers: { 'accept-encoding': 'gzip' } })
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(r.headers.get('content-disposition')).toContain('rd_intensity.csv')
    const csv = gunzipSync(Buffer.from(await r.arrayBuffer())).toString()
    expect(csv.startsWith('\uFEFFregion,indicator,period')).toBe(true)
    expect(csv).toContain('9.99')
  })

  it('sends the same rows as columns with format=columns, constant fields once, in its own cache entry', async () => {
    const q = 'http://localhost/api/observations?indicator=population_year_end,gdp&region=42,43,CN'
    const rows = ((await (await app.request(q)).json()) as { observations: Record<string, unknown>[] })
      .observations
    expect(rows.length).toBeGreaterThan(10)
    const r = await app.request(`${q}&format=columns`, { headers: { 'accept-encoding': 'br' } })
    expect(r.headers.get('content-type')).toContain('application/json')
    const body = JSON.parse(brotliDecompressSync(Buffer.from(await r.arrayBuffer())).toString()) as Columns<
      Record<string, unknown>
    >
    expect(body.length).toBe(rows.length)
    // every field of the schema is in one place or the other, and the real dataset's rows share some
    const fields = [...Object.keys(body.constant), ...Object.keys(body.columns)].sort()
    expect(fields).toEqual(Object.keys(rows[0]!).sort())
    expect(Object.keys(body.constant)).toContain('synthetic')
    expect(Object.keys(body.columns)).toEqual(
      expect.arrayContaining(['region', 'indicator', 'period', 'value']),
    )
    expect(fromColumns(body)).toEqual(rows)
    const spec = (await (await app.request('http://localhost/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> }
    }
    expect(Object.keys(spec.components.schemas.ObservationColumns!.properties)).toEqual([
      'length',
      'constant',
      'columns',
    ])
  })

  it('answers a query string it has answered before without validating it again, never an invalid one', async () => {
    const url = 'http://localhost/api/observations?to=2099&indicator=rd_intensity&from=2097&region=42'
    const first = await (await app.request(url)).text()
    const before = cache.aliasHits
    const again = await app.request(url)
    expect(cache.aliasHits).toBe(before + 1)
    expect(await again.text()).toBe(first)
    // the same query spelled as URL_2099 is the same entry, found after validation the first time
    expect(await (await app.request(URL_2099)).text()).toBe(first)
    // a query that fails validation is refused every time, whatever was cached for its path
    const hits = cache.aliasHits
    for (let i = 0; i < 2; i++) {
      const bad = await app.request(
        'http://localhost/api/observations?indicator=rd_intensity&region=42&from=20x',
      )
      expect(bad.status).toBe(400)
    }
    expect(cache.aliasHits).toBe(hits)
  })

  it('still answers an unknown indicator with its error, uncached', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await app.request('http://localhost/api/observations?indicator=no_such_thing')
      expect(r.status).toBe(404)
    }
  })
})

describe('GET /api/observations, computedAt and coverage', () => {
  type Obs = {
    region: string
    release: string
    derived: boolean
    computedAt: string
    coverage: { members: number; withData: number } | null
  }
  const get = async (query: string) => {
    const r = await app.request(`http://localhost/api/observations?${query}`)
    expect(r.status).toBe(200)
    return ((await r.json()) as { observations: Obs[] }).observations
  }
  const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

  it('every row says when it was computed: the release for stored rows, the roll-up for roll-ups', async () => {
    const releases = (
      (await (await app.request('http://localhost/api/releases')).json()) as {
        releases: { name: string; createdAt: string }[]
      }
    ).releases
    const rows = await get('indicator=population_year_end&region=42,CENTRAL&from=2019&to=2019')
    expect(rows.length).toBe(2)
    for (const o of rows) expect(o.computedAt).toMatch(ISO)
    const stored = rows.find((o) => o.region === '42')!
    expect(stored.derived).toBe(false)
    expect(stored.coverage).toBeNull()
    const created = releases.find((r) => r.name === stored.release)!.createdAt
    expect(stored.computedAt).toBe(new Date(created).toISOString())
    const macro = rows.find((o) => o.region === 'CENTRAL')!
    expect(macro.derived).toBe(true)
    expect(macro.coverage).toEqual({ members: 6, withData: 6 })
    expect(macro.computedAt >= stored.computedAt).toBe(true)
  })

  it('a roll-up computed for an asOf request carries the request time', async () => {
    const start = new Date().toISOString()
    const rows = await get('indicator=population_year_end&region=CENTRAL&from=2019&to=2019&asOf=2099-01-01')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.computedAt >= start).toBe(true)
  })

  it('names computedAt in the OpenAPI description and in CSV', async () => {
    const spec = (await (await app.request('http://localhost/openapi.json')).json()) as {
      components: { schemas: { Observation: { properties: Record<string, unknown>; required: string[] } } }
    }
    const obs = spec.components.schemas.Observation
    expect(Object.keys(obs.properties)).toEqual(expect.arrayContaining(['computedAt', 'coverage']))
    expect(obs.required).toContain('computedAt')
    const csv = await (
      await app.request(
        'http://localhost/api/observations?indicator=population_year_end&region=42&format=csv',
      )
    ).text()
    expect(csv.split('\n')[0]).toContain('computedAt')
  })
})
