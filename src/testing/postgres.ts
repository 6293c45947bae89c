/**
 * A throwaway PostgreSQL 15 server for tests and benchmarks: initdb in a temp dir, started on a
 * free loopback port, stopped and removed after. Installs `postgresql-15` with apt when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BIN = '/usr/lib/postgresql/15/bin'

export interface TestPostgres {
  url: string
  port: number
  dir: string
  stop(): void
}

function ensureInstalled(): void {
  if (existsSync(join(BIN, 'initdb'))) return
  const asRoot = process.getuid?.() === 0
  if (!asRoot) throw new Error(`PostgreSQL 15 is not installed (${BIN}/initdb missing) and this is not root`)
  run('apt-get', ['update', '-q'])
  run('apt-get', ['install', '-y', '-q', 'postgresql-15'])
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`)
  return r.stdout
}

/** initdb refuses to run as root, so as root every server command runs as the postgres user. */
function pgCmd(bin: string, args: string[]): string {
  const full = join(BIN, bin)
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', full, ...args]) : run(full, args)
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export async function startTestPostgres(settings: string[] = []): Promise<TestPostgres> {
  ensureInstalled()
  const dir = mkdtempSync(join(tmpdir(), 'jueqi-pg-'))
  chmodSync(dir, 0o777)
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir])
  const data = join(dir, 'data')
  // byte-order collation: the same order as C.UTF-8 for UTF-8 text, but PostgreSQL sorts it by
  // memcmp with abbreviated keys (docs/deployment.md: a bulk release's index builds ~20 % faster)
  pgCmd('initdb', [
    '-D',
    data,
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--lc-collate=C',
    '-U',
    'postgres',
  ])
  const port = await freePort()
  const opts = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${dir}`, '-c fsync=off', ...settings].join(
    ' ',
  )
  pgCmd('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', opts, 'start'])
  const stop = () => {
    try {
      pgCmd('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop }
}

/** A fresh database on the server, so that test files do not see each other's rows. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}"`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  return serverUrl.replace(/\/[^/]*$/, `/${name}`)
}
