/** `jueqi audit verify` on a real data directory: intact, then after a direct edit of one row. */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../store/audit.ts'
import { openStore } from '../store/db.ts'

const run = promisify(execFile)
let dir: string
const dataDir = () => join(dir, 'data')
const verify = () => run(process.execPath, ['bin/jueqi.mjs', 'audit', 'verify', '--data-dir', dataDir()])

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-audit-'))
  const store = await openStore({ kind: 'pglite', dataDir: dataDir() })
  for (let i = 1; i <= 3; i++)
    await store.db.transaction((tx) =>
      appendAudit(tx, {
        action: 'user.created',
        objectType: 'user',
        objectId: String(i),
        region: 'CN',
        actor: 'admin',
        at: `2026-11-0${i}T08:00:00.000Z`,
        details: { username: `user${i}` },
      }),
    )
  await store.close()
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('jueqi audit verify', () => {
  it('passes on an intact chain and fails naming the row edited in the database', async () => {
    const ok = await verify()
    expect(ok.stdout).toMatch(/audit chain intact: 3 entries; checkpoint 3:[0-9a-f]{64}/)
    const store = await openStore({ kind: 'pglite', dataDir: dataDir() })
    await store.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`)
    await store.db.execute(sql`update audit_log set details = '{"username":"intruder"}' where seq = 2`)
    await store.close()
    await expect(verify()).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('audit chain broken at entry 2: edited (user.created user 2 by admin'),
    })
  })
})
