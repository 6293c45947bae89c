/** `jueqi sharing record | allocate | reconcile | list` on a real data directory and real files. */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { termsSchema } from '../sharing/agreement.ts'
import { EXAMPLE_PARTIES, exampleTerms } from '../sharing/example.ts'
import { openStore } from '../store/db.ts'
import { insertAgreement, insertVersion } from '../store/sharing.ts'

const run = promisify(execFile)
let dir: string
const jueqi = (...args: string[]) => run('node', ['bin/jueqi.mjs', ...args, '--data-dir', join(dir, 'data')])
const fails = async (...args: string[]) => {
  try {
    await jueqi(...args)
    return { code: 0, stderr: '' }
  } catch (e) {
    const x = e as { code: number; stderr: string }
    return { code: x.code, stderr: x.stderr }
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-sharing-'))
  const store = await openStore({ kind: 'pglite', dataDir: join(dir, 'data') })
  const at = '2021-01-01T00:00:00.000Z'
  await insertAgreement(store.db, { id: 'DEMO-1', ...EXAMPLE_PARTIES, createdBy: 't', createdAt: at })
  const confirmed = { by: 'x', at }
  await insertVersion(
    store.db,
    {
      agreementId: 'DEMO-1',
      version: 1,
      effectiveFrom: '2021-01-01',
      terms: termsSchema.parse(exampleTerms()),
      confirmations: { origin: confirmed, host: { by: 'y', at } },
    },
    't',
    at,
  )
  await store.close()
}, 60_000)
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('jueqi sharing', () => {
  it('refuses a file with a bad row, naming file, line and column, and records nothing', async () => {
    const bad = join(dir, 'bad.csv')
    await writeFile(
      bad,
      'project,metric,period,amount,central\nF1,vat_local,2021,1600,1600\nF1,eit_local,2021,6OO,900\n',
    )
    const r = await fails(
      'sharing',
      'record',
      '--agreement',
      'DEMO-1',
      '--file',
      bad,
      '--name',
      'x',
      '--published-on',
      '2022-03-31',
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('bad.csv:3:amount')
    const list = await fails('sharing', 'allocate', '--agreement', 'DEMO-1')
    expect(list.stderr).toContain('no recorded outputs')
  }, 60_000)

  it('records a file, allocates it and reconciles, in TSV and XLSX', async () => {
    const good = join(dir, 'good.csv')
    await writeFile(
      good,
      'project,metric,period,amount,central\nF1,vat_local,2021,1600,1600\nF1,eit_local,2021,600,900\nF1,fixed_asset_investment,2021,10000,\n',
    )
    const rec = await jueqi(
      'sharing',
      'record',
      '--agreement',
      'DEMO-1',
      '--file',
      good,
      '--name',
      '2021',
      '--published-on',
      '2022-03-31',
    )
    expect(rec.stdout).toMatch(/release 1: 3 records/)
    const alloc = await jueqi('sharing', 'allocate', '--agreement', 'DEMO-1')
    const lines = alloc.stdout.split('\n')
    expect(lines[0]).toMatch(/^allocation 1: release 1, versions 1/)
    // investment 10000 × 1/3 = 3333.3333 to Hubei, 6666.6667 to Hunan
    expect(lines).toContain('F1\tfixed_asset_investment\t2021\t10000\t3333.3333\t6666.6667\t')
    const tsv = await jueqi('sharing', 'reconcile', '--agreement', 'DEMO-1')
    expect(tsv.stdout).toContain('2021\topen\tvat_local\t1600\t800\t800\t1600\t0')
    expect(tsv.stdout).toContain('# regional totals balance: yes')
    const out = join(dir, 'rec.xlsx')
    await jueqi('sharing', 'reconcile', '--agreement', 'DEMO-1', '--format', 'xlsx', '--out', out)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '对账 Reconciliation',
      '差异 Differences',
      '项目 Projects',
      '结算 Settlements',
      '说明 About',
    ])
    const listed = await jueqi('sharing', 'list')
    expect(listed.stdout).toContain('DEMO-1\t示例共建园区（合成数据）\t42\t43\tactive\t1')
  }, 120_000)
})
