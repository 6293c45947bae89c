import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startServe } from './serve.ts'

export const E2E_PASSWORD = 'e2e password, long enough'
export const E2E_USERS: readonly (readonly [string, string, string, string?])[] = [
  ['planner', 'national_planner', 'CN'],
  ['hubei.officer', 'provincial_officer', '42'],
  ['reviewer', 'reviewer', 'CN'],
  // the sharing test: the park's administrators on each side, and an officer of a third province
  ['hubei.park', 'park_admin', '42', 'DEMO-PARK'],
  ['hunan.park', 'park_admin', '43', 'DEMO-PARK'],
  ['henan.officer', 'provincial_officer', '41'],
]

/** Start the product as a user would (`jueqi serve` on a fresh data directory) and wait for its URL. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jueqi-e2e-'))
  // the officials of the supervision test, created as an administrator would (jueqi user add)
  for (const [name, role, region, park] of E2E_USERS)
    execFileSync(
      process.execPath,
      [
        'bin/jueqi.mjs',
        'user',
        'add',
        name,
        '--role',
        role,
        '--region',
        region,
        ...(park ? ['--park', park] : []),
        '--password-stdin',
        '--data-dir',
        dataDir,
      ],
      {
        input: `${E2E_PASSWORD}\n`,
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    )
  // the first evaluation run, saved before the trial data below so that its stamp names only real releases
  // (`jueqi serve` would save the same run on a fresh store)
  const cli = (args: string[]) =>
    execFileSync(process.execPath, ['bin/jueqi.mjs', ...args, '--data-dir', dataDir], {
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  cli(['assess'])
  // a tiny SYNTHETIC release (one county, one synthetic indicator, two years), as someone trying jueqi
  // would load one: the pages must flag its values
  cli(['synth', '--units', '1', '--indicators', '1', '--years', '2', '--load'])
  const served = await startServe(dataDir)
  const url = served.url
  project.provide('baseUrl', url)
  return async () => {
    await served.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
