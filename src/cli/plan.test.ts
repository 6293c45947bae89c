/** `jueqi plan` as a person runs it: a real process on a fresh embedded data directory. */
import { execFile, execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
let dir: string
const jueqi = (...args: string[]) =>
  run(process.execPath, ['bin/jueqi.mjs', ...args, '--data-dir', join(dir, 'data')], { maxBuffer: 1 << 26 })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-plan-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('jueqi plan', () => {
  it('lists the built-in plans, exports one as JSON and Markdown, and prints target statuses', async () => {
    const list = await jueqi('plan', 'list')
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['C21', 'H19', 'S24'])
    const out = join(dir, 'c21.json')
    await jueqi('plan', 'export', 'C21', '--format', 'json', '--out', out)
    const shipped = JSON.parse(await readFile('data/policy/central-2021.json', 'utf8')) as {
      children: unknown[]
    }
    const exported = JSON.parse(await readFile(out, 'utf8')) as {
      version: number
      tree: { children: unknown[] }
    }
    expect(exported.version).toBe(1)
    expect(exported.tree.children).toHaveLength(shipped.children.length)
    const md = await jueqi('plan', 'export', 'S24', '--format', 'md', '--lang', 'en')
    expect(md.stdout.startsWith('# ')).toBe(true)
    const status = await jueqi('plan', 'status', 'C21', '--lang', 'en')
    const rows = status.stdout
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((l) => l.split('\t'))
    expect(rows.filter((r) => r[0] === 'C21-1-2-G1#0').map((r) => r[1])).toEqual([
      '14',
      '34',
      '36',
      '41',
      '42',
      '43',
    ])
  })

  it('refuses a bad format and an unknown plan with a clear message', async () => {
    await expect(jueqi('plan', 'export', 'C21', '--format', 'pdf')).rejects.toMatchObject({
      stderr: expect.stringContaining('--format "pdf": expected json or md'),
    })
    await expect(jueqi('plan', 'export', 'NOPE')).rejects.toMatchObject({
      stderr: expect.stringContaining('no plan "NOPE"'),
    })
  })

  it('imports a policy text as a draft plan, reads GBK when told, and refuses a file with no numbering', async () => {
    const imported = await jueqi(
      'plan',
      'import',
      '../shared/seeds/003_82bdf0602ae700a2.txt',
      '--lang',
      'zh',
      '--id',
      'H19X',
      '--region',
      '42',
    )
    expect(imported.stdout).toContain('22 nodes')
    expect(imported.stdout).toContain('saved draft plan H19X version 1')
    const list = await jueqi('plan', 'list')
    expect(list.stdout).toMatch(/H19X\tprovincial\tpublished v-\tnewest v1/)
    // the same text in GBK: refused as not UTF-8 unless --encoding gbk
    const gbk = join(dir, 'plan-gbk.txt')
    execFileSync('sh', ['-c', `iconv -c -f utf-8 -t gbk < ../shared/seeds/003_82bdf0602ae700a2.txt > ${gbk}`])
    await expect(jueqi('plan', 'import', gbk, '--dry-run')).rejects.toMatchObject({
      stderr: expect.stringContaining('not UTF-8'),
    })
    const ok = await jueqi('plan', 'import', gbk, '--encoding', 'gbk', '--dry-run')
    expect(ok.stdout).toContain('22 nodes')
    const none = join(dir, 'none.txt')
    writeFileSync(none, '没有编号的一段文字。\n')
    await expect(jueqi('plan', 'import', none)).rejects.toMatchObject({
      stderr: expect.stringContaining('none.txt: no numbered structure'),
    })
  })
})
