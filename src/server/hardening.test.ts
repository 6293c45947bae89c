/**
 * The edge's first checks (issue 21): NUL bytes in any GET route's parameters, writes without a
 * session, bodies that are not what a route reads, LIKE wildcards, oversized JSON. Every answer is a
 * 4xx with a message, never a 500. The routes are read from the OpenAPI document, so a new route is
 * covered without editing this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../importer/seed.ts'
import type { Store } from '../store/db.ts'
import { openTestStore } from '../testing/backends.ts'
import { client, signedIn } from '../testing/http-client.ts'
import { createApp } from './app.ts'
import { MAX_JSON_BODY_BYTES } from './hardening.ts'

let store: Store
let app: ReturnType<typeof createApp>
type Op = { parameters?: { name: string; in: string }[] }
let paths: Record<string, Record<string, Op>>

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  paths = (await (await app.request('/openapi.json')).json()).paths
})
afterAll(async () => store?.close())

/** An address for an operation with every path parameter set to `value`, and every query parameter. */
function address(path: string, op: Op, value: string, only?: string): string {
  const params = op.parameters ?? []
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => (only && only !== name ? '1' : value))
  const query = params
    .filter((p) => p.in === 'query' && (!only || only === p.name))
    .map((p) => `${p.name}=${value}`)
    .join('&')
  return query ? `${filled}?${query}` : filled
}

describe('NUL bytes', () => {
  it('no GET route answers 500 to %00 in any of its parameters, one at a time', async () => {
    const answers: string[] = []
    for (const [path, ops] of Object.entries(paths)) {
      const op = ops.get
      if (!op) continue
      const names = [
        ...(op.parameters ?? []).map((p) => p.name),
        ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      ]
      for (const name of new Set(names)) {
        const url = address(path, op, 'a%00b', name)
        const res = await app.request(url, { headers: { 'accept-language': 'en' } })
        answers.push(`${res.status} ${url}`)
        expect(res.status, url).toBeGreaterThanOrEqual(400)
        expect(res.status, url).toBeLessThan(500)
        const body = (await res.json()) as { error?: { message: string } }
        expect(body.error?.message, url).toBeTruthy()
      }
    }
    expect(answers.length).toBeGreaterThan(15)
  })
})

describe('writes', () => {
  it('an anonymous write is refused as unauthenticated before its input is read', async () => {
    const anon = client(app)
    anon.csrf = ((await (await anon('/api/auth/session')).json()) as { csrfToken: string }).csrfToken
    for (const [path, ops] of Object.entries(paths))
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        if (!ops[method] || path === '/api/auth/login' || path === '/api/auth/logout') continue
        const url = path.replace(/\{(\w+)\}/g, '999999')
        const r = await anon.json(url, { nonsense: true }, method.toUpperCase())
        expect(r.status, `${method} ${url}`).toBe(401)
      }
  })

  it('an upload route sent JSON answers 400, not 500; a JSON body past 1 MiB answers 413', async () => {
    const planner = await signedIn(app, store.db, 'edge.planner', [
      { role: 'statistician', regionCode: '42', parkId: null },
    ])
    for (const url of ['/api/releases', '/api/tasks/1/evidence']) {
      const r = await planner.json(url, {})
      expect(r.status, url).toBeGreaterThanOrEqual(400)
      expect(r.status, url).toBeLessThan(500)
    }
    const big = await planner('/api/tasks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(MAX_JSON_BODY_BYTES + 1) }),
    })
    expect(big.status).toBe(413)
  })
})

describe('search', () => {
  it('LIKE wildcards in q match themselves', async () => {
    for (const q of ['%', '_', '%25']) {
      const r = (await (await app.request(`/api/regions?q=${encodeURIComponent(q)}`)).json()) as {
        regions: unknown[]
      }
      expect(r.regions, q).toEqual([])
    }
    const hubei = (await (await app.request(`/api/regions?q=${encodeURIComponent('湖北')}`)).json()) as {
      regions: unknown[]
    }
    expect(hubei.regions.length).toBeGreaterThan(0)
  })
})
