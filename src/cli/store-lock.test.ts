/**
 * With real processes: the product started as a user starts it (`npm start`, the web build
 * skipped), CLI commands on the same embedded folder refused with the holder named, then a SIGTERM
 * to npm that stops the server cleanly and leaves the store as it was.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_FILE, type LockHolder, readHolder } from '../store/data-dir-lock.ts'
import { openStore, rowsOf } from '../store/db.ts'
import { findRelease, listReleases } from '../store/releases.ts'
import { findUserByName } from '../store/users.ts'
import { freePort } from '../testing/postgres.ts'
import { EXIT_STORE_IN_USE } from './context.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const env = { ...process.env, DATABASE_URL: '', JUEQI_DATA_DIR: '' }

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(cmd: string, args: string[], opts: { cwd: string; input?: string }): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: opts.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (b: Buffer) => {
      stdout += b.toString()
    })
    p.stderr.on('data', (b: Buffer) => {
      stderr += b.toString()
    })
    p.stdin.end(opts.input ?? '')
    p.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const jueqi = (args: string[], input?: string) =>
  run(process.execPath, ['bin/jueqi.mjs', ...args], { cwd: ROOT, input })

/** The package's own start script, in a folder whose build:web does nothing, `bin` linked to ours. */
function startPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jueqi-start-'))
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const pkg = {
    name: 'jueqi-start-test',
    private: true,
    scripts: { start: scripts.start, 'build:web': 'true' },
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg))
  symlinkSync(join(ROOT, 'bin'), join(dir, 'bin'))
  return dir
}

function waitForUrl(child: ChildProcess): Promise<string> {
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      output += b.toString()
      const m = /running at (http:\/\/\S+?)\/?\s/.exec(output)
      if (m) resolve(m[1]!)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output.slice(-2000)}`)))
  })
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.on('exit', (code) => resolve(code))
  })

/** Processes whose command line names `text` (this machine's /proc). */
function processesNaming(text: string): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      if (cmd.includes(text)) found.push(`${pid}: ${cmd}`)
    } catch {
      // gone while listing
    }
  }
  return found
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1')
    s.on('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })

describe('one process per embedded store, and a clean stop', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jueqi-lock-e2e-'))
  const pkgDir = startPackage()
  let npm: ChildProcess
  let port: number
  let holder: LockHolder
  let releasesServed: number

  beforeAll(async () => {
    port = await freePort()
    npm = spawn('npm', ['start', '--', '--port', String(port), '--data-dir', dataDir], {
      cwd: pkgDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const url = await waitForUrl(npm)
    holder = readHolder(join(dataDir, LOCK_FILE)) as LockHolder
    const body = (await (await fetch(`${url}/api/releases`)).json()) as { releases: unknown[] }
    releasesServed = body.releases.length
  }, 240_000)

  afterAll(() => {
    if (npm.exitCode === null) npm.kill('SIGKILL')
    // the server itself, should the test have failed before stopping it
    if (holder?.pid && processesNaming(dataDir).length > 0) process.kill(holder.pid, 'SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(pkgDir, { recursive: true, force: true })
  })

  it('the lock names the server (npm start hands over to it), not npm', () => {
    expect(holder.pid).not.toBe(npm.pid)
    expect(holder.command).toContain('bin/jueqi.mjs serve')
    expect(readFileSync(`/proc/${holder.pid}/cmdline`, 'utf8')).toContain('serve')
  })

  it('refuses an import, a user add and a read-only command while the server runs, naming it', async () => {
    const csv = join(dataDir, '..', `jueqi-lock-e2e-${process.pid}.csv`)
    writeFileSync(
      csv,
      readFileSync(join(ROOT, 'data/observations.csv'), 'utf8').split('\n').slice(0, 2).join('\n'),
    )
    const runs = await Promise.all([
      jueqi(['import', csv, '--release', 'x', '--data-dir', dataDir]),
      jueqi(
        ['user', 'add', 'lock.tester', '--role', 'admin', '--password-stdin', '--data-dir', dataDir],
        'a password long enough 1\n',
      ),
      jueqi(['migrate', '--data-dir', dataDir]),
    ])
    rmSync(csv, { force: true })
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(EXIT_STORE_IN_USE)
      expect(r.stderr).toContain(`in use by process ${holder.pid} (`)
      expect(r.stderr).toContain('bin/jueqi.mjs serve')
      expect(r.stderr).toMatch(/stop that process first .*kill \d+/)
      expect(r.stderr).toContain('--database-url')
      expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
      expect(r.stdout).not.toContain('created')
    }
    // the server's lock is untouched
    expect(readHolder(join(dataDir, LOCK_FILE))).toEqual(holder)
  }, 120_000)

  it('stops on SIGTERM to npm: nothing left listening or running, the lock gone', async () => {
    // a client that never finishes its request: the drain waits for it a bounded time, not 60 s
    const stalled = connect(port, '127.0.0.1')
    stalled.on('error', () => {})
    await new Promise((resolve) => stalled.once('connect', resolve))
    stalled.write('GET /api/indicators HTTP/1.1\r\nHost: localhost\r\n')
    const t0 = Date.now()
    npm.kill('SIGTERM')
    expect(await exited(npm)).toBe(0)
    expect(Date.now() - t0).toBeLessThan(20_000)
    stalled.destroy()
    // npm waits for its child, so the server is gone too
    expect(processesNaming(dataDir)).toEqual([])
    expect(await listening(port)).toBe(false)
    expect(readdirSync(dataDir)).not.toContain(LOCK_FILE)
  }, 60_000)

  it('the store opens cleanly afterwards and holds what it held, with every key once', async () => {
    const store = await openStore({ kind: 'pglite', dataDir })
    try {
      expect((await listReleases(store.db)).length).toBe(releasesServed)
      expect(await findRelease(store.db, 'x')).toBeUndefined()
      expect(await findUserByName(store.db, 'lock.tester')).toBeUndefined()
      const [counts] = rowsOf<{ n: number; keys: number }>(
        await store.db.execute(
          sql`SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM indicators`,
        ),
      )
      expect(counts?.n).toBe(counts?.keys)
    } finally {
      await store.close()
    }
  }, 120_000)
})
