/**
 * The sharing ledger through the real API and store: a Hubei–Hunan agreement drafted, confirmed
 * by both sides, outputs recorded by the host, allocated, revised, reallocated and reconciled,
 * periods settled; every write by the wrong party refused; the assessment-only view hidden from
 * everyone but the parties; versions in force and saved allocations never changed.
 */

import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../../importer/seed.ts'
import { EXAMPLE_PARTIES, exampleTerms } from '../../../sharing/example.ts'
import { readAuditChain } from '../../../store/audit.ts'
import type { Store } from '../../../store/db.ts'
import { verifyChain } from '../../../supervision/audit.ts'
import { openTestStore } from '../../../testing/backends.ts'
import { dbError } from '../../../testing/db-error.ts'
import { type Client, client, grant, signedIn } from '../../../testing/http-client.ts'
import { createApp } from '../../app.ts'

let store: Store
let app: ReturnType<typeof createApp>
const u: Record<string, Client> = {}
const park = (region: string) => ({ role: 'park_admin', regionCode: region, parkId: 'DEMO-PARK' })
const A = '/api/sharing/agreements/DEMO-1'

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  u.origin = await signedIn(app, store.db, 'hubei.park', [park('42')])
  u.host = await signedIn(app, store.db, 'hunan.park', [park('43')])
  u.host2 = await signedIn(app, store.db, 'hunan.park2', [park('43')])
  u.henan = await signedIn(app, store.db, 'henan.officer', [grant('provincial_officer', '41')])
  u.henanPark = await signedIn(app, store.db, 'henan.park', [
    { role: 'park_admin', regionCode: '41', parkId: 'OTHER' },
  ])
  u.hubeiStat = await signedIn(app, store.db, 'hubei.stat', [grant('statistician', '42')])
  u.anon = client(app)
})
afterAll(async () => store?.close())

const output = (projectId: string, metric: string, period: string, amount: string, central?: string) => {
  const tax = metric.endsWith('_local')
  return {
    projectId,
    metric,
    period,
    amount,
    kind: tax ? 'payment' : 'output',
    source: tax ? 'tax_authority' : 'host_statistics',
    ...(central ? { central } : {}),
  }
}

