/** `jueqi import --as <user>`: a CLI load on behalf of an account goes through the permission function. */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../access/passwords.ts'
import { seedStore } from '../importer/seed.ts'
import { queryAudit } from '../store/audit.ts'
import { openStore } from '../store/db.ts'
import { queryObservations } from '../store/observations.ts'
import { createUser } from '../store/users.ts'

const run = promisify(execFile)
let dir: string
const dataDir = () => join(dir, 'data')
const jueqi = (...args: string[]) =>
  run(process.execPath, ['bin/jueqi.mjs', ...args, '--data-dir', dataDir()])

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-import-as-'))
  const store = await openStore({ kind: 'pglite', dataDir: dataDir() })
  await seedStore(store)
  const passwordHash = await hashPassword('a long enough password')
  await createUser(store.db, {
    username: 'hubei.stat',
    passwordHash,
    grants: [{ role: 'statistician', regionCode: '42', parkId: null }],
  })
  await createUser(store.db, {
    username: 'henan.officer',
    passwordHash,
    grants: [{ role: 'reviewer', regionCode: '41', parkId: null }],
  })
  await store.close()
  await writeFile(
    join(dir, 'ok.csv'),
    'region,indicator,period,value,unit,source,note\n42,gdp,2025,1,100 million yuan,t,SYNTHETIC\n',
  )
  await writeFile(
    join(dir, 'mixed.csv'),
    'region,indicator,period,value,unit,source,note\n42,gdp,2025,1,100 million yuan,t,SYNTHETIC\n41,gdp,2025,1,100 million yuan,t,SYNTHETIC\n',
  )
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('jueqi import --as', () => {
  it('refuses rows outside the account’s region and an account without the role, storing nothing', async () => {
    await expect(
      jueqi('import', join(dir, 'mixed.csv'), '--release', 'mixed', '--as', 'hubei.stat'),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/mixed.csv:3:region: region 41 is outside the regions you may load/),
    })
    await expect(
      jueqi(
        'import',
        join(dir, 'ok.csv'),
        '--release',
        'by reviewer',
        '--as',
        'henan.officer',
        '--region',
        '42',
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('not allowed to load statistics for 42'),
    })
  })

  it('loads the account’s own rows as a release pending approval, audited', async () => {
    const r = await jueqi(
      'import',
      join(dir, 'ok.csv'),
      '--release',
      'Hubei 2025 (SYNTHETIC)',
      '--as',
      'hubei.stat',
    )
    expect(r.stdout).toContain('pending approval')
    const store = await openStore({ kind: 'pglite', dataDir: dataDir() })
    try {
      const visible = await queryObservations(store.db, {
        indicators: ['gdp'],
        regions: ['42'],
        from: 2025,
        to: 2025,
      })
      expect(visible).toEqual([])
      const staff = await queryObservations(store.db, {
        indicators: ['gdp'],
        regions: ['42'],
        from: 2025,
        to: 2025,
        includeUnapproved: true,
      })
      expect(staff).toHaveLength(1)
      expect((await queryAudit(store.db, { objectType: 'release' })).map((e) => e.action)).toEqual([
        'release.imported',
        'release.submitted',
      ])
    } finally {
      await store.close()
    }
  })
})
