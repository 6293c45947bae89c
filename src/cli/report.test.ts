/** `jueqi report` as a person runs it: bad options and an unknown plan are refused with exit 2 and no file. */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
let dir: string
const jueqi = async (...args: string[]) => {
  try {
    const r = await run(process.execPath, ['bin/jueqi.mjs', ...args, '--data-dir', join(dir, 'data')])
    return { code: 0, stderr: r.stderr }
  } catch (e) {
    const err = e as { code: number; stderr: string }
    return { code: err.code, stderr: err.stderr }
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-report-cli-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('jueqi report final', () => {
  it('refuses a language or format it does not make, before opening the store', async () => {
    const out = join(dir, 'x.html')
    const lang = await jueqi('report', 'final', '--plan', 'C21', '--lang', 'fr', '--out', out)
    expect(lang.code).toBe(2)
    expect(lang.stderr).toContain('--lang: "fr": expected zh or en')
    const format = await jueqi('report', 'final', '--plan', 'C21', '--format', 'odt', '--out', out)
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('--format: "odt": expected html, pdf, docx')
    expect(existsSync(join(dir, 'data'))).toBe(false)
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('refuses an unknown plan with exit 2 and writes no file; a known one gives an HTML report', async () => {
    const out = join(dir, 'none.html')
    const bad = await jueqi('report', 'final', '--plan', 'NOPE', '--out', out)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--plan: no published plan "NOPE"')
    expect(bad.stderr).not.toContain('    at ')
    expect(existsSync(out)).toBe(false)
    const good = join(dir, 'c21.html')
    const ok = await jueqi('report', 'final', '--plan', 'C21', '--lang', 'en', '--out', good)
    expect(ok.code).toBe(0)
    expect(ok.stderr).toMatch(/report: wrote .*c21\.html/)
    const html = await readFile(good, 'utf8')
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Data gaps')
  }, 600_000)
})
