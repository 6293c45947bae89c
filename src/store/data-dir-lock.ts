/**
 * One process per embedded data folder. Two PGlite instances on one folder each keep their own
 * buffers, transaction counter and commit log and write over each other's pages: rows vanish,
 * unique indexes stop matching their tables (every indicator listed twice) or the folder no
 * longer opens (`RuntimeError: Aborted()`). So the process that opens the folder holds a lock
 * file in it, and any other process — reading or writing — is refused with the holder named.
 * A PostgreSQL server handles concurrency itself and takes no lock.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

export const LOCK_FILE = 'jueqi.lock'

export interface LockHolder {
  pid: number
  command: string
  startedAt: string
  hostname: string
}

export interface DataDirLock {
  readonly path: string
  readonly holder: LockHolder
  /** Remove the lock file if it is still this process's; safe to call twice. */
  release(): void
}

/** Another live process (or this one, through another open) holds the folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `the data folder ${dataDir} is in use by process ${holder.pid} (${holder.command}) on ${holder.hostname}, since ${holder.startedAt}`
        : `the data folder ${dataDir} is in use: ${lockPath} is being written or cannot be read`,
    )
  }
}

/**
 * Take the folder's lock or throw DataDirLockedError. The lock file is written whole under a
 * temporary name and hard-linked into place: link(2) fails when the name exists, as O_EXCL does,
 * and no other process can ever read a half-written lock. A lock whose process is gone (same
 * host, pid not alive) is taken over, with `note` saying so.
 */
export function lockDataDir(dataDir: string, note: (m: string) => void = console.error): DataDirLock {
  const path = join(dataDir, LOCK_FILE)
  const holder: LockHolder = {
    pid: process.pid,
    command: process.argv.join(' '),
    startedAt: new Date().toISOString(),
    hostname: hostname(),
  }
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`
  writeFileSync(temp, `${JSON.stringify(holder, null, 2)}\n`, { mode: 0o644 })
  try {
    // twice at most: once as found, once after taking over a stale lock
    for (let attempt = 0; attempt < 2; attempt++) {
      if (tryLink(temp, path)) return held(path, holder)
      const found = readHolder(path)
      if (found === undefined) continue // released between our link and our read
      if (found === null || isAlive(found)) throw new DataDirLockedError(dataDir, path, found)
      if (takeOver(path, found))
        note(
          `jueqi: taking over ${path}: process ${found.pid} (${found.command}) that held it since ${found.startedAt} is no longer running`,
        )
    }
    throw new DataDirLockedError(dataDir, path, readHolder(path) ?? null)
  } finally {
    rmSync(temp, { force: true })
  }
}

function tryLink(temp: string, path: string): boolean {
  try {
    linkSync(temp, path)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  }
}

/** The holder named in the lock file; undefined when there is no file, null when it cannot be read. */
export function readHolder(path: string): LockHolder | null | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    return null
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>
    return Number.isInteger(h.pid) && typeof h.hostname === 'string'
      ? {
          pid: h.pid as number,
          command: String(h.command ?? ''),
          startedAt: String(h.startedAt ?? ''),
          hostname: h.hostname,
        }
      : null
  } catch {
    return null
  }
}

/**
 * Alive unless it is on this host and signal 0 says there is no such process. A lock from
 * another host (a shared network folder) cannot be checked, so it counts as held. EPERM means
 * the process exists under another user.
 */
function isAlive(h: LockHolder): boolean {
  if (h.hostname !== hostname()) return true
  try {
    process.kill(h.pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Move the stale lock aside under a name of our own, then check that what was moved is the dead
 * holder's: two processes that both found the same stale lock must not end with one deleting the
 * fresh lock of the other. If a live lock was moved by mistake it is put back.
 */
function takeOver(path: string, stale: LockHolder): boolean {
  const aside = `${path}.${process.pid}.stale`
  try {
    renameSync(path, aside)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw e
  }
  const moved = readHolder(aside)
  if (moved && moved.pid === stale.pid && moved.startedAt === stale.startedAt) {
    rmSync(aside, { force: true })
    return true
  }
  renameSync(aside, path)
  return false
}

function held(path: string, holder: LockHolder): DataDirLock {
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.off('exit', release)
    const now = readHolder(path)
    // never remove a lock that is no longer ours (taken over after this process was thought dead)
    if (now && now.pid === holder.pid && now.startedAt === holder.startedAt) rmSync(path, { force: true })
  }
  // a process that exits without closing the store (process.exit after an error) still lets go
  process.on('exit', release)
  return { path, holder, release }
}
