/** `jueqi tasks warnings` on a real data directory, judged on a fixed day. */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../store/db.ts'
import { insertTask, type StoredTask } from '../store/tasks.ts'

const run = promisify(execFile)
let dir: string
const task = (
  id: string,
  start: string,
  deadline: string,
  state: StoredTask['state'] = 'in_progress',
): StoredTask => ({
  id,
  title: id,
  regionCode: '42',
  state,
  start,
  deadline,
  cadence: 'quarterly',
  milestones: [],
  leadBody: '',
  coBodies: [],
  planId: null,
  createdBy: 'planner',
})

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-tasks-'))
  const store = await openStore({ kind: 'pglite', dataDir: join(dir, 'data') })
  await insertTask(store.db, task('late', '2026-01-01', '2026-06-30')) // past its deadline on 2026-11-25: red
  await insertTask(store.db, task('behind', '2026-01-01', '2027-12-31')) // ~45% of the time gone, 0% reported: yellow
  await insertTask(store.db, task('done', '2026-01-01', '2026-06-30', 'accepted')) // done: no warning
  await store.close()
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('jueqi tasks warnings', () => {
  it('lists red and yellow warnings for the day and exits 3 when any is red', async () => {
    const args = [
      'bin/jueqi.mjs',
      'tasks',
      'warnings',
      '--date',
      '2026-11-25',
      '--format',
      'json',
      '--data-dir',
      join(dir, 'data'),
    ]
    const err = (await run(process.execPath, args).catch((e) => e)) as { code: number; stdout: string }
    expect(err.code).toBe(3)
    const out = JSON.parse(err.stdout) as { warnings: { taskId: string; level: string }[] }
    const levels = Object.fromEntries(out.warnings.map((w) => [w.taskId, w.level]))
    expect(levels.late).toBe('red')
    expect(levels.behind).toBe('yellow')
    expect(levels.done).toBeUndefined()
    const redOnly = (await run(process.execPath, [...args, '--min', 'red']).catch((e) => e)) as {
      stdout: string
    }
    expect((JSON.parse(redOnly.stdout) as { warnings: unknown[] }).warnings).toHaveLength(1)
  })
})
