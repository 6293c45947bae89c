/** wrk, installed and run for real against a local server; its report read back. */
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureWrk, parseWrk, wrk, wrkBytes, wrkMs } from './wrk.ts'

describe('wrk', () => {
  let server: Server
  let base = ''
  const body = Buffer.alloc(10_000, 7)
  beforeAll(async () => {
    ensureWrk()
    server = createServer((req, res) => {
      if (req.url === '/ok') res.writeHead(200, { 'content-length': body.length }).end(body)
      else if (req.url === '/etag' && req.headers['if-none-match'] === '"a"') res.writeHead(304).end()
      else res.writeHead(404, { 'content-length': 0 }).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(() => server?.close())

  it('reads a report whose latencies end in spaces, as wrk prints seconds', () => {
    // wrk 4.1.0's output for a 15 MB answer, whitespace as printed
    const out = [
      'Running 10s test @ http://127.0.0.1:33275/x',
      '  2 threads and 50 connections',
      '  Latency Distribution',
      '     50%  270.39ms',
      '     75%  364.80ms',
      '     90%  740.86ms',
      '     99%    2.98s ',
      '  1384 requests in 10.11s, 20.38GB read',
      '  Non-2xx or 3xx responses: 3',
      'Requests/sec:    136.86',
      'Transfer/sec:      2.02GB',
    ].join('\n')
    expect(parseWrk(out)).toEqual({ rps: 136.86, p50: 270.39, p99: 2980, bytes: 2.02 * 2 ** 30, errors: 3 })
  })

  it('reads units of time and size', () => {
    expect([wrkMs('812.00us'), wrkMs('4.21ms'), wrkMs('1.02s')]).toEqual([0.812, 4.21, 1020])
    expect([wrkBytes('512.00B'), wrkBytes('3.00KB'), wrkBytes('1.50MB')]).toEqual([512, 3072, 1.5 * 2 ** 20])
  })

  it('measures requests, bytes and latency; 404s are errors, a 304 asked for with If-None-Match is not', async () => {
    const ok = await wrk(`${base}/ok`, 4, 1)
    expect(ok.rps).toBeGreaterThan(100)
    expect(ok.errors).toBe(0)
    // every response carries the 10,000-byte body
    expect(ok.bytes).toBeGreaterThan(ok.rps * 10_000 * 0.9)
    expect(ok.p50).toBeGreaterThan(0)
    expect(ok.p99).toBeGreaterThanOrEqual(ok.p50)
    const missing = await wrk(`${base}/missing`, 4, 1)
    expect(missing.errors).toBeGreaterThan(100)
    const notModified = await wrk(`${base}/etag`, 4, 1, { 'if-none-match': '"a"' })
    expect(notModified.errors).toBe(0)
    expect(notModified.rps).toBeGreaterThan(100)
  })
})
