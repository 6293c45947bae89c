/**
 * The API under load on loopback: a `jueqi serve` process on the benchmark's PostgreSQL, hit
 * by wrk (bench/wrk.ts) at 50 and 200 connections for a bounded time, next to a static file
 * served by the same server.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from '../src/testing/postgres.ts'
import { fmt } from './machine.ts'
import { ensureWrk, wrk } from './wrk.ts'

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['bin/jueqi.mjs', 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const on = (b: Buffer) => {
      log += b.toString()
      if (log.includes('running at')) resolve()
    }
    child.stdout!.on('data', on)
    child.stderr!.on('data', on)
    child.on('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)))
  })
  return { url: `http://127.0.0.1:${port}`, child }
}

export async function apiBench(
  databaseUrl: string,
  opts: { region: string; indicators: string[]; seconds: number },
): Promise<string[]> {
  ensureWrk()
  const { url, child } = await startServer(databaseUrl)
  try {
    // as the web app asks (format=columns); the rows' JSON form of the same answers for comparison
    const countyRows = `${url}/api/observations?indicator=${opts.indicators[0]}&level=county&preferredOnly=true`
    const regionRows = `${url}/api/observations?indicator=${opts.indicators.join(',')}&region=${opts.region}&preferredOnly=true`
    const county = `${countyRows}&format=columns`
    const region = `${regionRows}&format=columns`
    // what a browser sends; the ETag of the current answer for the revalidation rows
    const compressed = { 'accept-encoding': 'gzip, deflate, br' }
    const lines: string[] = []
    const etagOf = async (u: string, name: string) => {
      const t = performance.now()
      const r = await fetch(u, { headers: compressed })
      const bytes = (await r.arrayBuffer()).byteLength
      lines.push(
        `API ${name}: first request (cache miss: query, JSON, gzip+br) ${fmt(performance.now() - t, 0)} ms, ${fmt(bytes / 1024, 0)} KiB of JSON, sent as ${r.headers.get('content-encoding') ?? 'identity'}`,
      )
      return r.headers.get('etag') ?? ''
    }
    const targets: [string, string, Record<string, string>][] = [
      ['static file (reference)', `${url}/api/docs/swagger-ui.css`, {}],
      ['one indicator × all counties × all years, columns, br', county, compressed],
      ['one indicator × all counties × all years, rows JSON, br', countyRows, compressed],
      [
        'one indicator × all counties × all years, revalidated (If-None-Match → 304)',
        county,
        {
          ...compressed,
          'if-none-match': await etagOf(county, 'one indicator × all counties × all years, columns'),
        },
      ],
      [`one region's ${opts.indicators.length} indicators, columns, br`, region, compressed],
      [`one region's ${opts.indicators.length} indicators, rows JSON, br`, regionRows, compressed],
      [
        `one region's ${opts.indicators.length} indicators, revalidated (304)`,
        region,
        {
          ...compressed,
          'if-none-match': await etagOf(region, `one region's ${opts.indicators.length} indicators, columns`),
        },
      ],
      ['one indicator × all counties × all years, columns, uncompressed', county, {}],
    ]
    for (const connections of [50, 200]) {
      const refName = targets[0]![0]
      const ref = await wrk(targets[0]![1], connections, opts.seconds)
      for (const [name, target, headers] of targets) {
        const r = name === refName ? ref : await wrk(target, connections, opts.seconds, headers)
        // let the server drain what the last run left queued before the next measurement
        await new Promise((resolve) => setTimeout(resolve, 3_000))
        lines.push(
          `API ${name}, ${connections} connections: ${fmt(r.rps, 0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${fmt(r.bytes / 2 ** 20, 1)} MB/s, errors ${r.errors}` +
            (name === refName
              ? ''
              : `; vs static: ${fmt(r.rps / ref.rps, 3)}× the req/s (goal p99 <20 ms, ≥5k req/s)`),
        )
      }
    }
    return lines
  } finally {
    child.kill('SIGTERM')
  }
}