describe('sharing ledger API', () => {
  it('drafts an agreement for the parties’ park only', async () => {
    const body = { id: 'DEMO-1', ...EXAMPLE_PARTIES, effectiveFrom: '2021-01-01', terms: exampleTerms() }
    expect((await u.henanPark!.json('/api/sharing/agreements', body)).status).toBe(403)
    expect((await u.henan!.json('/api/sharing/agreements', body)).status).toBe(403)
    const bad = await u.origin!.json('/api/sharing/agreements', { ...body, hostRegion: '99' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('hostRegion')
    const r = await u.origin!.json<{ state: string; mySides: string[] }>('/api/sharing/agreements', body)
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ state: 'draft', mySides: ['origin'] })
  })

  it('keeps a draft from third parties and the public', async () => {
    expect((await u.henan!.json(A)).status).toBe(404)
    expect((await u.anon!.json(A)).status).toBe(404)
    expect((await u.host!.json(A)).status).toBe(200)
  })

  it('takes effect when both sides confirm, each through its own administrator', async () => {
    expect((await u.henanPark!.json(`${A}/versions/1/confirmation`, {})).status).toBe(404)
    const one = await u.host!.json<{ state: string }>(`${A}/versions/1/confirmation`, {})
    expect([one.status, one.body.state]).toEqual([200, 'draft'])
    // the host's second administrator cannot confirm for the origin
    expect((await u.host2!.json(`${A}/versions/1/confirmation`, { side: 'origin' })).status).toBe(403)
    expect((await u.host2!.json(`${A}/versions/1/confirmation`, {})).status).toBe(409)
    const two = await u.origin!.json<{ state: string }>(`${A}/versions/1/confirmation`, {})
    expect([two.status, two.body.state]).toEqual([200, 'active'])
    // in force: public now, but a third province edits nothing
    expect((await u.anon!.json(A)).status).toBe(200)
    expect(
      (await u.henan!.json(`${A}/versions`, { effectiveFrom: '2023-01-01', terms: exampleTerms() })).status,
    ).toBe(403)
  })

  it('refuses to edit a version in force, in the API and in the store', async () => {
    expect(
      (await u.origin!.json(`${A}/versions`, { effectiveFrom: '2021-01-01', terms: exampleTerms() })).status,
    ).toBe(409)
    const update = sql`update sharing_versions set effective_from = '2020-01-01' where agreement_id = 'DEMO-1'`
    expect(await dbError(store.db.execute(update))).toMatch(/in force/)
  })

  it('records outputs from the host only, all or nothing, naming the bad record', async () => {
    const rel = (records: unknown[]) => ({ name: '2021年报（合成）', publishedOn: '2022-03-31', records })
    const good = [
      output('F1', 'vat_local', '2021', '1600', '1600'),
      output('F1', 'eit_local', '2021', '600', '900'),
      output('F1', 'industrial_output', '2021', '52000'),
      output('F1', 'fixed_asset_investment', '2021', '10000'),
    ]
    expect((await u.origin!.json(`${A}/releases`, rel(good))).status).toBe(403)
    expect((await u.hubeiStat!.json(`${A}/releases`, rel(good))).status).toBe(403)
    const bad = await u.host!.json(`${A}/releases`, rel([good[0], output('F9', 'gdp', '2021-03', '1')]))
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('第 2 条记录：projectId：')
    expect((await u.host!.json<{ releases: unknown[] }>(A)).body.releases).toHaveLength(0)
    const ok = await u.host!.json<{ releaseId: number }>(`${A}/releases`, rel(good))
    expect(ok.status).toBe(201)
  })

  it('allocates: halves of the taxes, 0.3 of output, a third of investment; the centre keeps its part', async () => {
    expect((await u.henan!.json(`${A}/allocations`, {})).status).toBe(403)
    const r = await u.host!.json<{ allocationId: number }>(`${A}/allocations`, {})
    expect(r.status).toBe(201)
    const a = await u.anon!.json<{
      rows: { metric: string; origin: string; host: string }[]
      balanced: boolean
      credits: { region: string; amount: string }[]
    }>(`${A}/allocations/latest`)
    const by = Object.fromEntries(a.body.rows.map((x) => [x.metric, [x.origin, x.host]]))
    // VAT 1600/2; EIT 600/2; output 52000 × 0.3 = 15600; investment 10000/3 = 3333.3333 (host 6666.6667)
    expect(by).toEqual({
      vat_local: ['800', '800'],
      eit_local: ['300', '300'],
      industrial_output: ['15600', '36400'],
      fixed_asset_investment: ['3333.3333', '6666.6667'],
    })
    expect(a.body.balanced).toBe(true)
    expect(a.body.credits.filter((c) => c.region === 'CN').map((c) => c.amount)).toEqual(['1600', '900'])
  })

  it('shows the assessment-only double count to the parties alone', async () => {
    const path = `${A}/allocations/latest?view=assessment`
    expect((await u.henan!.json(path)).status).toBe(404)
    expect((await u.anon!.json(path)).status).toBe(404)
    expect((await u.henanPark!.json(path)).status).toBe(404)
    const mine = await u.origin!.json<{
      doubleCounted: boolean
      credits: { region: string; amount: string }[]
    }>(path)
    expect(mine.body.doubleCounted).toBe(true)
    expect(mine.body.credits.filter((c) => c.region !== 'CN').map((c) => [c.region, c.amount])).toEqual([
      ['42', '52000'],
      ['43', '52000'],
    ])
    expect((await u.hubeiStat!.json(path)).status).toBe(200)
  })

  it('reallocates a revision as a new allocation and reconciles the old one against it', async () => {
    const rev = await u.host!.json<{ releaseId: number }>(`${A}/releases`, {
      name: '2021年报修订（合成）',
      publishedOn: '2022-09-30',
      records: [output('F1', 'industrial_output', '2021', '54000')],
    })
    expect(rev.status).toBe(201)
    const rec = await u.origin!.json<{
      allocationId: number
      periods: { period: string; lines: { metric: string; difference: string; differing: unknown[] }[] }[]
    }>(`${A}/reconciliation`)
    expect(rec.status).toBe(200)
    const line = rec.body.periods[0]!.lines.find((l) => l.metric === 'industrial_output')!
    expect([line.difference, line.differing]).toEqual([
      '2000',
      [{ projectId: 'F1', allocated: '52000', recorded: '54000' }],
    ])
    const again = await u.origin!.json<{ allocationId: number; releaseId: number }>(`${A}/allocations`, {})
    expect(again.body.allocationId).toBeGreaterThan(rec.body.allocationId)
    const old = await u.anon!.json<{ rows: { metric: string; origin: string }[] }>(
      `${A}/allocations/${rec.body.allocationId}`,
    )
    const now = await u.anon!.json<{ rows: { metric: string; origin: string }[] }>(`${A}/allocations/latest`)
    const out = (x: { rows: { metric: string; origin: string }[] }) =>
      x.rows.find((r) => r.metric === 'industrial_output')!.origin
    expect([out(old.body), out(now.body)]).toEqual(['15600', '16200'])
    expect(await dbError(store.db.execute(sql`delete from sharing_allocations`))).toMatch(/append-only/)
  })

  it('shows a region’s totals as published and after sharing, balanced over regions', async () => {
    const r = await u.anon!.json<{
      totals: { metric: string; published: string; afterSharing: string }[]
      balanced: boolean
    }>('/api/sharing/totals?region=42')
    const out = r.body.totals.find((x) => x.metric === 'industrial_output')!
    // Hubei publishes none of the park's output (in-situ) and is credited 54000 × 0.3 = 16200 after sharing
    expect([out.published, out.afterSharing, r.body.balanced]).toEqual(['0', '16200', true])
    const hunan = await u.anon!.json<{
      totals: { metric: string; published: string; afterSharing: string }[]
    }>('/api/sharing/totals?region=43')
    const h = hunan.body.totals.find((x) => x.metric === 'industrial_output')!
    expect([h.published, h.afterSharing]).toEqual(['54000', '37800'])
  })

  it('settles and closes a period, and never reopens a closed one', async () => {
    expect((await u.henan!.json(`${A}/periods/2021`, { state: 'settled' })).status).toBe(403)
    expect((await u.host!.json(`${A}/periods/2022`, { state: 'settled' })).status).toBe(409)
    expect((await u.host!.json(`${A}/periods/2021`, { state: 'settled' })).status).toBe(200)
    expect((await u.origin!.json(`${A}/periods/2021`, { state: 'closed' })).status).toBe(200)
    expect((await u.origin!.json(`${A}/periods/2021`, { state: 'open' })).status).toBe(409)
    const rec = await u.anon!.json<{ periods: { state: string }[] }>(`${A}/reconciliation`)
    expect(rec.body.periods[0]!.state).toBe('closed')
  })

  it('exports the reconciliation as a workbook without the double count', async () => {
    const res = await u.origin!(`${A}/reconciliation?format=xlsx`)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer)
    const sheet = wb.getWorksheet('对账 Reconciliation')!
    const rows = sheet.getSheetValues().slice(2) as unknown[][]
    const vat = rows.find((r) => String(r[3]).startsWith('增值税'))!
    expect([vat[1], vat[5], vat[6], vat[7]]).toEqual(['2021', '1600', '800', '800'])
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('52000","52000')
  })

  it('amends from a later date as a new draft; the audit trail records every step and verifies', async () => {
    const r = await u.origin!.json<{ versions: { version: number; state: string }[] }>(`${A}/versions`, {
      effectiveFrom: '2023-01-01',
      terms: exampleTerms(),
    })
    expect(r.status).toBe(200)
    expect(r.body.versions.map((v) => [v.version, v.state])).toEqual([
      [1, 'in_force'],
      [2, 'draft'],
    ])
    const chain = await readAuditChain(store.db)
    const actions = chain.filter((e) => e.objectId === 'DEMO-1').map((e) => e.action)
    expect(actions).toEqual([
      'agreement.created',
      'agreement.version',
      'agreement.confirmed',
      'agreement.confirmed',
      'sharing.outputs.recorded',
      'sharing.allocated',
      'sharing.outputs.recorded',
      'sharing.allocated',
      'sharing.period',
      'sharing.period',
      'agreement.version',
    ])
    expect(verifyChain(chain).ok).toBe(true)
  })
})
