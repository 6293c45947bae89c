/** What the person at the terminal reads when a command fails: a message and an exit code, never a stack. */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BadInput } from '../files/bad-input.ts'
import { CliError } from './errors.ts'
import { explain } from './main.ts'

describe('explain', () => {
  it('bad input and missing files exit 2 with their place; the unforeseen exits 1 without a stack', () => {
    expect(explain(new BadInput('not a number', 'a.csv:2:value'))).toEqual({
      message: 'a.csv:2:value: not a number',
      exitCode: 2,
    })
    expect(explain(new CliError('no', 3))).toEqual({ message: 'no', exitCode: 3 })
    const eisdir = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), {
      code: 'EISDIR',
      path: 'x.csv',
    })
    expect(explain(eisdir)).toEqual({ message: 'x.csv: is a folder, not a file', exitCode: 2 })
    const odd = explain(
      new TypeError('Cannot read properties of undefined (reading "x")\n    at f (a.ts:1:1)'),
    )
    expect(odd.exitCode).toBe(1)
    expect(odd.message).not.toMatch(/\n|\bat f\b/)
    expect(odd.message).toContain('JUEQI_DEBUG=1')
  })
})

describe('jueqi import of files that cannot be read', () => {
  const run = promisify(execFile)
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jueqi-cli-errors-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('a broken workbook exits 2 with the file named and no stack trace', async () => {
    await writeFile(join(dir, 'broken.xlsx'), 'PK\u0003\u0004 truncated')
    const err = (await run(
      process.execPath,
      [
        'bin/jueqi.mjs',
        'import',
        join(dir, 'broken.xlsx'),
        '--release',
        'x',
        '--data-dir',
        join(dir, 'data'),
      ],
      { env: { ...process.env, DATABASE_URL: '' } },
    ).catch((e) => e)) as { code: number; stderr: string }
    expect(err.code).toBe(2)
    expect(err.stderr).toMatch(/^jueqi: broken\.xlsx: not a readable XLSX workbook/m)
    expect(err.stderr).not.toMatch(/^\s+at /m)
  })
})
