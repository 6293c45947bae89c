import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataDirLockedError, LOCK_FILE, type LockHolder, lockDataDir, readHolder } from './data-dir-lock.ts'
import { openStore } from './db.ts'

/** The pid of a process that has certainly ended: one we started and waited for. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  })
  return Number(r.stdout)
}

const writeHolder = (dir: string, h: Partial<LockHolder>) =>
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({ command: 'node bin/jueqi.mjs serve', startedAt: '2026-01-01T00:00:00.000Z', ...h }),
  )

describe('data folder lock', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jueqi-lock-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a second open of the same folder in one process, names the holder, and lets go on close', async () => {
    const store = await openStore({ kind: 'pglite', dataDir: dir })
    const lockPath = join(dir, LOCK_FILE)
    expect(readHolder(lockPath)).toMatchObject({ pid: process.pid, hostname: hostname() })
    const second = await openStore({ kind: 'pglite', dataDir: dir }).catch((e: unknown) => e)
    expect(second).toBeInstanceOf(DataDirLockedError)
    expect((second as DataDirLockedError).holder?.pid).toBe(process.pid)
    expect((second as Error).message).toContain(`process ${process.pid} (`)
    // the refused open left the holder's lock alone
    expect(readHolder(lockPath)).toMatchObject({ pid: process.pid })
    await store.close()
    expect(existsSync(lockPath)).toBe(false)
    // and the folder opens again, with what the first open wrote
    const again = await openStore({ kind: 'pglite', dataDir: dir })
    expect(await again.version()).toMatch(/^1[6-9]\./)
    await again.close()
    expect(existsSync(lockPath)).toBe(false)
  })

  it('takes over a lock left by a process that is no longer running, and says so', () => {
    const pid = deadPid()
    writeHolder(dir, { pid, hostname: hostname() })
    const notes: string[] = []
    const lock = lockDataDir(dir, (m) => notes.push(m))
    expect(notes).toHaveLength(1)
    expect(notes[0]).toContain(`process ${pid} (node bin/jueqi.mjs serve)`)
    expect(readHolder(lock.path)?.pid).toBe(process.pid)
    lock.release()
    expect(existsSync(lock.path)).toBe(false)
  })

  it('refuses a lock held on another host, or one it cannot read, rather than guess', () => {
    writeHolder(dir, { pid: deadPid(), hostname: `not-${hostname()}` })
    expect(() => lockDataDir(dir)).toThrow(/in use by process \d+ .* on not-/)
    writeFileSync(join(dir, LOCK_FILE), '')
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('')
  })

  it('leaves no temporary files behind, and never removes a lock that is no longer its own', () => {
    const lock = lockDataDir(dir)
    writeHolder(dir, { pid: process.pid + 1, hostname: hostname() })
    lock.release()
    expect(existsSync(lock.path)).toBe(true)
    rmSync(lock.path)
    expect(existsSync(dir) && spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).toBe('')
  })

  it('is let go when the process exits without closing the store', () => {
    const script = `import { lockDataDir } from './src/store/data-dir-lock.ts'; lockDataDir(${JSON.stringify(dir)}); process.exit(3)`
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    })
    expect(r.status, r.stderr).toBe(3)
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })
})
