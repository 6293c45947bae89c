/**
 * Two `jueqi serve` processes behind one PostgreSQL 15 server, as behind a load balancer: they
 * start together (migrations and first-start loading serialise on an advisory lock), and a
 * session opened on one is honoured by the other, because sessions live in the database; and
 * each one's cache of observation responses serves a new release as soon as it has landed
 * through the other or straight into the database, because its key holds the data version.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { hashPassword } from '../access/passwords.ts'
import { openStore } from '../store/db.ts'
import { countObservations, createReleaseWithRows } from '../store/observations.ts'
import { createUser } from '../store/users.ts'
import { createDatabase, freePort } from '../testing/postgres.ts'

let url: string
const children: ChildProcess[] = []

async function serve(): Promise<string> {
  const port = await freePort()
  const child = spawn(process.execPath, ['bin/jueqi.mjs', 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const on = (b: Buffer) => {
      log += b.toString()
      if (log.includes('running at')) resolve()
    }
    child.stdout!.on('data', on)
    child.stderr!.on('data', on)
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${log.slice(-2000)}`)))
  })
  return `http://127.0.0.1:${port}`
}

beforeAll(async () => {
  url = await createDatabase(inject('pgUrl'), `stateless_${process.pid}`)
})
afterAll(() => {
  for (const c of children) c.kill('SIGTERM')
})

describe('two app processes, one database', () => {
  let a: string
  let b: string
  it('start at the same time and load the built-in data once', async () => {
    ;[a, b] = await Promise.all([serve(), serve()])
    const store = await openStore({ kind: 'postgres', url })
    try {
      const rows = await countObservations(store.db)
      const [ra, rb] = await Promise.all([fetch(`${a}/api/releases`), fetch(`${b}/api/releases`)])
      const [ja, jb] = (await Promise.all([ra.json(), rb.json()])) as { releases: { rowCount: number }[] }[]
      expect(ja!.releases).toEqual(jb!.releases)
      expect(ja!.releases).toHaveLength(1)
      expect(ja!.releases[0]!.rowCount).toBe(rows)
      await createUser(store.db, {
        username: 'planner',
        passwordHash: await hashPassword('long enough password'),
        grants: [{ role: 'national_planner', regionCode: 'CN', parkId: null }],
      })
    } finally {
      await store.close()
    }
  })

  it('honours on one process a session opened on the other', async () => {
    const s = await fetch(`${a}/api/auth/session`)
    const csrf = ((await s.json()) as { csrfToken: string }).csrfToken
    const pre = s.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: pre },
      body: JSON.stringify({ username: 'planner', password: 'long enough password' }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const me = (await (await fetch(`${b}/api/auth/session`, { headers: { cookie } })).json()) as {
      user: { username: string } | null
    }
    expect(me.user?.username).toBe('planner')
  })

  it('serves a release on both processes as soon as it lands, though both had cached the query', async () => {
    const path = '/api/observations?indicator=rd_intensity&region=42&from=2098&to=2098'
    const values = async (base: string) => {
      const r = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } })
      expect(r.status).toBe(200)
      return ((await r.json()) as { observations: { value: number }[] }).observations.map((o) => o.value)
    }
    for (let i = 0; i < 2; i++) {
      expect(await values(a)).toEqual([])
      expect(await values(b)).toEqual([])
    }
    const store = await openStore({ kind: 'postgres', url })
    try {
      await createReleaseWithRows(
        store,
        {
          name: 'stateless cache test (SYNTHETIC)',
          publishedOn: '2026-11-01',
          kind: 'import',
          synthetic: true,
        },
        [
          {
            region: '42',
            indicator: 'rd_intensity',
            period: 2098,
            value: 7.77,
            unit: '%',
            source: 'test',
            note: 'SYNTHETIC test row',
            vintage: null,
          },
        ],
      )
    } finally {
      await store.close()
    }
    // each process learns of the commit from its notification (store/data-version.ts): at once
    // here, within a second allowed
    for (const base of [a, b]) {
      const end = Date.now() + 1_000
      let seen = await values(base)
      while (seen.length === 0 && Date.now() < end) seen = await values(base)
      expect(seen).toEqual([7.77])
    }
  })
})
